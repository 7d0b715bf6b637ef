# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.http import request

from odoo.addons.hr_career_dev.controllers.portal import CareerPortal

CERTIFICATE_REPORT = "hr_recognition.action_report_award_certificate"


class RecognitionPortal(http.Controller):
    @http.route(
        "/my/career/certificate/<int:award_id>",
        type="http",
        auth="user",
        website=False,
    )
    def recognition_certificate(self, award_id, **kw):
        """Download the certificate of one of the logged-in user's own awards."""
        # the award, read under the record rules (every user reads awards:
        # gamification's access, our rules keep other companies out), among
        # the user's own employees' only: anything else is not found
        employees = request.env["hr.career.role"]._my_employees()
        award = request.env["gamification.badge.user"].search(
            [("id", "=", award_id), ("employee_id", "in", employees.ids)]
        )
        if not award or not award.is_recognition:  # none for a plain badge
            raise request.not_found()
        # sudo: render the award checked above (its badge, rule and company
        # may not be readable by the employee)
        reports = request.env["ir.actions.report"].sudo()
        if reports.get_wkhtmltopdf_state() != "ok":
            # no PDF engine on this server: the printable web page, which says so
            html, _type = reports._render_qweb_html(
                CERTIFICATE_REPORT, award.ids, data={"pdf_unavailable": True}
            )
            return request.make_response(
                html, headers=[("Content-Type", "text/html; charset=utf-8")]
            )
        pdf, _type = reports._render_qweb_pdf(CERTIFICATE_REPORT, award.ids)
        filename = f"certificate-{award.id}.pdf"
        return request.make_response(
            pdf,
            headers=[
                ("Content-Type", "application/pdf"),
                ("Content-Length", len(pdf)),
                ("Content-Disposition", f'attachment; filename="{filename}"'),
            ],
        )


class RecognitionCareerPortal(CareerPortal):
    def _career_dashboard_values(self, employee):
        values = super()._career_dashboard_values(employee)
        # the employee's own awards, read under the record rules
        values["awards"] = request.env["gamification.badge.user"].search(
            [("employee_id", "=", employee.id)], order="create_date desc"
        )
        return values
