# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    objective_ids = fields.One2many(
        "hr.performance.objective", "employee_id", string="Objectives"
    )
