# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import Command, http
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.mail.tests.common import mail_new_test_user

from .opportunity_common import OpportunityCase


@tagged("post_install", "-at_install", "suite_upgrade")
class TestOpportunityPortal(OpportunityCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.department = cls.env["hr.department"].create({"name": "Data (portal test)"})
        cls.rotation = cls._opportunity(
            "Data rotation",
            department_id=cls.department.id,
            skills=[
                ("required", cls.sql, cls.intermediate),
                ("developed", cls.communication, cls.good),
            ],
        )
        cls.project = cls._opportunity("Frontend project", kind="project")
        cls.draft = cls._opportunity("Secret draft", state="draft")
        cls.closed = cls._opportunity("Closed rotation", state="closed")
        cls.other_company = cls.env["hr.career.opportunity"].create(
            {
                "name": "Company B rotation",
                "owner_id": cls.emp_b.id,
                "company_id": cls.company_b.id,
                "state": "open",
            }
        )
        cls.carl_application = cls.env["hr.career.opportunity.application"].create(
            {
                "opportunity_id": cls.project.id,
                "employee_id": cls.emp_colleague.id,
                "motivation": "Carl's private reasons",
            }
        )
        mail_new_test_user(
            cls.env, login="career_portal_nobody", groups="base.group_portal"
        )

    def _post(self, url, data, csrf=True):
        if csrf:
            data = dict(data, csrf_token=http.Request.csrf_token(self))
        return self.url_open(url, data=data, allow_redirects=False)

    def _applications(self):
        return self.env["hr.career.opportunity.application"].search(
            [("employee_id", "=", self.emp_employee.id)]
        )

    def test_ranked_list_with_why_and_filters(self):
        self.authenticate("career_employee", "career_employee")
        self.assertIn(
            'href="/my/career/opportunities"', self.url_open("/my/career").text
        )
        page = self.url_open("/my/career/opportunities")
        self.assertEqual(page.status_code, 200)
        text = page.text
        self.assertIn("Data rotation", text)
        self.assertIn("Frontend project", text)
        self.assertLess(text.index("Data rotation"), text.index("Frontend project"))
        self.assertIn("Skills you have:", text)
        self.assertIn("Communication (career test): none → Good", text)
        for hidden in ("Secret draft", "Closed rotation", "Company B rotation"):
            self.assertNotIn(hidden, text)
        # another employee's motivation is never shown
        self.assertNotIn("Carl&#39;s private reasons", text)
        self.assertNotIn("private reasons", text)
        text = self.url_open("/my/career/opportunities?type=project").text
        self.assertIn("Frontend project", text)
        self.assertNotIn("Data rotation", text)
        text = self.url_open(
            f"/my/career/opportunities?department={self.department.id}"
        ).text
        self.assertIn("Data rotation", text)
        self.assertNotIn("Frontend project", text)

    def test_cards_show_dates_in_the_user_format_and_never_fit_100_with_a_gap(self):
        """Issue 29, item 9: dates as the user's language writes them; "Fit
        100%" only when nothing is missing (the engine's cap at 99)."""
        fine = self.env["hr.skill.type"].create(
            {
                "name": "Fine craft (portal test)",
                "skill_ids": [
                    Command.create({"name": f"Craft {letter}"}) for letter in "ABC"
                ],
                "skill_level_ids": [
                    Command.create({"name": "Aware", "level_progress": 1}),
                    Command.create({"name": "Master", "level_progress": 100}),
                ],
            }
        )
        craft_a, craft_b, craft_c = fine.skill_ids.sorted("name")
        aware, master = fine.skill_level_ids.sorted("level_progress")
        self.env["hr.employee.skill"].create(
            [
                self._skill_vals(self.emp_employee, craft_a, master),
                self._skill_vals(self.emp_employee, craft_b, master),
            ]
        )
        start = self.today + relativedelta(days=40)
        self._opportunity(
            "Craft guild rotation",
            date_start=start,
            date_end=start + relativedelta(days=30),
            skills=[
                ("required", craft_a, master),
                ("required", craft_b, master),
                ("required", craft_c, aware),  # missing: 1 of 201
            ],
        )
        self.authenticate("career_employee", "career_employee")
        text = self.url_open("/my/career/opportunities").text
        card = text[text.index("Craft guild rotation") :]
        card = card[: card.index("/apply")]
        self.assertIn("Fit 99%", card)
        self.assertNotIn("Fit 100%", card)
        lang = self.env["res.lang"]._get_data(code=self.user_employee.lang or "en_US")
        self.assertIn(start.strftime(lang.date_format), card)
        self.assertNotIn(start.isoformat(), card)

    def test_interested_creates_own_application_for_the_manager(self):
        self.authenticate("career_employee", "career_employee")
        response = self._post(
            f"/my/career/opportunities/{self.rotation.id}/apply",
            {"motivation": "I like data."},
        )
        self.assertEqual(response.status_code, 303)
        application = self._applications()
        self.assertEqual(application.opportunity_id, self.rotation)
        self.assertEqual(application.motivation, "I like data.")
        self.assertEqual(application.state, "interested")
        self.assertEqual(application.activity_ids.user_id, self.user_manager)
        text = self.url_open("/my/career/opportunities").text
        self.assertIn("o_career_my_applications", text)
        # applied: no longer offered
        self.assertNotIn(f"/my/career/opportunities/{self.rotation.id}/apply", text)

    @mute_logger("odoo.http")
    def test_without_csrf_nothing_created(self):
        self.authenticate("career_employee", "career_employee")
        response = self._post(
            f"/my/career/opportunities/{self.rotation.id}/apply",
            {"motivation": "No token"},
            csrf=False,
        )
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._applications())

    def test_invisible_opportunity_answers_404(self):
        self.authenticate("career_employee", "career_employee")
        for opportunity in (self.draft, self.other_company):
            response = self._post(
                f"/my/career/opportunities/{opportunity.id}/apply", {"motivation": "x"}
            )
            self.assertEqual(response.status_code, 404)
        response = self._post("/my/career/opportunities/999999/apply", {})
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self._applications())

    def test_twice_closed_or_too_long_refused_with_message(self):
        self.authenticate("career_employee", "career_employee")
        url = f"/my/career/opportunities/{self.rotation.id}/apply"
        self.assertEqual(self._post(url, {"motivation": "First"}).status_code, 303)
        response = self._post(url, {"motivation": "Second"})
        self.assertEqual(response.status_code, 400)
        self.assertIn("already exists", response.text)
        response = self._post(
            f"/my/career/opportunities/{self.closed.id}/apply", {"motivation": "x"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("not open for applications", response.text)
        response = self._post(
            f"/my/career/opportunities/{self.project.id}/apply",
            {"motivation": "x" * 5000},
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("under 4000 characters", response.text)
        self.assertEqual(self._applications().motivation, "First")

    def test_user_without_employee(self):
        self.authenticate("career_portal_nobody", "career_portal_nobody")
        page = self.url_open("/my/career/opportunities")
        self.assertEqual(page.status_code, 200)
        self.assertIn("not linked to an employee", page.text)
        self.assertNotIn("Data rotation", page.text)
        response = self._post(
            f"/my/career/opportunities/{self.rotation.id}/apply", {"motivation": "x"}
        )
        self.assertEqual(response.status_code, 404)
