# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Portal users linked to an employee read and write their career records as
themselves, under the portal record rules (security/
hr_career_portal_security.xml): their own, their reports' for reading, nobody
else's; a portal user linked to no employee reads nothing. Over the ORM and
over the portal's URLs."""

from odoo import http
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.mail.tests.common import mail_new_test_user

from .test_portal_http import CareerPortalCase

MODELS = (
    "hr.career.goal",
    "hr.skill.evidence",
    "hr.career.opportunity.application",
    "hr.career.opportunity",
    "hr.skill",
    "hr.skill.level",
    "hr.skill.type",
    "slide.channel.skill",
)


class CareerPortalAccessCase(CareerPortalCase):
    """Paula (portal, from CareerPortalCase) manages Rita; Bruno is another
    portal user with an employee of his own; Nora is a portal user linked to
    no employee. Each employee has a goal, a pending self-assessment and an
    application."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.bruno_user = mail_new_test_user(
            env, login="career_portal_bruno", groups="base.group_portal", name="Bruno"
        )
        cls.bruno = env["hr.employee"].create(
            {"name": "Bruno Portal", "user_id": cls.bruno_user.id, "job_id": cls.job.id}
        )
        cls.nobody_user = mail_new_test_user(
            env, login="career_portal_nora", groups="base.group_portal", name="Nora"
        )
        cls.report = env["hr.employee"].create(
            {"name": "Rita Report", "parent_id": cls.employee.id, "job_id": cls.job.id}
        )
        Goal = env["hr.career.goal"]
        cls.bruno_goal = Goal.create(
            {"employee_id": cls.bruno.id, "name": "Bruno's hidden ambition"}
        )
        cls.report_goal = Goal.create(
            {"employee_id": cls.report.id, "name": "Rita's stretch goal"}
        )
        cls.evidence = {
            employee: env["hr.skill.evidence"].create(
                {
                    "employee_id": employee.id,
                    "skill_id": cls.testing.id,
                    "level_id": cls.practitioner.id,
                    "source": f"Proposal of {employee.name}",
                }
            )
            for employee in (cls.employee, cls.bruno, cls.report)
        }
        Opportunity = env["hr.career.opportunity"]
        cls.opportunity = Opportunity.create(
            {
                "name": "Portal rotation",
                "owner_id": cls.other_employee.id,
                "state": "open",
                "seats": 5,
            }
        )
        cls.draft = Opportunity.create(
            {"name": "Portal secret draft", "owner_id": cls.other_employee.id}
        )
        cls.other_company = env["res.company"].create({"name": "Portal Other Co"})
        foreign_owner = env["hr.employee"].create(
            {"name": "Portal Foreign Owner", "company_id": cls.other_company.id}
        )
        cls.foreign = Opportunity.create(
            {
                "name": "Portal foreign rotation",
                "owner_id": foreign_owner.id,
                "company_id": cls.other_company.id,
                "state": "open",
            }
        )
        cls.applied = Opportunity.create(
            {
                "name": "Portal project",
                "opportunity_type": "project",
                "owner_id": cls.other_employee.id,
                "state": "open",
                "seats": 5,
            }
        )
        Application = env["hr.career.opportunity.application"]
        cls.application = Application.create(
            {
                "opportunity_id": cls.applied.id,
                "employee_id": cls.employee.id,
                "motivation": "Paula's reasons",
            }
        )
        cls.bruno_application = Application.create(
            {
                "opportunity_id": cls.applied.id,
                "employee_id": cls.bruno.id,
                "motivation": "Bruno's private reasons",
            }
        )


@tagged("post_install", "-at_install")
class TestPortalRecordRules(CareerPortalAccessCase):
    """The ORM as the portal user (JSON-RPC reaches the same)."""

    def _as(self, user, model):
        return self.env[model].with_user(user)

    def test_portal_employee_reads_own_and_reports_records_only(self):
        Goal = self._as(self.portal_user, "hr.career.goal")
        self.assertEqual(Goal.search([]), self.goal | self.report_goal)
        Evidence = self._as(self.portal_user, "hr.skill.evidence")
        self.assertEqual(Evidence.search([]), self.evidence[self.employee])
        Application = self._as(self.portal_user, "hr.career.opportunity.application")
        self.assertEqual(Application.search([]), self.application)
        self.assertEqual(
            Application.search([]).read(["motivation"])[0]["motivation"],
            "Paula's reasons",
        )

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_portal_employee_cannot_read_or_write_anothers_records(self):
        for record in (
            self.bruno_goal,
            self.other_goal,
            self.evidence[self.bruno],
            self.bruno_application,
        ):
            with self.subTest(record=record), self.assertRaises(AccessError):
                record.with_user(self.portal_user).read(["display_name"])
        with self.assertRaises(AccessError):
            self.bruno_goal.with_user(self.portal_user).write({"progress": 99})
        with self.assertRaises(AccessError):
            self.bruno_application.with_user(self.portal_user).write(
                {"motivation": "Rewritten by Paula"}
            )
        self.assertEqual(self.bruno_goal.progress, 0)
        self.assertEqual(self.bruno_application.motivation, "Bruno's private reasons")

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_portal_employee_creates_for_themselves_only(self):
        Goal = self._as(self.portal_user, "hr.career.goal")
        own = Goal.create({"employee_id": self.employee.id, "name": "Mine"})
        self.assertEqual(own.create_uid, self.portal_user)
        with self.assertRaises(AccessError):
            Goal.create({"employee_id": self.bruno.id, "name": "For Bruno"})
        Application = self._as(self.portal_user, "hr.career.opportunity.application")
        with self.assertRaises(AccessError):
            Application.create(
                {"opportunity_id": self.opportunity.id, "employee_id": self.bruno.id}
            )
        mine = Application.create(
            {"opportunity_id": self.opportunity.id, "employee_id": self.employee.id}
        )
        self.assertEqual(mine.employee_id, self.employee)
        with self.assertRaises(AccessError):
            self._as(self.portal_user, "hr.skill.evidence").create(
                {
                    "employee_id": self.employee.id,
                    "skill_id": self.refactoring.id,
                    "level_id": self.expert.id,
                }
            )

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_portal_manager_cannot_decide_on_reports_proposal(self):
        evidence = self.evidence[self.report].with_user(self.portal_user)
        with self.assertRaises(AccessError):
            evidence.read(["state"])
        with self.assertRaises(AccessError):
            evidence.action_approve()
        self.assertEqual(self.evidence[self.report].state, "pending")

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_portal_manager_reads_reports_goal_but_does_not_write_it(self):
        goal = self.report_goal.with_user(self.portal_user)
        self.assertEqual(goal.name, "Rita's stretch goal")
        with self.assertRaises(AccessError):
            goal.write({"progress": 80})
        with self.assertRaises(AccessError):
            self._as(self.portal_user, "hr.career.goal").create(
                {"employee_id": self.report.id, "name": "Set for Rita"}
            )
        self.assertEqual(self.report_goal.progress, 0)

    def test_field_policy_applies_to_portal_users(self):
        goal = self.goal.with_user(self.portal_user)
        goal.write({"progress": 40})
        self.assertEqual(self.goal.progress, 40)
        for vals in (
            {"employee_id": self.bruno.id},
            {"company_id": self.other_company.id},
            {"achievement_confirmed_by_id": self.portal_user.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                goal.write(vals)
        self.assertEqual(self.goal.employee_id, self.employee)
        with self.assertRaises(AccessError):
            self.application.with_user(self.portal_user).write(
                {"opportunity_id": self.opportunity.id}
            )

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_portal_employee_reads_open_opportunities_of_their_company(self):
        Opportunity = self._as(self.portal_user, "hr.career.opportunity")
        found = Opportunity.search([])
        self.assertIn(self.opportunity, found)
        self.assertIn(self.applied, found)
        self.assertNotIn(self.draft, found)
        self.assertNotIn(self.foreign, found)
        with self.assertRaises(AccessError):
            self.draft.with_user(self.portal_user).read(["name"])
        with self.assertRaises(AccessError):
            self.opportunity.with_user(self.portal_user).write({"name": "Renamed"})
        # closed after Paula applied: her application still names it
        self.applied.state = "closed"
        self.assertEqual(
            self.application.with_user(self.portal_user).opportunity_id.name,
            "Portal project",
        )

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_portal_user_without_employee_reads_nothing(self):
        for model in MODELS:
            with self.subTest(model=model):
                self.assertFalse(self._as(self.nobody_user, model).search([]))
        with self.assertRaises(AccessError):
            self.goal.with_user(self.nobody_user).read(["name"])
        with self.assertRaises(AccessError):
            self._as(self.nobody_user, "hr.career.goal").create(
                {"employee_id": self.employee.id, "name": "Not mine"}
            )
        with self.assertRaises(AccessError):
            self._as(self.nobody_user, "hr.career.opportunity.application").create(
                {"opportunity_id": self.opportunity.id, "employee_id": self.employee.id}
            )


@tagged("post_install", "-at_install")
class TestPortalRecordRulesHttp(CareerPortalAccessCase):
    """The portal's URLs, as portal users: the same refusals."""

    def _post(self, url, data):
        data = dict(data, csrf_token=http.Request.csrf_token(self))
        return self.url_open(url, data=data, allow_redirects=False)

    def test_another_portal_employees_goal_answers_404(self):
        self.authenticate("career_portal", "career_portal")
        for goal in (self.bruno_goal, self.report_goal):
            with self.subTest(goal=goal.name):
                response = self.url_open(f"/my/career/goal/{goal.id}")
                self.assertEqual(response.status_code, 404)
                self.assertNotIn(goal.name, response.text)
                response = self._post(f"/my/career/goal/{goal.id}", {"progress": "99"})
                self.assertEqual(response.status_code, 404)
                response = self._post(f"/my/career/goal/{goal.id}/target", {})
                self.assertEqual(response.status_code, 404)
        self.assertEqual(self.bruno_goal.progress, 0)
        self.assertEqual(self.report_goal.progress, 0)

    def test_dashboard_shows_own_records_as_the_user(self):
        self.authenticate("career_portal", "career_portal")
        page = self.url_open("/my/career").text
        self.assertIn("Lead the refactoring guild", page)
        self.assertIn("Testing → Practitioner", page)  # Paula's pending proposal
        self.assertNotIn("Bruno's hidden ambition", page)
        self.assertNotIn("Rita's stretch goal", page)
        self.assertIn(f'data-goal-id="{self.goal.id}"', page)
        self.assertNotIn(f'data-goal-id="{self.report_goal.id}"', page)

    def test_new_goal_is_created_by_the_portal_user(self):
        self.authenticate("career_portal", "career_portal")
        response = self._post("/my/career/goal/new", {"name": "Own portal goal"})
        self.assertIn(response.status_code, (302, 303))
        goal = self.env["hr.career.goal"].search([("name", "=", "Own portal goal")])
        self.assertEqual(goal.employee_id, self.employee)
        self.assertEqual(goal.create_uid, self.portal_user)

    def test_opportunities_page_lists_own_applications_only(self):
        self.authenticate("career_portal", "career_portal")
        page = self.url_open("/my/career/opportunities").text
        self.assertIn("o_career_my_applications", page)
        self.assertIn("Portal project", page)
        self.assertNotIn("Bruno's private reasons", page)
        self.assertNotIn("Portal secret draft", page)
        self.assertNotIn("Portal foreign rotation", page)

    def test_application_is_created_by_the_portal_user_for_themselves(self):
        self.authenticate("career_portal", "career_portal")
        response = self._post(
            f"/my/career/opportunities/{self.opportunity.id}/apply",
            {"motivation": "Rotating", "employee_id": self.bruno.id},
        )
        self.assertIn(response.status_code, (302, 303))
        application = self.env["hr.career.opportunity.application"].search(
            [("opportunity_id", "=", self.opportunity.id)]
        )
        self.assertEqual(application.employee_id, self.employee)
        self.assertEqual(application.create_uid, self.portal_user)
        for opportunity in (self.draft, self.foreign):
            response = self._post(
                f"/my/career/opportunities/{opportunity.id}/apply", {"motivation": "x"}
            )
            self.assertEqual(response.status_code, 404)

    def test_portal_user_without_employee_gets_nothing(self):
        self.authenticate("career_portal_nora", "career_portal_nora")
        self.assertIn("not linked to an employee", self.url_open("/my/career").text)
        for url in (
            f"/my/career/goal/{self.goal.id}",
            "/my/career/goal/new",
            "/my/career/team",
            f"/my/career/team/{self.report.id}",
        ):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 404)
                self.assertNotIn("Lead the refactoring guild", response.text)
        response = self._post(
            f"/my/career/opportunities/{self.opportunity.id}/apply", {"motivation": "x"}
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.opportunity.application_ids)
