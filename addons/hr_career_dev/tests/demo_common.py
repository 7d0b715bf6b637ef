# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Tests of the demo data as the demo logins see it, and the screenshots of
the readmes taken on it. Both are skipped on a database without demo data."""

import base64
import io
import os
import time
from pathlib import Path

from lxml import html
from PIL import Image

from odoo.modules.module import get_module_path
from odoo.tests import HttpCase
from odoo.tests.common import ChromeBrowser
from odoo.tools import mute_logger

DEMO_MODULES = (
    "hr_career_dev",
    "hr_performance_link",
    "hr_performance_objective",
    "hr_performance_feedback",
    "hr_review_cycle",
    "hr_talent_review",
    "hr_recognition",
)
# set to 1 by `./suite screenshots`: the screenshot tests then write their PNGs
# to the addons' static/description/ (otherwise they only check the screens)
SCREENSHOTS_ENV = "SUITE_SCREENSHOTS"
SCREENSHOT_WIDTH, SCREENSHOT_HEIGHT = 1280, 800
SCREENSHOT_MAX_BYTES = 300_000


class DemoCase(HttpCase):
    """Skipped unless the suite's demo data is loaded."""

    def setUp(self):
        super().setUp()
        if not self.env.ref("hr_career_dev.user_owen_demo", raise_if_not_found=False):
            self.skipTest("the demo data of hr_career_dev is not loaded")

    def demo_users(self):
        """Every user the demo data of the suite's addons creates (each has a
        login): the people a first-time user tries."""
        data = self.env["ir.model.data"].search(
            [
                ("model", "=", "res.users"),
                ("module", "in", DEMO_MODULES),
                ("name", "=like", "%_demo"),
            ]
        )
        return self.env["res.users"].browse(data.mapped("res_id")).exists()

    def open_page(self, user, url):
        """GET ``url`` as ``user``: the parsed page (status 200 asserted)."""
        self.authenticate(user.login, user.login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200, f"{url} as {user.login}")
        return html.fromstring(response.content)

    def section_text(self, page, css_class):
        """The text of the one element with ``css_class`` (asserted present)."""
        found = page.find_class(css_class)
        self.assertTrue(found, f"the page has no .{css_class} section")
        return " ".join(found[0].text_content().split())


class ScreenshotCase(DemoCase):
    """Screens of the readmes, opened in headless Chromium on the demo data.

    Each screenshot test asserts that its screen renders what it should show;
    with SUITE_SCREENSHOTS=1 (`./suite screenshots`) it also writes the PNG to
    its addon's static/description/."""

    browser_size = f"{SCREENSHOT_WIDTH}x{SCREENSHOT_HEIGHT}"

    def screenshot(
        self,
        module,
        name,
        url,
        ready,
        login="admin",
        action=None,
        shown=None,
        scroll=None,
        scroll_block="start",
    ):
        """Open ``url`` as ``login``, wait until the JavaScript expression
        ``ready`` is true, run the JavaScript ``action`` (a click) and wait
        until ``shown`` is true, scroll the element of the CSS selector
        ``scroll`` to the top of the screen (``scroll_block`` "center": to
        its middle), then capture the screen.

        Returns the PNG; written to <module>/static/description/<name> when
        SUITE_SCREENSHOTS is set."""
        # Chrome opens a spare connection to the server at once; on a loaded
        # machine it may stay unused beyond the test server's 5 s timeout,
        # which werkzeug logs as an error. A screen that fails to render
        # fails its ready code instead.
        with mute_logger("werkzeug"):
            png = self._capture(url, ready, login, action, shown, scroll, scroll_block)
        image = Image.open(io.BytesIO(png))
        self.assertEqual(image.size, (SCREENSHOT_WIDTH, SCREENSHOT_HEIGHT))
        if os.environ.get(SCREENSHOTS_ENV):
            self._save_screenshot(module, name, image, png)
        return png

    def _capture(self, url, ready, login, action, shown, scroll, scroll_block):
        browser = ChromeBrowser(self, headless=True)
        try:
            browser._websocket_request(
                "Emulation.setDeviceMetricsOverride",
                params={
                    "width": SCREENSHOT_WIDTH,
                    "height": SCREENSHOT_HEIGHT,
                    "deviceScaleFactor": 1,
                    "mobile": False,
                },
            )
            self.authenticate(login, login, browser=browser)
            browser.navigate_to(f"{self.base_url()}{url}", wait_stop=True)
            self.assertTrue(browser._wait_ready(ready), f"{url}: never showed {ready}")
            if action:
                browser._websocket_request(
                    "Runtime.evaluate", params={"expression": action}
                )
            if shown:
                self.assertTrue(
                    browser._wait_ready(shown), f"{url}: never showed {shown}"
                )
            # images a website page loads lazily change its height: load them
            # all before measuring where to scroll
            browser._websocket_request(
                "Runtime.evaluate",
                params={
                    "expression": "document.querySelectorAll('img[loading=lazy]')"
                    ".forEach((img) => { img.loading = 'eager'; })"
                },
            )
            browser._wait_ready("[...document.images].every((img) => img.complete)")
            if scroll:
                expression = (
                    f"document.querySelector({scroll!r}).scrollIntoView("
                    f"{{block: {scroll_block!r}, behavior: 'instant'}})"
                )
                # twice: the header becomes fixed (smaller) after the first scroll
                for _attempt in range(2):
                    browser._websocket_request(
                        "Runtime.evaluate", params={"expression": expression}
                    )
                    time.sleep(0.5)
            # web fonts, images and the last rendering of the page's widgets
            time.sleep(1.5)
            shot = browser._websocket_request(
                "Page.captureScreenshot", params={"format": "png"}, timeout=30
            )
        finally:
            browser.stop()
            self._wait_remaining_requests()
        return base64.b64decode(shot["data"])

    def _save_screenshot(self, module, name, image, png):
        target = Path(get_module_path(module)) / "static" / "description" / name
        if len(png) > SCREENSHOT_MAX_BYTES:
            # a palette of 256 colours: a screen of text and flat colours keeps
            # its look at a fraction of the size
            buffer = io.BytesIO()
            image.convert("RGB").quantize(colors=256).save(
                buffer, format="PNG", optimize=True
            )
            png = buffer.getvalue()
        self.assertLessEqual(len(png), SCREENSHOT_MAX_BYTES, f"{name} is too big")
        target.write_bytes(png)
        self._logger.info("screenshot written: %s (%d bytes)", target, len(png))
