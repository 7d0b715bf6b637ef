# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 20: what a first-time user met in the walkthrough."""

from lxml import html

from odoo import http
from odoo.exceptions import ValidationError
from odoo.tests import Form, TransactionCase, tagged

from .common import CareerCase
from .test_portal_http import CareerPortalCase


@tagged("post_install", "-at_install")
class TestMistakesLogNoError(CareerCase):
    """A user's mistake gets a message before the database sees the value:
    its CHECK constraint would log the failed query at ERROR level first."""

    def assertRefusedWithoutDbError(self, attempt, *expected):
        with self.assertNoLogs("odoo.sql_db", level="ERROR"):
            with self.assertRaises(ValidationError) as caught:
                attempt()
        for text in expected:
            self.assertIn(text, str(caught.exception))

    def test_goal_progress_out_of_range(self):
        Goal = self.env["hr.career.goal"].with_user(self.user_employee)
        self.assertRefusedWithoutDbError(
            lambda: Goal.create(
                {
                    "name": "Too far",
                    "employee_id": self.emp_employee.id,
                    "progress": 150,
                }
            ),
            "150",
            "100",
        )
        self.assertFalse(Goal.search([("name", "=", "Too far")]))
        self.assertRefusedWithoutDbError(
            lambda: self.goal_lead.write({"progress": -5}), "-5"
        )
        self.assertEqual(self.goal_lead.progress, 0)

    def test_career_path_template_and_plan_values(self):
        Path = self.env["hr.career.path"]
        self.assertRefusedWithoutDbError(
            lambda: Path.create(
                {
                    "from_job_id": self.job_dev.id,
                    "to_job_id": self.job_lead.id,
                    "typical_months": -3,
                }
            ),
            "-3",
        )
        self.assertRefusedWithoutDbError(
            lambda: Path.create(
                {"from_job_id": self.job_dev.id, "to_job_id": self.job_dev.id}
            ),
            self.job_dev.name,
        )
        path = Path.create(
            {"from_job_id": self.job_dev.id, "to_job_id": self.job_lead.id}
        )
        self.assertRefusedWithoutDbError(
            lambda: path.write({"to_job_id": self.job_dev.id}), self.job_dev.name
        )
        self.assertRefusedWithoutDbError(
            lambda: self.env["hr.career.goal.template"].create(
                {"name": "Negative", "duration_days": -1}
            ),
            "-1",
        )
        plan = self.env["hr.development.plan"].create(
            {"employee_id": self.emp_employee.id, "date_start": "2026-03-01"}
        )
        self.assertRefusedWithoutDbError(
            lambda: plan.write({"date_end": "2026-02-01"}), "2026-02-01"
        )
        self.assertFalse(plan.date_end)


@tagged("post_install", "-at_install")
class TestJobCompetencyForm(CareerCase):
    def test_changing_the_skill_keeps_a_level_of_its_type(self):
        """Another skill type: the level becomes one of that type (the form
        saves) instead of going blank ("Invalid fields: Competencies")."""
        with Form(self.job_dev, view="hr.view_hr_job_form") as job_form:
            with job_form.competency_ids.new() as line:
                line.skill_id = self.js
                line.required_level_id = self.expert
                line.skill_id = self.communication
                self.assertEqual(line.required_level_id.skill_type_id, self.type_soft)
        competency = self.job_dev.competency_ids.filtered(
            lambda c: c.skill_id == self.communication
        )
        self.assertEqual(competency.required_level_id.skill_type_id, self.type_soft)


@tagged("post_install", "-at_install")
class TestSuccessionMovers(CareerCase):
    def _candidate_ids(self, job):
        return {row["employee_id"] for row in job._get_succession_candidates()}

    def test_candidates_are_plausible_movers(self):
        """Carl becomes Tech Lead: his managers up the chart (Marc, Sabine the
        top) are above the job, he already holds it; whoever holds the job a
        promotion path leads to from Tech Lead is above it too."""
        job_head = self.env["hr.job"].create(
            {
                "name": "Head of Engineering (career test)",
                "company_id": self.company_a.id,
            }
        )
        self.env["hr.career.path"].create(
            [
                {"from_job_id": self.job_dev.id, "to_job_id": self.job_lead.id},
                {
                    "from_job_id": self.job_lead.id,
                    "to_job_id": job_head.id,
                    "track": "management",
                },
            ]
        )
        head = self.env["hr.employee"].create(
            {"name": "Hal Head", "job_id": job_head.id}
        )
        lateral_job = self.env["hr.job"].create(
            {"name": "Architect (career test)", "company_id": self.company_a.id}
        )
        self.env["hr.career.path"].create(
            {
                "from_job_id": self.job_lead.id,
                "to_job_id": lateral_job.id,
                "track": "lateral",
            }
        )
        architect = self.env["hr.employee"].create(
            {"name": "Ada Architect", "job_id": lateral_job.id}
        )
        # something of what Tech Lead requires: nobody at 0 % is a candidate
        self.env["hr.employee.skill"].create(
            self._skill_vals(architect, self.python, self.intermediate)
        )
        before = self._candidate_ids(self.job_lead)
        self.assertTrue(
            {self.emp_skip.id, self.emp_manager.id, self.emp_colleague.id} <= before
        )
        self.emp_colleague.job_id = self.job_lead
        candidates = self._candidate_ids(self.job_lead)
        self.assertIn(self.emp_employee.id, candidates)
        self.assertIn(architect.id, candidates, "a lateral move is not above")
        for above in (self.emp_skip, self.emp_manager, self.emp_colleague, head):
            self.assertNotIn(above.id, candidates, above.name)
        # the portal's own readiness for a next step is not filtered
        rows = self.env["hr.succession.candidate"]._get_readiness_rows(
            self.job_lead, employee_ids=self.emp_manager.ids
        )
        self.assertEqual(len(rows), 1)

    def test_succession_row_opens_the_candidates(self):
        view = self.env.ref("hr_career_dev.hr_job_view_list_succession")
        arch = self.env["hr.job"].get_view(view.id, "list")["arch"]
        self.assertIn('action="action_open_succession_candidates"', arch)
        self.assertIn('type="object"', arch)
        action = self.job_lead.action_open_succession_candidates()
        self.assertEqual(action["res_model"], "hr.succession.candidate")

    def test_employee_stat_button_says_job_fit(self):
        arch = self.env["hr.employee"].get_view(
            self.env.ref("hr.view_employee_form").id
        )["arch"]
        self.assertIn("Job fit", arch)
        self.assertNotIn('<span class="o_stat_text">Gaps</span>', arch)


@tagged("post_install", "-at_install")
class TestReportHelp(CareerCase):
    def test_gaps_closed_by_courses_explains_what_fills_it(self):
        action = self.env.ref("hr_career_dev.hr_skill_evidence_action_courses")
        self.assertIn("Skills Taught", action.help)
        self.assertIn("completes an eLearning course", action.help)


@tagged("post_install", "-at_install")
class TestPortalSelfAssessmentLevels(CareerPortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.languages = cls.env["hr.skill.type"].create(
            {
                "name": "Languages (portal test)",
                "skill_ids": [(0, 0, {"name": "Klingon"})],
                "skill_level_ids": [
                    (0, 0, {"name": "Basic", "level_progress": 30}),
                    (0, 0, {"name": "Fluent", "level_progress": 100}),
                ],
            }
        )
        cls.klingon = cls.languages.skill_ids
        levels = {lvl.name: lvl for lvl in cls.languages.skill_level_ids}
        cls.basic, cls.fluent = levels["Basic"], levels["Fluent"]
        cls.env["hr.job.competency"].create(
            {
                "job_id": cls.job.id,
                "skill_id": cls.klingon.id,
                "required_level_id": cls.fluent.id,
            }
        )

    def test_each_skill_lists_only_the_levels_of_its_type(self):
        """Choose the skill, then the level (issue 29, item 9): one list of
        skills, and the levels grouped by the skills' types, not one list of
        every "skill: level" pair."""
        self.authenticate("career_portal", "career_portal")
        page = html.fromstring(self.url_open("/my/career").text)
        self.assertFalse(page.xpath("//select[@name='skill_level']"))
        skill_types = {
            option.text: option.get("data-skill-type-id")
            for option in page.xpath("//select[@name='skill_id']/option[@value!='']")
        }
        self.assertEqual(
            skill_types,
            {
                "Klingon": str(self.klingon.skill_type_id.id),
                "Refactoring": str(self.refactoring.skill_type_id.id),
                "Testing": str(self.testing.skill_type_id.id),
            },
        )
        groups = {
            group.get("data-skill-type-id"): [option.get("value") for option in group]
            for group in page.xpath("//select[@name='level_id']/optgroup")
        }
        self.assertEqual(
            groups[skill_types["Klingon"]],
            [str(level.id) for level in (self.basic, self.fluent)],
        )
        self.assertEqual(
            groups[skill_types["Refactoring"]],
            [str(level.id) for level in (self.novice, self.practitioner, self.expert)],
        )
        # the value the form sends is understood
        response = self.url_open(
            "/my/career/skill/propose",
            data={
                "skill_id": self.klingon.id,
                "level_id": self.basic.id,
                "csrf_token": http.Request.csrf_token(self),
            },
            allow_redirects=False,
        )
        self.assertIn("message=proposed", response.headers["Location"])
        evidence = self.env["hr.skill.evidence"].search(
            [("employee_id", "=", self.employee.id)]
        )
        self.assertEqual(evidence.level_id, self.basic)
        # a level of another type under a skill is refused, nothing created
        response = self.url_open(
            "/my/career/skill/propose",
            data={
                "skill_id": self.refactoring.id,
                "level_id": self.fluent.id,
                "csrf_token": http.Request.csrf_token(self),
            },
            allow_redirects=False,
        )
        self.assertIn("invalid_skill", response.headers["Location"])
        self.assertEqual(
            self.env["hr.skill.evidence"].search_count(
                [("employee_id", "=", self.employee.id)]
            ),
            1,
        )


DEMO_COURSES = (
    "course_python_pro_demo",
    "course_python_advanced_demo",
    "course_sql_depth_demo",
    "course_testing_demo",
    "course_design_demo",
    "course_cloud_demo",
    "course_leading_demo",
    "course_discovery_demo",
)


@tagged("post_install", "-at_install")
class TestDemoCourses(TransactionCase):
    """On a database with the demo data (skipped without it)."""

    def test_a_demo_user_can_complete_a_demo_course(self):
        course = self.env.ref(
            "hr_career_dev.course_python_pro_demo", raise_if_not_found=False
        )
        if not course:
            self.skipTest("installed without demo data")
        for xml_id in DEMO_COURSES:
            channel = self.env.ref(f"hr_career_dev.{xml_id}")
            self.assertGreaterEqual(
                len(channel.slide_ids.filtered("is_published")), 2, xml_id
            )
        user = self.env.ref("base.user_demo")
        # as /slides/channel/join does for a public course
        course.with_user(user)._action_add_members(user.partner_id)
        course.slide_ids.with_user(user).action_mark_completed()
        member = self.env["slide.channel.partner"].search(
            [("channel_id", "=", course.id), ("partner_id", "=", user.partner_id.id)]
        )
        self.assertEqual(member.completion, 100)
        self.assertEqual(member.member_status, "completed")
