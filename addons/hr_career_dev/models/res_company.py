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
