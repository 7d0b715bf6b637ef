# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import RecognitionCase


@tagged("post_install", "-at_install")
class TestCertificatePreview(RecognitionCase):
    def test_certificate_shows_employee_badge_reason_company(self):
        goal = self._new_goal(self.employee, "Become a certified speaker")
        goal.action_achieve()
        award = self._awards(self.badge_goal, self.employee)
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "hr_recognition.action_report_award_certificate", award.ids
        )
        html = html.decode()
        self.assertIn("Certificate of Recognition", html)
        self.assertIn(self.employee.name, html)
        self.assertIn(self.badge_goal.name, html)
        self.assertIn("Become a certified speaker", html)
        self.assertIn(self.employee.company_id.name, html)
        action = award.action_print_certificate()
        self.assertIn(action["type"], ("ir.actions.report", "ir.actions.act_window"))

    def test_preview_lists_who_would_be_awarded_and_awards_nothing(self):
        self.rule_goal.active = False  # goals achieved before the rule existed
        goal_1 = self._new_goal(self.employee, "Goal one")
        goal_2 = self._new_goal(self.other, "Goal two")
        goal_3 = self._new_goal(self.employee_nouser, "Goal three")
        self._new_goal(self.manager, "Goal still open")
        (goal_1 | goal_2 | goal_3).action_achieve()
        self.assertFalse(self._awards(self.badge_goal, self.employee))
        self.rule_goal.active = True
        BadgeUser = self.env["gamification.badge.user"]
        count_before = BadgeUser.search_count([])
        messages_before = self.env["mail.message"].search_count([])

        action = self.rule_goal.with_user(
            self.user_officer
        ).action_recognition_preview()
        preview = self.env["hr.recognition.preview"].browse(action["res_id"])
        mine = preview.line_ids.filtered(
            lambda line: line.employee_id in (self.employee | self.other)
        )
        self.assertEqual(mine.employee_id, self.employee | self.other)
        self.assertIn(self.employee.name, preview.employee_names)
        self.assertIn(self.other.name, preview.employee_names)
        self.assertNotIn(self.manager.name, preview.employee_names)
        self.assertIn(self.employee_nouser, preview.no_user_employee_ids)
        self.assertEqual(preview.award_count, len(preview.line_ids))
        self.assertEqual(BadgeUser.search_count([]), count_before)
        self.assertEqual(self.env["mail.message"].search_count([]), messages_before)

        # plain employees cannot preview
        with self.assertRaises(AccessError):
            self.rule_goal.with_user(self.user_employee).action_recognition_preview()

        # an award granted since is no longer previewed
        self.action_goal._recognition_grant(goal_1)
        preview = self.env["hr.recognition.preview"].create(
            self.rule_goal._recognition_preview_values()
        )
        self.assertNotIn(self.employee, preview.line_ids.employee_id)
        self.assertIn(self.other, preview.line_ids.employee_id)
