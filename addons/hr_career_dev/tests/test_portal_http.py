# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.mail.tests.common import mail_new_test_user


class CareerPortalCase(HttpCase):
    """An employee (portal user) with a job, gaps, a suggested course and a goal;
    another employee with a goal of their own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.skill_type = env["hr.skill.type"].create(
            {
                "name": "Portal Craft",
                "skill_ids": [
                    (0, 0, {"name": "Refactoring"}),
                    (0, 0, {"name": "Testing"}),
                ],
                "skill_level_ids": [
                    (0, 0, {"name": "Novice", "level_progress": 20}),
                    (0, 0, {"name": "Practitioner", "level_progress": 60}),
                    (0, 0, {"name": "Expert", "level_progress": 100}),
                ],
            }
        )
        cls.refactoring, cls.testing = cls.skill_type.skill_ids
        levels = {lvl.name: lvl for lvl in cls.skill_type.skill_level_ids}
        cls.novice = levels["Novice"]
        cls.practitioner = levels["Practitioner"]
        cls.expert = levels["Expert"]
        cls.job = env["hr.job"].create({"name": "Portal Developer"})
        cls.next_job = env["hr.job"].create({"name": "Portal Lead"})
        cls.other_job = env["hr.job"].create({"name": "Portal Accountant"})
        env["hr.career.path"].create(
            {"from_job_id": cls.job.id, "to_job_id": cls.next_job.id}
        )
        env["hr.job.competency"].create(
            [
                {
                    "job_id": cls.job.id,
                    "skill_id": cls.refactoring.id,
                    "required_level_id": cls.expert.id,
                    "importance": "critical",
                },
                {
                    "job_id": cls.job.id,
                    "skill_id": cls.testing.id,
                    "required_level_id": cls.practitioner.id,
                    "importance": "nice",
                },
            ]
        )
        cls.portal_user = mail_new_test_user(
            env, login="career_portal", groups="base.group_portal", name="Paula Portal"
        )
        cls.employee = env["hr.employee"].create(
            {
                "name": "Paula Portal",
                "user_id": cls.portal_user.id,
                "job_id": cls.job.id,
            }
        )
        env["hr.employee.skill"].create(
            {
                "employee_id": cls.employee.id,
                "skill_id": cls.refactoring.id,
                "skill_type_id": cls.skill_type.id,
                "skill_level_id": cls.novice.id,
            }
        )
        cls.course = env["slide.channel"].create(
            {"name": "Refactoring Deep Dive", "is_published": True, "enroll": "public"}
        )
        cls.course.skill_ids = [
            (0, 0, {"skill_id": cls.refactoring.id, "level_id": cls.expert.id})
        ]
        cls.unrelated_course = env["slide.channel"].create(
            {"name": "Knitting Basics", "is_published": True, "enroll": "public"}
        )
        cls.goal = env["hr.career.goal"].create(
            {
                "employee_id": cls.employee.id,
                "name": "Lead the refactoring guild",
                "progress": 10,
            }
        )
        cls.other_user = mail_new_test_user(
            env, login="career_other", groups="base.group_user", name="Olga Other"
        )
        cls.other_employee = env["hr.employee"].create(
            {"name": "Olga Other", "user_id": cls.other_user.id}
        )
        cls.other_goal = env["hr.career.goal"].create(
            {
                "employee_id": cls.other_employee.id,
                "name": "Secret promotion plan of Olga",
                "progress": 30,
            }
        )


@tagged("post_install", "-at_install")
class TestCareerPortal(CareerPortalCase):
    """/my/career over real HTTP: what the employee sees, what they may change,
    and what is refused."""

    def _post(self, url, data, csrf=True):
        if csrf:
            data = dict(data, csrf_token=http.Request.csrf_token(self))
        return self.url_open(url, data=data, allow_redirects=False)

    def test_anonymous_visitor_is_sent_to_login(self):
        response = self.url_open("/my/career", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])

    def test_dashboard_shows_job_fit_gaps_and_suggestion_with_why(self):
        self.authenticate("career_portal", "career_portal")
        response = self.url_open("/my/career")
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn("Portal Developer", page)
        # fit: refactoring 20/100 critical, testing 0/60 nice
        # = 100 * (1 - (3*80 + 1*60) / (3*100 + 1*60)) = 17
        self.assertIn("17%", page)
        self.assertIn("Refactoring Deep Dive", page)
        self.assertIn("Novice → Expert", page)
        self.assertNotIn("Knitting Basics", page)
        self.assertIn("Lead the refactoring guild", page)
        self.assertNotIn("Secret promotion plan of Olga", page)

    def test_portal_home_has_a_career_entry(self):
        self.authenticate("career_portal", "career_portal")
        response = self.url_open("/my")
        self.assertEqual(response.status_code, 200)
        self.assertIn('href="/my/career"', response.text)

    def test_another_persons_goal_answers_404_and_shows_nothing(self):
        self.authenticate("career_portal", "career_portal")
        response = self.url_open(f"/my/career/goal/{self.other_goal.id}")
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Secret promotion plan of Olga", response.text)
        response = self._post(
            f"/my/career/goal/{self.other_goal.id}", {"progress": "99"}
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.other_goal.progress, 30)

    def test_post_updates_own_goal_progress_and_escapes_html(self):
        self.authenticate("career_portal", "career_portal")
        response = self._post(
            f"/my/career/goal/{self.goal.id}",
            {"progress": "55", "description": "<script>alert(1)</script>Pairing"},
        )
        self.assertIn(response.status_code, (302, 303))
        self.goal.invalidate_recordset()
        self.assertEqual(self.goal.progress, 55)
        self.assertNotIn("<script>", self.goal.description)
        self.assertIn("Pairing", self.goal.description)

    @mute_logger("odoo.http")
    def test_post_without_csrf_token_changes_nothing(self):
        self.authenticate("career_portal", "career_portal")
        response = self._post(
            f"/my/career/goal/{self.goal.id}", {"progress": "77"}, csrf=False
        )
        self.assertEqual(response.status_code, 400)
        self.goal.invalidate_recordset()
        self.assertEqual(self.goal.progress, 10)

    def test_progress_out_of_range_is_refused_with_a_message(self):
        self.authenticate("career_portal", "career_portal")
        response = self._post(f"/my/career/goal/{self.goal.id}", {"progress": "150"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("Progress is a whole number from 0 to 100.", response.text)
        self.goal.invalidate_recordset()
        self.assertEqual(self.goal.progress, 10)

    def test_new_long_term_goal_targets_a_next_step_of_the_path(self):
        self.authenticate("career_portal", "career_portal")
        page = self.url_open("/my/career/goal/new").text
        self.assertIn("Portal Lead", page)
        self.assertNotIn("Portal Accountant", page)
        response = self._post(
            "/my/career/goal/new",
            {
                "name": "Become lead",
                "horizon": "long",
                "target_job_id": self.next_job.id,
            },
        )
        self.assertIn(response.status_code, (302, 303))
        goal = self.env["hr.career.goal"].search([("name", "=", "Become lead")])
        self.assertEqual(goal.employee_id, self.employee)
        self.assertEqual(goal.target_job_id, self.next_job)
        self.assertEqual(self.employee.target_job_id, self.next_job)

    def test_new_goal_with_a_job_outside_the_path_is_refused(self):
        self.authenticate("career_portal", "career_portal")
        response = self._post(
            "/my/career/goal/new",
            {"name": "Jump", "horizon": "long", "target_job_id": self.other_job.id},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Choose a target job among the next steps", response.text)
        self.assertFalse(self.env["hr.career.goal"].search([("name", "=", "Jump")]))

    def test_enrol_in_suggested_course_only(self):
        self.authenticate("career_portal", "career_portal")
        response = self._post(f"/my/career/enroll/{self.unrelated_course.id}", {})
        self.assertEqual(response.status_code, 404)
        response = self._post(f"/my/career/enroll/{self.course.id}", {})
        self.assertIn(response.status_code, (302, 303))
        members = self.env["slide.channel.partner"].search(
            [("partner_id", "=", self.portal_user.partner_id.id)]
        )
        self.assertEqual(members.channel_id, self.course)

    def test_user_without_employee_sees_an_explanation(self):
        mail_new_test_user(
            self.env, login="career_nobody", groups="base.group_portal", name="Nobody"
        )
        self.authenticate("career_nobody", "career_nobody")
        response = self.url_open("/my/career")
        self.assertEqual(response.status_code, 200)
        self.assertIn("not linked to an employee", response.text)

    def test_self_assessment_is_pending_until_the_manager_validates(self):
        self.authenticate("career_portal", "career_portal")
        response = self._post(
            "/my/career/skill/propose",
            {"skill_id": self.refactoring.id, "level_id": self.practitioner.id},
        )
        self.assertIn(response.status_code, (302, 303))
        evidence = self.env["hr.skill.evidence"].search(
            [("employee_id", "=", self.employee.id)]
        )
        self.assertEqual(evidence.state, "pending")
        self.assertEqual(evidence.level_id, self.practitioner)
        skill = self.employee.employee_skill_ids.filtered(
            lambda s: s.skill_id == self.refactoring
        )
        self.assertEqual(skill.skill_level_id, self.novice, "not applied yet")
        evidence.action_approve()
        self.assertEqual(skill.skill_level_id, self.practitioner)

    def test_self_assessment_with_a_level_of_another_skill_type_is_refused(self):
        other_type = self.env["hr.skill.type"].create(
            {
                "name": "Languages (portal test)",
                "skill_ids": [(0, 0, {"name": "Klingon"})],
                "skill_level_ids": [(0, 0, {"name": "Fluent", "level_progress": 100})],
            }
        )
        self.authenticate("career_portal", "career_portal")
        response = self._post(
            "/my/career/skill/propose",
            {
                "skill_id": self.refactoring.id,
                "level_id": other_type.skill_level_ids.id,
            },
        )
        self.assertIn("invalid_skill", response.headers["Location"])
        self.assertFalse(
            self.env["hr.skill.evidence"].search(
                [("employee_id", "=", self.employee.id)]
            )
        )


@tagged("post_install", "-at_install")
class TestCareerPortalTeam(CareerPortalCase):
    """A manager's team view: their reports at any depth, nobody else's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.report = cls.env["hr.employee"].create(
            {"name": "Rita Report", "parent_id": cls.employee.id, "job_id": cls.job.id}
        )
        cls.report_of_report = cls.env["hr.employee"].create(
            {"name": "Sam Subreport", "parent_id": cls.report.id}
        )
        cls.stranger = cls.env["hr.employee"].create({"name": "Tom Stranger"})

    def test_manager_sees_reports_at_any_depth_with_their_fit(self):
        self.authenticate("career_portal", "career_portal")
        self.assertIn('href="/my/career/team"', self.url_open("/my/career").text)
        page = self.url_open("/my/career/team")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Rita Report", page.text)
        self.assertIn("Sam Subreport", page.text)
        self.assertNotIn("Tom Stranger", page.text)
        self.assertNotIn("Olga Other", page.text)
        # Rita lacks both skills of the job: fit 0%
        self.assertIn("0%", page.text)

    def test_employee_without_reports_gets_404(self):
        self.authenticate("career_other", "career_other")
        self.assertNotIn('href="/my/career/team"', self.url_open("/my/career").text)
        response = self.url_open("/my/career/team")
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Rita Report", response.text)
