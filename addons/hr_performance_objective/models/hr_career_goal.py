# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HrCareerGoal(models.Model):
    _inherit = "hr.career.goal"

    objective_ids = fields.Many2many(
        "hr.performance.objective",
        "hr_career_goal_performance_objective_rel",
        "goal_id",
        "objective_id",
        string="Serving Objectives",
        domain="[('employee_id', '=', employee_id)]",
        help="The performance objectives that serve this career goal.",
    )
