# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo.tests import HttpCase, tagged
from odoo.tools.misc import file_open

from odoo.addons.web.tests.test_js import unit_test_error_checker

HOOT_SUCCESS = re.compile(r'logger\.logRun\("([^"]*succeeded)"\)')


def hoot_success_signal():
    """The line this build's Hoot runner logs when every test passed, read
    from the runner itself (its text changed case between Odoo builds)."""
    with file_open("web/static/lib/hoot/core/runner.js") as runner:
        found = HOOT_SUCCESS.search(runner.read())
    if not found:
        raise AssertionError("web's Hoot runner logs no success line this test knows")
    return f"[HOOT] {found.group(1)}"


@tagged("post_install", "-at_install")
class TestCareerWidgetsJs(HttpCase):
    def test_career_widgets_unit_tests(self):
        """The Hoot tests of static/tests (web.assets_unit_tests): the career
        map laid out by the browser (columns, bands, text inside the boxes,
        the route to the target), the skills chart, the course suggestions
        and the opportunity's candidates."""
        self.browser_js(
            "/web/tests?headless&loglevel=2&timeout=15000&filter=hr_career_dev",
            "",
            "",
            login="admin",
            timeout=600,
            success_signal=hoot_success_signal(),
            error_checker=unit_test_error_checker,
        )
