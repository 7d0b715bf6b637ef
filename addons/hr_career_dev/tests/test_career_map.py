# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
import re

from markupsafe import Markup

from odoo import http
from odoo.tests import tagged

from .common import CareerCase
from .test_portal_http import CareerPortalCase


def page_career_map(page):
    """The data of the career map a page hands to the CareerMap component
    (the props of its owl-component tag), or None when it draws none."""
    found = re.search(
        r'<owl-component[^>]*name="hr_career_dev\.career_map"[^>]*props="([^"]*)"',
        page,
    )
    if not found:
        return None
    return json.loads(Markup(found.group(1)).unescape())["data"]


class TestCareerMap(CareerCase):
    """Emma (Developer) may move to Tech Lead (technical, 24 months) or Team
    Manager (management, 12 months); from Tech Lead to Architect. Tech Lead
    requires Python 100 critical, Communication 75 important, SQL 80 nice;
    Emma has Python 50 and SQL 80: readiness 100 * (1 - (3*50 + 2*75) / (3*100
    + 2*75 + 80)) = 43 %, ready in ceil(24 * 300 / 530) = 14 months."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Job = cls.env["hr.job"]
        cls.job_manager, cls.job_architect, cls.job_moved = Job.create(
            [
                {"name": "Team Manager (career test)", "company_id": cls.company_a.id},
                {"name": "Architect (career test)", "company_id": cls.company_a.id},
                {"name": "Moved Away (career test)", "company_id": cls.company_a.id},
            ]
        )
        cls.env["hr.career.path"].create(
            [
                {
                    "from_job_id": cls.job_dev.id,
                    "to_job_id": cls.job_lead.id,
                    "track": "technical",
                    "typical_months": 24,
                },
                {
                    "from_job_id": cls.job_dev.id,
                    "to_job_id": cls.job_manager.id,
                    "track": "management",
                    "typical_months": 12,
                },
                {
                    "from_job_id": cls.job_lead.id,
                    "to_job_id": cls.job_architect.id,
                    "track": "technical",
                },
                # back to the current job: no second node for it
                {"from_job_id": cls.job_lead.id, "to_job_id": cls.job_dev.id},
                {"from_job_id": cls.job_dev.id, "to_job_id": cls.job_moved.id},
            ]
        )
        # the job moves to company B after its path was drawn
        cls.job_moved.company_id = cls.company_b

    def _map(self, target=None):
        return self.job_dev._get_career_map(
            employee=self.emp_employee, target_job=target or self.job_lead
        )

    def test_map_has_current_job_and_one_and_two_steps_by_track(self):
        """The data the CareerMap component lays out (its layout is tested
        in static/tests/career_map.test.js): steps, tracks, edges."""
        career_map = self._map()
        json.dumps(career_map)  # plain data, for the browser
        steps = {
            node["id"]: (node["step"], node["track"]) for node in career_map["nodes"]
        }
        self.assertEqual(
            steps,
            {
                self.job_dev.id: (0, False),
                self.job_lead.id: (1, "technical"),
                self.job_manager.id: (1, "management"),
                self.job_architect.id: (2, "technical"),
            },
        )
        self.assertEqual(
            [band["label"] for band in career_map["bands"]], ["Technical", "Management"]
        )
        self.assertEqual(
            {(e["from_id"], e["to_id"]) for e in career_map["edges"]},
            {
                (self.job_dev.id, self.job_lead.id),
                (self.job_dev.id, self.job_manager.id),
                (self.job_lead.id, self.job_architect.id),
            },
        )

    def test_nodes_carry_readiness_and_months_to_ready(self):
        nodes = {node["id"]: node for node in self._map()["nodes"]}
        self.assertEqual(nodes[self.job_lead.id]["readiness"], 43)
        self.assertEqual(nodes[self.job_lead.id]["months_to_ready"], 14)
        # the same figures as the succession candidates of the job
        (row,) = self.env["hr.succession.candidate"]._get_readiness_rows(
            self.job_lead, employee_ids=[self.emp_employee.id]
        )
        self.assertEqual(
            (row["readiness"], row["months_to_ready"]),
            (
                nodes[self.job_lead.id]["readiness"],
                nodes[self.job_lead.id]["months_to_ready"],
            ),
        )
        self.assertEqual(nodes[self.job_manager.id]["readiness"], 100)  # none required
        self.assertEqual(nodes[self.job_manager.id]["months_to_ready"], 0)
        self.assertIsNone(nodes[self.job_dev.id]["readiness"])  # the current job

    def test_route_to_the_target_is_marked(self):
        career_map = self._map(self.job_architect)
        nodes = {node["id"]: node for node in career_map["nodes"]}
        self.assertTrue(nodes[self.job_dev.id]["is_current"])
        self.assertTrue(nodes[self.job_architect.id]["is_target"])
        self.assertFalse(nodes[self.job_lead.id]["is_target"])
        # the route to the target, two steps away, is highlighted
        self.assertEqual(
            {(e["from_id"], e["to_id"]) for e in career_map["edges"] if e["is_target"]},
            {
                (self.job_dev.id, self.job_lead.id),
                (self.job_lead.id, self.job_architect.id),
            },
        )

    def test_other_company_jobs_never_appear(self):
        career_map = self._map()
        self.assertNotIn(
            self.job_moved.id, [node["id"] for node in career_map["nodes"]]
        )
        form_map = self.job_dev.with_user(self.user_hr).career_map_data
        self.assertNotIn(self.job_moved.id, [node["id"] for node in form_map["nodes"]])
        self.assertNotIn("Moved Away", json.dumps(form_map))

    def test_target_further_than_two_steps_is_said(self):
        far = self.env["hr.job"].create(
            {"name": "CTO (career test)", "company_id": self.company_a.id}
        )
        career_map = self._map(far)
        self.assertTrue(career_map["target_off_map"])
        self.assertEqual(career_map["target"]["name"], "CTO (career test)")
        self.assertFalse(any(node["is_target"] for node in career_map["nodes"]))

    def test_job_form_shows_the_map_of_its_paths(self):
        """The job form's Career Paths tab: the widget draws career_map_data,
        the paths' durations and no one's readiness."""
        form_map = self.job_dev.with_user(self.user_hr).career_map_data
        nodes = {node["id"]: node for node in form_map["nodes"]}
        self.assertEqual(
            set(nodes),
            {
                self.job_dev.id,
                self.job_lead.id,
                self.job_manager.id,
                self.job_architect.id,
            },
        )
        self.assertFalse(form_map["has_employee"])
        self.assertEqual(nodes[self.job_lead.id]["typical_months"], 24)
        self.assertFalse(any(node["readiness"] is not None for node in nodes.values()))
        self.assertFalse(any(node["url"] for node in nodes.values()))
        lonely = self.env["hr.job"].create({"name": "Lonely (career test)"})
        self.assertEqual(len(lonely.career_map_data["nodes"]), 1)  # "no path yet"
        view = self.env.ref("hr_career_dev.view_hr_job_form_inherit_hr_career_dev")
        self.assertIn('name="career_map_data" widget="career_map"', view.arch_db)

    def test_two_steps_away_is_never_closer_than_the_step_between(self):
        """Architect is reached through Tech Lead (14 months): Emma misses
        3 * 50 + 2 * 75 = 300 of 450 weighted points of it, 2/3. Alone, the
        12 months of a job without a direct path said ceil(12 * 2/3) = 8
        months, closer than Tech Lead; through Tech Lead and its 18-month
        step it is 14 + ceil(18 * 2/3) = 26 months."""
        self.env["hr.job.competency"].create(
            [
                {
                    "job_id": self.job_architect.id,
                    "skill_id": self.python.id,
                    "required_level_id": self.expert.id,
                    "importance": "critical",
                },
                {
                    "job_id": self.job_architect.id,
                    "skill_id": self.communication.id,
                    "required_level_id": self.good.id,
                    "importance": "important",
                },
            ]
        )
        self.job_lead.next_path_ids.filtered(
            lambda path: path.to_job_id == self.job_architect
        ).typical_months = 18
        (direct,) = self.env["hr.succession.candidate"]._get_readiness_rows(
            self.job_architect, employee_ids=[self.emp_employee.id]
        )
        self.assertEqual(direct["months_to_ready"], 8)
        nodes = {node["id"]: node for node in self._map()["nodes"]}
        self.assertEqual(nodes[self.job_lead.id]["months_to_ready"], 14)
        self.assertEqual(nodes[self.job_architect.id]["months_to_ready"], 26)
        # a slower second step: 14 + ceil(30 * 2/3) = 34 months
        self.job_lead.next_path_ids.filtered(
            lambda path: path.to_job_id == self.job_architect
        ).typical_months = 30
        nodes = {node["id"]: node for node in self._map()["nodes"]}
        self.assertEqual(nodes[self.job_architect.id]["months_to_ready"], 34)

    def test_map_queries_do_not_grow_with_the_number_of_jobs(self):
        def build(count, prefix):
            start = self.env["hr.job"].create({"name": f"{prefix} start"})
            firsts = self.env["hr.job"].create(
                [{"name": f"{prefix} first {i}"} for i in range(count)]
            )
            seconds = self.env["hr.job"].create(
                [{"name": f"{prefix} second {i}"} for i in range(count)]
            )
            self.env["hr.career.path"].create(
                [{"from_job_id": start.id, "to_job_id": job.id} for job in firsts]
                + [
                    {"from_job_id": a.id, "to_job_id": b.id, "track": "lateral"}
                    for a, b in zip(firsts, seconds, strict=True)
                ]
            )
            self.emp_colleague.job_id = start
            return start

        for count, prefix in ((2, "Small"), (20, "Large")):
            start = build(count, prefix)
            start._get_career_map(employee=self.emp_colleague)  # warm-up
            self.env.flush_all()
            self.env.invalidate_all()
            with self.assertQueryCount(9):
                career_map = start._get_career_map(
                    employee=self.emp_colleague, target_job=start
                )
            self.assertEqual(len(career_map["nodes"]), 1 + 2 * count)


class TestEmployeeSkillsChart(CareerCase):
    def test_career_tab_charts_levels_against_the_job(self):
        chart = self.emp_employee.with_user(self.user_hr).skills_chart_data
        self.assertEqual(chart["job"], self.job_dev.name)
        rows = {
            row["skill"]: (row["current"], row["required"]) for row in chart["rows"]
        }
        self.assertEqual(len(rows), 3)  # Developer's skills
        self.assertEqual(
            rows["Python (career test)"], (50, 80)
        )  # Emma's against the job's
        self.assertEqual(rows["SQL (career test)"], (80, 50))  # her SQL is above

    def test_chart_without_job_says_what_to_do(self):
        self.emp_manager.job_id = False
        chart = self.emp_manager.with_user(self.user_hr).skills_chart_data
        self.assertEqual(chart["rows"], [])
        self.assertFalse(chart["job"])  # the widget asks to set a job position

    def test_no_computed_html_field_left(self):
        """Presentation is the client's: the addon computes data, widgets and
        templates draw it; no computed Html field remains."""
        computed_html = [
            f"{model_name}.{name}"
            for model_name in self.env.registry.models
            for name, field in self.env[model_name]._fields.items()
            if field.type == "html"
            and field.compute
            and not field.store
            and field._module == "hr_career_dev"
        ]
        self.assertEqual(computed_html, [])


@tagged("post_install", "-at_install")
class TestCareerMapPortal(CareerPortalCase):
    """/my/career/paths draws Paula's map above the cards: Portal Developer →
    Portal Lead (her target) → Portal Architect; a job moved to another company
    stays off the map."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        company_b = env["res.company"].create({"name": "Map Company B"})
        cls.architect, cls.moved = env["hr.job"].create(
            [{"name": "Portal Architect"}, {"name": "Portal Moved Job"}]
        )
        env["hr.career.path"].create(
            [
                {"from_job_id": cls.next_job.id, "to_job_id": cls.architect.id},
                {"from_job_id": cls.job.id, "to_job_id": cls.moved.id},
            ]
        )
        cls.moved.company_id = company_b
        env["hr.career.goal"].create(
            {
                "employee_id": cls.employee.id,
                "name": "Lead the portal team",
                "horizon": "long",
                "target_job_id": cls.next_job.id,
            }
        )

    def test_paths_page_draws_the_map_with_the_target(self):
        self.authenticate("career_portal", "career_portal")
        response = self.url_open("/my/career/paths")
        self.assertEqual(response.status_code, 200)
        page = response.text
        # the same data the job form's widget draws, for the same component
        career_map = page_career_map(page)
        nodes = {node["id"]: node for node in career_map["nodes"]}
        self.assertEqual(set(nodes), {self.job.id, self.next_job.id, self.architect.id})
        self.assertTrue(nodes[self.next_job.id]["is_target"])
        self.assertEqual(
            nodes[self.next_job.id]["url"], f"/my/career/paths/{self.next_job.id}"
        )
        self.assertFalse(nodes[self.architect.id]["url"])  # not a next step
        self.assertEqual(
            career_map,
            json.loads(
                json.dumps(
                    self.job._get_career_map(
                        employee=self.employee,
                        target_job=self.next_job,
                        url=lambda job, step: f"/my/career/paths/{job.id}"
                        if step == 1
                        else None,
                    )
                )
            ),
        )
        self.assertNotIn("Portal Moved Job", page)  # neither on the map nor a card
        self.assertEqual(
            self._post_target(self.moved).status_code, 404
        )  # nor can it become the target
        # the cards stay below the map
        self.assertLess(
            page.index("hr_career_dev.career_map"), page.index("o_career_path_step")
        )

    def test_dashboard_charts_levels_against_the_job(self):
        """/my/career and the Career tab share the chart: Paula's Refactoring
        20 % against 100 %, Testing 0 % against 60 %."""
        self.authenticate("career_portal", "career_portal")
        page = self.url_open("/my/career").text
        self.assertEqual(page.count("o_career_chart_row"), 2)
        self.assertIn("20% / 100%", page)
        self.assertIn("width: 20%;", page)  # Paula's level
        self.assertIn("width: 100%;", page)  # the required one
        self.assertIn("0% / 60%", page)

    def _post_target(self, job):
        return self.url_open(
            f"/my/career/paths/{job.id}/target",
            data={"csrf_token": http.Request.csrf_token(self), "confirm": "1"},
            allow_redirects=False,
        )

    def test_other_user_sees_no_map_of_paula(self):
        self.authenticate("career_other", "career_other")
        page = self.url_open("/my/career/paths").text
        self.assertNotIn("Portal Lead", page)
        self.assertIsNone(page_career_map(page))
