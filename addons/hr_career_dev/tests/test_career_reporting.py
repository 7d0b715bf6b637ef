# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CareerCase


@tagged("post_install", "-at_install")
class TestCareerReporting(CareerCase):
    """Emma aims at Tech Lead: readiness 43 % (see test_succession); Carl gets
    the same target: 66 %."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.department = cls.env["hr.department"].create(
            {"name": "Engineering (reporting test)"}
        )
        (cls.emp_employee | cls.emp_colleague).department_id = cls.department
        cls.env["hr.career.goal"].create(
            {
                "name": "Lead too",
                "employee_id": cls.emp_colleague.id,
                "horizon": "long",
                "target_job_id": cls.job_lead.id,
            }
        )

    def test_readiness_pipeline_bands_match_employee_readiness(self):
        Report = self.env["hr.career.readiness.report"].with_user(self.user_hr)
        rows = Report.search(
            [("employee_id", "in", (self.emp_employee | self.emp_colleague).ids)]
        )
        values = {row.employee_id: (row.readiness, row.band) for row in rows}
        self.assertEqual(
            values,
            {self.emp_employee: (43, "far"), self.emp_colleague: (66, "close")},
        )
        self.assertEqual(
            self.emp_employee.target_job_readiness, values[self.emp_employee][0]
        )
        groups = Report._read_group(
            [("target_job_id", "=", self.job_lead.id)],
            ["band"],
            ["employee_count:sum"],
        )
        self.assertEqual(dict(groups), {"far": 1, "close": 1})

    def test_readiness_bands_come_in_order_ready_close_far(self):
        """The pipeline (and the dashboard's chart, grouped by band) reads
        Ready, Close, Far, not the alphabetical close, far, ready."""
        ready = self.env["hr.employee"].create({"name": "Rita Ready (bands)"})
        self.env["hr.employee.skill"].create(
            [
                self._skill_vals(ready, self.python, self.expert),
                self._skill_vals(ready, self.communication, self.good),
                self._skill_vals(ready, self.sql, self.advanced),
            ]
        )
        self.env["hr.career.goal"].create(
            {
                "employee_id": ready.id,
                "name": "Lead",
                "horizon": "long",
                "target_job_id": self.job_lead.id,
            }
        )
        Report = self.env["hr.career.readiness.report"].with_user(self.user_hr)
        domain = [("target_job_id", "=", self.job_lead.id)]
        groups = Report._read_group(domain, ["band"], ["__count"])
        self.assertEqual([band for band, _count in groups], ["ready", "close", "far"])
        # as the chart asks: grouped by band then target job, not lazy
        rows = Report.read_group(
            domain, ["employee_count:sum"], ["band", "target_job_id"], lazy=False
        )
        self.assertEqual([row["band"] for row in rows], ["ready", "close", "far"])

    def test_skills_heatmap_average_gap_by_department_and_skill(self):
        groups = (
            self.env["hr.competency.gap"]
            .with_user(self.user_hr)
            ._read_group(
                [("department_id", "=", self.department.id), ("scope", "=", "current")],
                ["skill_id"],
                ["gap:avg"],
            )
        )
        # Developer: Python 80 (Emma 50 → 30, Carl 100 → 0), SQL 50 (Emma 80 → 0,
        # Carl 50 → 0), JavaScript 50 (both 0 → 50)
        self.assertEqual(dict(groups), {self.python: 15, self.sql: 0, self.js: 50})

    def test_reports_are_for_hr_only(self):
        with self.assertRaises(AccessError):
            self.env["hr.career.readiness.report"].with_user(self.user_employee).search(
                []
            )


@tagged("post_install", "-at_install")
class TestFitOneExpression(CareerCase):
    """Fit and readiness come from one SQL expression (the competency-gap
    view's weights and formula): the employee's fields, the readiness report
    and the succession candidates show the same percentages for the same
    people and jobs, and these equal the weighted sums of the gap rows."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["hr.career.goal"].create(
            {
                "name": "Lead too",
                "employee_id": cls.emp_colleague.id,
                "horizon": "long",
                "target_job_id": cls.job_lead.id,
            }
        )
        # Sabine has no job: aiming at Tech Lead, she is a candidate too
        cls.env["hr.career.goal"].create(
            {
                "name": "Lead one day",
                "employee_id": cls.emp_skip.id,
                "horizon": "long",
                "target_job_id": cls.job_lead.id,
            }
        )
        cls.people = cls.emp_employee | cls.emp_colleague | cls.emp_skip

    def _from_gap_rows(self, employee, scope):
        rows = self.env["hr.competency.gap"].search(
            [("employee_id", "=", employee.id), ("scope", "=", scope)]
        )
        required = sum(rows.mapped("weighted_required"))
        if not required:
            return 100
        return round(100 * (1 - sum(rows.mapped("weighted_gap")) / required))

    def test_employee_report_and_succession_agree(self):
        employee_values = {e.id: e.target_job_readiness for e in self.people}
        report = self.env["hr.career.readiness.report"].search(
            [("employee_id", "in", self.people.ids)]
        )
        report_values = {row.employee_id.id: row.readiness for row in report}
        succession_values = {
            row["employee_id"]: row["readiness"]
            for row in self.env["hr.succession.candidate"]._get_readiness_rows(
                self.job_lead, employee_ids=self.people.ids
            )
        }
        gap_values = {e.id: self._from_gap_rows(e, "target") for e in self.people}
        self.assertEqual(
            employee_values,
            {
                self.emp_employee.id: 43,
                self.emp_colleague.id: 66,
                self.emp_skip.id: 57,
            },
        )
        self.assertEqual(report_values, employee_values)
        self.assertEqual(succession_values, employee_values)
        self.assertEqual(gap_values, employee_values)

    def test_current_fit_equals_succession_readiness_for_that_job(self):
        """Carl's fit for his own job (Developer) equals what the succession
        query computes for Developer, seen from someone without that job with
        the same skills."""
        twin = self.env["hr.employee"].create({"name": "Carl's twin"})
        self.env["hr.employee.skill"].create(
            [
                self._skill_vals(twin, line.skill_id, line.skill_level_id)
                for line in self.emp_colleague.employee_skill_ids
            ]
        )
        (succession_row,) = self.env["hr.succession.candidate"]._get_readiness_rows(
            self.job_dev, employee_ids=twin.ids
        )
        self.assertEqual(
            succession_row["readiness"], self.emp_colleague.current_job_fit
        )
        self.assertEqual(
            self.emp_colleague.current_job_fit,
            self._from_gap_rows(self.emp_colleague, "current"),
        )
