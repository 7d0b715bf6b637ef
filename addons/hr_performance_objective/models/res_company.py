# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.hr_career_dev.models.value_checks import check_value_range

from .hr_performance_rating import DEFAULT_SCALE


class ResCompany(models.Model):
    _inherit = "res.company"

    rating_objective_weight = fields.Integer(
        string="Objectives Weight (%)",
        default=60,
        help="Weight of the objectives score in the suggested rating; the "
        "competencies score weighs the rest.",
    )
    performance_rating_ids = fields.One2many(
        "hr.performance.rating", "company_id", string="Rating Scale"
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
        # The default scale is configuration created for every company,
        # whoever creates the company (HR managers only may write scales), and
        # the appraisals that waited for it, whoever may read them, get their
        # suggested rating: one privileged environment for the whole set-up.
        # sudo: creates the default scale (comment above)
        env = self.sudo().env
        Rating = env["hr.performance.rating"].with_context(active_test=False)
        scaled = {
            company.id
            for [company] in Rating._read_group(
                [("company_id", "in", companies.ids)], ["company_id"]
            )
        }
        Rating.create(
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
        appraisals = env["hr.appraisal"].search(
            [
                ("company_id", "in", companies.ids),
                ("suggested_rating_id", "=", False),
            ]
        )
        self.env.add_to_compute(appraisals._fields["suggested_rating_id"], appraisals)
