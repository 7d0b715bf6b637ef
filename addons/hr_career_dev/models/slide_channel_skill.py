# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class SlideChannelSkill(models.Model):
    """Completing this course brings the learner to at least this level."""

    _name = "slide.channel.skill"
    _description = "Skill taught by a course"
    _inherit = ["hr.career.skill.level.mixin", "hr.career.unique.mixin"]
    _order = "channel_id, skill_type_id, skill_id"

    channel_id = fields.Many2one(
        "slide.channel", string="Course", required=True, index=True, ondelete="cascade"
    )
    level_id = fields.Many2one(
        "hr.skill.level",
        string="Level Reached",
        required=True,
        ondelete="restrict",
        domain="[('skill_type_id', '=', skill_type_id)]",
    )
    level_progress = fields.Integer(related="level_id.level_progress")

    _sql_constraints = [
        (
            "channel_skill_unique",
            "UNIQUE(channel_id, skill_id)",
            "A course teaches each skill once: change the level of the existing row.",
        ),
    ]

    @api.constrains("skill_id", "skill_type_id", "level_id")
    def _check_level_type(self):
        self._check_skill_and_level_types()
