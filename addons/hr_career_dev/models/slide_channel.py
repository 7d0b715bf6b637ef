# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SlideChannel(models.Model):
    _inherit = "slide.channel"

    skill_ids = fields.One2many(
        "slide.channel.skill", "channel_id", string="Skills Taught"
    )
