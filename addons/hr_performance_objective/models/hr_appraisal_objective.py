# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# what the employee's managers set (hr.career.policy.mixin); the appraisal
# and the objective are fixed once listed
LINE_INPUT = {"achievement", "comment"}


class HrAppraisalObjective(models.Model):
    """An objective of the appraisal's period, with its achievement: the
    objective's progress, followed until the appraisal is completed, or what
    the manager types (kept)."""

    _name = "hr.appraisal.objective"
    _description = "Objective assessed in an appraisal"
    _inherit = ["hr.career.unique.mixin", "hr.career.policy.mixin"]
    _order = "appraisal_id, id"
    _rec_name = "objective_id"
    _career_policy_employee = "appraisal_id.employee_id"
    _career_policy = {
        "manager": {
            "create": LINE_INPUT | {"appraisal_id", "objective_id"},
            "write": LINE_INPUT,
        },
    }
    # a typed achievement is kept (create and write mark it)
    _career_policy_derived = {"achievement": {"achievement_manual"}}

    appraisal_id = fields.Many2one(
        "hr.appraisal", required=True, index=True, ondelete="cascade"
    )
    employee_id = fields.Many2one(related="appraisal_id.employee_id")
    company_id = fields.Many2one(
        related="appraisal_id.company_id", store=True, index=True
    )
    objective_id = fields.Many2one(
        "hr.performance.objective",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('employee_id', '=', employee_id)]",
    )
    weight = fields.Float(related="objective_id.weight")
    progress = fields.Float(related="objective_id.progress", digits=(16, 1))
    achievement = fields.Float(
        compute="_compute_achievement",
        store=True,
        readonly=False,
        digits=(16, 1),
        help="How far the objective was achieved (0-100): the objective's "
        "progress, followed until the appraisal is completed, unless a manager "
        "types it.",
    )
    achievement_manual = fields.Boolean(
        string="Typed Achievement",
        readonly=True,
        copy=False,
        help="A manager or HR typed the achievement: it no longer follows the "
        "objective's progress.",
    )
    achievement_set = fields.Boolean(
        compute="_compute_achievement_set",
        # the objective's state, which the line's readers see
        compute_sudo=True,
        help="The line counts for the suggested rating: its achievement was "
        "typed, or its objective shows progress or is done.",
    )
    comment = fields.Text()

    _sql_constraints = [
        (
            "appraisal_objective_unique",
            "UNIQUE(appraisal_id, objective_id)",
            "An appraisal assesses each objective once.",
        ),
    ]

    # ------------------------------------------------------------ computes
    @api.depends("objective_id.progress", "appraisal_id.state", "achievement_manual")
    def _compute_achievement(self):
        # compute_sudo (stored): the objective's progress, whoever reads it;
        # a typed achievement, or any once the appraisal is completed, stays
        for line in self:
            if not line.achievement_manual and line.appraisal_id.state != "3_done":
                line.achievement = line.objective_id.progress

    @api.depends("achievement_manual", "achievement", "objective_id.state")
    def _compute_achievement_set(self):
        for line in self:
            line.achievement_set = bool(
                line.achievement_manual
                or line.achievement
                or line.objective_id.state == "done"  # compute_sudo
            )

    @api.constrains("achievement")
    def _check_achievement(self):
        for line in self:
            if not 0 <= line.achievement <= 100:
                raise ValidationError(
                    self.env._(
                        "The achievement of “%(objective)s” is a percentage: "
                        "%(value)s is not between 0 and 100.",
                        objective=line.objective_id.name,
                        value=line.achievement,
                    )
                )

    @api.constrains("objective_id", "appraisal_id")
    def _check_objective_employee(self):
        # sudo: the objective's owner is compared, nothing is shown
        for line in self.sudo():
            if line.objective_id.employee_id != line.appraisal_id.employee_id:
                raise ValidationError(
                    self.env._(
                        "The objective “%(objective)s” is not an objective of "
                        "%(employee)s.",
                        objective=line.objective_id.name,
                        employee=line.appraisal_id.employee_id.name,
                    )
                )

    # ------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        appraisals = self.env["hr.appraisal"].browse(
            {vals["appraisal_id"] for vals in vals_list if vals.get("appraisal_id")}
        )
        appraisals._check_objective_line_rights()
        for vals in vals_list:
            # an achievement given is typed; without, it follows the objective
            if "achievement" in vals:
                vals.setdefault("achievement_manual", True)
        return super().create(vals_list)

    def write(self, vals):
        self.appraisal_id._check_objective_line_rights()
        if "achievement" in vals and "achievement_manual" not in vals:
            # a person typed it: from now on it is kept, not followed
            vals = dict(vals, achievement_manual=True)
        return super().write(vals)

    @api.model
    def _career_policy_is_hr(self):
        return self.env["hr.appraisal"]._is_appraisal_hr()

    def unlink(self):
        self.appraisal_id._check_objective_line_rights()
        return super().unlink()
