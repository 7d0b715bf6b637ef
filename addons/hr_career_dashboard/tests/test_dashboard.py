# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
import re

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.modules.module import get_manifest
from odoo.tests import HttpCase, TransactionCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

# the data sources a relation filter does not apply to
COMPANY_ONLY = {("Rating Scale Targets", "Department")}
LINK = re.compile(r"^\[(?P<label>[^\]]+)\]\(odoo://view/(?P<action>.+)\)$")


@tagged("post_install", "-at_install")
class TestCareerDashboard(TransactionCase):
    """The Career & Performance dashboard: every pivot, chart and link reads a
    model and measure that exist, as an HR officer, and opens its list."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dashboard = cls.env.ref(
            "hr_career_dashboard.spreadsheet_dashboard_career_performance"
        )
        cls.data = json.loads(cls.dashboard.spreadsheet_data)
        cls.user_hr = mail_new_test_user(
            cls.env,
            login="dashboard_hr",
            groups="base.group_user,hr.group_hr_user",
            name="Dora Dashboard HR",
        )
        cls.user_employee = mail_new_test_user(
            cls.env, login="dashboard_employee", groups="base.group_user", name="Eli"
        )

    def _read_group(self, model, domain, groupby, measure):
        """The grouped read the dashboard asks for, as the HR officer."""
        Model = self.env[model].with_user(self.user_hr)
        for name in groupby:
            self.assertIn(name.split(":")[0], Model._fields, f"{model}: {name}")
        fields = []
        if measure != "__count":
            self.assertIn(measure, Model._fields, f"{model}: {measure}")
            field = Model._fields[measure]
            self.assertTrue(field.aggregator, f"{model}.{measure} has no aggregate")
            fields = [f"{measure}:{field.aggregator}"]
        return Model.read_group(domain, fields, groupby, lazy=False)

    def test_dashboard_is_in_the_hr_group_of_the_dashboards_app(self):
        self.assertEqual(self.dashboard.name, "Career & Performance")
        self.assertEqual(
            self.dashboard.dashboard_group_id,
            self.env.ref("spreadsheet_dashboard.spreadsheet_dashboard_group_hr"),
        )
        self.assertTrue(self.dashboard.is_published)
        self.assertEqual(self.data["sheets"][0]["name"], "Dashboard")

    def test_pivots_read_existing_models_and_measures_as_hr_officer(self):
        self.assertTrue(self.data["pivots"])
        for pivot in self.data["pivots"].values():
            groupby = [g["fieldName"] for g in pivot["rows"] + pivot["columns"]]
            for measure in pivot["measures"]:
                self._read_group(
                    pivot["model"], pivot["domain"], groupby, measure["fieldName"]
                )

    def test_charts_read_existing_models_and_open_their_list(self):
        charts = [
            figure["data"]
            for sheet in self.data["sheets"]
            for figure in sheet["figures"]
            if figure["data"]["type"].startswith("odoo_")
        ]
        self.assertEqual(len(charts), 5)
        models = set()
        for chart in charts:
            meta = chart["metaData"]
            models.add(meta["resModel"])
            self._read_group(
                meta["resModel"],
                chart["searchParams"]["domain"],
                meta["groupBy"],
                meta["measure"],
            )
        self.assertEqual(
            models,
            {
                "hr.career.readiness.report",
                "hr.career.goal",
                "hr.performance.objective",
                "gamification.badge.user",
                "hr.appraisal",
            },
        )
        # each chart's menu opens the records of the chart's model
        figures = {
            figure["id"]: figure["data"]["metaData"]["resModel"]
            for sheet in self.data["sheets"]
            for figure in sheet["figures"]
            if figure["data"]["type"].startswith("odoo_")
        }
        self.assertEqual(set(self.data["chartOdooMenusReferences"]), set(figures))
        for figure_id, xmlid in self.data["chartOdooMenusReferences"].items():
            menu = self.env.ref(xmlid)
            self.assertEqual(menu.action.res_model, figures[figure_id], xmlid)

    def test_section_titles_open_the_underlying_lists(self):
        links = [
            LINK.match(cell["content"])
            for sheet in self.data["sheets"]
            for cell in sheet["cells"].values()
            if cell.get("content", "").startswith("[")
        ]
        self.assertEqual(len(links), 9)
        for link in links:
            action = json.loads(link["action"])
            self.assertEqual(action["viewType"], "list")
            model = action["action"]["modelName"]
            self.env[model].with_user(self.user_hr).search(action["action"]["domain"])

    def _data_sources(self):
        """(name, model, fieldMatching) of every pivot, list and chart."""
        sources = [
            (pivot["name"], pivot["model"], pivot.get("fieldMatching"))
            for pivot in self.data["pivots"].values()
        ] + [
            (odoo_list["name"], odoo_list["model"], odoo_list.get("fieldMatching"))
            for odoo_list in self.data["lists"].values()
        ]
        for sheet in self.data["sheets"]:
            for figure in sheet["figures"]:
                chart = figure["data"]
                if chart["type"].startswith("odoo_"):
                    sources.append(
                        (
                            figure["id"],
                            chart["metaData"]["resModel"],
                            chart.get("fieldMatching"),
                        )
                    )
        return sources

    def _chain_field(self, model, chain):
        """The field that ``chain`` (``a.b.c``) reaches from ``model``."""
        Model = self.env[model]
        names = chain.split(".")
        for name in names[:-1]:
            self.assertIn(name, Model._fields, f"{model}: {chain}")
            Model = self.env[Model._fields[name].comodel_name]
        self.assertIn(names[-1], Model._fields, f"{model}: {chain}")
        return Model._fields[names[-1]]

    def test_global_filters_department_company_and_period(self):
        filters = {f["label"]: f for f in self.data["globalFilters"]}
        self.assertEqual(set(filters), {"Department", "Company", "Period"})
        self.assertEqual(filters["Department"]["type"], "relation")
        self.assertEqual(filters["Department"]["modelName"], "hr.department")
        self.assertEqual(filters["Company"]["type"], "relation")
        self.assertEqual(filters["Company"]["modelName"], "res.company")
        self.assertEqual(filters["Period"]["type"], "date")
        self.assertEqual(len({f["id"] for f in filters.values()}), 3)

    def test_every_data_source_follows_the_filters_it_has_a_field_for(self):
        """Department and Company filter every pivot and chart; the period
        filters those with a date (goals, objectives, awards by month), each
        through a field of the right kind, which the HR officer can search."""
        filters = {f["id"]: f for f in self.data["globalFilters"]}
        dated = set()
        sources = self._data_sources()
        self.assertEqual(len(sources), 10)
        for name, model, matching in sources:
            with self.subTest(source=name, model=model):
                self.assertTrue(matching, "the data source has a field matching")
                self.assertLessEqual(set(matching), set(filters))
                for filter_id, global_filter in filters.items():
                    if global_filter["type"] == "date":
                        if filter_id in matching:
                            dated.add(model)
                            field = self._chain_field(
                                model, matching[filter_id]["chain"]
                            )
                            self.assertIn(field.type, ("date", "datetime"))
                            self.assertEqual(matching[filter_id]["type"], "date")
                        continue
                    # every relation filter applies to every data source
                    # (a company's rating scale has no department)
                    if (name, global_filter["label"]) in COMPANY_ONLY:
                        self.assertNotIn(filter_id, matching)
                        continue
                    self.assertIn(filter_id, matching)
                    chain = matching[filter_id]["chain"]
                    field = self._chain_field(model, chain)
                    self.assertEqual(field.type, "many2one")
                    self.assertEqual(field.comodel_name, global_filter["modelName"])
                    # the domain the filter adds works for the HR officer
                    self.env[model].with_user(self.user_hr).search_count(
                        [(chain, "in", self.env.company.ids)]
                        if global_filter["modelName"] == "res.company"
                        else [(chain, "in", [0])]
                    )
        self.assertEqual(
            dated,
            {
                "hr.career.goal",
                "hr.performance.objective",
                "gamification.badge.user",
                "hr.appraisal",
            },
        )

    def test_department_filter_narrows_the_awards(self):
        """The awards chart filtered on a department counts only the awards
        of that department's employees, as the filter's domain says."""
        department = self.env["hr.department"].create({"name": "Filtered (test)"})
        inside, outside = self.env["hr.employee"].create(
            [
                {
                    "name": "Inside (test)",
                    "department_id": department.id,
                    "user_id": self.user_hr.id,
                },
                {"name": "Outside (test)", "user_id": self.user_employee.id},
            ]
        )
        badge = self.env["gamification.badge"].create({"name": "Filter badge"})
        self.env["gamification.badge.user"].create(
            [
                {
                    "badge_id": badge.id,
                    "employee_id": employee.id,
                    "user_id": employee.user_id.id,
                }
                for employee in (inside, outside)
            ]
        )
        department_filter = next(
            f for f in self.data["globalFilters"] if f["label"] == "Department"
        )
        (chart,) = [
            figure["data"]
            for sheet in self.data["sheets"]
            for figure in sheet["figures"]
            if figure["data"].get("metaData", {}).get("resModel")
            == "gamification.badge.user"
        ]
        chain = chart["fieldMatching"][department_filter["id"]]["chain"]
        awards = self.env["gamification.badge.user"].search(
            chart["searchParams"]["domain"]
            + [("badge_id", "=", badge.id), (chain, "in", department.ids)]
        )
        self.assertEqual(awards.employee_id, inside)

    def test_heatmap_is_coloured_by_conditional_formatting(self):
        sheet = self.data["sheets"][0]
        rule = next(
            cf["rule"]
            for cf in sheet["conditionalFormats"]
            if cf["rule"]["type"] == "ColorScaleRule" and "B31:K50" in cf["ranges"]
        )
        self.assertNotEqual(rule["minimum"]["color"], rule["maximum"]["color"])
        formulas = [c.get("content", "") for c in sheet["cells"].values()]
        self.assertIn("=PIVOT(1,20,FALSE,FALSE,10)", formulas)

    @staticmethod
    def _saturation(color):
        red, green, blue = (color >> 16) & 255, (color >> 8) & 255, color & 255
        return (max(red, green, blue) - min(red, green, blue)) / max(red, green, blue)

    def test_heatmap_headers_are_readable_and_its_colours_strong(self):
        """No "(#1) Skills Heatmap" in the corner (a spilled PIVOT with
        column titles writes the pivot's display name there): the skills
        are headers of their own, wrapped in a taller row, and the colour
        scale runs from a clear green to a clear red (issue 29, item 6)."""
        sheet = self.data["sheets"][0]
        cells = sheet["cells"]
        for cell in cells.values():
            content = cell.get("content", "").replace(" ", "")
            if content.startswith("=PIVOT("):
                args = content[len("=PIVOT(") : -1].split(",")
                self.assertEqual(args[3], "FALSE", "no pivot title in the sheet")
        self.assertEqual(cells["A30"]["content"], '=_t("Department")')
        for index, column in enumerate("BCDEFGHIJK", start=1):
            self.assertEqual(
                cells[f"{column}30"]["content"],
                f'=IFERROR(PIVOT.HEADER(1,"#skill_id",{index}),"")',
            )
        style = self.data["styles"][str(sheet["styles"]["B30:K30"])]
        self.assertEqual(style["wrapping"], "wrap")
        self.assertGreaterEqual(sheet["rows"]["29"]["size"], 60)
        rule = next(
            cf["rule"]
            for cf in sheet["conditionalFormats"]
            if "B31:K50" in cf["ranges"]
        )
        for end in ("minimum", "midpoint", "maximum"):
            self.assertGreater(self._saturation(rule[end]["color"]), 0.4, end)

    def test_cycles_ratings_nine_box_and_high_potentials(self):
        """Cycle completion, the rating distribution with the target as an
        overlay line, the 9-box counts and the high potentials."""
        sheet = self.data["sheets"][0]
        cells = sheet["cells"]
        charts = {figure["id"]: figure["data"] for figure in sheet["figures"]}
        cycle = charts["c0a1e001-0000-4000-8000-000000000005"]
        self.assertEqual(cycle["metaData"]["resModel"], "hr.appraisal")
        self.assertEqual(
            cycle["metaData"]["groupBy"], ["review_cycle_id", "review_status"]
        )
        combo = charts["c0a1e001-0000-4000-8000-000000000006"]
        self.assertEqual(combo["type"], "combo")
        self.assertEqual(
            [(ds["dataRange"], ds["type"]) for ds in combo["dataSets"]],
            [("G67:G73", "bar"), ("H67:H73", "line")],
        )
        self.assertEqual(cells["G67"]["content"], '=_t("Actual (%)")')
        self.assertEqual(cells["H67"]["content"], '=_t("Target (%)")')
        pivots = {pivot["name"]: pivot for pivot in self.data["pivots"].values()}
        self.assertEqual(
            pivots["Rating Scale Targets"]["model"], "hr.performance.rating"
        )
        self.assertEqual(
            pivots["Rating Scale Targets"]["measures"][0]["fieldName"], "target_share"
        )
        # the 9-box grid: high potential on top, low performance on the left
        grid = pivots["9-Box Placements"]
        self.assertEqual(grid["model"], "hr.talent.placement")
        self.assertIn(["is_current", "=", True], grid["domain"])
        pairs = set()
        for row, potential in zip(
            (68, 69, 70), ("high", "medium", "low"), strict=False
        ):
            for column, performance in zip(
                "BCD", ("low", "medium", "high"), strict=False
            ):
                self.assertEqual(
                    cells[f"{column}{row}"]["content"],
                    f'=PIVOT.VALUE({grid["id"]},"__count","potential","{potential}",'
                    f'"performance","{performance}")',
                )
                pairs.add((potential, performance))
        self.assertEqual(len(pairs), 9)
        (high_potentials,) = self.data["lists"].values()
        self.assertEqual(high_potentials["model"], "hr.talent.placement")
        self.assertIn(["potential", "=", "high"], high_potentials["domain"])
        self.env["hr.talent.placement"].with_user(self.user_hr).search_read(
            high_potentials["domain"], high_potentials["columns"]
        )

    def test_cycle_completion_per_phase_counts_the_review_status(self):
        """The cycle completion chart stacks each cycle's appraisals by where
        their review stands (self-review, 360°, manager review, signed off:
        hr_review_cycle's review_status, the one computation of it), and
        reads the same numbers as the cycle's own counters."""
        (chart,) = [
            figure["data"]
            for sheet in self.data["sheets"]
            for figure in sheet["figures"]
            if figure["data"].get("metaData", {}).get("resModel") == "hr.appraisal"
        ]
        self.assertEqual(chart["searchParams"]["groupBy"], chart["metaData"]["groupBy"])
        today = fields.Date.today()
        cycle = self.env["hr.review.cycle"].create(
            {
                "name": "Dashboard cycle (test)",
                "date_start": today - relativedelta(months=1),
                "date_end": today + relativedelta(days=20),
            }
        )
        people = self.env["hr.employee"].create(
            [{"name": f"Phase {index} (test)"} for index in range(3)]
        )
        self.env["hr.appraisal"].create(
            [
                {
                    "employee_id": employee.id,
                    "review_cycle_id": cycle.id,
                    "date_close": today + relativedelta(days=10),
                    # one self-review published: that review waits for the
                    # manager; the two others are not started
                    "employee_feedback_published": not index,
                }
                for index, employee in enumerate(people)
            ]
        )
        groups = self._read_group(
            "hr.appraisal",
            chart["searchParams"]["domain"] + [("review_cycle_id", "=", cycle.id)],
            chart["metaData"]["groupBy"],
            chart["metaData"]["measure"],
        )
        counts = {group["review_status"]: group["__count"] for group in groups}
        self.assertEqual(counts, {"not_started": 2, "manager_review": 1})
        cycle.invalidate_recordset()
        self.assertEqual(counts["not_started"], cycle.not_started_count)
        self.assertEqual(counts["manager_review"], cycle.waiting_manager_count)
        # the statuses are the appraisal's, labelled as in the appraisal list
        labels = dict(
            self.env["hr.appraisal"]
            ._fields["review_status"]
            ._description_selection(self.env)
        )
        self.assertEqual(labels["manager_review"], "Waiting for the Manager")

    def test_dashboard_installs_with_the_suite(self):
        """Installed with the suite's addons, pulling the Dashboards app in,
        as Odoo's own dashboard bridges do: auto_install names the business
        addons, not spreadsheet_dashboard (with True, the bridge waited for
        the Dashboards app to be installed already)."""
        manifest = get_manifest("hr_career_dashboard")
        self.assertIn("spreadsheet_dashboard", manifest["depends"])
        # True (every dependency) or the addons named (Odoo reads them as a set)
        self.assertNotIsInstance(manifest["auto_install"], bool)
        self.assertNotIn("spreadsheet_dashboard", manifest["auto_install"])
        self.assertTrue(set(manifest["auto_install"]) < set(manifest["depends"]))
        bridge = get_manifest("spreadsheet_dashboard_hr_expense")
        self.assertNotIsInstance(bridge["auto_install"], bool)

    def test_dashboard_title_has_no_number(self):
        self.assertNotIn("#", self.dashboard.name)
        titles = [
            figure["data"]["title"].get("text", "")
            for sheet in self.data["sheets"]
            for figure in sheet["figures"]
        ]
        self.assertFalse([title for title in titles if "(#" in title])

    def test_no_empty_dashboards_app_for_managers(self):
        """A manager without HR rights reads no dashboard: the Dashboards app
        is not in their menus; HR officers keep it; a dashboard for every
        employee brings it back."""
        manager = mail_new_test_user(
            self.env, login="dashboard_manager", groups="base.group_user", name="Max"
        )
        root = self.env.ref("spreadsheet_dashboard.spreadsheet_dashboard_menu_root")
        Menu = self.env["ir.ui.menu"]
        self.env["spreadsheet.dashboard"].search(
            [("group_ids", "in", self.env.ref("base.group_user").ids)]
        ).is_published = False
        self.assertNotIn(root.id, Menu.with_user(manager)._visible_menu_ids())
        self.assertNotIn(root.id, Menu.with_user(manager).load_menus(False))
        self.assertIn(root.id, Menu.with_user(self.user_hr)._visible_menu_ids())
        self.env["spreadsheet.dashboard"].create(
            {
                "name": "For everyone (test)",
                "dashboard_group_id": self.dashboard.dashboard_group_id.id,
                "group_ids": [Command.set(self.env.ref("base.group_user").ids)],
            }
        )
        self.assertIn(root.id, Menu.with_user(manager)._visible_menu_ids())

    def test_hr_officer_opens_the_dashboard(self):
        dashboard = self.dashboard.with_user(self.user_hr)
        self.assertIn(dashboard, dashboard.search([]))
        snapshot = dashboard.get_readonly_dashboard()["snapshot"]
        self.assertEqual(snapshot["pivots"]["1"]["model"], "hr.competency.gap")

    def test_plain_employee_cannot_read_the_dashboard(self):
        dashboard = self.dashboard.with_user(self.user_employee)
        self.assertNotIn(dashboard, dashboard.search([]))
        with self.assertRaises(AccessError):
            dashboard.read(["name", "spreadsheet_data"])
        # the Dashboards app lists the published dashboards of each group (the
        # HR officer's side: test_hr_officer_opens_the_dashboard)
        hr_group = self.dashboard.dashboard_group_id
        self.assertNotIn(
            self.dashboard,
            hr_group.with_user(self.user_employee).published_dashboard_ids,
        )


@tagged("post_install", "-at_install")
class TestCareerDashboardBrowser(HttpCase):
    """The dashboard opens in the Dashboards app of an HR officer's browser
    with its charts, top and bottom, without an error."""

    def test_hr_officer_opens_the_dashboard_in_the_app(self):
        mail_new_test_user(
            self.env,
            login="dashboard_browser_hr",
            password="dashboard_browser_hr",
            groups="base.group_user,hr.group_hr_user",
            name="Bea Browser HR",
        )
        dashboard = self.env.ref(
            "hr_career_dashboard.spreadsheet_dashboard_career_performance"
        )
        self.browser_js(
            f"/odoo/dashboards?dashboard_id={dashboard.id}",
            """
            // the sheet draws the figures in view only: the four charts at
            // the top, then, scrolled down, the cycle and rating charts
            const start = Date.now();
            let scrolled = false;
            (function check() {
                const error = document.querySelector(".o_error_dialog");
                const charts = document.querySelectorAll(".o-figure-canvas");
                const scrollbar = document.querySelector(".o-scrollbar.vertical");
                if (error) {
                    console.error("dashboard error: " + error.innerText);
                } else if (!scrolled && charts.length >= 4 && scrollbar) {
                    scrolled = true;
                    scrollbar.scrollTop = 1200;
                    scrollbar.dispatchEvent(new Event("scroll"));
                    setTimeout(check, 500);
                } else if (scrolled && charts.length >= 2 && charts.length < 4) {
                    console.log("test successful");
                } else if (Date.now() - start > 60000) {
                    console.error("the dashboard shows " + charts.length + " charts");
                } else {
                    setTimeout(check, 250);
                }
            })();
            """,
            ready="odoo.isReady",
            login="dashboard_browser_hr",
            timeout=120,
            # said here, not left to Odoo's default, which a build may change
            success_signal="test successful",
        )
