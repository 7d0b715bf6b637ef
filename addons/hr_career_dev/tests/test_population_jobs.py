# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError

from odoo.addons.queue_job.tests.common import trap_jobs

from ..models.hr_career_goal_template import JOB_CHUNK_PARAM
from .common import CareerCase


class TestPopulationJobs(CareerCase):
    """Goal templates for many employees and plans for a population run in
    queue_job jobs beyond one chunk (2 employees here)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].sudo().set_param(JOB_CHUNK_PARAM, "2")
        cls.trio = (cls.emp_employee | cls.emp_colleague | cls.emp_manager).sorted("id")
        cls.template = cls.env["hr.career.goal.template"].create(
            {"name": "Secure coding (jobs)", "horizon": "short", "duration_days": 0}
        )

    def _goals(self):
        return self.env["hr.career.goal"].search(
            [("template_id", "=", self.template.id)]
        )

    def test_template_for_more_than_a_chunk_is_assigned_in_jobs(self):
        wizard = (
            self.env["hr.career.goal.template.assign"]
            .with_user(self.user_hr)
            .create(
                {
                    "template_id": self.template.id,
                    "assign_by": "employee",
                    "employee_ids": [(6, 0, self.trio.ids)],
                }
            )
        )
        template = self.template.with_user(self.user_hr)
        with trap_jobs() as trap:
            action = wizard.action_assign()
            self.assertEqual(action["tag"], "display_notification")
            trap.assert_jobs_count(2, only=template._job_assign)
            trap.assert_enqueued_job(
                template._job_assign, args=(self.trio.ids[:2], False)
            )
            trap.assert_enqueued_job(
                template._job_assign, args=(self.trio.ids[2:], False)
            )
            self.assertFalse(self._goals())
            jobs = list(trap.enqueued_jobs)
            trap.perform_enqueued_jobs()
        self.assertEqual(self._goals().employee_id, self.trio)
        # a retried job creates nothing twice
        for job in jobs:
            job.perform()
        self.assertEqual(len(self._goals()), 3)

    def test_template_for_one_chunk_is_assigned_in_the_click(self):
        wizard = self.env["hr.career.goal.template.assign"].create(
            {
                "template_id": self.template.id,
                "assign_by": "employee",
                "employee_ids": [(6, 0, self.emp_employee.ids)],
            }
        )
        with trap_jobs() as trap:
            wizard.action_assign()
            trap.assert_jobs_count(0)
        self.assertEqual(self._goals().employee_id, self.emp_employee)

    def test_plans_for_a_population_are_built_in_jobs(self):
        Plan = self.env["hr.development.plan"]
        wizard = (
            self.env["hr.development.plan.population"]
            .with_user(self.user_hr)
            .create({"employee_ids": [(6, 0, self.trio.ids)]})
        )
        plan_model = Plan.with_user(self.user_hr)
        with trap_jobs() as trap:
            wizard.action_build()
            trap.assert_jobs_count(2, only=plan_model._job_plan_from_gaps)
            trap.assert_enqueued_job(
                plan_model._job_plan_from_gaps, args=(self.trio.ids[:2],)
            )
            self.assertFalse(
                Plan.search([("employee_id", "in", self.trio.ids)]).action_ids
            )
            jobs = list(trap.enqueued_jobs)
            trap.perform_enqueued_jobs()
        plans = Plan.search(
            [("employee_id", "in", self.trio.ids), ("state", "=", "active")]
        )
        # Emma and Carl have gaps for their job; Marc has no job, hence no gap
        self.assertEqual(plans.employee_id, self.emp_employee | self.emp_colleague)
        emma = plans.filtered(lambda p: p.employee_id == self.emp_employee)
        self.assertIn(self.python, emma.action_ids.skill_id)
        actions = plans.action_ids
        for job in jobs:
            job.perform()
        self.assertEqual(
            Plan.search([("employee_id", "in", self.trio.ids)]).action_ids, actions
        )

    def test_plans_for_a_population_are_for_hr_and_need_someone(self):
        with self.assertRaises(AccessError):
            self.env["hr.development.plan.population"].with_user(
                self.user_manager
            ).create({"employee_ids": [(6, 0, self.emp_employee.ids)]})
        with self.assertRaises(AccessError):
            self.env["hr.development.plan"].with_user(
                self.user_manager
            )._job_plan_from_gaps(self.emp_employee.ids)
        self.assertFalse(
            self.env["hr.development.plan"].search(
                [("employee_id", "=", self.emp_employee.id)]
            )
        )
        wizard = (
            self.env["hr.development.plan.population"]
            .with_user(self.user_hr)
            .create({})
        )
        with self.assertRaises(UserError):
            wizard.action_build()
