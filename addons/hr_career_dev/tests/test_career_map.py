# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import http
from odoo.tests import tagged

from ..models.hr_job import estimate_text_width, wrap_text
from .common import CareerCase
from .test_portal_http import CareerPortalCase


def svg_tags(html, kind):
    """[{attribute: value}] of the SVG elements of a rendered career map whose
    class starts with ``o_career_map_<kind>``."""
    tags = []
    for tag in re.findall(r"<(?:a|g|path)\b[^>]*>", str(html)):
        attrs = dict(re.findall(r'([\w:-]+)="([^"]*)"', tag))
        if attrs.get("class", "").split()[:1] == [f"o_career_map_{kind}"]:
            tags.append(attrs)
    return tags


def svg_nodes(html):
    """{job id: the node's attributes} of a rendered career map."""
    return {int(attrs["data-job-id"]): attrs for attrs in svg_tags(html, "node")}


def svg_edges(html):
    """{(from job id, to job id): the edge's attributes} of a rendered map."""
    return {
        (int(attrs["data-from-job-id"]), int(attrs["data-to-job-id"])): attrs
        for attrs in svg_tags(html, "edge")
    }


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
        career_map = self._map()
        steps = {node["job"]: node["step"] for node in career_map["nodes"]}
        self.assertEqual(
            steps,
            {
                self.job_dev: 0,
                self.job_lead: 1,
                self.job_manager: 1,
                self.job_architect: 2,
            },
        )
        self.assertEqual(
            [band["label"] for band in career_map["bands"]], ["Technical", "Management"]
        )
        position = {node["job"]: (node["x"], node["y"]) for node in career_map["nodes"]}
        # columns by step, rows by track
        self.assertLess(position[self.job_dev][0], position[self.job_lead][0])
        self.assertEqual(position[self.job_lead][0], position[self.job_manager][0])
        self.assertLess(position[self.job_lead][0], position[self.job_architect][0])
        self.assertEqual(position[self.job_lead][1], position[self.job_architect][1])
        self.assertLess(position[self.job_lead][1], position[self.job_manager][1])
        self.assertEqual(
            {(e["from_job"], e["to_job"]) for e in career_map["edges"]},
            {
                (self.job_dev, self.job_lead),
                (self.job_dev, self.job_manager),
                (self.job_lead, self.job_architect),
            },
        )

    def test_nodes_carry_readiness_and_months_to_ready(self):
        nodes = {node["job"]: node for node in self._map()["nodes"]}
        self.assertEqual(nodes[self.job_lead]["readiness"], 43)
        self.assertEqual(nodes[self.job_lead]["months_to_ready"], 14)
        # the same figures as the succession candidates of the job
        (row,) = self.env["hr.succession.candidate"]._get_readiness_rows(
            self.job_lead, employee_ids=[self.emp_employee.id]
        )
        self.assertEqual(
            (row["readiness"], row["months_to_ready"]),
            (
                nodes[self.job_lead]["readiness"],
                nodes[self.job_lead]["months_to_ready"],
            ),
        )
        self.assertEqual(nodes[self.job_manager]["readiness"], 100)  # nothing required
        self.assertEqual(nodes[self.job_manager]["months_to_ready"], 0)
        self.assertIsNone(nodes[self.job_dev]["readiness"])  # the current job

    def test_svg_shows_nodes_edges_and_highlights_the_target(self):
        html = self.env["ir.qweb"]._render(
            "hr_career_dev.career_map", {"career_map": self._map(self.job_architect)}
        )
        nodes = svg_nodes(html)
        self.assertEqual(
            set(nodes),
            {
                self.job_dev.id,
                self.job_lead.id,
                self.job_manager.id,
                self.job_architect.id,
            },
        )
        self.assertIn("o_career_map_current", nodes[self.job_dev.id]["class"])
        self.assertIn("o_career_map_target", nodes[self.job_architect.id]["class"])
        self.assertNotIn("o_career_map_target", nodes[self.job_lead.id]["class"])
        self.assertEqual(nodes[self.job_lead.id]["data-readiness"], "43")
        edges = svg_edges(html)
        # the route to the target, two steps away, is highlighted
        self.assertEqual(
            {
                key
                for key, attrs in edges.items()
                if "o_career_map_edge_target" in attrs["class"]
            },
            {
                (self.job_dev.id, self.job_lead.id),
                (self.job_lead.id, self.job_architect.id),
            },
        )
        self.assertEqual(
            set(edges),
            {
                (self.job_dev.id, self.job_lead.id),
                (self.job_dev.id, self.job_manager.id),
                (self.job_lead.id, self.job_architect.id),
            },
        )
        self.assertIn("viewBox=", str(html))
        self.assertIn("in 14 months", str(html))

    def test_other_company_jobs_never_appear(self):
        career_map = self._map()
        self.assertNotIn(self.job_moved, [node["job"] for node in career_map["nodes"]])
        html = self.job_dev.with_user(self.user_hr).career_map_html
        self.assertNotIn("Moved Away", html)
        self.assertNotIn(self.job_moved.id, svg_nodes(html))

    def test_target_further_than_two_steps_is_said(self):
        far = self.env["hr.job"].create(
            {"name": "CTO (career test)", "company_id": self.company_a.id}
        )
        career_map = self._map(far)
        self.assertTrue(career_map["target_off_map"])
        self.assertFalse(any(node["is_target"] for node in career_map["nodes"]))

    def test_job_form_shows_the_map_of_its_paths(self):
        html = self.job_dev.with_user(self.user_hr).career_map_html
        self.assertEqual(
            set(svg_nodes(html)),
            {
                self.job_dev.id,
                self.job_lead.id,
                self.job_manager.id,
                self.job_architect.id,
            },
        )
        self.assertIn("after 24 months", html)  # no employee: the paths' durations
        self.assertNotIn("data-readiness", html)
        lonely = self.env["hr.job"].create({"name": "Lonely (career test)"})
        self.assertIn("o_career_map_empty", lonely.career_map_html)

    def assertTextInsideNodes(self, career_map):
        for node in career_map["nodes"]:
            left, top = node["x"], node["y"]
            right, bottom = left + node["width"], top + node["height"]
            self.assertEqual(node["height"], career_map["node_height"])
            for line in node["lines"]:
                label = f"{node['job'].name}: {line['text']!r}"
                self.assertGreaterEqual(line["x"], left + 4, label)
                self.assertLessEqual(line["x"] + line["width"], right - 4, label)
                self.assertGreaterEqual(line["y"] - line["size"], top, label)
                self.assertLessEqual(line["y"] + 0.3 * line["size"], bottom, label)
            if node["bar_y"] is not None:
                self.assertGreater(node["bar_y"], max(x["y"] for x in node["lines"]))
                self.assertLessEqual(node["bar_y"] + 7, bottom, node["job"].name)

    def test_long_names_and_details_stay_inside_their_boxes(self):
        """The demo's "My target · Ready 49 % · in 10 months" and a long job
        name overflowed a box of one line each: they wrap, and the boxes grow."""
        long_job = self.env["hr.job"].create(
            {
                "name": "Senior Principal Cloud Infrastructure Engineering Manager",
                "company_id": self.company_a.id,
            }
        )
        self.env["hr.career.path"].create(
            {
                "from_job_id": self.job_dev.id,
                "to_job_id": long_job.id,
                "track": "technical",
                "typical_months": 36,
            }
        )
        self.env["hr.job.competency"].create(
            {
                "job_id": long_job.id,
                "skill_id": self.python.id,
                "required_level_id": self.expert.id,
            }
        )
        for target in (long_job, self.job_lead, self.job_architect):
            with self.subTest(target=target.name):
                career_map = self._map(target)
                self.assertTextInsideNodes(career_map)
                nodes = {node["job"]: node for node in career_map["nodes"]}
                node = nodes[target]
                texts = [line["text"] for line in node["lines"]]
                details = " · ".join(t for t in texts if t not in node["label"])
                self.assertIn("My target", details)
                self.assertIn(f"Ready {node['readiness']} %", details)
                self.assertIn(f"in {node['months_to_ready']} months", details)
        nodes = {node["job"]: node for node in self._map(long_job)["nodes"]}
        name_lines = [line for line in nodes[long_job]["lines"] if line["bold"]]
        self.assertEqual(len(name_lines), 2, "a long name takes two lines")
        self.assertGreater(self._map(long_job)["node_height"], 66, "boxes grew")
        # the job form (no employee) and the rendered SVG follow the same layout
        self.assertTextInsideNodes(self.job_dev._get_career_map())
        html = str(
            self.env["ir.qweb"]._render(
                "hr_career_dev.career_map", {"career_map": self._map(long_job)}
            )
        )
        for line in nodes[long_job]["lines"]:
            self.assertIn(f'y="{line["y"]}"', html)
            self.assertIn(f">{line['text']}</text>", html)

    def test_estimated_width_grows_with_text_and_boldness(self):
        self.assertLess(
            estimate_text_width("iiii", 12), estimate_text_width("MMMM", 12)
        )
        self.assertLess(
            estimate_text_width("Ready", 12), estimate_text_width("Ready", 12, True)
        )
        lines = wrap_text(["Supercalifragilisticexpialidocious" * 2], 14, True, 170, 2)
        self.assertEqual(len(lines), 1)
        self.assertTrue(lines[0].endswith("…"))
        self.assertLessEqual(estimate_text_width(lines[0], 14, True), 170)

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
        nodes = {node["job"]: node for node in self._map()["nodes"]}
        self.assertEqual(nodes[self.job_lead]["months_to_ready"], 14)
        self.assertEqual(nodes[self.job_architect]["months_to_ready"], 26)
        # a slower second step: 14 + ceil(30 * 2/3) = 34 months
        self.job_lead.next_path_ids.filtered(
            lambda path: path.to_job_id == self.job_architect
        ).typical_months = 30
        nodes = {node["job"]: node for node in self._map()["nodes"]}
        self.assertEqual(nodes[self.job_architect]["months_to_ready"], 34)
        self.assertIn(
            "in 34 months",
            " ".join(line["text"] for line in nodes[self.job_architect]["lines"]),
        )

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
        html = self.emp_employee.with_user(self.user_hr).skills_chart_html
        self.assertEqual(html.count("o_career_chart_row"), 3)  # Developer's skills
        self.assertIn("Python (career test)", html)
        self.assertIn("50% / 80%", html)  # Emma's Python against the job's
        self.assertIn("80% / 50%", html)  # her SQL is above the job's

    def test_chart_without_job_says_what_to_do(self):
        self.emp_manager.job_id = False
        html = self.emp_manager.with_user(self.user_hr).skills_chart_html
        self.assertNotIn("o_career_chart_row", html)
        self.assertIn("Set a job position", html)


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
        nodes = svg_nodes(page)
        self.assertEqual(set(nodes), {self.job.id, self.next_job.id, self.architect.id})
        self.assertIn("o_career_map_target", nodes[self.next_job.id]["class"])
        self.assertEqual(
            nodes[self.next_job.id]["href"], f"/my/career/paths/{self.next_job.id}"
        )
        self.assertNotIn("href", nodes[self.architect.id])  # not a next step
        self.assertNotIn("Portal Moved Job", page)  # neither on the map nor a card
        self.assertEqual(
            self._post_target(self.moved).status_code, 404
        )  # nor can it become the target
        # the cards stay below the map
        self.assertLess(
            page.index("o_career_map_svg"), page.index("o_career_path_step")
        )

    def test_dashboard_charts_levels_against_the_job(self):
        """/my/career and the Career tab share the chart: Paula's Refactoring
        20 % against 100 %, Testing 0 % against 60 %."""
        self.authenticate("career_portal", "career_portal")
        page = self.url_open("/my/career").text
        self.assertEqual(page.count("o_career_chart_row"), 2)
        self.assertIn("20% / 100%", page)
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
        self.assertNotIn("o_career_map_svg", page)
