# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 20: what a first-time user met in the walkthrough."""

from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.hr_performance_link.tests.common import PerformanceLinkCase


@tagged("post_install", "-at_install")
class TestAppraisalDoneKeepsDate(PerformanceLinkCase):
    def test_marking_done_keeps_the_appraisal_date(self):
        planned = self.appraisal.date_close
        self.assertNotEqual(planned, self.today)
        appraisal = self.appraisal.with_user(self.user_manager)
        appraisal.action_confirm()
        appraisal.action_done()
        self.assertEqual(self.appraisal.state, "3_done")
        self.assertEqual(self.appraisal.date_close, planned)

    def test_a_date_written_with_the_completion_is_kept(self):
        self.appraisal.action_confirm()
        other = self.today + relativedelta(days=3)
        self.appraisal.write({"state": "3_done", "date_close": other})
        self.assertEqual(self.appraisal.date_close, other)


@tagged("post_install", "-at_install")
class TestCheckinLines(PerformanceLinkCase):
    def _checkin(self):
        return (
            self.env["hr.performance.checkin"]
            .with_user(self.user_manager)
            .create({"employee_id": self.employee.id})
        )

    def test_add_open_goals_says_what_it_added(self):
        checkin = self._checkin()
        action = checkin.action_load_goals()
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn("No open goal to add", action["params"]["message"])
        self.env["hr.career.goal"].create(
            [
                {"employee_id": self.employee.id, "name": "Learn Rust"},
                {"employee_id": self.employee.id, "name": "Lead a project"},
            ]
        )
        action = checkin.action_load_goals()
        self.assertEqual(len(checkin.goal_line_ids), 2)
        self.assertIn("2 open goals added", action["params"]["message"])
        self.assertEqual(action["params"]["next"]["tag"], "soft_reload")
        action = checkin.action_load_goals()
        self.assertIn("No open goal to add", action["params"]["message"])

    def test_done_checkin_lines_are_read_only(self):
        goal = self.env["hr.career.goal"].create(
            {"employee_id": self.employee.id, "name": "Learn Rust"}
        )
        other_goal = self.env["hr.career.goal"].create(
            {"employee_id": self.employee.id, "name": "Speak at a meetup"}
        )
        checkin = self._checkin()
        checkin.action_load_goals()
        line = checkin.goal_line_ids.filtered(lambda g: g.goal_id == goal)
        (checkin.goal_line_ids - line).unlink()
        line.progress = 30
        checkin.action_done()
        self.assertEqual(goal.progress, 30)
        for attempt in (
            lambda: line.write({"progress": 80}),
            lambda: line.unlink(),
            lambda: self.env["hr.performance.checkin.goal"]
            .with_user(self.user_manager)
            .create({"checkin_id": checkin.id, "goal_id": other_goal.id}),
        ):
            with self.assertRaisesRegex(UserError, "is done: reset it to draft"):
                attempt()
        self.assertEqual(line.progress, 30)
        self.assertEqual(goal.progress, 30)
        self.assertEqual(checkin.goal_line_ids, line)
        # reset to draft: editable again, applied when done again
        checkin.action_draft()
        line.progress = 50
        checkin.action_done()
        self.assertEqual(goal.progress, 50)

    def test_form_shows_done_lines_read_only(self):
        arch = self.env["hr.performance.checkin"].get_view(
            self.env.ref("hr_performance_feedback.hr_performance_checkin_view_form").id
        )["arch"]
        for field in ("goal_line_ids", "key_result_line_ids"):
            self.assertRegex(
                arch, rf'name="{field}"[^>]*readonly="state == \'done\'"', field
            )


@tagged("post_install", "-at_install")
class TestTargetJobGaps(PerformanceLinkCase):
    """Eve aims at Lead (Python Expert, Mentoring Advanced): the appraisal and
    the 360° assess her target job's gaps too, Python once (current job)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mentoring = cls.env["hr.skill"].create(
            {"name": "Mentoring (test)", "skill_type_id": cls.coding.id}
        )
        cls.job_lead = cls.env["hr.job"].create({"name": "Lead (perf test)"})
        cls.env["hr.job.competency"].create(
            [
                {
                    "job_id": cls.job_lead.id,
                    "skill_id": cls.python.id,
                    "required_level_id": cls.expert.id,
                },
                {
                    "job_id": cls.job_lead.id,
                    "skill_id": cls.mentoring.id,
                    "required_level_id": cls.advanced.id,
                },
            ]
        )
        cls.env["hr.career.goal"].create(
            {
                "employee_id": cls.employee.id,
                "name": "Become Lead",
                "horizon": "long",
                "target_job_id": cls.job_lead.id,
            }
        )

    def test_appraisal_lists_the_target_job_gaps_once(self):
        self.assertEqual(self.employee.target_job_id, self.job_lead)
        self.appraisal.with_user(self.user_manager).action_confirm()
        lines = self.appraisal.skill_assessment_ids
        self.assertEqual(
            len(lines.filtered(lambda line: line.skill_id == self.python)), 1
        )
        python = lines.filtered(lambda line: line.skill_id == self.python)
        self.assertEqual(python.scope, "current")
        self.assertEqual(python.required_level_id, self.advanced, "current job's")
        mentoring = lines.filtered(lambda line: line.skill_id == self.mentoring)
        self.assertEqual(mentoring.scope, "target")
        self.assertEqual(mentoring.required_level_id, self.advanced)
        self.assertFalse(mentoring.current_level_id)
        self.assertEqual(
            set((lines - mentoring).mapped("scope")), {"current"}, "the others"
        )
        # a target-job line assessed low does not lower the competencies score
        score_before = self.appraisal.competency_score
        mentoring.with_user(self.user_manager).assessed_level_id = self.beginner
        self.assertEqual(self.appraisal.competency_score, score_before)
        # the scope is fixed for the manager
        with self.assertRaises(AccessError):
            mentoring.with_user(self.user_manager).write({"scope": "current"})

    def test_feedback_covers_the_target_job_gaps(self):
        wizard = (
            self.env["hr.feedback.request.wizard"]
            .with_user(self.user_manager)
            .create(
                {
                    "appraisal_id": self.appraisal.id,
                    "line_ids": [Command.create({"reviewer_id": self.reviewer.id})],
                }
            )
        )
        wizard.action_send()
        answers = self.appraisal.feedback_request_ids.answer_ids
        scopes = {answer.skill_id: answer.scope for answer in answers}
        self.assertEqual(
            scopes,
            {
                self.python: "current",
                self.sql: "current",
                self.design: "current",
                self.mentoring: "target",
            },
        )


@tagged("post_install", "-at_install")
class TestFeedbackWizardAndRatings(PerformanceLinkCase):
    def _wizard(self, reviewers, **line_vals):
        return (
            self.env["hr.feedback.request.wizard"]
            .with_user(self.user_manager)
            .create(
                {
                    "appraisal_id": self.appraisal.id,
                    "line_ids": [
                        Command.create({"reviewer_id": reviewer.id, **line_vals})
                        for reviewer in reviewers
                    ],
                }
            )
        )

    def test_reviewers_without_a_login_are_skipped_with_a_warning(self):
        nobody = self.env["hr.employee"].create(
            {"name": "Noah Nologin", "parent_id": self.manager.id}
        )
        wizard = self._wizard(self.reviewer | nobody)
        self.assertEqual(wizard.no_login_names, "Noah Nologin")
        action = wizard.action_send()
        self.assertEqual(action["params"]["type"], "warning")
        self.assertIn("Noah Nologin", action["params"]["message"])
        self.assertEqual(self.appraisal.feedback_request_ids.reviewer_id, self.reviewer)
        with self.assertRaisesRegex(UserError, "Noah Nologin cannot log in"):
            self._wizard(nobody).action_send()
        self.assertEqual(len(self.appraisal.feedback_request_ids), 1)

    def test_relation_per_reviewer_from_the_chart_and_editable(self):
        report = self.env["hr.employee"].create(
            {
                "name": "Ria Report",
                "parent_id": self.employee.id,
                "user_id": self.env["res.users"]
                .create({"name": "Ria Report", "login": "pl_ria"})
                .id,
            }
        )
        wizard = self._wizard(self.manager | report | self.reviewer)
        relations = {line.reviewer_id: line.relation for line in wizard.line_ids}
        self.assertEqual(
            relations,
            {self.manager: "manager", report: "subordinate", self.reviewer: "peer"},
        )
        wizard.line_ids.filtered(
            lambda line: line.reviewer_id == self.reviewer
        ).relation = "other"
        wizard.action_send()
        sent = {r.reviewer_id: r.relation for r in self.appraisal.feedback_request_ids}
        self.assertEqual(
            sent,
            {self.manager: "manager", report: "subordinate", self.reviewer: "other"},
        )

    def test_every_competency_must_be_rated(self):
        self._wizard(self.reviewer).action_send()
        request = self.appraisal.feedback_request_ids.with_user(self.user_reviewer)
        python = request.answer_ids.filtered(lambda a: a.skill_id == self.python)
        python.rating = 4
        request.feedback = "Solid"
        with self.assertRaisesRegex(UserError, "Rate every competency") as caught:
            request.action_submit()
        message = str(caught.exception)
        self.assertIn("SQL (test)", message)
        self.assertNotIn("Python (test)", message.split("not rated yet")[1])
        self.assertIn("5 Outstanding", message)
        self.assertEqual(request.state, "requested")
        (request.answer_ids - python).write({"rating": 2})
        request.action_submit()
        self.assertEqual(request.state, "answered")

    def test_average_counts_rated_answers_only(self):
        """An answer sent before ratings were required, with a blank line,
        does not pull the average down; with no rating at all the appraisal
        shows no average."""
        self._wizard(self.reviewer | self.reviewer2).action_send()
        first, second = self.appraisal.feedback_request_ids.sorted("id")
        first.answer_ids.write({"rating": 4})
        first.action_submit()
        # as if answered before ratings were required: blank lines
        second.write({"state": "answered", "feedback": "Blank lines"})
        self.appraisal.invalidate_recordset()
        self.assertAlmostEqual(self.appraisal.feedback_average, 4.0)
        arch = self.env["hr.appraisal"].get_view(view_type="form")["arch"]
        self.assertIn('name="feedback_average" invisible="not feedback_average"', arch)
