# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.osv import expression

from .hr_review_cycle_close import CLOSE_DECISIONS


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
    close_decision = fields.Selection(
        CLOSE_DECISIONS,
        readonly=True,
        copy=False,
        help="What HR decided for this appraisal, not signed off when its "
        "review cycle closed.",
    )
    cycle_released = fields.Boolean(
        related="review_cycle_id.released",
        store=True,
        string="Results Released",
        help="Its review cycle released the results: the employee reads them.",
    )
    feedback_skipped_count = fields.Integer(
        string="360° Reviewers Skipped",
        readonly=True,
        copy=False,
        help="Reviewers its review cycle chose for 360° feedback who have no "
        "login: they were not asked.",
    )

    @api.model
    def _released_domain(self):
        # an appraisal of a review cycle: once the cycle released its results
        return expression.AND(
            [
                super()._released_domain(),
                ["|", ("review_cycle_id", "=", False), ("cycle_released", "=", True)],
            ]
        )

    @api.depends("review_cycle_id.date_start")
    def _compute_period(self):
        # an appraisal of a review cycle reviews the cycle's period
        result = super()._compute_period()
        for appraisal in self.filtered("review_cycle_id"):
            # compute_sudo (hr_performance_link): the cycle's start, which
            # employees may not read
            appraisal.date_period_start = appraisal.review_cycle_id.date_start
        return result

    # ------------------------------------------------------------ CRUD
    def init(self):
        # one appraisal per employee and review cycle, also against two
        # concurrent jobs of the cycle
        self.env.cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS hr_appraisal_one_per_cycle "
            "ON hr_appraisal (review_cycle_id, employee_id) "
            "WHERE review_cycle_id IS NOT NULL"
        )

    # review_cycle_id, close_decision, cycle_released and
    # feedback_skipped_count are HR's: no line of the field policy
    # (hr.career.policy.mixin) names them

    def _feedback_nominations_open(self):
        """An appraisal of a review cycle takes nominations while its cycle
        runs in the self-review or 360° phase, when the cycle asks nominated
        peers."""
        open_appraisals = super()._feedback_nominations_open()
        return open_appraisals.filtered(
            lambda a: not a.review_cycle_id
            # sudo: the cycle's phase and options, to decide only
            or a.review_cycle_id.sudo()._takes_nominations()
        )
