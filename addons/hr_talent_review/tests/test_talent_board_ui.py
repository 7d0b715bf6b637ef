# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.hr_career_dev.tests.test_career_widgets_js import (
    hoot_success_signal,
)
from odoo.addons.web.tests.test_js import unit_test_error_checker

from .talent_common import TalentReviewData


@tagged("post_install", "-at_install")
class TestTalentBoardUi(TalentReviewData, HttpCase):
    def test_tour_moves_a_card_on_the_board(self):
        self.review.action_populate()
        self.review.action_start()
        self.start_tour(
            f"/odoo/action-hr_talent_review.hr_talent_review_action/{self.review.id}",
            "hr_talent_review_talent_board",
            login="pl_hr_officer",
        )
        self.env.invalidate_all()
        eve = self.review.line_ids.filtered(
            lambda line: line.employee_id == self.employee
        )
        self.assertEqual((eve.box, eve.previous_box), (8, 5))
        self.assertEqual(eve.reason, "Leads the platform migration")
        self.assertIn("Leads the platform migration", eve.message_ids[0].body)


@tagged("post_install", "-at_install")
class TestTalentBoardJs(HttpCase):
    def test_talent_board_unit_tests(self):
        # the Hoot tests of static/tests (web.assets_unit_tests), this addon's only
        self.browser_js(
            "/web/tests?headless&loglevel=2&timeout=15000" "&filter=hr_talent_review",
            "",
            "",
            login="admin",
            timeout=600,
            success_signal=hoot_success_signal(),
            error_checker=unit_test_error_checker,
        )
