# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HrAppraisal(models.Model):
    _inherit = "hr.appraisal"

    review_cycle_id = fields.Many2one(
        "hr.review.cycle",
        readonly=True,
        copy=False,
        index=True,
        ondelete="restrict",
        help="The review cycle that created this appraisal.",
    )
    feedback_skipped_count = fields.Integer(
        string="360° Reviewers Skipped",
        readonly=True,
        copy=False,
        help="Reviewers its review cycle chose for 360° feedback who have no "
        "login: they were not asked.",
    )

    # ------------------------------------------------------------ CRUD
    def init(self):
        # one appraisal per employee and review cycle, also against two
        # concurrent jobs of the cycle
        self.env.cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS hr_appraisal_one_per_cycle "
            "ON hr_appraisal (review_cycle_id, employee_id) "
            "WHERE review_cycle_id IS NOT NULL"
        )

    # review_cycle_id and feedback_skipped_count are HR's: no line of the
    # field policy (hr.career.policy.mixin) names them
