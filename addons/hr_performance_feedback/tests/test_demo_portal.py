# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields
from odoo.tests import tagged

from odoo.addons.hr_career_dev.tests.demo_common import DemoCase


@tagged("post_install", "-at_install")
class TestDemoPortal(DemoCase):
    """Every demo login finds, on /my/career, a coming check-in, a 360°
    feedback request to answer and their objectives of the year."""

    def test_each_demo_user_sees_checkins_feedback_and_objectives(self):
        today = fields.Date.context_today(self.env.user)
        users = self.demo_users()
        self.assertTrue(users)
        for user in users:
            with self.subTest(login=user.login):
                employee = user.employee_id
                page = self.open_page(user, "/my/career")

                coming = self.env["hr.performance.checkin"].search(
                    [
                        ("employee_id", "=", employee.id),
                        ("state", "=", "draft"),
                        ("date", ">=", today),
                    ]
                )
                self.assertTrue(coming, "a coming check-in")
                checkins = self.section_text(page, "o_career_checkins")
                self.assertNotIn("No check-in planned yet.", checkins)
                self.assertIn(coming[0].manager_id.name, checkins)
                self.assertIn(
                    self.section_text(page, "o_career_checkin_next"),
                    checkins.split("Planned on", 1)[1],
                    "the next check-in is the planned one",
                )

                to_answer = self.env["hr.feedback.request"].search(
                    [("reviewer_id", "=", employee.id), ("state", "=", "requested")]
                )
                self.assertTrue(to_answer, "a 360° request to answer")
                self.assertTrue(to_answer.answer_ids, "with skills to rate")
                feedback = self.section_text(page, "o_career_feedback_to_give")
                for request in to_answer:
                    self.assertIn(request.employee_id.name, feedback)
                form = self.open_page(user, f"/my/career/feedback/{to_answer[0].id}")
                self.assertTrue(form.xpath("//form[@method='post']"), "answerable")

                objectives = self.env["hr.performance.objective"].search(
                    [("employee_id", "=", employee.id), ("state", "=", "active")]
                )
                self.assertTrue(objectives.key_result_ids, "objectives, key results")
                summary = self.section_text(page, "o_career_objectives_summary")
                for objective in objectives:
                    self.assertIn(objective.name, summary)
                detail = self.section_text(
                    self.open_page(user, "/my/career/objectives"), "o_career_objectives"
                )
                for key_result in objectives.key_result_ids:
                    self.assertIn(key_result.name, detail)
