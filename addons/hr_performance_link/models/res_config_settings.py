# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    checkin_cadence = fields.Selection(
        related="company_id.checkin_cadence", readonly=False, required=True
    )
