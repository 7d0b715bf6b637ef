# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class HrFeedbackNomination(models.Model):
    _inherit = "hr.feedback.nomination"

    def _prepare_feedback_request_vals(self):
        """A peer approved in a review cycle is asked as the cycle asks the
        others: its deadline (the manager review) and anonymity."""
        vals = super()._prepare_feedback_request_vals()
        # the deciders (the manager chain, HR) read the cycle
        cycle = self.appraisal_id.review_cycle_id
        if cycle:
            vals.update(cycle._feedback_request_defaults())
        return vals
