# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    recognition_post_in_channel = fields.Boolean(
        string="Announce Awards in the Recognition Channel",
        default=True,
        help="Post every award of the company's employees in the Recognition "
        "Discuss channel (it is always posted on the employee).",
    )
