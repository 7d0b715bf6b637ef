# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.hr_career_goal_template import chunks, job_chunk_size


class HrCareerGoalTemplateAssign(models.TransientModel):
    _name = "hr.career.goal.template.assign"
    _description = "Assign a career goal template"

    template_id = fields.Many2one(
        "hr.career.goal.template", required=True, ondelete="cascade"
    )
    assign_by = fields.Selection(
        [
            ("department", "Departments"),
            ("job", "Jobs"),
            ("employee", "Selected employees"),
        ],
        required=True,
        default="department",
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Departments",
        compute="_compute_targets",
        store=True,
        readonly=False,
    )
    job_ids = fields.Many2many(
        "hr.job", string="Jobs", compute="_compute_targets", store=True, readonly=False
    )
    employee_ids = fields.Many2many("hr.employee", string="Employees")
    target_date = fields.Date(
        compute="_compute_target_date", store=True, readonly=False
    )

    @api.depends("template_id")
    def _compute_targets(self):
        for wizard in self:
            wizard.department_ids = wizard.template_id.department_ids
            wizard.job_ids = wizard.template_id.job_ids

    @api.depends("template_id")
    def _compute_target_date(self):
        today = fields.Date.context_today(self)
        for wizard in self:
            days = wizard.template_id.duration_days
            wizard.target_date = today + timedelta(days=days) if days else False

    def _get_employees(self):
        self.ensure_one()
        if self.assign_by == "employee":
            return self.employee_ids
        if self.assign_by == "department":
            domain = [("department_id", "child_of", self.department_ids.ids)]
            if not self.department_ids:
                return self.env["hr.employee"]
        else:
            domain = [("job_id", "in", self.job_ids.ids)]
        # a template of a company is assigned to that company's employees only
        companies = self.template_id.company_id or self.env.companies
        return self.env["hr.employee"].search(
            domain + [("company_id", "in", companies.ids)]
        )

    def action_assign(self):
        """Create the template's goal for every employee targeted who has no
        open goal from this template yet: one search, one create; more than a
        job's chunk of employees are assigned in background jobs."""
        self.ensure_one()
        employees = self._get_employees()
        if not employees:
            raise UserError(self.env._("No employee matches this assignment."))
        template = self.template_id
        if len(employees) > job_chunk_size(self.env):
            for chunk in chunks(self.env, employees.ids):
                template.with_delay(
                    description=self.env._(
                        "Assign %(template)s to %(count)s employees",
                        template=template.name,
                        count=len(chunk),
                    )
                )._job_assign(chunk, self.target_date)
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "type": "info",
                    "message": self.env._(
                        "%(template)s is being assigned to %(count)s employees in "
                        "background jobs; the goals appear as the jobs finish.",
                        template=template.name,
                        count=len(employees),
                    ),
                    "next": {"type": "ir.actions.act_window_close"},
                },
            }
        goals, already = template._assign_to_employees(employees.ids, self.target_date)
        action = template.action_open_goals()
        action["domain"] = [("id", "in", goals.ids)]
        action["name"] = self.env._(
            "%(count)s goals assigned (%(skipped)s already had it)",
            count=len(goals),
            skipped=len(already),
        )
        return action
