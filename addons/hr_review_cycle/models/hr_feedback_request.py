# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HrFeedbackRequest(models.Model):
    _inherit = "hr.feedback.request"

    review_cycle_id = fields.Many2one(
        related="appraisal_id.review_cycle_id", store=True, index="btree_not_null"
    )

    @api.depends("name", "review_cycle_id.name")
    def _compute_display_name(self):
        """Each request says which review it belongs to: "Feedback on Eve
        Employee (2026 Annual Review)"."""
        result = super()._compute_display_name()
        # sudo: the cycle's name only, to label a request the user reads
        for request in self:
            cycle = request.sudo().review_cycle_id
            if cycle:
                request.display_name = self.env._(
                    "%(request)s (%(cycle)s)",
                    request=request.display_name,
                    cycle=cycle.name,
                )
        return result
