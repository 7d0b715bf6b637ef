# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError


class ReportCompensationLetter(models.AbstractModel):
    """The letter of an outcome: only once HR released the review, whoever
    prints it (the /report routes included)."""

    _name = "report.hr_compensation_review.report_compensation_letter"
    _description = "Compensation letter"

    @api.model
    def _get_report_values(self, docids, data=None):
        lines = self.env["hr.compensation.review.line"].browse(docids)
        pending = lines.filtered(lambda line: not line.review_id.released)
        if pending:
            raise UserError(
                self.env._(
                    "The letter of %(employee)s can be printed once the review "
                    "“%(review)s” is released.",
                    employee=pending[0].employee_id.name,
                    review=pending[0].review_id.name,
                )
            )
        return {
            "doc_ids": lines.ids,
            "doc_model": "hr.compensation.review.line",
            "docs": lines,
        }
