# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

LETTER_REPORT = "hr_compensation_review.action_report_compensation_letter"


class CompensationHomePortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        """The /my tile counts the user's released outcomes (shown when
        there is one)."""
        values = super()._prepare_home_portal_values(counters)
        if "compensation_count" in counters:
            values["compensation_count"] = (
                len(CompensationPortal._own_released_lines(self))
                if not request.env["hr.career.role"]._is_portal_user()
                else 0
            )
        return values


class CompensationPortal(http.Controller):
    def _own_released_lines(self, line_ids=None):
        """The logged-in user's own lines of released reviews. Employees read
        no line over the ORM (a line holds the 9-box and the rating): the
        portal reads their own, once released, with sudo after this check."""
        domain = [
            ("review_id.released", "=", True),
            (
                "employee_id",
                "in",
                request.env["hr.career.role"]._my_employees().ids,
            ),
        ]
        if line_ids is not None:
            domain.append(("id", "in", line_ids))
        # sudo: the domain above keeps the user's own released lines only
        return (
            request.env["hr.compensation.review.line"]
            .sudo()
            .search(domain, order="id desc")
        )

    @http.route("/my/compensation", type="http", auth="user", website=True)
    def compensation_outcomes(self, **kw):
        """The user's released pay and promotion outcomes."""
        if request.env["hr.career.role"]._is_portal_user():
            raise request.not_found()
        return request.render(
            "hr_compensation_review.portal_my_compensation",
            {"lines": self._own_released_lines(), "page_name": "compensation"},
        )

    @http.route(
        "/my/compensation/<int:line_id>/letter", type="http", auth="user", website=False
    )
    def compensation_letter(self, line_id, **kw):
        """The letter of one of the user's own released outcomes; another
        person's line, or one not released yet, is not found."""
        if request.env["hr.career.role"]._is_portal_user():
            raise request.not_found()
        line = self._own_released_lines([line_id])
        if not line:
            raise request.not_found()
        # the report renders the line as _own_released_lines read it (its
        # environment: the one privileged read of this controller, checked)
        reports = line.env["ir.actions.report"]
        if reports.get_wkhtmltopdf_state() != "ok":
            # no PDF engine on this server: the printable web page
            html, _type = reports._render_qweb_html(LETTER_REPORT, line.ids)
            return request.make_response(
                html, headers=[("Content-Type", "text/html; charset=utf-8")]
            )
        pdf, _type = reports._render_qweb_pdf(LETTER_REPORT, line.ids)
        return request.make_response(
            pdf,
            headers=[
                ("Content-Type", "application/pdf"),
                ("Content-Length", len(pdf)),
                (
                    "Content-Disposition",
                    f'attachment; filename="compensation-letter-{line.id}.pdf"',
                ),
            ],
        )
