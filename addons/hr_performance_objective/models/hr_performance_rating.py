# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# (name, score_min, target share of the appraisals in %, talent review
# performance level)
DEFAULT_SCALE = [
    ("Unsatisfactory", 0, 5, "low"),
    ("Needs improvement", 40, 15, "low"),
    ("Meets expectations", 60, 55, "medium"),
    ("Exceeds expectations", 80, 20, "high"),
    ("Outstanding", 95, 5, "high"),
]


class HrPerformanceRating(models.Model):
    """One step of a company's rating scale: an appraisal whose score reaches
    ``score_min`` (and not the next step's) is suggested this rating."""

    _name = "hr.performance.rating"
    _description = "Performance rating step"
    _inherit = ["hr.career.unique.mixin"]
    _order = "company_id, sequence, score_min, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    score_min = fields.Integer(
        string="Minimum Score",
        required=True,
        help="Lowest appraisal score (0-100) suggesting this rating.",
    )
    target_share = fields.Integer(
        string="Target Share (%)",
        help="Share of the company's rated appraisals expected at this step "
        "(the target distribution).",
    )
    actual_share = fields.Float(
        string="Actual Share (%)",
        compute="_compute_actual_share",
        digits=(16, 1),
        help="Share of the company's rated appraisals at this step.",
    )
    talent_performance = fields.Selection(
        [("low", "Low"), ("medium", "Medium"), ("high", "High")],
        string="9-Box Performance",
        required=True,
        default="medium",
        help="The performance column of the 9-box grid for an appraisal rated at "
        "this step.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "score_unique",
            "UNIQUE(company_id, score_min)",
            "Two steps of a rating scale cannot start at the same score.",
        ),
    ]

    def _compute_actual_share(self):
        counts = {
            rating: count
            for rating, count in self.env["hr.appraisal"]._read_group(
                [("rating_id", "in", self.ids)], ["rating_id"], ["__count"]
            )
        }
        totals = dict(
            self.env["hr.appraisal"]._read_group(
                [("rating_id", "!=", False), ("company_id", "in", self.company_id.ids)],
                ["company_id"],
                ["__count"],
            )
        )
        for rating in self:
            total = totals.get(rating.company_id, 0)
            rating.actual_share = (
                100.0 * counts.get(rating, 0) / total if total else 0.0
            )

    @api.constrains("score_min", "target_share")
    def _check_ranges(self):
        for rating in self:
            if not 0 <= rating.score_min <= 100:
                raise ValidationError(
                    self.env._(
                        "The minimum score of the rating “%(rating)s” must be "
                        "between 0 and 100, not %(score)s.",
                        rating=rating.name,
                        score=rating.score_min,
                    )
                )
            if not 0 <= rating.target_share <= 100:
                raise ValidationError(
                    self.env._(
                        "The target share of the rating “%(rating)s” must be "
                        "between 0 and 100%%, not %(share)s.",
                        rating=rating.name,
                        share=rating.target_share,
                    )
                )

    @api.model
    def _scale_for(self, company):
        """The company's active steps, lowest first."""
        return self.search([("company_id", "=", company.id)], order="score_min, id")

    @api.model
    def _suggest(self, scales, score):
        """The step of ``scales`` (a scale, lowest first) that ``score`` reaches."""
        reached = scales.filtered(lambda r: r.score_min <= score)
        return reached[-1:] if reached else scales[:1]
