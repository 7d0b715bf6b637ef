# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.hr_career_dev.tests.demo_common import ScreenshotCase

PORTAL_READY = "document.readyState === 'complete' && !!document.querySelector(%r)"


@tagged("post_install", "-at_install", "suite_screenshots")
class TestScreenshots(ScreenshotCase):
    """The screens of the readme, on the demo data (`./suite screenshots`
    writes them to static/description/)."""

    def test_screenshot_my_badges(self):
        """Lena Fischer's badges on /my/career, each with its certificate."""
        self.screenshot(
            "hr_recognition",
            "screenshot_my_badges.png",
            "/my/career",
            PORTAL_READY % ".o_career_badges",
            login="lena.fischer.career",
            scroll=".o_career_badges",
            scroll_block="center",
        )

    def test_screenshot_certificate(self):
        """The certificate of Lena Fischer's promotion, as printed."""
        award = self.env.ref("hr_recognition.award_lena_promotion_demo")
        self.screenshot(
            "hr_recognition",
            "screenshot_certificate.png",
            f"/report/html/hr_recognition.report_award_certificate/{award.id}",
            "document.readyState === 'complete' && "
            "document.body.innerText.includes('Lena Fischer')",
        )

    def test_screenshot_awards(self):
        """The awards HR sees: who received which badge, why, from which
        rule."""
        self.screenshot(
            "hr_recognition",
            "screenshot_awards.png",
            "/odoo/action-hr_recognition.gamification_badge_user_action",
            "!!document.querySelector('.o_list_view .o_data_row')",
        )
