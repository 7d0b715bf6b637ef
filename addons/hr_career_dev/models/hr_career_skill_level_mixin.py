# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HrCareerSkillLevelMixin(models.AbstractModel):
    """A skill, its type and a level of that type (a job's required level, the
    level a course brings): the three must agree."""

    _name = "hr.career.skill.level.mixin"
    _description = "Skill with a level of its type"
    _skill_level_field = "level_id"

    skill_type_id = fields.Many2one(
        "hr.skill.type",
        compute="_compute_skill_type_id",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        ondelete="cascade",
    )
    skill_id = fields.Many2one(
        "hr.skill",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('skill_type_id', '=', skill_type_id)]",
    )

    @api.depends("skill_id")
    def _compute_skill_type_id(self):
        for record in self:
            if record.skill_id:
                record.skill_type_id = record.skill_id.skill_type_id

    def _check_skill_and_level_types(self):
        for record in self:
            skill_type = record.skill_type_id
            level = record[self._skill_level_field]
            if record.skill_id.skill_type_id != skill_type:
                raise ValidationError(
                    self.env._(
                        "The skill %(skill)s is not of the type %(type)s.",
                        skill=record.skill_id.name,
                        type=skill_type.name,
                    )
                )
            if level.skill_type_id != skill_type:
                raise ValidationError(
                    self.env._(
                        "The level %(level)s is not a level of %(type)s: choose one "
                        "of %(levels)s for %(skill)s.",
                        level=level.name,
                        type=skill_type.name,
                        levels=", ".join(skill_type.skill_level_ids.mapped("name")),
                        skill=record.skill_id.name,
                    )
                )
