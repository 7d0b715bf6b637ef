# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .. import matching

IMPORTANCE = [
    ("critical", "Critical"),
    ("important", "Important"),
    ("nice", "Nice to have"),
]
# The weights of the importances (and the fit formula) are the matching
# engine's: hr_career_dev/matching.py. The name stays importable from here.
IMPORTANCE_WEIGHT = matching.IMPORTANCE_WEIGHT


class HrJobCompetency(models.Model):
    _name = "hr.job.competency"
    _description = "Competency required by a job"
    _inherit = ["hr.career.skill.level.mixin", "hr.career.unique.mixin"]
    _skill_level_field = "required_level_id"
    _order = "job_id, importance_sequence, skill_type_id, skill_id"

    job_id = fields.Many2one("hr.job", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="job_id.company_id", store=True)
    required_level_id = fields.Many2one(
        "hr.skill.level",
        required=True,
        ondelete="restrict",
        domain="[('skill_type_id', '=', skill_type_id)]",
    )
    required_progress = fields.Integer(
        related="required_level_id.level_progress", string="Required Progress (%)"
    )
    importance = fields.Selection(IMPORTANCE, required=True, default="important")
    importance_sequence = fields.Integer(
        compute="_compute_importance_sequence", store=True
    )

    _sql_constraints = [
        (
            "job_skill_unique",
            "UNIQUE(job_id, skill_id)",
            "A job lists each skill once: change the existing row instead.",
        ),
    ]

    @api.depends("importance")
    def _compute_importance_sequence(self):
        order = {key: index for index, (key, _label) in enumerate(IMPORTANCE)}
        for competency in self:
            competency.importance_sequence = order.get(competency.importance, 9)

    @api.constrains("skill_id", "skill_type_id", "required_level_id")
    def _check_skill_level_type(self):
        self._check_skill_and_level_types()

    @api.onchange("skill_id", "skill_type_id")
    def _onchange_skill_type_id(self):
        """Keep the row valid while it is edited: a skill of another type is
        cleared (choose one of the type); a level of another type becomes the
        type's default level, never blank (the form would only answer
        "Invalid fields")."""
        if self.skill_id.skill_type_id != self.skill_type_id:
            self.skill_id = False
        levels = self.skill_type_id.skill_level_ids
        if self.required_level_id not in levels:
            self.required_level_id = (
                levels.filtered("default_level")[:1]
                or levels.sorted(lambda level: (level.level_progress, level.id))[:1]
            )
