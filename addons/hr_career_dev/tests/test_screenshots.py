# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .demo_common import ScreenshotCase

PORTAL_READY = "document.readyState === 'complete' && !!document.querySelector(%r)"


@tagged("post_install", "-at_install", "suite_screenshots")
class TestScreenshots(ScreenshotCase):
    """The screens of the readme, on the demo data (`./suite screenshots`
    writes them to static/description/)."""

    def test_screenshot_my_career(self):
        """Owen Park's /my/career: target job, gaps, suggested courses."""
        self.screenshot(
            "hr_career_dev",
            "screenshot_my_career.png",
            "/my/career",
            PORTAL_READY % ".o_career_suggestion",
            login="owen.park.career",
        )

    def test_screenshot_career_paths(self):
        """Owen Park's next steps from Tech Lead, with his readiness."""
        self.screenshot(
            "hr_career_dev",
            "screenshot_career_paths.png",
            "/my/career/paths",
            PORTAL_READY % ".o_career_paths",
            login="owen.park.career",
        )

    def test_screenshot_team_member(self):
        """Owen Park's drill-down into his report Tomás Alvarez: gaps, goals,
        plan, suggested courses, with the manager's actions."""
        tomas = self.env.ref("hr_career_dev.employee_tomas_demo")
        self.assertEqual(
            tomas.parent_id, self.env.ref("hr_career_dev.employee_owen_demo")
        )
        self.screenshot(
            "hr_career_dev",
            "screenshot_team_member.png",
            f"/my/career/team/{tomas.id}",
            PORTAL_READY % ".o_career_member_gaps, .o_career_member_goals",
            login="owen.park.career",
        )

    def test_screenshot_employee_career_tab(self):
        """The Career tab of Owen Park's employee form, as HR sees it."""
        owen = self.env.ref("hr_career_dev.employee_owen_demo")
        tab = "document.querySelector('.o_notebook a[name=\"career\"]')"
        self.screenshot(
            "hr_career_dev",
            "screenshot_employee_career_tab.png",
            f"/odoo/hr.employee/{owen.id}",
            f"!!{tab}",
            action=f"{tab}.click()",
            shown=f"{tab}.classList.contains('active')",
            scroll=".o_notebook",
        )
