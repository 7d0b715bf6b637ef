# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .value_checks import unique_clash_on_create, unique_clash_on_write


class SlideChannelSkill(models.Model):
    """Completing this course brings the learner to at least this level."""

    _name = "slide.channel.skill"
    _description = "Skill taught by a course"
    _inherit = ["hr.career.skill.level.mixin"]
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

    @api.model_create_multi
    def create(self, vals_list):
        self._check_channel_skill_unique(
            unique_clash_on_create(self, ("channel_id", "skill_id"), vals_list)
        )
        return super().create(vals_list)

    def write(self, vals):
        self._check_channel_skill_unique(
            unique_clash_on_write(self, ("channel_id", "skill_id"), vals)
        )
        return super().write(vals)

    def _check_channel_skill_unique(self, clash):
        """Refuse a duplicate before the database does (it would log an
        error first); the constraint stays the backstop for concurrent
        saves."""
        if clash:
            raise ValidationError(
                self.env._(
                    "A course teaches each skill once: change the level of the "
                    "existing row."
                )
            )
