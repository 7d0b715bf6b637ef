# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# compa-ratio limits of the three bands of the merit matrix
BAND_LOW = 0.9
BAND_HIGH = 1.1
BANDS = [
    ("below", "Below 0.9"),
    ("within", "0.9 to 1.1"),
    ("above", "Above 1.1"),
]


def band_of(compa_ratio):
    """The merit matrix band of a compa-ratio (False without one)."""
    if not compa_ratio:
        return False
    if compa_ratio < BAND_LOW:
        return "below"
    if compa_ratio > BAND_HIGH:
        return "above"
    return "within"


class HrJobSalaryBand(models.Model):
    """The pay range of a job in a company: the compa-ratio of an employee is
    the wage of their running contract divided by the midpoint."""

    _name = "hr.job.salary.band"
    _description = "Salary band"
    _order = "company_id, job_id"
    _rec_name = "job_id"
    _check_company_auto = True

    job_id = fields.Many2one("hr.job", required=True, index=True, check_company=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.company.currency_id,
    )
    wage_min = fields.Monetary(string="Minimum", required=True)
    wage_mid = fields.Monetary(string="Midpoint", required=True)
    wage_max = fields.Monetary(string="Maximum", required=True)

    _sql_constraints = [
        (
            "job_company_unique",
            "UNIQUE(job_id, company_id)",
            "A job has one salary band per company.",
        ),
    ]

    @api.constrains("wage_min", "wage_mid", "wage_max")
    def _check_wages(self):
        for band in self:
            if not 0 < band.wage_min <= band.wage_mid <= band.wage_max:
                raise ValidationError(
                    self.env._(
                        "The salary band of “%(job)s” needs a positive minimum, "
                        "a midpoint and a maximum in that order (minimum ≤ "
                        "midpoint ≤ maximum), not %(min)s / %(mid)s / %(max)s.",
                        job=band.job_id.name,
                        min=band.wage_min,
                        mid=band.wage_mid,
                        max=band.wage_max,
                    )
                )

    @api.model
    def _get_midpoints(self, pairs):
        """``{(job_id, company_id): midpoint}`` for ``pairs``, one query."""
        pairs = set(pairs)
        if not pairs:
            return {}
        bands = self.search_fetch(
            [
                ("job_id", "in", list({job for job, _company in pairs})),
                ("company_id", "in", list({company for _job, company in pairs})),
            ],
            ["job_id", "company_id", "wage_mid"],
        )
        return {
            (band.job_id.id, band.company_id.id): band.wage_mid
            for band in bands
            if (band.job_id.id, band.company_id.id) in pairs
        }
