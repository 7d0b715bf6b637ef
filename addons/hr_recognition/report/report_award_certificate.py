# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ReportAwardCertificate(models.AbstractModel):
    """The certificate checks who prints it, whatever the route: the portal's
    ``/my/career/certificate/<id>``, the backend's Print menu or Odoo's generic
    ``/report/html|pdf/...`` routes."""

    _name = "report.hr_recognition.report_award_certificate"
    _description = "Award certificate"

    @api.model
    def _get_report_values(self, docids, data=None):
        awards = self.env["gamification.badge.user"].browse(docids).exists()
        awards._recognition_check_certificate()
        return {
            "doc_ids": awards.ids,
            "doc_model": "gamification.badge.user",
            "docs": awards,
            # the portal serves the HTML certificate when PDFs cannot be made
            "pdf_unavailable": bool((data or {}).get("pdf_unavailable")),
        }
