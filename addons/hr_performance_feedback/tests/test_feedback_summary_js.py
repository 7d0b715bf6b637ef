# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.hr_career_dev.tests.test_career_widgets_js import (
    hoot_success_signal,
)
from odoo.addons.web.tests.test_js import unit_test_error_checker


@tagged("post_install", "-at_install")
class TestFeedbackSummaryJs(HttpCase):
    def test_feedback_summary_unit_tests(self):
        """The Hoot tests of static/tests (web.assets_unit_tests): the 360°
        summary widget draws each skill's average and count as text, says
        when the summary is withheld from the subject or empty."""
        self.browser_js(
            "/web/tests?headless&loglevel=2&timeout=15000"
            "&filter=hr_performance_feedback",
            "",
            "",
            login="admin",
            timeout=600,
            success_signal=hoot_success_signal(),
            error_checker=unit_test_error_checker,
        )
