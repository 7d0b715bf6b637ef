# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from odoo.addons.hr_performance_link.tests.common import PerformanceLinkCase
from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestFeedbackAnswerOptions(PerformanceLinkCase):
    """What a reviewer may answer besides ratings: "can't judge" a
    competency, decline with a reason; and who can answer at all."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # an internal user of the company, outside Eve's team and requests
        cls.user_outsider = mail_new_test_user(
            cls.env, login="fb_outsider", name="Oscar Outsider"
        )
        cls.requests = (
            cls.env["hr.feedback.request"]
            .with_user(cls.user_manager)
            .create(
                [
                    {
                        "appraisal_id": cls.appraisal.id,
                        "reviewer_id": reviewer.id,
                        "date_deadline": cls.today + relativedelta(days=10),
                    }
                    for reviewer in (cls.reviewer, cls.reviewer2)
                ]
            )
        )
        cls.requests.action_request()
        cls.rita_request = cls.requests.filtered(
            lambda r: r.reviewer_id == cls.reviewer
        )
        cls.rob_request = cls.requests - cls.rita_request

    def _answers(self, request, user):
        return {
            answer.skill_id: answer for answer in request.with_user(user).answer_ids
        }

    def test_cannot_judge_is_left_out_of_the_average(self):
        rita = self._answers(self.rita_request, self.user_reviewer)
        rita[self.python].rating = 4
        rita[self.sql].cannot_judge = True
        rita[self.design].cannot_judge = True
        self.rita_request.with_user(self.user_reviewer).action_submit()
        self.assertEqual(self.rita_request.state, "answered")
        self.assertEqual(rita[self.sql].rating, 0)
        aggregate = self.appraisal.with_user(self.user_manager)
        by_skill = {
            line["skill"]: line
            for line in aggregate._get_feedback_aggregate()[self.appraisal.id]["skills"]
        }
        # counted as a 0, SQL would show 0.0 and the average 4 / 3 = 1.33
        self.assertNotIn(self.sql, by_skill)
        self.assertNotIn(self.design, by_skill)
        self.assertEqual(by_skill[self.python]["count"], 1)
        self.assertAlmostEqual(aggregate.feedback_average, 4.0)
        self.assertEqual(
            [line["skill"] for line in aggregate.feedback_summary["skills"]],
            ["Python (test)"],
        )

    def test_a_rating_and_cannot_judge_together_are_refused(self):
        answer = self._answers(self.rita_request, self.user_reviewer)[self.python]
        with self.assertRaises(ValidationError) as caught:
            answer.write({"rating": 3, "cannot_judge": True})
        self.assertIn("either rate it or say you can't judge it", str(caught.exception))
        self.assertFalse(answer.cannot_judge)
        self.assertEqual(answer.rating, 0)

    def test_an_unrated_competency_still_blocks_the_answer(self):
        rita = self._answers(self.rita_request, self.user_reviewer)
        rita[self.python].rating = 4
        rita[self.sql].cannot_judge = True
        with self.assertRaises(UserError) as caught:
            self.rita_request.with_user(self.user_reviewer).action_submit()
        self.assertIn("Design (test)", str(caught.exception))
        self.assertEqual(self.rita_request.state, "requested")

    def test_decline_needs_a_reason_and_stores_nothing_without_one(self):
        as_rita = self.rita_request.with_user(self.user_reviewer)
        for reason in (None, "", "   "):
            with self.assertRaises(ValidationError) as caught:
                as_rita.action_decline(reason)
            self.assertIn("Say why you decline", str(caught.exception))
        self.assertEqual(self.rita_request.state, "requested")
        self.assertFalse(self.rita_request.decline_reason)

    def test_decline_tells_the_requester_and_leaves_the_counts(self):
        self.rita_request.with_user(self.user_reviewer).action_decline(
            " I joined the team last week. "
        )
        self.assertEqual(self.rita_request.state, "declined")
        self.assertEqual(
            self.rita_request.decline_reason, "I joined the team last week."
        )
        note = self.rita_request.message_ids.filtered(
            lambda m: "joined the team last week" in str(m.body)
        )
        self.assertEqual(len(note), 1)
        self.assertEqual(note.partner_ids, self.user_manager.partner_id)
        self.assertFalse(self.rita_request.activity_ids)
        # one request left to wait for; none answered
        appraisal = self.appraisal.with_user(self.user_manager)
        self.assertEqual(appraisal.feedback_request_count, 1)
        self.assertEqual(appraisal.feedback_answered_count, 0)
        # declined is final for the reviewer
        with self.assertRaises(AccessError):
            self._answers(self.rita_request, self.user_reviewer)[self.python].rating = 3

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_another_user_cannot_answer_nor_decline(self):
        for user in (self.user_reviewer2, self.user_employee, self.user_outsider):
            with self.subTest(user=user.login):
                as_user = self.rita_request.with_user(user)
                with self.assertRaises(AccessError):
                    as_user.action_decline("Not mine to refuse")
                with self.assertRaises(AccessError):
                    as_user.answer_ids.write({"rating": 1})
                with self.assertRaises(AccessError):
                    as_user.action_submit()
        # the subject's manager asked; declining is the reviewer's word
        with self.assertRaises(AccessError):
            self.rita_request.with_user(self.user_manager).action_decline("Busy")
        self.assertEqual(self.rita_request.state, "requested")
        self.assertFalse(self.rita_request.decline_reason)
        self.assertEqual(set(self.rita_request.answer_ids.mapped("rating")), {0})

    def test_reviewers_without_a_login_are_not_offered_nor_asked(self):
        nologin = self.env["hr.employee"].create(
            {"name": "Nolan Nologin", "parent_id": self.manager.id}
        )
        Request = self.env["hr.feedback.request"].with_user(self.user_manager)
        # the reviewer fields offer only people with a login
        Employee = self.env["hr.employee"].with_user(self.user_manager)
        for field in (
            Request._fields["reviewer_id"],
            self.env["hr.feedback.request.wizard.line"]._fields["reviewer_id"],
            self.env["hr.feedback.nomination"]._fields["reviewer_id"],
        ):
            with self.subTest(field=str(field)):
                offered = Employee.search(
                    safe_eval(field.domain, {"employee_id": self.employee.id})
                )
                self.assertIn(self.reviewer, offered)
                self.assertNotIn(nologin, offered)
                self.assertNotIn(self.employee, offered)
        with self.assertRaises(ValidationError) as caught:
            Request.create(
                {"appraisal_id": self.appraisal.id, "reviewer_id": nologin.id}
            )
        self.assertIn("Nolan Nologin has no login", str(caught.exception))
        with self.assertRaises(UserError):
            self.env["hr.feedback.request.wizard"].with_user(self.user_manager).create(
                {
                    "appraisal_id": self.appraisal.id,
                    "line_ids": [Command.create({"reviewer_id": nologin.id})],
                }
            ).action_send()
        self.assertNotIn(nologin, self.appraisal.feedback_request_ids.reviewer_id)

    def test_hr_invites_a_colleague_without_login_through_the_portal_wizard(self):
        nolan = self.env["hr.employee"].create(
            {
                "name": "Nolan Nologin",
                "parent_id": self.manager.id,
                "work_email": "nolan.nologin@example.com",
            }
        )
        with self.assertRaises(AccessError):
            nolan.with_user(self.user_manager).action_invite_feedback_reviewer()
        self.assertFalse(nolan.user_id)
        nolan.with_user(self.user_officer).action_invite_feedback_reviewer()
        user = nolan.user_id
        self.assertTrue(user.share, "a portal user, not an internal one")
        self.assertTrue(user.has_group("base.group_portal"))
        self.assertEqual(user.partner_id, nolan.work_contact_id)
        self.assertEqual(user.login, "nolan.nologin@example.com")
        # ready to sign up from the invitation, as portal sharing leaves it
        self.assertEqual(user.partner_id.signup_type, "signup")
        # now a reviewer who can answer
        request = (
            self.env["hr.feedback.request"]
            .with_user(self.user_manager)
            .create({"appraisal_id": self.appraisal.id, "reviewer_id": nolan.id})
        )
        self.assertEqual(request.reviewer_user_id, user)
        with self.assertRaises(UserError) as caught:
            nolan.with_user(self.user_officer).action_invite_feedback_reviewer()
        self.assertIn("already has a login", str(caught.exception))
