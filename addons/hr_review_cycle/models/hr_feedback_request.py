# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HrFeedbackRequest(models.Model):
    _inherit = "hr.feedback.request"

    review_cycle_id = fields.Many2one(
        related="appraisal_id.review_cycle_id", store=True, index="btree_not_null"
    )
