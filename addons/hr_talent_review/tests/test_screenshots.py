# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.hr_career_dev.tests.demo_common import ScreenshotCase

PORTAL_READY = "document.readyState === 'complete' && !!document.querySelector(%r)"


@tagged("post_install", "-at_install", "suite_screenshots")
class TestScreenshots(ScreenshotCase):
    """The screens of the readme, on the demo data (`./suite screenshots`
    writes them to static/description/)."""

    def test_screenshot_appraisal_skills(self):
        """Lena Fischer's appraisal of the engineering review: the skills of
        her job to assess, with her current and required levels."""
        lena = self.env.ref("hr_career_dev.employee_lena_demo")
        appraisal = self.env["hr.appraisal"].search(
            [("employee_id", "=", lena.id), ("skill_assessment_ids", "!=", False)],
            limit=1,
        )
        self.assertTrue(appraisal, "the demo review cycle appraises Lena")
        tab = "document.querySelector('.o_notebook a[name=\"career\"]')"
        self.screenshot(
            "hr_performance_link",
            "screenshot_appraisal_skills.png",
            f"/odoo/hr.appraisal/{appraisal.id}",
            f"!!{tab}",
            action=f"{tab}.click()",
            shown=f"{tab}.classList.contains('active') && !!document.querySelector("
            "'.o_field_widget[name=\"skill_assessment_ids\"] .o_data_row')",
            scroll=".o_notebook",
        )

    def test_screenshot_my_objectives(self):
        """Owen Park's objectives and key results, aligned with his
        department's and the company's."""
        self.screenshot(
            "hr_performance_objective",
            "screenshot_my_objectives.png",
            "/my/career/objectives",
            PORTAL_READY % ".o_career_key_results",
            login="owen.park.career",
        )

    def test_screenshot_feedback_form(self):
        """The 360° feedback Owen Park is asked to give on Lena Fischer."""
        request = self.env.ref(
            "hr_performance_feedback.hr_feedback_request_owen_on_lena_demo"
        )
        self.screenshot(
            "hr_performance_feedback",
            "screenshot_feedback.png",
            f"/my/career/feedback/{request.id}",
            PORTAL_READY % ".o_career_feedback form",
            login="owen.park.career",
        )

    def test_screenshot_talent_board(self):
        """The 9-box board of the demo calibration session, as HR sees it."""
        review = self.env.ref("hr_talent_review.hr_talent_review_demo")
        self.assertTrue(review.line_ids, "the demo session has placements")
        self.screenshot(
            "hr_talent_review",
            "screenshot_talent_board.png",
            "/odoo/action-hr_talent_review.hr_talent_review_action/" f"{review.id}",
            "!!document.querySelector('.o_form_view button[name=action_open_board]')",
            action="document.querySelector("
            "'.o_form_view button[name=action_open_board]').click()",
            shown="!!document.querySelector('.o_talent_board .o_talent_grid')",
        )
