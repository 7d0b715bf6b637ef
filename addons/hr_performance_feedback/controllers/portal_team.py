# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.http import request

from odoo.addons.hr_career_dev.controllers.portal_team import CareerTeamPortal

from .portal import PerformanceCareerPortal


class PerformanceCheckinTeamPortal(PerformanceCareerPortal, CareerTeamPortal):
    """A report's page shows their coming check-ins; the manager plans one."""

    def _career_member_values(self, manager, member):
        values = super()._career_member_values(manager, member)
        values.update(self._career_checkin_values(member))
        # as the user: the nominations they decide on (internal managers and
        # portal users who manage the member: the model's record rules)
        Nomination = request.env["hr.feedback.nomination"]
        values["member_nominations"] = Nomination._team_proposals(member).get(
            member.id, []
        )
        values["can_decide_nominations"] = Nomination.has_access("write")
        return values

    def _career_team_messages(self):
        return super()._career_team_messages() + (
            "checkin_planned",
            "nomination_approved",
            "nomination_rejected",
        )

    @http.route()
    def portal_my_career_team(self, **kw):
        """The team page lists the peers the reports nominated for their 360°
        feedback, waiting for the manager."""
        response = super().portal_my_career_team(**kw)
        team = response.qcontext.get("team")
        if team is not None:
            proposals = request.env["hr.feedback.nomination"]._team_proposals(team)
            message = kw.get("message")
            response.qcontext.update(
                team_nominations=[
                    proposal
                    for member in team
                    for proposal in proposals.get(member.id, [])
                ],
                can_decide_nominations=request.env["hr.feedback.nomination"].has_access(
                    "write"
                ),
                nomination_message=message
                if message in ("nomination_approved", "nomination_rejected")
                else None,
            )
        return response

    @http.route(
        "/my/career/team/<int:employee_id>/nomination/<int:nomination_id>/<string:decision>",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_career_team_nomination(
        self, employee_id, nomination_id, decision, **post
    ):
        """Approve (a 360° request goes to the peer) or reject (with a short
        reason) a peer the report nominated, as the manager: the model checks
        who decides. Another team's nomination answers 404."""
        if decision not in ("approve", "reject"):
            raise NotFound()
        manager, member = self._career_team_member(employee_id)
        nomination = self._career_member_record(
            "hr.feedback.nomination", nomination_id, member
        )
        error = None
        if decision == "approve":
            error = self._career_team_act(nomination.action_approve)
        else:
            reason = (post.get("manager_note") or "").strip()
            if not reason:
                # the name as the team page shows it (portal managers read
                # no employee)
                proposal = [
                    proposal
                    for proposal in request.env["hr.feedback.nomination"]
                    ._team_proposals(member)
                    .get(member.id, [])
                    if proposal["id"] == nomination.id
                ]
                error = request.env._(
                    "Say in a few words why you reject %(reviewer)s.",
                    reviewer=proposal[0]["reviewer"]
                    if proposal
                    else request.env._("this peer"),
                )
            elif len(reason) > 256:
                error = request.env._("Keep the reason short: at most 256 characters.")
            else:

                def reject():
                    nomination.write({"manager_note": reason})
                    nomination.action_reject()

                error = self._career_team_act(reject)
        if error:
            return self._career_member_render(manager, member, error=error, post=post)
        message = (
            "nomination_approved" if decision == "approve" else "nomination_rejected"
        )
        if post.get("back") == "team":
            return request.redirect(f"/my/career/team?message={message}")
        return request.redirect(f"/my/career/team/{member.id}?message={message}")

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
