# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.hr_career_dev.models.value_checks import check_value_range

from .hr_performance_rating import DEFAULT_SCALE

CHECKIN_CADENCES = [
    ("weekly", "Weekly"),
    ("biweekly", "Every two weeks"),
    ("monthly", "Monthly"),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    checkin_cadence = fields.Selection(
        CHECKIN_CADENCES,
        string="Check-in Cadence",
        default="monthly",
        required=True,
        help="How often managers hold a check-in with each of their employees.",
    )
    rating_objective_weight = fields.Integer(
        string="Objectives Weight (%)",
        default=60,
        help="Weight of the objectives score in the suggested rating; the "
        "competencies score weighs the rest.",
    )
    performance_rating_ids = fields.One2many(
        "hr.performance.rating", "company_id", string="Rating Scale"
    )

    talent_target_low = fields.Integer(
        string="Target Share Low (%)",
        default=10,
        help="Target distribution of the talent review: share of the people "
        "expected at the low level of performance (and of potential).",
    )
    talent_target_medium = fields.Integer(string="Target Share Medium (%)", default=70)
    talent_target_high = fields.Integer(string="Target Share High (%)", default=20)
    talent_high_potential_boxes = fields.Char(
        string="High-potential Boxes",
        default="8,9",
        help="Boxes of the 9-box grid (1 = low performance and potential, 9 = "
        "high and high), comma-separated, whose employees join the High "
        "potential talent pool when a talent review closes.",
    )

    _sql_constraints = [
        (
            "rating_objective_weight_range",
            "CHECK(rating_objective_weight BETWEEN 0 AND 100)",
            "The objectives weight is a percentage between 0 and 100.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        check_value_range(self, vals_list, "rating_objective_weight", 0, 100)
        companies = super().create(vals_list)
        companies._setup_performance_rating_scale()
        return companies

    def write(self, vals):
        check_value_range(self, [vals], "rating_objective_weight", 0, 100)
        return super().write(vals)

    @api.model
    def _setup_performance_rating_scale(self):
        """Give the default five-step rating scale to each company (all of them
        when called on an empty recordset) that has no scale yet."""
        companies = self or self.search([])
        Rating = self.env["hr.performance.rating"].with_context(active_test=False)
        # sudo: the default scale is configuration created for every company,
        # whoever creates the company
        scaled = {
            company.id
            for [company] in Rating.sudo()._read_group(
                [("company_id", "in", companies.ids)], ["company_id"]
            )
        }
        # sudo: a new company's default scale, whoever creates the company
        Rating.sudo().create(
            [
                {
                    "name": name,
                    "sequence": index,
                    "score_min": score_min,
                    "target_share": share,
                    "talent_performance": performance,
                    "company_id": company.id,
                }
                for company in companies
                if company.id not in scaled
                for index, (name, score_min, share, performance) in enumerate(
                    DEFAULT_SCALE
                )
            ]
        )
        # appraisals that existed before their company had a scale (an
        # upgraded database) get their suggested rating now
        appraisals = (
            self.env["hr.appraisal"]
            .sudo()
            .search(
                [
                    ("company_id", "in", companies.ids),
                    ("suggested_rating_id", "=", False),
                ]
            )
        )
        self.env.add_to_compute(appraisals._fields["suggested_rating_id"], appraisals)

    @api.constrains(
        "talent_target_low",
        "talent_target_medium",
        "talent_target_high",
        "talent_high_potential_boxes",
    )
    def _check_talent_settings(self):
        for company in self:
            shares = (
                company.talent_target_low,
                company.talent_target_medium,
                company.talent_target_high,
            )
            if any(share < 0 for share in shares) or sum(shares) != 100:
                raise ValidationError(
                    self.env._(
                        "The target distribution of the talent review is three "
                        "shares (low, medium, high) that add up to 100%%, not "
                        "%(low)s/%(medium)s/%(high)s.",
                        low=shares[0],
                        medium=shares[1],
                        high=shares[2],
                    )
                )
            company._talent_high_potential_boxes()

    def _talent_target_shares(self):
        self.ensure_one()
        return {
            "low": self.talent_target_low,
            "medium": self.talent_target_medium,
            "high": self.talent_target_high,
        }

    def _talent_high_potential_boxes(self):
        """The high-potential boxes of Settings as a set of integers."""
        self.ensure_one()
        text = self.talent_high_potential_boxes or ""
        boxes = set()
        for part in text.replace(" ", "").split(","):
            if not part:
                continue
            if not part.isdigit() or not 1 <= int(part) <= 9:
                raise ValidationError(
                    self.env._(
                        "High-potential boxes are numbers from 1 to 9 separated "
                        "by commas (e.g. 8,9), not “%(text)s”.",
                        text=text,
                    )
                )
            boxes.add(int(part))
        return boxes
