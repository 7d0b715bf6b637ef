# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import CareerCase


@tagged("post_install", "-at_install")
class TestCompetencyGap(CareerCase):
    def _rows(self, employee):
        gaps = self.env["hr.competency.gap"].search([("employee_id", "=", employee.id)])
        return {
            (row.scope, row.skill_id.name.split()[0]): (
                row.job_id,
                row.required_progress,
                row.current_progress,
                row.gap,
                row.importance,
            )
            for row in gaps
        }

    def test_gap_rows_for_current_and_target_job(self):
        dev, lead = self.job_dev, self.job_lead
        self.assertEqual(
            self._rows(self.emp_employee),
            {
                ("current", "Python"): (dev, 80, 50, 30, "critical"),
                ("current", "SQL"): (dev, 50, 80, 0, "important"),
                ("current", "JavaScript"): (dev, 50, 0, 50, "nice"),
                ("target", "Python"): (lead, 100, 50, 50, "critical"),
                ("target", "Communication"): (lead, 75, 0, 75, "important"),
                ("target", "SQL"): (lead, 80, 80, 0, "nice"),
            },
        )

    def test_missing_skill_counts_as_zero_and_has_no_current_level(self):
        row = self.env["hr.competency.gap"].search(
            [("employee_id", "=", self.emp_employee.id), ("skill_id", "=", self.js.id)]
        )
        self.assertEqual(len(row), 1)
        self.assertEqual(row.current_progress, 0)
        self.assertFalse(row.current_level_id)
        self.assertTrue(row.is_missing)

    def test_employee_above_the_required_level_has_no_gap(self):
        row = self.env["hr.competency.gap"].search(
            [
                ("employee_id", "=", self.emp_employee.id),
                ("skill_id", "=", self.sql.id),
                ("scope", "=", "current"),
            ]
        )
        self.assertEqual((row.required_progress, row.current_progress), (50, 80))
        self.assertEqual(row.gap, 0)
        self.assertFalse(row.is_missing)
        self.assertEqual(row.current_level_id, self.advanced)

    def test_gap_rows_follow_a_skill_raised_in_the_same_transaction(self):
        skill = self.env["hr.employee.skill"].search(
            [
                ("employee_id", "=", self.emp_employee.id),
                ("skill_id", "=", self.python.id),
            ]
        )
        skill.skill_level_id = self.expert
        self.assertEqual(
            self._rows(self.emp_employee)[("current", "Python")][2:4], (100, 0)
        )

    def test_no_target_rows_without_an_open_long_term_goal(self):
        self.goal_lead.action_abandon()
        self.assertEqual(
            {scope for scope, _skill in self._rows(self.emp_employee)}, {"current"}
        )

    def test_employee_without_job_has_no_gap_row(self):
        self.assertFalse(self._rows(self.emp_manager))


@tagged("post_install", "-at_install")
class TestJobFit(CareerCase):
    def test_current_job_fit_is_weighted_by_importance(self):
        # python 3*30 + sql 2*0 + js 1*50 = 140 over 3*80 + 2*50 + 1*50 = 390
        self.assertEqual(
            self.emp_employee.current_job_fit, round(100 * (1 - 140 / 390))
        )
        self.assertEqual(self.emp_employee.current_job_fit, 64)

    def test_target_job_readiness_is_weighted_by_importance(self):
        # python 3*50 + communication 2*75 + sql 1*0 = 300 over 300 + 150 + 80
        self.assertEqual(self.emp_employee.target_job_readiness, 43)

    def test_colleague_fit_on_the_same_job(self):
        # python 0, sql 0, js 1*50 over 390
        self.assertEqual(self.emp_colleague.current_job_fit, 87)

    def test_fit_is_100_when_nothing_is_required(self):
        self.assertEqual(self.emp_manager.current_job_fit, 100)
        job = self.env["hr.job"].create({"name": "No skill needed (career test)"})
        self.emp_colleague.job_id = job
        self.assertEqual(self.emp_colleague.current_job_fit, 100)

    def test_fit_is_100_when_every_level_is_reached(self):
        self.env["hr.employee.skill"].create(
            self._skill_vals(self.emp_colleague, self.js, self.expert)
        )
        self.assertEqual(self.emp_colleague.current_job_fit, 100)

    def test_readiness_is_0_without_target_job(self):
        self.assertFalse(self.emp_colleague.target_job_id)
        self.assertEqual(self.emp_colleague.target_job_readiness, 0)

    def test_fit_follows_the_skills(self):
        skill = self.env["hr.employee.skill"].search(
            [
                ("employee_id", "=", self.emp_employee.id),
                ("skill_id", "=", self.python.id),
            ]
        )
        skill.skill_level_id = self.expert
        self.env.invalidate_all()
        # sql 0, js 1*50 over 390; target: communication 2*75 over 530
        self.assertEqual(self.emp_employee.current_job_fit, 87)
        self.assertEqual(self.emp_employee.target_job_readiness, 72)

    def _make_employees(self, count):
        employees = self.env["hr.employee"].create(
            [{"name": f"Fit test {i}", "job_id": self.job_dev.id} for i in range(count)]
        )
        self.env["hr.employee.skill"].create(
            [self._skill_vals(e, self.python, self.intermediate) for e in employees]
        )
        self.env["hr.career.goal"].create(
            [
                {
                    "name": "Lead",
                    "employee_id": e.id,
                    "horizon": "long",
                    "target_job_id": self.job_lead.id,
                }
                for e in employees
            ]
        )
        return employees

    def _count_fit_queries(self, employees):
        self.env.flush_all()
        self.env.invalidate_all()
        employees = employees.browse(employees.ids)
        count0 = self.env.cr.sql_log_count
        values = [(e.current_job_fit, e.target_job_readiness) for e in employees]
        return self.env.cr.sql_log_count - count0, values

    def test_fit_and_readiness_of_many_employees_cost_a_fixed_number_of_queries(self):
        few, few_values = self._count_fit_queries(self._make_employees(5))
        many, many_values = self._count_fit_queries(self._make_employees(30))
        # current: python 3*30 + sql 2*50 + js 1*50 = 240 over 390
        # target: python 3*50 + communication 2*75 + sql 1*80 = 380 over 530
        self.assertEqual(set(few_values + many_values), {(38, 28)})
        self.assertEqual(few, many)
        employees = self._make_employees(30)
        self.env.invalidate_all()
        with self.assertQueryCount(few):
            employees.mapped("current_job_fit")
            employees.mapped("target_job_readiness")
