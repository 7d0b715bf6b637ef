# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    compensation_budget_hard_stop = fields.Boolean(
        string="Budget Is a Hard Limit",
        config_parameter="hr_compensation_review.budget_hard_stop",
        help="Refuse proposals that take a manager or a department over its "
        "budget; otherwise they are only flagged.",
    )
    compensation_promotion_readiness = fields.Integer(
        string="Readiness for a Suggested Promotion (%)",
        config_parameter="hr_compensation_review.promotion_readiness",
        default=80,
        help="A line suggests the employee's target job from this readiness.",
    )
