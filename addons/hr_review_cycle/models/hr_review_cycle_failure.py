# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HrReviewCycleFailure(models.Model):
    _name = "hr.review.cycle.failure"
    _description = "Review cycle failure"
    # written by the cycle's jobs; every field is HR's (hr.career.policy.mixin)
    _inherit = ["hr.career.policy.mixin"]
    _order = "cycle_id, operation, employee_id"
    _check_company_auto = True

    cycle_id = fields.Many2one(
        "hr.review.cycle", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="cycle_id.company_id", store=True)
    employee_id = fields.Many2one(
        "hr.employee", required=True, ondelete="cascade", check_company=True
    )
    operation = fields.Selection(
        [("launch", "Launch"), ("close", "Close")], required=True
    )
    reason = fields.Text(required=True)

    _sql_constraints = [
        (
            "one_per_employee",
            "UNIQUE(cycle_id, operation, employee_id)",
            "An employee is listed once per operation of a review cycle.",
        ),
    ]
