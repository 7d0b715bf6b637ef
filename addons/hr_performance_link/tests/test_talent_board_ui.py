# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from .talent_common import TalentReviewData


def unit_test_error_checker(message):
    # as odoo/addons/web/tests/test_js.py: stop on a failed test only
    return (
        "[HOOT]" not in message
        or message == "[HOOT] test failed (see above for details)"
    )


@tagged("post_install", "-at_install")
class TestTalentBoardUi(TalentReviewData, HttpCase):
    def test_tour_moves_a_card_on_the_board(self):
        self.review.action_populate()
        self.review.action_start()
        self.start_tour(
            f"/odoo/action-hr_performance_link.hr_talent_review_action/{self.review.id}",
            "hr_performance_link_talent_board",
            login="pl_hr_officer",
        )
        self.env.invalidate_all()
        eve = self.review.line_ids.filtered(
            lambda line: line.employee_id == self.employee
        )
        self.assertEqual((eve.box, eve.previous_box), (8, 5))
        self.assertEqual(eve.reason, "Leads the platform migration")
        self.assertIn("Leads the platform migration", self.review.message_ids[0].body)


@tagged("post_install", "-at_install")
class TestTalentBoardJs(HttpCase):
    def test_talent_board_unit_tests(self):
        # the Hoot tests of static/tests (web.assets_unit_tests), this addon's only
        self.browser_js(
            "/web/tests?headless&loglevel=2&timeout=15000"
            "&filter=hr_performance_link",
            "",
            "",
            login="admin",
            timeout=600,
            success_signal="[HOOT] test suite succeeded",
            error_checker=unit_test_error_checker,
        )
