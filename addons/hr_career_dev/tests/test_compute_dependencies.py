# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Values computed from other records are fresh when read again in the same
transaction (no cache invalidation by hand)."""

from odoo.tests import tagged

from .common import CareerCase


@tagged("post_install", "-at_install")
class TestComputeDependencies(CareerCase):
    def test_fit_follows_a_skill_level_change_in_the_same_transaction(self):
        employee = self.emp_employee
        self.assertEqual(employee.current_job_fit, 64)
        self.assertEqual(employee.target_job_readiness, 43)
        skill = employee.employee_skill_ids.filtered(
            lambda s: s.skill_id == self.python
        )
        skill.skill_level_id = self.expert
        # sql 0, js 1*50 over 390; target: communication 2*75 over 530
        self.assertEqual(employee.current_job_fit, 87)
        self.assertEqual(employee.target_job_readiness, 72)

    def test_fit_follows_a_new_skill_in_the_same_transaction(self):
        employee = self.emp_colleague
        self.assertEqual(employee.current_job_fit, 87)
        self.env["hr.employee.skill"].create(
            self._skill_vals(employee, self.js, self.expert)
        )
        self.assertEqual(employee.current_job_fit, 100)

    def test_fit_follows_the_job_and_its_competencies(self):
        employee = self.emp_colleague
        self.assertEqual(employee.current_job_fit, 87)
        competency = self.job_dev.competency_ids.filtered(
            lambda c: c.skill_id == self.js
        )
        competency.importance = "critical"
        # js 3*50 over 3*80 + 2*50 + 3*50 = 490
        self.assertEqual(employee.current_job_fit, 69)
        competency.required_level_id = self.beginner
        # js 3*20 over 240 + 100 + 60 = 400
        self.assertEqual(employee.current_job_fit, 85)
        employee.job_id = self.job_lead
        # python 0, communication 2*75, sql 1*30 = 180 over 300 + 150 + 80
        self.assertEqual(employee.current_job_fit, 66)

    def test_readiness_follows_a_new_long_term_goal(self):
        employee = self.emp_colleague
        self.assertEqual(employee.target_job_readiness, 0)
        goal = self.env["hr.career.goal"].create(
            {
                "name": "Lead the team",
                "employee_id": employee.id,
                "horizon": "long",
                "target_job_id": self.job_lead.id,
            }
        )
        # communication 2*75 + sql 1*30 = 180 over 530
        self.assertEqual(employee.target_job_readiness, 66)
        goal.action_abandon()
        self.assertEqual(employee.target_job_readiness, 0)

    def test_counters_follow_new_records(self):
        self.assertEqual(self.emp_colleague.career_goal_count, 0)
        self.assertEqual(self.job_lead.competency_count, 3)
        self.env["hr.career.goal"].create(
            {"name": "Speak at a meetup", "employee_id": self.emp_colleague.id}
        )
        self.env["hr.job.competency"].create(
            self._competency_vals(self.job_lead, self.js, self.beginner, "nice")
        )
        self.assertEqual(self.emp_colleague.career_goal_count, 1)
        self.assertEqual(self.job_lead.competency_count, 4)
