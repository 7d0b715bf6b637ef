# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .test_portal_http import PerformancePortalCase


@tagged("post_install", "-at_install")
class TestFeedbackPhoneTour(PerformancePortalCase):
    """The 360° feedback on a phone (390 px wide, touch): the requests and the
    answer form are stacked cards, nothing is wider than the screen, every
    rating can be chosen and the form sent."""

    browser_size = "390x844"
    touch_enabled = True

    def test_reviewer_answers_a_feedback_request_on_a_phone(self):
        # the page once before the browser (see hr_career_dev's phone tour)
        self.authenticate("pf_reviewer", "pf_reviewer")
        self.assertEqual(self.url_open("/my/career").status_code, 200)
        self.start_tour(
            "/my/career", "hr_performance_feedback_phone_tour", login="pf_reviewer"
        )
        self.feedback_request.invalidate_recordset()
        self.assertEqual(self.feedback_request.state, "answered")
        zymurgy, quillwork = self._answers()
        self.assertEqual((zymurgy.rating, quillwork.rating), (4, 2))
        self.assertEqual(zymurgy.comment, "Brews with care")
