# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request

from .portal import PerformanceCareerPortal


class PerformanceNominationPortal(PerformanceCareerPortal):
    """The appraised employee nominates the peers who give them 360°
    feedback; their manager approves them (backend)."""

    def _career_nomination_appraisals(self, employee):
        """The employee's appraisals open to nominations, read through the
        user's own employee (the lookup of _career_employee: portal users
        read no appraisal)."""
        appraisals = employee.env["hr.appraisal"].search(
            [("employee_id", "=", employee.id), ("state", "!=", "3_done")],
            order="date_close, id",
        )
        return appraisals._feedback_nominations_open()

    def _career_nomination_candidates(self, employee):
        """The colleagues the employee may nominate (portal users cannot read
        employees)."""
        # sudo: the org chart around the user's own employee: names only
        return (
            request.env["hr.feedback.nomination"].sudo()._candidate_reviewers(employee)
        )

    def _career_dashboard_values(self, employee):
        values = super()._career_dashboard_values(employee)
        values["nomination_appraisals"] = self._career_nomination_appraisals(employee)
        return values

    def _career_nomination_render(self, employee, error=None, message=None):
        appraisals = self._career_nomination_appraisals(employee)
        candidates = self._career_nomination_candidates(employee)
        return request.render(
            "hr_performance_feedback.portal_my_career_nominations",
            {
                "page_name": "career_nominations",
                "employee": employee,
                "appraisals": appraisals,
                "candidates": candidates,
                "peer_limit": employee.company_id.feedback_peer_count,
                "error": error,
                "message": message,
            },
        )

    @http.route("/my/career/nominations", type="http", auth="user", website=True)
    def portal_my_career_nominations(self, **kw):
        employee = self._career_employee()
        if not employee:
            raise NotFound()
        return self._career_nomination_render(employee, message=kw.get("message"))

    @http.route(
        "/my/career/nominations/<int:appraisal_id>",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_career_nominate(self, appraisal_id, reviewer_id=None, **post):
        """Propose a peer for the user's own open appraisal; anyone else's
        appraisal answers 404."""
        employee = self._career_employee()
        appraisal = self._career_nomination_appraisals(employee).filtered(
            lambda a: a.id == appraisal_id
        )
        if not employee or not appraisal:
            raise NotFound()
        candidates = self._career_nomination_candidates(employee)
        try:
            reviewer = candidates.filtered(lambda c: c.id == int(reviewer_id or 0))
        except ValueError:
            reviewer = candidates.browse()
        if not reviewer:
            return self._career_nomination_render(
                employee,
                error=request.env._("Choose the colleague to nominate from the list."),
            )
        try:
            with request.env.cr.savepoint():
                # the environment of the user's own open appraisal, read
                # with sudo above; the model's checks (how many peers, a
                # login) still apply
                appraisal.env["hr.feedback.nomination"].create(
                    {
                        "appraisal_id": appraisal.id,
                        "reviewer_id": reviewer.id,
                        "note": (post.get("note") or "").strip()[:256],
                    }
                )
        except (UserError, ValidationError, AccessError) as refusal:
            return self._career_nomination_render(employee, error=refusal.args[0])
        return request.redirect("/my/career/nominations?message=nominated")

    @http.route(
        "/my/career/nominations/<int:nomination_id>/withdraw",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_career_nomination_withdraw(self, nomination_id, **post):
        employee = self._career_employee()
        nominations = self._career_nomination_appraisals(
            employee
        ).feedback_nomination_ids.filtered(
            lambda n: n.id == nomination_id and n.state == "proposed"
        )
        if not employee or not nominations:
            raise NotFound()
        # read with sudo with the user's own appraisals: their own proposal
        nominations.unlink()
        return request.redirect("/my/career/nominations?message=withdrawn")
