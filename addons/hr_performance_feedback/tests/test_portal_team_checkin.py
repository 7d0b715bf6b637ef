# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.hr_career_dev.tests.test_portal_team import CareerPortalTeamCase


@tagged("post_install", "-at_install")
class TestPerformancePortalTeamCheckin(CareerPortalTeamCase):
    """A manager plans a check-in from a report's page (as the manager); the
    report sees it coming; everybody else is refused."""

    def _checkins(self, employee=None):
        return self.env["hr.performance.checkin"].search(
            [("employee_id", "=", (employee or self.employee).id)]
        )

    def _plan(self, login, employee, day, csrf=True):
        self.authenticate(login, login)
        return self._post(
            self._url(employee, "/checkin"),
            {"checkin_date": day.isoformat() if day else ""},
            csrf=csrf,
        )

    def test_manager_plans_a_check_in_the_report_then_sees(self):
        day = fields.Date.today() + relativedelta(days=7)
        self.authenticate("team_maria", "team_maria")
        page = self.url_open(self._url(self.employee)).text
        self.assertIn("No check-in planned.", page)
        self.assertIn("o_career_member_plan_checkin", page)
        response = self._plan("team_maria", self.employee, day)
        self.assertIn(response.status_code, (302, 303))
        checkin = self._checkins()
        self.assertEqual((checkin.date, checkin.state), (day, "draft"))
        self.assertEqual(checkin.manager_id, self.emp_maria)
        self.assertEqual(checkin.create_uid, self.user_maria)
        page = self.url_open(response.headers["Location"]).text
        self.assertIn("o_career_checkin_planned", page)
        self.assertIn("o_career_member_checkin", page)
        # the report's side
        self.authenticate("career_portal", "career_portal")
        self.assertIn("Maria Manager", self.url_open("/my/career").text)

    def test_skip_level_manager_plans_a_check_in(self):
        day = fields.Date.today()
        response = self._plan("team_skip", self.employee, day)
        self.assertIn(response.status_code, (302, 303))
        self.assertEqual(self._checkins().date, day)

    def test_past_or_missing_day_answers_a_message_and_plans_nothing(self):
        for day, message in (
            (fields.Date.today() - relativedelta(days=1), "is already past"),
            (None, "Choose the day of the check-in."),
        ):
            with self.subTest(day=day):
                response = self._plan("team_maria", self.employee, day)
                self.assertEqual(response.status_code, 200)
                self.assertIn(message, response.text)
        self.assertFalse(self._checkins())

    @mute_logger("odoo.http")
    def test_check_in_is_refused_to_others_without_csrf_and_to_portal_managers(self):
        day = fields.Date.today() + relativedelta(days=3)
        for login, employee, status in (
            ("team_peer", self.employee, 404),
            ("team_bruno", self.employee, 404),
            ("team_maria", self.emp_maria, 404),
            ("career_other", self.employee, 404),
            ("career_portal", self.emp_rita, 403),  # portal: no check-in rights
        ):
            with self.subTest(login=login, employee=employee.name):
                response = self._plan(login, employee, day)
                self.assertEqual(response.status_code, status)
        response = self._plan("team_maria", self.employee, day, csrf=False)
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._checkins() | self._checkins(self.emp_rita))
        self.assertFalse(self._checkins(self.emp_maria))
