# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.tests import tagged
from odoo.tools import mute_logger

from .test_portal_http import CareerPortalCase


@tagged("post_install", "-at_install")
class TestCareerPortalPaths(CareerPortalCase):
    """/my/career/paths: the next jobs of Paula's path, her readiness for each,
    what she misses and the courses that close it.

    Portal Lead requires Refactoring 100 critical and Testing 60 important;
    Paula has Refactoring 20: readiness = 100 * (1 - (3*80 + 2*60) / (3*100 +
    2*60)) = 14 %, ready in ceil(24 * 360 / 420) = 21 months."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        env["hr.job.competency"].create(
            [
                {
                    "job_id": cls.next_job.id,
                    "skill_id": cls.refactoring.id,
                    "required_level_id": cls.expert.id,
                    "importance": "critical",
                },
                {
                    "job_id": cls.next_job.id,
                    "skill_id": cls.testing.id,
                    "required_level_id": cls.practitioner.id,
                    "importance": "important",
                },
            ]
        )
        cls.manager_job = env["hr.job"].create({"name": "Portal Team Manager"})
        env["hr.career.path"].create(
            {
                "from_job_id": cls.job.id,
                "to_job_id": cls.manager_job.id,
                "track": "management",
                "typical_months": 12,
            }
        )

    def _post(self, url, data=None, csrf=True):
        data = dict(data or {}, confirm="1")  # a body: url_open posts only then
        if csrf:
            data["csrf_token"] = http.Request.csrf_token(self)
        return self.url_open(url, data=data, allow_redirects=False)

    def _open_long_goals(self):
        return self.env["hr.career.goal"].search(
            [
                ("employee_id", "=", self.employee.id),
                ("horizon", "=", "long"),
                ("state", "in", ("draft", "in_progress")),
            ]
        )

    def test_paths_page_shows_next_jobs_by_track_with_readiness(self):
        self.authenticate("career_portal", "career_portal")
        response = self.url_open("/my/career/paths")
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn("Portal Lead", page)
        self.assertIn("Portal Team Manager", page)
        self.assertIn("Technical", page)
        self.assertIn("Management", page)
        self.assertIn('data-readiness="14"', page)
        self.assertIn('data-readiness="100"', page)  # the manager job needs nothing
        self.assertIn('<span class="o_career_months">21</span>', page)
        self.assertIn("Refactoring Deep Dive", page)
        self.assertNotIn("Knitting Basics", page)
        self.assertNotIn("Portal Accountant", page)

    def test_dashboard_links_to_paths(self):
        self.authenticate("career_portal", "career_portal")
        self.assertIn('href="/my/career/paths"', self.url_open("/my/career").text)

    def test_make_target_creates_a_goal_and_never_rewrites_another(self):
        self.authenticate("career_portal", "career_portal")
        response = self._post(f"/my/career/paths/{self.next_job.id}/target")
        self.assertIn(response.status_code, (302, 303))
        goal = self._open_long_goals()
        self.assertEqual(len(goal), 1)
        self.assertEqual(goal.target_job_id, self.next_job)
        self.assertEqual(self.employee.target_job_id, self.next_job)
        goal.write({"name": "Lead the platform team", "progress": 60})
        response = self._post(f"/my/career/paths/{self.manager_job.id}/target")
        self.assertIn(response.status_code, (302, 303))
        # the first goal keeps its job, title and progress; a new one aims at
        # the manager job and is the target
        self.assertEqual(
            (goal.name, goal.progress, goal.target_job_id),
            ("Lead the platform team", 60, self.next_job),
        )
        new_goal = self._open_long_goals() - goal
        self.assertEqual(new_goal.target_job_id, self.manager_job)
        self.assertEqual(self.employee.target_job_id, self.manager_job)
        # aiming again at the first job reuses its goal: no third goal
        response = self._post(f"/my/career/paths/{self.next_job.id}/target")
        self.assertEqual(self._open_long_goals(), goal | new_goal)
        self.assertEqual(self.employee.target_job_id, self.next_job)
        self.assertTrue(goal.is_main_target)

    def test_paths_page_shows_a_target_that_is_not_a_next_step(self):
        self.env["hr.career.path"].create(
            {"from_job_id": self.next_job.id, "to_job_id": self.other_job.id}
        )
        self.env["hr.career.goal"].create(
            {
                "employee_id": self.employee.id,
                "name": "Two steps away",
                "horizon": "long",
                "target_job_id": self.other_job.id,
            }
        )
        self.authenticate("career_portal", "career_portal")
        page = self.url_open("/my/career/paths").text
        self.assertIn("o_career_target_elsewhere", page)
        self.assertIn("Portal Accountant", page)
        self.assertIn("Not a next step from your current job", page)
        # a target that is a next step is marked on its card, not repeated
        self._post(f"/my/career/paths/{self.next_job.id}/target")
        page = self.url_open("/my/career/paths").text
        self.assertNotIn("o_career_target_elsewhere", page)
        self.assertIn("My target", page)

    def test_job_off_the_path_answers_404(self):
        self.authenticate("career_portal", "career_portal")
        response = self.url_open(f"/my/career/paths/{self.other_job.id}")
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Portal Accountant", response.text)
        response = self._post(f"/my/career/paths/{self.other_job.id}/target")
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self._open_long_goals())

    def test_next_step_page_answers_for_own_path_only(self):
        self.authenticate("career_portal", "career_portal")
        response = self.url_open(f"/my/career/paths/{self.next_job.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Portal Lead", response.text)
        self.assertNotIn("Portal Team Manager", response.text)
        # Olga has no job: Paula's next step is not hers
        self.authenticate("career_other", "career_other")
        response = self.url_open(f"/my/career/paths/{self.next_job.id}")
        self.assertEqual(response.status_code, 404)
        page = self.url_open("/my/career/paths").text
        self.assertNotIn("Portal Lead", page)

    @mute_logger("odoo.http")
    def test_make_target_without_csrf_changes_nothing(self):
        self.authenticate("career_portal", "career_portal")
        response = self._post(f"/my/career/paths/{self.next_job.id}/target", csrf=False)
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._open_long_goals())
