# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HrPerformanceCheckinKeyResult(models.Model):
    """A key result's new value reported in a check-in, applied to the key
    result when the check-in is done (history in the objective's chatter)."""

    _name = "hr.performance.checkin.key.result"
    _description = "Key result value reported in a check-in"
    _inherit = ["hr.career.unique.mixin", "hr.career.policy.mixin"]
    # reported by the employee's managers (hr.career.policy.mixin); the line
    # stays on its check-in
    _career_policy_employee = "checkin_id.employee_id"
    _career_policy = {
        "manager": {
            "create": {"value", "comment", "checkin_id", "key_result_id"},
            "write": {"value", "comment"},
        },
    }
    _career_policy_derived = {"key_result_id": {"previous_value", "value"}}
    _career_value_ranges = {"value": (-1e12, 1e12)}
    _order = "checkin_id, id"
    _rec_name = "key_result_id"

    checkin_id = fields.Many2one(
        "hr.performance.checkin", required=True, index=True, ondelete="cascade"
    )
    employee_id = fields.Many2one(related="checkin_id.employee_id")
    company_id = fields.Many2one(related="checkin_id.company_id", store=True)
    key_result_id = fields.Many2one(
        "hr.performance.key.result",
        required=True,
        ondelete="cascade",
        domain="[('employee_id', '=', employee_id), ('is_bound', '=', False), "
        "('objective_id.state', 'in', ('draft', 'active'))]",
    )
    objective_id = fields.Many2one(related="key_result_id.objective_id")
    metric = fields.Selection(related="key_result_id.metric")
    target_value = fields.Float(related="key_result_id.target_value")
    previous_value = fields.Float(
        string="Value Before",
        readonly=True,
        help="The key result's value when the line was added.",
    )
    value = fields.Float(string="New Value")
    comment = fields.Char()

    _sql_constraints = [
        (
            "checkin_key_result_unique",
            "UNIQUE(checkin_id, key_result_id)",
            "A check-in reports each key result once.",
        ),
    ]

    @api.constrains("key_result_id", "checkin_id")
    def _check_key_result_employee(self):
        for line in self:
            if line.key_result_id.employee_id != line.checkin_id.employee_id:
                raise ValidationError(
                    self.env._(
                        "The key result “%(key_result)s” is not an objective of "
                        "%(employee)s.",
                        key_result=line.key_result_id.name,
                        employee=line.checkin_id.employee_id.name,
                    )
                )

    @api.constrains("value", "key_result_id")
    def _check_value(self):
        for line in self:
            line.key_result_id._check_metric_value(line.value)

    @api.model_create_multi
    def create(self, vals_list):
        # reported by the employee's manager chain or HR, as goal progress
        checkins = self.env["hr.performance.checkin"].browse(
            {vals["checkin_id"] for vals in vals_list if vals.get("checkin_id")}
        )
        self.env["hr.performance.checkin.goal"]._check_manager_of(checkins)
        checkins._check_lines_editable()
        key_results = self.env["hr.performance.key.result"].browse(
            [vals["key_result_id"] for vals in vals_list if vals.get("key_result_id")]
        )
        current = {kr.id: kr.current_value for kr in key_results}
        for vals in vals_list:
            value = current.get(vals.get("key_result_id"), 0.0)
            vals.setdefault("previous_value", value)
            vals.setdefault("value", value)
        return super().create(vals_list)

    def write(self, vals):
        self.env["hr.performance.checkin.goal"]._check_manager_of(
            self, "checkin_id.employee_id"
        )
        self.checkin_id._check_lines_editable()
        return super().write(vals)

    @api.model
    def _career_policy_is_hr(self):
        return self.env["hr.appraisal"]._is_appraisal_hr()

    def unlink(self):
        self.env["hr.performance.checkin.goal"]._check_manager_of(
            self, "checkin_id.employee_id"
        )
        self.checkin_id._check_lines_editable()
        return super().unlink()

    def _apply_value(self):
        """Set each key result's current value (one write per value)."""
        by_value = defaultdict(lambda: self.env["hr.performance.key.result"])
        for line in self:
            if line.key_result_id.current_value != line.value:
                by_value[line.value] |= line.key_result_id
        for value, key_results in by_value.items():
            key_results.write({"current_value": value})
