# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import fields, http
from odoo.tests import tagged
from odoo.tools import mute_logger

from .test_portal_http import CareerPortalCase


@tagged("post_install", "-at_install")
class TestCareerPortalGoals(CareerPortalCase):
    """The employee's goals on /my/career: which long-term goal is the target
    and how to choose it, short-term goals without a job, overdue flags."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Goal = cls.env["hr.career.goal"]
        cls.goal_lead, cls.goal_accountant = Goal.create(
            [
                {
                    "employee_id": cls.employee.id,
                    "name": "Lead the team",
                    "horizon": "long",
                    "target_job_id": cls.next_job.id,
                    "progress": 60,
                },
                {
                    "employee_id": cls.employee.id,
                    "name": "Switch to accounting",
                    "horizon": "long",
                    "target_job_id": cls.other_job.id,
                },
            ]
        )

    def _post(self, url, data=None, csrf=True):
        data = dict(data or {}, confirm="1")  # a body: url_open posts only then
        if csrf:
            data["csrf_token"] = http.Request.csrf_token(self)
        return self.url_open(url, data=data, allow_redirects=False)

    def _goal_row(self, page, goal):
        match = re.search(
            rf'<tr data-goal-id="{goal.id}">(.*?)</tr>', page, flags=re.DOTALL
        )
        self.assertTrue(match, f"goal {goal.name} is listed")
        return match.group(1)

    def test_dashboard_says_which_long_term_goal_is_the_target(self):
        self.authenticate("career_portal", "career_portal")
        page = self.url_open("/my/career").text
        self.assertIn("o_career_several_targets", page)
        self.assertIn("You have 2 open long-term goals", page)
        # the newest one is the target until Paula chooses
        self.assertIn(
            "o_career_goal_target", self._goal_row(page, self.goal_accountant)
        )
        self.assertNotIn("o_career_goal_target", self._goal_row(page, self.goal_lead))

    def test_employee_makes_another_long_term_goal_her_target(self):
        self.authenticate("career_portal", "career_portal")
        page = self.url_open(f"/my/career/goal/{self.goal_lead.id}").text
        self.assertIn("o_career_goal_make_target", page)
        self.assertNotIn(
            "o_career_goal_make_target",
            self.url_open(f"/my/career/goal/{self.goal_accountant.id}").text,
        )
        response = self._post(f"/my/career/goal/{self.goal_lead.id}/target")
        self.assertIn(response.status_code, (302, 303))
        self.assertEqual(self.employee.target_job_id, self.next_job)
        # nothing else of either goal changed
        self.assertEqual(
            (self.goal_lead.name, self.goal_lead.progress), ("Lead the team", 60)
        )
        self.assertEqual(self.goal_accountant.target_job_id, self.other_job)
        page = self.url_open("/my/career").text
        self.assertIn("o_career_goal_target", self._goal_row(page, self.goal_lead))

    @mute_logger("odoo.http")
    def test_target_choice_is_refused_for_others_short_goals_and_without_csrf(self):
        self.authenticate("career_portal", "career_portal")
        response = self._post(f"/my/career/goal/{self.other_goal.id}/target")
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.other_goal.is_main_target)
        response = self._post(f"/my/career/goal/{self.goal.id}/target")  # short
        self.assertEqual(response.status_code, 404)
        response = self._post(f"/my/career/goal/{self.goal_lead.id}/target", csrf=False)
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self.goal_lead.is_main_target)
        self.assertEqual(self.employee.target_job_id, self.other_job)

    def test_new_goal_form_has_its_description_and_a_short_goal_no_job(self):
        self.authenticate("career_portal", "career_portal")
        page = self.url_open("/my/career/goal/new").text
        self.assertRegex(
            page,
            r'<label for="description"[^>]*>Description</label>\s*'
            r'<textarea[^>]*id="description"[^>]*></textarea>',
        )
        self.assertIn("o_career_goal_target_job", page)
        response = self._post(
            "/my/career/goal/new",
            {
                "name": "Pair weekly",
                "horizon": "short",
                "target_job_id": self.next_job.id,
            },
        )
        self.assertIn(response.status_code, (302, 303))
        goal = self.env["hr.career.goal"].search([("name", "=", "Pair weekly")])
        self.assertEqual(goal.horizon, "short")
        self.assertFalse(goal.target_job_id, "a short-term goal aims at no job")

    def test_past_target_date_is_refused_with_a_message(self):
        self.authenticate("career_portal", "career_portal")
        yesterday = fields.Date.today() - relativedelta(days=1)
        response = self._post(
            "/my/career/goal/new",
            {"name": "Too late", "target_date": yesterday.isoformat()},
        )
        self.assertEqual(response.status_code, 200)
        # the model's rule (hr.career.goal._check_target_date), as in the backend
        self.assertIn("The target date cannot be in the past", response.text)
        self.assertFalse(self.env["hr.career.goal"].search([("name", "=", "Too late")]))

    def test_overdue_goals_and_actions_carry_a_badge(self):
        past = fields.Date.today() - relativedelta(days=5)
        plan = self.env["hr.development.plan"].create(
            {"employee_id": self.employee.id, "state": "active"}
        )
        # set ten days ago, when the dates were still ahead
        with freeze_time(fields.Date.today() - relativedelta(days=10)):
            self.goal_lead.target_date = past
            late = self.env["hr.development.action"].create(
                {
                    "plan_id": plan.id,
                    "name": "Read the refactoring book",
                    "action_type": "other",
                    "date_due": past,
                }
            )
        self.assertTrue(late.is_overdue)
        self.env["hr.development.action"].create(
            [
                {
                    "plan_id": plan.id,
                    "name": "Pair with the lead",
                    "action_type": "other",
                    "date_due": fields.Date.today() + relativedelta(days=5),
                },
            ]
        )
        self.authenticate("career_portal", "career_portal")
        page = self.url_open("/my/career").text
        self.assertIn("o_career_overdue", self._goal_row(page, self.goal_lead))
        self.assertNotIn("o_career_overdue", self._goal_row(page, self.goal_accountant))
        actions = page[page.index("o_career_actions") :]
        late = actions[actions.index("Read the refactoring book") :]
        self.assertIn("o_career_overdue", late[: late.index("</tr>")])
        on_time = actions[actions.index("Pair with the lead") :]
        self.assertNotIn("o_career_overdue", on_time[: on_time.index("</tr>")])
        page = self.url_open(f"/my/career/goal/{self.goal_lead.id}").text
        self.assertIn("o_career_goal_overdue", page)
