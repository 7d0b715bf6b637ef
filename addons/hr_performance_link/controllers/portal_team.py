# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.http import request

from odoo.addons.hr_career_dev.controllers.portal_team import CareerTeamPortal


class PerformanceTeamPortal(CareerTeamPortal):
    """A report's page lists the self-assessments of their open appraisal
    that the manager has not assessed yet; the manager accepts one."""

    def _career_member_values(self, manager, member):
        values = super()._career_member_values(manager, member)
        # the self-assessments given in an open appraisal that the manager
        # has not assessed yet, read with the manager's rights (record rules:
        # the lines of their reports' appraisals); a portal manager, who
        # accepts none (can_act), has no rights on appraisals: none listed
        Lines = request.env["hr.appraisal.skill"]
        values["appraisal_self_lines"] = (
            Lines.search(
                [
                    ("employee_id", "=", member.id),
                    ("self_level_id", "!=", False),
                    ("assessed_level_id", "=", False),
                    ("appraisal_id.state", "in", ("1_new", "2_pending")),
                ]
            )
            if values["can_act"]
            else Lines
        )
        return values

    def _career_team_messages(self):
        return super()._career_team_messages() + ("self_assessment_accepted",)

    @http.route(
        "/my/career/team/<int:employee_id>/appraisal-skill/<int:line_id>/accept",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_career_team_appraisal_skill(self, employee_id, line_id, **kw):
        """Take the report's self-assessment of a skill in their appraisal as
        the manager's assessment (applied when the appraisal is done)."""
        manager, member = self._career_team_member(employee_id)
        line = self._career_member_record("hr.appraisal.skill", line_id, member)
        error = self._career_team_act(
            lambda: line.write({"assessed_level_id": line.self_level_id.id})
        )
        if error:
            return self._career_member_render(manager, member, error=error)
        return request.redirect(
            f"/my/career/team/{member.id}?message=self_assessment_accepted"
        )
