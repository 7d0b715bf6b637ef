# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo.tests import HttpCase, tagged
from odoo.tools.misc import file_open

from odoo.addons.web.tests.test_js import unit_test_error_checker

from .talent_common import TalentReviewData


def hoot_success_signal():
    """The line this build's Hoot runner logs when every test passed.

    Read from the runner itself (web/static/lib/hoot/core/runner.js): Odoo's
    point releases changed its text ("test suite succeeded" became "Test suite
    succeeded" during 2025), and a hard-coded copy waits for a line that never
    comes.
    """
    with file_open("web/static/lib/hoot/core/runner.js") as runner:
        found = HOOT_SUCCESS.search(runner.read())
    if not found:
        raise AssertionError("web's Hoot runner logs no success line this test knows")
    return f"[HOOT] {found.group(1)}"


HOOT_SUCCESS = re.compile(r'logger\.logRun\("([^"]*succeeded)"\)')


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
