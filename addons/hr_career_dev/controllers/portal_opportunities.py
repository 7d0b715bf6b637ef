# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import ValidationError
from odoo.http import request

from ..models.hr_career_opportunity_application import MOTIVATION_MAX_LENGTH
from .portal import CareerPortal

PORTAL_OPPORTUNITY_LIMIT = 50


class CareerOpportunitiesPortal(CareerPortal):
    def _career_opportunity_values(self, employee, post, error=None):
        # employee is the logged-in user's own (sudo) employee: the open
        # opportunities of their company, as their record rules let them read
        suggestions = employee._get_opportunity_suggestions(
            limit=PORTAL_OPPORTUNITY_LIMIT
        )
        departments = {
            s["opportunity"].department_id
            for s in suggestions
            if s["opportunity"].department_id
        }
        kind = post.get("type") or ""
        department = post.get("department") or ""
        shown = [
            s
            for s in suggestions
            if (not kind or s["opportunity"].opportunity_type == kind)
            and (not department or str(s["opportunity"].department_id.id) == department)
        ]
        # as the user (record rules): their own applications, and the
        # opportunities they name
        applications = request.env["hr.career.opportunity.application"].search(
            [("employee_id", "=", employee.id)]
        )
        # the labels in the user's language
        types = (
            request.env["hr.career.opportunity"]
            ._fields["opportunity_type"]
            ._description_selection(request.env)
        )
        return {
            "page_name": "career_opportunities",
            "employee": employee,
            "suggestions": shown,
            "types": types,
            "type_labels": dict(types),
            "departments": sorted(departments, key=lambda d: d.name or ""),
            "selected_type": kind,
            "selected_department": department,
            "applications": applications,
            "motivation_max_length": MOTIVATION_MAX_LENGTH,
            "error": error,
            "error_opportunity_id": int(post.get("opportunity_id") or 0),
            "motivation": post.get("motivation") or "",
            "applied": bool(post.get("applied")),
        }

    @http.route("/my/career/opportunities", type="http", auth="user", website=True)
    def portal_my_career_opportunities(self, **get):
        employee = self._career_employee()
        if not employee:
            return request.render(
                "hr_career_dev.portal_my_career_no_employee", {"page_name": "career"}
            )
        return request.render(
            "hr_career_dev.portal_my_career_opportunities",
            self._career_opportunity_values(employee, get),
        )

    @http.route(
        "/my/career/opportunities/<int:opportunity_id>/apply",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_career_opportunity_apply(self, opportunity_id, **post):
        employee = self._career_employee()
        # a closed opportunity is refused by the model with its message; the
        # user's rules (open ones only) would answer 404 instead
        opportunity = (
            # sudo: compared with what the employee may see (open or closed, of
            # their company); nothing of it is shown otherwise
            request.env["hr.career.opportunity"].sudo().browse(opportunity_id).exists()
        )
        if (
            not employee
            or not opportunity
            or opportunity.company_id != employee.company_id
            or opportunity.state == "draft"
        ):
            raise NotFound()
        motivation = (post.get("motivation") or "").strip()
        error = None
        if len(motivation) > MOTIVATION_MAX_LENGTH:
            error = request.env._(
                "Keep the motivation under %(max)s characters.",
                max=MOTIVATION_MAX_LENGTH,
            )
        else:
            try:
                with request.env.cr.savepoint():
                    # as the user (rules: for oneself only); the model
                    # refuses closed, full, own, twice
                    request.env["hr.career.opportunity.application"].create(
                        {
                            "opportunity_id": opportunity.id,
                            "employee_id": employee.id,
                            "motivation": motivation,
                        }
                    )
            except ValidationError as refused:
                error = refused.args[0]
        if error:
            values = self._career_opportunity_values(
                employee, dict(post, opportunity_id=opportunity.id), error=error
            )
            return request.render(
                "hr_career_dev.portal_my_career_opportunities", values, status=400
            )
        return request.redirect("/my/career/opportunities?applied=1")
