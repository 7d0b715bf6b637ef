# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
import re

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, TransactionCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

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
        self.assertEqual(len(charts), 4)
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
        self.assertEqual(len(links), 5)
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
        self.assertEqual(len(sources), 5)
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
            {"hr.career.goal", "hr.performance.objective", "gamification.badge.user"},
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
        (rule,) = [
            cf["rule"]
            for cf in sheet["conditionalFormats"]
            if cf["rule"]["type"] == "ColorScaleRule"
        ]
        self.assertNotEqual(rule["minimum"]["color"], rule["maximum"]["color"])
        formulas = [c.get("content", "") for c in sheet["cells"].values()]
        self.assertIn("=PIVOT(1,20,FALSE,TRUE,10)", formulas)

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
    with its four charts, without an error."""

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
            const start = Date.now();
            (function check() {
                const error = document.querySelector(".o_error_dialog");
                const charts = document.querySelectorAll(".o-figure-canvas");
                if (error) {
                    console.error("dashboard error: " + error.innerText);
                } else if (charts.length >= 4) {
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
