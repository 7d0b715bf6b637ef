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
