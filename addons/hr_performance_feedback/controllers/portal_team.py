# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, http
from odoo.http import request

from odoo.addons.hr_career_dev.controllers.portal_team import CareerTeamPortal

from .portal import PerformanceCareerPortal


class PerformanceCheckinTeamPortal(PerformanceCareerPortal, CareerTeamPortal):
    """A report's page shows their coming check-ins; the manager plans one."""

    def _career_member_values(self, manager, member):
        values = super()._career_member_values(manager, member)
        values.update(self._career_checkin_values(member))
        return values

    def _career_team_messages(self):
        return super()._career_team_messages() + ("checkin_planned",)

    @http.route(
        "/my/career/team/<int:employee_id>/checkin",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_career_team_checkin(self, employee_id, **post):
        """Plan a check-in with the report, as the manager (the check-in's
        own rules say who may hold one with whom)."""
        manager, member = self._career_team_member(employee_id)
        date, error = self._career_team_checkin_date(post)
        if not error:
            error = self._career_team_act(
                lambda: request.env["hr.performance.checkin"].create(
                    {"employee_id": member.id, "date": date}
                ),
            )
        if error:
            return self._career_member_render(manager, member, error=error, post=post)
        return request.redirect(f"/my/career/team/{member.id}?message=checkin_planned")

    def _career_team_checkin_date(self, post):
        try:
            date = fields.Date.to_date(post.get("checkin_date") or None)
        except ValueError:
            date = None
        if not date:
            return None, request.env._("Choose the day of the check-in.")
        if date < fields.Date.context_today(request.env.user):
            return None, request.env._(
                "%(date)s is already past: plan the check-in for today or a "
                "later day.",
                date=date.isoformat(),
            )
        return date, None
