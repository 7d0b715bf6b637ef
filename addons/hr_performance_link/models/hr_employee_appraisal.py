# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The Appraisals button of the employee form: HR and the employee's
managers (the role service: the parent_id chain) open the employee's
appraisals from it; it counts the open ones. On hr.employee.base, so that
managers without HR rights, who are served the public employee form, get it
too."""

from odoo import api, fields, models
from odoo.exceptions import AccessError

# roles who open someone's appraisals from their employee form
APPRAISAL_OPENERS = {"manager", "hr_officer", "hr_manager"}
OPEN_STATES = ("1_new", "2_pending")


class HrEmployeeBase(models.AbstractModel):
    _inherit = "hr.employee.base"

    open_appraisal_count = fields.Integer(
        string="Open Appraisals",
        compute="_compute_open_appraisal_count",
        help="The employee's appraisals to confirm or in progress.",
    )
    can_open_appraisals = fields.Boolean(compute="_compute_open_appraisal_count")

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_open_appraisal_count(self):
        employees = self.env["hr.employee"].browse(self._origin.ids)
        roles = self.env["hr.career.role"]._get_roles(employees)
        allowed = [key for key, role in roles.items() if role in APPRAISAL_OPENERS]
        counts = {
            employee.id: count
            for employee, count in self.env["hr.appraisal"]._read_group(
                [("employee_id", "in", allowed), ("state", "in", OPEN_STATES)],
                ["employee_id"],
                ["__count"],
            )
        }
        allowed = set(allowed)
        for employee in self:
            key = employee._origin.id
            employee.can_open_appraisals = key in allowed
            employee.open_appraisal_count = counts.get(key, 0)

    def action_open_appraisals(self):
        """The employee's appraisals, open ones first; HR and the employee's
        managers only (the role service), whatever calls the method."""
        self.ensure_one()
        if not self.can_open_appraisals:
            raise AccessError(
                self.env._(
                    "Only HR and the managers of %(employee)s open their "
                    "appraisals from here.",
                    employee=self.name,
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Appraisals of %(employee)s", employee=self.name),
            "res_model": "hr.appraisal",
            "view_mode": "list,form",
            "domain": [("employee_id", "=", self._origin.id)],
            "context": {"default_employee_id": self._origin.id},
        }
