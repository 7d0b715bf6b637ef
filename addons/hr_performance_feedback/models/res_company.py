# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

CHECKIN_CADENCES = [
    ("weekly", "Weekly"),
    ("biweekly", "Every two weeks"),
    ("monthly", "Monthly"),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    checkin_cadence = fields.Selection(
        CHECKIN_CADENCES,
        string="Check-in Cadence",
        default="monthly",
        required=True,
        help="How often managers hold a check-in with each of their employees.",
    )
