# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    career_skill_evidence_mode = fields.Selection(
        related="company_id.career_skill_evidence_mode", readonly=False
    )

    career_opportunity_opt_in_default = fields.Boolean(
        related="company_id.career_opportunity_opt_in_default", readonly=False
    )
    career_opportunity_digest_threshold = fields.Integer(
        related="company_id.career_opportunity_digest_threshold", readonly=False
    )
    career_plan_gap_actions = fields.Integer(
        related="company_id.career_plan_gap_actions", readonly=False
    )
