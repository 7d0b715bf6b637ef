# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import time
from pathlib import Path

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import tagged
from odoo.tests.common import ChromeBrowser
from odoo.tools import config

from .test_portal_http import CareerPortalCase


@tagged("post_install", "-at_install")
class TestCareerPortalTour(CareerPortalCase):
    """The employee's walk through /my/career in a real (headless) browser."""

    def test_employee_enrols_in_suggested_course_and_updates_goal(self):
        # rendered once before the browser opens it: see the phone tour below
        self.authenticate("career_portal", "career_portal")
        self.assertEqual(self.url_open("/my/career").status_code, 200)
        self.start_tour(
            "/my/career", "hr_career_dev_portal_tour", login="career_portal"
        )
        membership = self.env["slide.channel.partner"].search(
            [
                ("partner_id", "=", self.portal_user.partner_id.id),
                ("channel_id", "=", self.course.id),
            ]
        )
        self.assertTrue(membership, "the tour's Enrol button enrolled the employee")
        self.goal.invalidate_recordset()
        self.assertEqual(self.goal.progress, 80)

    def test_screenshot_of_my_career(self):
        """Saves <screenshots dir>/hr_career_dev/my_career.png (the README's)."""
        browser = ChromeBrowser(self, headless=True, success_signal="test successful")
        try:
            self.authenticate("career_portal", "career_portal", browser=browser)
            self.cr.flush()
            self.cr.clear()
            browser.navigate_to(f"{self.base_url()}/my/career", wait_stop=True)
            self.assertTrue(
                browser._wait_ready(
                    "document.readyState === 'complete'"
                    " && !!document.querySelector('.o_career_suggestion')"
                )
            )
            time.sleep(2)  # let the page's services finish starting
            size = browser._websocket_request("Page.getLayoutMetrics")["cssContentSize"]
            shot = browser._websocket_request(
                "Page.captureScreenshot",
                params={
                    "format": "png",
                    "captureBeyondViewport": True,
                    "clip": {
                        "x": 0,
                        "y": 0,
                        "width": size["width"],
                        "height": min(size["height"], 2400),
                        "scale": 1,
                    },
                },
                timeout=30,
            )
        finally:
            browser.stop()
            self._wait_remaining_requests()
        png = base64.b64decode(shot["data"])
        self.assertEqual(png[:8], b"\x89PNG\r\n\x1a\n")
        target = Path(config["screenshots"]) / "hr_career_dev" / "my_career.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(png)
        self.assertGreater(target.stat().st_size, 10_000)


@tagged("post_install", "-at_install")
class TestCareerPortalPhoneTour(CareerPortalCase):
    """/my/career on a phone (390 px wide, touch): tables become stacked
    cards, nothing is wider than the screen, buttons are reachable."""

    browser_size = "390x844"
    touch_enabled = True

    def test_dashboard_and_new_goal_form_on_a_phone(self):
        plan = self.env["hr.development.plan"].create(
            {"employee_id": self.employee.id, "state": "active"}
        )
        self.env["hr.development.action"].create(
            {
                "plan_id": plan.id,
                "name": "Read the refactoring book",
                "action_type": "other",
                "date_due": fields.Date.today() - relativedelta(days=3),
            }
        )
        # the page once before the browser: on a loaded machine its first
        # rendering outlasts the 5 s Chrome's idle pre-connection waits in
        # tests ("Request timed out" logged at ERROR)
        self.authenticate("career_portal", "career_portal")
        self.assertEqual(self.url_open("/my/career").status_code, 200)
        self.start_tour(
            "/my/career", "hr_career_dev_portal_phone_tour", login="career_portal"
        )
        goal = self.env["hr.career.goal"].search([("name", "=", "Speak at the meetup")])
        self.assertEqual(goal.employee_id, self.employee)
        self.assertEqual((goal.horizon, goal.target_job_id), ("long", self.next_job))
        self.assertIn("Give a talk on refactoring", goal.description)
