# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import fields, http
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.mail.tests.common import mail_new_test_user

from .test_portal_http import CareerPortalCase


class CareerPortalTeamCase(CareerPortalCase):
    """Paula Portal (portal user) reports to Maria Manager, who reports to
    Sam Skip; Pete Peer reports to Sam too (Maria's peer). Bruno, of company
    B, reports to Maria across companies. Paula manages Rita Report (no
    user). Paula has a goal, an active plan, a pending self-assessment."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        Employee = env["hr.employee"]

        def internal(login, name, company=None):
            company = company or env.company
            return mail_new_test_user(
                env,
                login=login,
                name=name,
                groups="base.group_user",
                company_id=company.id,
                company_ids=[(6, 0, company.ids)],
            )

        cls.company_b = env["res.company"].create({"name": "Team Portal B"})
        cls.user_skip = internal("team_skip", "Sam Skip")
        cls.user_maria = internal("team_maria", "Maria Manager")
        cls.user_peer = internal("team_peer", "Pete Peer")
        cls.user_bruno = internal("team_bruno", "Bruno B", cls.company_b)
        cls.emp_skip = Employee.create(
            {"name": "Sam Skip", "user_id": cls.user_skip.id}
        )
        cls.emp_maria, cls.emp_peer = Employee.create(
            [
                {
                    "name": "Maria Manager",
                    "user_id": cls.user_maria.id,
                    "parent_id": cls.emp_skip.id,
                },
                {
                    "name": "Pete Peer",
                    "user_id": cls.user_peer.id,
                    "parent_id": cls.emp_skip.id,
                },
            ]
        )
        cls.employee.parent_id = cls.emp_maria
        cls.emp_bruno = Employee.create(
            {
                "name": "Bruno B",
                "user_id": cls.user_bruno.id,
                "company_id": cls.company_b.id,
                "parent_id": cls.emp_maria.id,
            }
        )
        cls.emp_rita = Employee.create(
            {"name": "Rita Report", "parent_id": cls.employee.id, "job_id": cls.job.id}
        )
        cls.plan = env["hr.development.plan"].create(
            {"employee_id": cls.employee.id, "state": "active"}
        )
        cls.action = env["hr.development.action"].create(
            {"plan_id": cls.plan.id, "name": "Shadow the lead", "action_type": "other"}
        )
        cls.rita_plan = env["hr.development.plan"].create(
            {"employee_id": cls.emp_rita.id, "state": "active"}
        )
        Evidence = env["hr.skill.evidence"]
        cls.evidence = Evidence.create(
            {
                "employee_id": cls.employee.id,
                "skill_id": cls.testing.id,
                "level_id": cls.practitioner.id,
                "source": "Self-assessment",
            }
        )
        cls.rita_evidence = Evidence.create(
            {
                "employee_id": cls.emp_rita.id,
                "skill_id": cls.testing.id,
                "level_id": cls.practitioner.id,
                "source": "Self-assessment",
            }
        )

    def _url(self, employee, tail=""):
        return f"/my/career/team/{employee.id}{tail}"

    def _post(self, url, data=None, csrf=True):
        data = dict(data or {}, confirm="1")  # a body: url_open posts only then
        if csrf:
            data["csrf_token"] = http.Request.csrf_token(self)
        return self.url_open(url, data=data, allow_redirects=False)

    def _paula_actions(self):
        return self.env["hr.development.action"].search(
            [("employee_id", "=", self.employee.id)]
        )


@tagged("post_install", "-at_install")
class TestCareerPortalTeamMember(CareerPortalTeamCase):
    """/my/career/team/<employee>: what a manager sees of a report, at any
    depth, and the 404 everybody else gets."""

    def test_team_list_links_each_report_to_their_page(self):
        self.authenticate("team_maria", "team_maria")
        page = self.url_open("/my/career/team").text
        self.assertIn(f'href="/my/career/team/{self.employee.id}"', page)
        self.assertIn(f'href="/my/career/team/{self.emp_rita.id}"', page)

    def test_manager_sees_gaps_goals_plan_courses_and_self_assessments(self):
        self.authenticate("team_maria", "team_maria")
        response = self.url_open(self._url(self.employee))
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn("Paula Portal", page)
        self.assertIn("Refactoring", page)  # her gap
        self.assertIn("Lead the refactoring guild", page)  # her goal
        self.assertIn("Shadow the lead", page)  # her plan's action
        self.assertIn("Refactoring Deep Dive", page)  # the course for her gap
        self.assertIn(f'data-evidence-id="{self.evidence.id}"', page)
        self.assertIn("o_career_member_add_action", page)
        # her goals are hers to change: no form edits them here
        self.assertNotIn(f'action="/my/career/goal/{self.goal.id}"', page)
        self.assertNotIn("Secret promotion plan of Olga", page)

    def test_skip_level_manager_opens_a_report_two_levels_down(self):
        self.authenticate("team_skip", "team_skip")
        for employee in (self.emp_maria, self.employee, self.emp_rita):
            response = self.url_open(self._url(employee))
            self.assertEqual(response.status_code, 200, employee.name)
            self.assertIn(employee.name, response.text)

    def test_anyone_else_gets_404_and_nothing_of_the_report(self):
        cases = [
            ("team_peer", self.employee),  # a peer of her manager
            ("team_peer", self.emp_maria),  # a peer
            ("team_maria", self.emp_maria),  # oneself
            ("team_maria", self.emp_skip),  # one's own manager
            ("team_maria", self.emp_bruno),  # below, but in another company
            ("team_bruno", self.employee),  # another company's user
            ("career_portal", self.emp_maria),  # a report looking up
            ("career_other", self.employee),  # a stranger
        ]
        for login, employee in cases:
            with self.subTest(login=login, employee=employee.name):
                self.authenticate(login, login)
                response = self.url_open(self._url(employee))
                self.assertEqual(response.status_code, 404)
                self.assertNotIn("Shadow the lead", response.text)
        self.assertEqual(
            self.url_open(
                self._url(self.env["hr.employee"].browse(999999))
            ).status_code,
            404,
        )

    def test_portal_user_without_employee_gets_404(self):
        mail_new_test_user(
            self.env, login="team_nobody", groups="base.group_portal", name="Nobody"
        )
        self.authenticate("team_nobody", "team_nobody")
        self.assertEqual(self.url_open(self._url(self.employee)).status_code, 404)
        response = self._post(
            self._url(self.employee, "/action"), {"name": "x", "action_type": "other"}
        )
        self.assertEqual(response.status_code, 404)

    def test_portal_manager_reads_but_has_no_action_forms(self):
        self.authenticate("career_portal", "career_portal")
        response = self.url_open(self._url(self.emp_rita))
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_career_team_read_only", response.text)
        self.assertNotIn("o_career_member_add_action", response.text)
        self.assertNotIn("o_career_evidence_approve", response.text)


@tagged("post_install", "-at_install")
class TestCareerPortalTeamActions(CareerPortalTeamCase):
    """What a manager does from a report's page: POST with CSRF, as the
    manager (their record rules), refused for everybody else."""

    def _add_action(self, login, employee, **data):
        self.authenticate(login, login)
        values = {"name": "Run the next retrospective", "action_type": "coaching"}
        values.update(data)
        return self._post(self._url(employee, "/action"), values)

    def test_manager_adds_an_action_the_employee_then_sees(self):
        due = fields.Date.today() + relativedelta(days=30)
        response = self._add_action(
            "team_maria",
            self.employee,
            skill_id=str(self.refactoring.id),
            date_due=due.isoformat(),
        )
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("message=action_added", response.headers["Location"])
        action = self._paula_actions() - self.action
        self.assertEqual(action.plan_id, self.plan)
        self.assertEqual(
            (action.name, action.action_type, action.skill_id, action.date_due),
            ("Run the next retrospective", "coaching", self.refactoring, due),
        )
        self.assertEqual(action.create_uid, self.user_maria)
        # the employee's side: the action is on her dashboard
        self.authenticate("career_portal", "career_portal")
        self.assertIn("Run the next retrospective", self.url_open("/my/career").text)

    def test_skip_level_manager_adds_a_training_with_a_suggested_course(self):
        response = self._add_action(
            "team_skip",
            self.employee,
            action_type="training",
            channel_id=str(self.course.id),
        )
        self.assertIn(response.status_code, (302, 303))
        action = self._paula_actions() - self.action
        self.assertEqual(action.channel_id, self.course)

    def test_bad_input_answers_a_message_and_adds_nothing(self):
        yesterday = fields.Date.today() - relativedelta(days=1)
        for data, message in (
            ({"name": " "}, "Give the action a title."),
            ({"action_type": "mentoring"}, "Choose the type of the action."),
            (
                {
                    "action_type": "training",
                    "channel_id": str(self.unrelated_course.id),
                },
                "Choose one of the courses suggested",
            ),
            ({"skill_id": "999999"}, "Choose one of the skills"),
            ({"date_due": yesterday.isoformat()}, "is already past"),
        ):
            with self.subTest(data=data):
                response = self._add_action("team_maria", self.employee, **data)
                self.assertEqual(response.status_code, 200)
                self.assertIn(message, response.text)
        self.assertEqual(self._paula_actions(), self.action)

    def test_no_active_plan_is_said_and_nothing_is_created(self):
        self.plan.state = "done"
        response = self._add_action("team_maria", self.employee)
        self.assertEqual(response.status_code, 200)
        self.assertIn("has no active development plan", response.text)
        self.assertEqual(self._paula_actions(), self.action)

    @mute_logger("odoo.http")
    def test_action_is_refused_to_others_without_csrf_and_to_portal_managers(self):
        for login, employee, status in (
            ("team_peer", self.employee, 404),
            ("team_bruno", self.employee, 404),
            ("career_other", self.employee, 404),
            # a portal user manages Rita but holds no right on plans
            ("career_portal", self.emp_rita, 403),
        ):
            with self.subTest(login=login):
                response = self._add_action(login, employee)
                self.assertEqual(response.status_code, status)
        self.authenticate("team_maria", "team_maria")
        response = self._post(
            self._url(self.employee, "/action"),
            {"name": "No token", "action_type": "coaching"},
            csrf=False,
        )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self._paula_actions(), self.action)
        self.assertFalse(self.rita_plan.action_ids)

    def test_manager_validates_or_rejects_a_self_assessment(self):
        self.authenticate("team_maria", "team_maria")
        response = self._post(
            self._url(self.employee, f"/evidence/{self.evidence.id}/approve")
        )
        self.assertIn(response.status_code, (302, 303))
        self.assertEqual(self.evidence.state, "applied")
        level = self.employee.employee_skill_ids.filtered(
            lambda s: s.skill_id == self.testing
        ).skill_level_id
        self.assertEqual(level, self.practitioner)
        # deciding twice says so and changes nothing
        response = self._post(
            self._url(self.employee, f"/evidence/{self.evidence.id}/reject")
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("nothing left to validate", response.text)
        self.assertEqual(self.evidence.state, "applied")
        # the skip-level manager rejects Rita's proposal
        self.authenticate("team_skip", "team_skip")
        response = self._post(
            self._url(self.emp_rita, f"/evidence/{self.rita_evidence.id}/reject")
        )
        self.assertIn(response.status_code, (302, 303))
        self.assertEqual(self.rita_evidence.state, "rejected")

    def test_self_assessment_decision_is_refused_to_others(self):
        for login, url, status in (
            # a peer, on the report's page
            ("team_peer", f"/evidence/{self.evidence.id}/approve", 404),
            # Maria, with Rita's proposal under Paula's page: not Paula's
            ("team_maria", f"/evidence/{self.rita_evidence.id}/approve", 404),
            ("team_maria", f"/evidence/{self.evidence.id}/maybe", 404),
        ):
            with self.subTest(login=login, url=url):
                self.authenticate(login, login)
                response = self._post(self._url(self.employee, url))
                self.assertEqual(response.status_code, status)
        # Paula (portal) manages Rita but may not validate skills
        self.authenticate("career_portal", "career_portal")
        response = self._post(
            self._url(self.emp_rita, f"/evidence/{self.rita_evidence.id}/approve")
        )
        self.assertEqual(response.status_code, 403)
        self.assertEqual(
            (self.evidence | self.rita_evidence).mapped("state"), ["pending"] * 2
        )

    def test_manager_confirms_an_achieved_goal(self):
        self.goal.write({"state": "achieved"})
        self.assertTrue(self.goal.achievement_to_confirm)
        self.authenticate("team_peer", "team_peer")
        response = self._post(self._url(self.employee, f"/goal/{self.goal.id}/confirm"))
        self.assertEqual(response.status_code, 404)
        self.assertTrue(self.goal.achievement_to_confirm)
        self.authenticate("team_maria", "team_maria")
        self.assertIn(
            "o_career_goal_confirm", self.url_open(self._url(self.employee)).text
        )
        response = self._post(self._url(self.employee, f"/goal/{self.goal.id}/confirm"))
        self.assertIn(response.status_code, (302, 303))
        self.assertEqual(self.goal.achievement_confirmed_by_id, self.user_maria)
