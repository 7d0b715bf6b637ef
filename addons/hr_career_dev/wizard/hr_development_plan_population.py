# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError

from ..models.hr_career_goal_template import chunks, job_chunk_size


class HrDevelopmentPlanPopulation(models.TransientModel):
    """HR builds or completes the development plans of a whole population
    from its competency gaps (``hr.development.plan._plan_from_gaps``)."""

    _name = "hr.development.plan.population"
    _description = "Development plans for a population"

    department_ids = fields.Many2many(
        "hr.department",
        string="Departments",
        help="Everyone in these departments and their sub-departments.",
    )
    employee_ids = fields.Many2many("hr.employee", string="Employees")

    def _get_employees(self):
        self.ensure_one()
        if not (self.department_ids or self.employee_ids):
            return self.env["hr.employee"]
        return self.env["hr.employee"].search(
            [
                ("company_id", "in", self.env.companies.ids),
                "|",
                ("department_id", "child_of", self.department_ids.ids),
                ("id", "in", self.employee_ids.ids),
            ]
        )

    def action_build(self):
        """Plans from the gaps of everyone chosen: in the click for up to one
        job's chunk of employees, in background jobs beyond."""
        self.ensure_one()
        Plan = self.env["hr.development.plan"]
        Plan._check_population_rights()
        employees = self._get_employees()
        if not employees:
            raise UserError(
                self.env._("Choose the departments or employees to plan for.")
            )
        if len(employees) > job_chunk_size(self.env):
            for chunk in chunks(self.env, employees.ids):
                Plan.with_delay(
                    description=self.env._(
                        "Development plans from gaps: %(count)s employees",
                        count=len(chunk),
                    )
                )._job_plan_from_gaps(chunk)
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "type": "info",
                    "message": self.env._(
                        "The development plans of %(count)s employees are being "
                        "built in background jobs.",
                        count=len(employees),
                    ),
                    "next": {"type": "ir.actions.act_window_close"},
                },
            }
        plans = Plan._plan_from_gaps(employees)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Development plans"),
            "res_model": "hr.development.plan",
            "view_mode": "list,form",
            "domain": [("id", "in", [plan.id for plan in plans.values()])],
        }
