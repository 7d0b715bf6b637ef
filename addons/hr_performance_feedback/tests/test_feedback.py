# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.hr_performance_link.tests.common import PerformanceLinkCase
from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestFeedback(PerformanceLinkCase):
    def _send(self, reviewers, deadline=None, anonymous=True):
        wizard = (
            self.env["hr.feedback.request.wizard"]
            .with_user(self.user_manager)
            .create(
                {
                    "appraisal_id": self.appraisal.id,
                    "line_ids": [
                        Command.create({"reviewer_id": reviewer.id, "relation": "peer"})
                        for reviewer in reviewers
                    ],
                    "date_deadline": deadline or self.today + relativedelta(days=10),
                    "anonymous": anonymous,
                }
            )
        )
        wizard.action_send()
        return self.appraisal.feedback_request_ids

    def _answer(self, request, ratings, user):
        # HR keeps only the competencies this reviewer is to rate (every one
        # kept must be rated)
        request.answer_ids.filtered(lambda a: a.skill_id not in ratings).unlink()
        request = request.with_user(user)
        for answer in request.answer_ids:
            answer.rating = ratings[answer.skill_id]
        request.feedback = "Keep going"
        request.action_submit()

    def test_wizard_creates_requests_with_lines_and_activities(self):
        requests = self._send(self.reviewer | self.reviewer2)
        self.assertEqual(requests.reviewer_id, self.reviewer | self.reviewer2)
        self.assertEqual(set(requests.mapped("state")), {"requested"})
        for request in requests:
            self.assertEqual(
                request.answer_ids.skill_id, self.python | self.sql | self.design
            )
        activities = self.env["mail.activity"].search(
            [("res_model", "=", "hr.feedback.request"), ("res_id", "in", requests.ids)]
        )
        self.assertEqual(activities.user_id, self.user_reviewer | self.user_reviewer2)

    def test_lifecycle_aggregate_on_the_appraisal(self):
        requests = self._send(self.reviewer | self.reviewer2)
        first = requests.filtered(lambda r: r.reviewer_id == self.reviewer)
        second = requests - first
        self._answer(first, {self.python: 4, self.sql: 3}, self.user_reviewer)
        self.assertEqual(first.state, "answered")
        with self.assertRaises(UserError) as caught:
            first.with_user(self.user_reviewer).action_submit()
        self.assertEqual(
            str(caught.exception),
            f"Cannot submit the feedback “{first.display_name}”: its status is "
            "“Answered”.",
        )
        self.assertFalse(
            self.env["mail.activity"].search(
                [("res_model", "=", first._name), ("res_id", "=", first.id)]
            ),
            "the reviewer's activity is closed",
        )
        appraisal = self.appraisal.with_user(self.user_employee)
        self.assertEqual(appraisal.feedback_answered_count, 1)
        self._answer(second, {self.python: 2}, self.user_reviewer2)
        # the manager reads the aggregate from the first answer on
        by_manager = self.appraisal.with_user(self.user_manager)
        aggregate = by_manager._get_feedback_aggregate()[self.appraisal.id]
        by_skill = {line["skill"]: line for line in aggregate["skills"]}
        self.assertEqual(by_skill[self.python]["average"], 3.0)
        self.assertEqual(by_skill[self.python]["count"], 2)
        self.assertEqual(by_skill[self.sql]["average"], 3.0)
        self.assertEqual(by_skill[self.sql]["count"], 1)
        self.assertNotIn(self.design, by_skill, "not asked")
        self.assertAlmostEqual(by_manager.feedback_average, 3.0)
        # read by the subject with two answers: the counts, not the ratings
        # (two answers would tell what each reviewer said)
        appraisal.invalidate_recordset()
        self.assertEqual(appraisal.feedback_answered_count, 2)
        self.assertEqual(appraisal.feedback_request_count, 2)
        self.assertEqual(appraisal.feedback_average, 0.0)
        self.assertEqual(
            appraisal.feedback_summary,
            {"withheld": True, "min_answers": 3, "skills": []},
        )
        # a third answer: the subject reads the aggregate, never who said what
        user_third = mail_new_test_user(
            self.env, login="pl_reviewer3", name="Ria Third", groups="base.group_user"
        )
        third_reviewer = self.env["hr.employee"].create(
            {"name": "Ria Third", "user_id": user_third.id}
        )
        third = self._send(third_reviewer) - requests
        self._answer(third, {self.python: 3}, user_third)
        appraisal.invalidate_recordset()
        self.assertEqual(appraisal.feedback_answered_count, 3)
        self.assertAlmostEqual(appraisal.feedback_average, 3.0)
        # what the widget draws: the skill's average and count, no reviewer
        self.assertEqual(
            appraisal.feedback_summary,
            {
                "withheld": False,
                "min_answers": 3,
                "skills": [
                    {"skill": "Python (test)", "average": 3.0, "count": 3},
                    {"skill": "SQL (test)", "average": 3.0, "count": 1},
                ],
            },
        )
        self.assertFalse(appraisal.feedback_request_ids, "subject sees no request")

    def test_reviewer_sees_only_requests_addressed_to_them(self):
        requests = self._send(self.reviewer | self.reviewer2)
        mine = requests.filtered(lambda r: r.reviewer_id == self.reviewer)
        other = requests - mine
        Request = self.env["hr.feedback.request"].with_user(self.user_reviewer)
        self.assertEqual(Request.search([("id", "in", requests.ids)]), mine)
        mine.with_user(self.user_reviewer).check_access("write")
        with self.assertRaises(AccessError):
            other.with_user(self.user_reviewer).read(["feedback"])
        with self.assertRaises(AccessError):
            other.answer_ids.with_user(self.user_reviewer).read(["rating"])

    def test_subject_cannot_read_answers_nor_reviewer(self):
        requests = self._send(self.reviewer)
        self._answer(requests, {self.python: 5}, self.user_reviewer)
        with self.assertRaises(AccessError):
            requests.answer_ids.with_user(self.user_employee).read(["rating"])
        with self.assertRaises(AccessError):
            requests.with_user(self.user_employee).read(["reviewer_id"])

    def test_manager_and_officer_see_the_team_requests(self):
        requests = self._send(self.reviewer | self.reviewer2)
        for user in (self.user_manager, self.user_officer):
            self.assertEqual(
                self.env["hr.feedback.request"]
                .with_user(user)
                .search([("id", "in", requests.ids)]),
                requests,
            )

    def test_deadline_in_the_past_is_refused(self):
        with self.assertRaises(ValidationError) as error:
            self._send(self.reviewer, deadline=self.today - relativedelta(days=1))
        self.assertIn("already past", str(error.exception))
        self.assertFalse(
            self.env["hr.feedback.request"].search(
                [("appraisal_id", "=", self.appraisal.id)]
            )
        )

    def test_reviewer_cannot_be_the_employee(self):
        with self.assertRaises(ValidationError) as error:
            self.env["hr.feedback.request"].create(
                {
                    "employee_id": self.employee.id,
                    "reviewer_id": self.employee.id,
                    "date_deadline": self.today,
                }
            )
        self.assertIn("about themselves", str(error.exception))
        self.assertFalse(
            self.env["hr.feedback.request"].search(
                [("employee_id", "=", self.employee.id)]
            )
        )

    def test_rating_out_of_range_is_refused(self):
        request = self._send(self.reviewer)
        answer = request.answer_ids[:1]
        with self.assertRaises(ValidationError):
            answer.with_user(self.user_reviewer).rating = 7
        answer.invalidate_recordset()
        self.assertEqual(answer.rating, 0)

    def test_reminder_cron_for_requests_near_deadline(self):
        request = self._send(self.reviewer, deadline=self.today + relativedelta(days=1))
        activities = self.env["mail.activity"].search(
            [("res_model", "=", request._name), ("res_id", "=", request.id)]
        )
        activities.unlink()
        Request = self.env["hr.feedback.request"]
        Request._cron_remind_reviewers()
        Request._cron_remind_reviewers()
        reminders = self.env["mail.activity"].search(
            [("res_model", "=", request._name), ("res_id", "=", request.id)]
        )
        self.assertEqual(len(reminders), 1)
        self.assertEqual(reminders.user_id, self.user_reviewer)
