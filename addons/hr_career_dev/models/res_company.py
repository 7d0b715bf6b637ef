# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    career_skill_evidence_mode = fields.Selection(
        [
            ("immediate", "Apply at once"),
            ("validate", "Manager validates"),
        ],
        string="Skills from Completed Courses",
        default="immediate",
        required=True,
    )

    career_opportunity_opt_in_default = fields.Boolean(
        string="Suggest Employees for Opportunities by Default",
        default=True,
        help="New employees are suggested to opportunity owners and receive the "
        "weekly digest unless they opt out.",
    )
    career_opportunity_digest_threshold = fields.Integer(
        string="Digest Fit Threshold (%)",
        default=60,
        help="The weekly digest lists new opportunities whose fit is at least this.",
    )
    career_plan_gap_actions = fields.Integer(
        string="Actions per Plan from Gaps",
        default=5,
        help="A development plan built from the competency gaps (after an "
        "appraisal, a review cycle or Plans from Gaps) holds at most this many "
        "open actions, for the most important gaps first; the next gaps get "
        "theirs as actions are done. 0: one action for every gap.",
    )

    @api.constrains("career_plan_gap_actions")
    def _check_career_plan_gap_actions(self):
        for company in self:
            if company.career_plan_gap_actions < 0:
                raise ValidationError(
                    self.env._(
                        "The number of actions per plan from gaps cannot be "
                        "negative (%(company)s): use 0 for one action per gap.",
                        company=company.name,
                    )
                )
