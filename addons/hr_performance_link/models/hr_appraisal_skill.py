# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

# Self-assessment and manager's assessment "disagree" when they are this far
# apart, in levels of the skill type or in progress points.
DISAGREEMENT_LEVELS = 2
DISAGREEMENT_PROGRESS = 40


class HrAppraisalSkill(models.Model):
    """One skill assessed in an appraisal: the level the employee had when the
    appraisal was confirmed, the level the job requires, the employee's own
    view and the manager's assessment (applied when the appraisal is done)."""

    _name = "hr.appraisal.skill"
    _description = "Skill assessed in an appraisal"
    _order = "appraisal_id, required_sequence, skill_type_id, skill_id"
    _rec_name = "skill_id"

    appraisal_id = fields.Many2one(
        "hr.appraisal", required=True, index=True, ondelete="cascade"
    )
    employee_id = fields.Many2one(
        related="appraisal_id.employee_id", store=True, index=True
    )
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True)
    skill_id = fields.Many2one("hr.skill", required=True, ondelete="cascade")
    skill_type_id = fields.Many2one(
        related="skill_id.skill_type_id", store=True, string="Skill Type"
    )
    current_level_id = fields.Many2one(
        "hr.skill.level",
        string="Level Before",
        readonly=True,
        ondelete="set null",
        help="The employee's level when the appraisal was confirmed.",
    )
    current_progress = fields.Integer(
        related="current_level_id.level_progress", string="Progress Before"
    )
    required_level_id = fields.Many2one(
        "hr.skill.level",
        readonly=True,
        ondelete="set null",
        help="The level the employee's job requires (competency matrix).",
    )
    required_progress = fields.Integer(
        related="required_level_id.level_progress", string="Required Progress"
    )
    required_sequence = fields.Integer(compute="_compute_required_sequence", store=True)
    self_level_id = fields.Many2one(
        "hr.skill.level",
        string="Self-assessment",
        ondelete="restrict",
        domain="[('skill_type_id', '=', skill_type_id)]",
    )
    assessed_level_id = fields.Many2one(
        "hr.skill.level",
        string="Manager's Assessment",
        ondelete="restrict",
        domain="[('skill_type_id', '=', skill_type_id)]",
    )
    assessed_progress = fields.Integer(
        related="assessed_level_id.level_progress", string="Assessed Progress"
    )
    comment = fields.Text()
    disagreement = fields.Boolean(
        compute="_compute_disagreement",
        store=True,
        help="The self-assessment and the manager's assessment are at least two "
        "levels (or 40 progress points) apart.",
    )
    below_required = fields.Boolean(compute="_compute_below_required")

    _sql_constraints = [
        (
            "appraisal_skill_unique",
            "UNIQUE(appraisal_id, skill_id)",
            "An appraisal assesses each skill once.",
        ),
    ]

    @api.depends("required_level_id")
    def _compute_required_sequence(self):
        for line in self:
            line.required_sequence = 0 if line.required_level_id else 1

    @api.depends(
        "self_level_id.level_progress",
        "assessed_level_id.level_progress",
        "skill_type_id.skill_level_ids",
    )
    def _compute_disagreement(self):
        for line in self:
            mine, theirs = line.self_level_id, line.assessed_level_id
            if not mine or not theirs:
                line.disagreement = False
                continue
            levels = line.skill_type_id.skill_level_ids.sorted(
                lambda lvl: (lvl.level_progress, lvl.id)
            ).ids
            rank_gap = (
                abs(levels.index(mine.id) - levels.index(theirs.id))
                if mine.id in levels and theirs.id in levels
                else 0
            )
            line.disagreement = (
                rank_gap >= DISAGREEMENT_LEVELS
                or abs(mine.level_progress - theirs.level_progress)
                >= DISAGREEMENT_PROGRESS
            )

    @api.depends("assessed_level_id", "current_level_id", "required_level_id")
    def _compute_below_required(self):
        for line in self:
            level = line.assessed_level_id or line.current_level_id
            line.below_required = bool(
                line.required_level_id
                and level.level_progress < line.required_level_id.level_progress
            )

    @api.constrains("skill_id", "assessed_level_id", "self_level_id")
    def _check_level_type(self):
        for line in self:
            for level, who in (
                (line.assessed_level_id, self.env._("manager's assessment")),
                (line.self_level_id, self.env._("self-assessment")),
            ):
                if level and level.skill_type_id != line.skill_type_id:
                    raise ValidationError(
                        self.env._(
                            "The %(who)s of %(skill)s cannot be “%(level)s”: that "
                            "is a level of %(other)s. Choose one of %(levels)s.",
                            who=who,
                            skill=line.skill_id.name,
                            level=level.name,
                            other=level.skill_type_id.name,
                            levels=", ".join(
                                line.skill_type_id.skill_level_ids.mapped("name")
                            ),
                        )
                    )

    def write(self, vals):
        if "assessed_level_id" in vals:
            self._check_can_assess()
        return super().write(vals)

    def _check_can_assess(self):
        """The employee gives a self-assessment; the manager's assessment,
        which becomes the employee's level, is not theirs to set."""
        if self.env.is_superuser() or self.env.user.has_group(
            "hr_appraisal_oca.group_appraisal_hr_officer"
        ):
            return
        own = self.filtered(lambda line: line.employee_id.user_id == self.env.user)
        if own:
            raise AccessError(
                self.env._(
                    "%(employee)s, you can give your self-assessment of %(skill)s; "
                    "the manager's assessment is for your managers to set.",
                    employee=own[0].employee_id.name,
                    skill=own[0].skill_id.name,
                )
            )
