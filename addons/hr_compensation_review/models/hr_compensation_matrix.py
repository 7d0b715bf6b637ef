# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .hr_job_salary_band import BANDS

# default guideline ranges (percent) of the lowest, middle and highest steps
# of a rating scale, per band; steps in between are interpolated
DEFAULT_TOP = {"below": (6.0, 9.0), "within": (4.0, 6.0), "above": (2.0, 4.0)}


class HrCompensationMatrix(models.Model):
    """One cell of a merit matrix: a rating step and a compa-ratio band give
    a guideline range of increase in percent. Cells without a review are the
    company's default, copied into each new review."""

    _name = "hr.compensation.matrix"
    _description = "Merit matrix cell"
    _order = "company_id, review_id, rating_id, band"
    _check_company_auto = True

    review_id = fields.Many2one(
        "hr.compensation.review",
        string="Review",
        index=True,
        ondelete="cascade",
        check_company=True,
        help="Empty: the company's default matrix, copied into new reviews.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    rating_id = fields.Many2one(
        "hr.performance.rating", string="Rating", required=True, check_company=True
    )
    band = fields.Selection(BANDS, string="Compa-Ratio Band", required=True)
    percent_min = fields.Float(string="Guideline Minimum (%)", digits=(16, 2))
    percent_max = fields.Float(string="Guideline Maximum (%)", digits=(16, 2))

    @api.constrains("percent_min", "percent_max")
    def _check_percents(self):
        for cell in self:
            if not -100 <= cell.percent_min <= cell.percent_max <= 100:
                raise ValidationError(
                    self.env._(
                        "The guideline of “%(rating)s” needs a minimum at most "
                        "its maximum, both between -100%% and 100%%, not "
                        "%(min)s%% to %(max)s%%.",
                        rating=cell.rating_id.name,
                        min=cell.percent_min,
                        max=cell.percent_max,
                    )
                )

    @api.constrains("review_id", "company_id", "rating_id", "band")
    def _check_unique_cell(self):
        groups = self._read_group(
            [
                ("company_id", "in", self.company_id.ids),
                ("rating_id", "in", self.rating_id.ids),
            ],
            ["review_id", "company_id", "rating_id", "band"],
            having=[("__count", ">", 1)],
        )
        if groups:
            _review, _company, rating, band = groups[0]
            raise ValidationError(
                self.env._(
                    "The merit matrix has two cells for the rating “%(rating)s” "
                    "and the band “%(band)s”.",
                    rating=rating.name,
                    band=dict(self._fields["band"]._description_selection(self.env))[
                        band
                    ],
                )
            )

    @api.model
    def _default_cells(self, company):
        """The company's default cells: those without a review, else built
        from the company's rating scale (``DEFAULT_TOP`` interpolated, the
        lowest step getting nothing)."""
        cells = self.search(
            [("company_id", "=", company.id), ("review_id", "=", False)]
        )
        if cells:
            return [
                {
                    "rating_id": cell.rating_id.id,
                    "band": cell.band,
                    "percent_min": cell.percent_min,
                    "percent_max": cell.percent_max,
                }
                for cell in cells
            ]
        scale = self.env["hr.performance.rating"]._scale_for(company)
        steps = max(len(scale) - 1, 1)
        values = []
        for index, rating in enumerate(scale):
            share = index / steps
            for band, (low, high) in DEFAULT_TOP.items():
                values.append(
                    {
                        "rating_id": rating.id,
                        "band": band,
                        "percent_min": round(low * share, 1) if index else 0.0,
                        "percent_max": round(high * share, 1) if index else 0.0,
                    }
                )
        return values

    @api.model
    def _create_company_defaults(self):
        """Data: the default matrix of every company that has none."""
        for company in self.env["res.company"].search([]):
            if not self.search_count(
                [("company_id", "=", company.id), ("review_id", "=", False)]
            ):
                self.create(
                    [
                        dict(vals, company_id=company.id)
                        for vals in self._default_cells(company)
                    ]
                )
