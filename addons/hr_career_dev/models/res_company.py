# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    career_skill_evidence_mode = fields.Selection(
        [
            ("immediate", "Apply at once"),
            ("validate", "Manager validates"),
        ],
        string="Skills from Completed Courses",
        default="immediate",
        required=True,
    )

    career_opportunity_opt_in_default = fields.Boolean(
        string="Suggest Employees for Opportunities by Default",
        default=True,
        help="New employees are suggested to opportunity owners and receive the "
        "weekly digest unless they opt out.",
    )
    career_opportunity_digest_threshold = fields.Integer(
        string="Digest Fit Threshold (%)",
        default=60,
        help="The weekly digest lists new opportunities whose fit is at least this.",
    )
