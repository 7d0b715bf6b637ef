# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request

from odoo.addons.hr_career_dev.controllers.portal import CareerPortal

TOP_GAPS = 3


class MentoringPortal(CareerPortal):
    """/my/career/mentoring: suggested mentors for my top gaps, my
    mentorships as mentee and as mentor (with their sessions, the pair's
    only), my team's mentorships (that they exist, never their notes).
    Everything is done as the logged-in user: record rules and the write
    policy decide, a mentorship id not theirs answers 404."""

    # ------------------------------------------------------------ helpers
    def _mentoring_suggestions(self, employee):
        """``[{"gap": gap, "mentors": [{"mentor", "why"}]}]`` for the
        employee's top gaps (read with sudo: ``employee`` is the user's own,
        from _career_employee), one ranking query for all."""
        gaps = employee.competency_gap_ids.filtered("is_missing")
        gaps = gaps._sorted_by_priority()
        top, seen = [], set()
        for gap in gaps:
            if gap.skill_id.id not in seen:
                seen.add(gap.skill_id.id)
                top.append(gap)
            if len(top) == TOP_GAPS:
                break
        needs = {(employee.id, gap.skill_id.id): gap.required_progress for gap in top}
        explained = request.env["hr.career.matching"]._get_mentor_suggestions_explained(
            needs, limit=3
        )
        return [
            {"gap": gap, "mentors": explained.get((employee.id, gap.skill_id.id), [])}
            for gap in top
        ]

    def _mentoring_values(self, employee, **extra):
        Mentorship = request.env["hr.career.mentorship"]
        mine = Mentorship.search(
            [
                "|",
                ("mentee_id", "=", employee.id),
                ("mentor_employee_id", "=", employee.id),
            ]
        )
        # the manager's organisation, as the role service says it
        team = Mentorship.search(
            [
                *request.env["hr.career.role"]._organisation_domain(
                    "mentee_id", employees=employee
                ),
                ("mentor_employee_id", "!=", employee.id),
            ]
        )
        return {
            "page_name": "career_mentoring",
            "employee": employee,
            "suggestions": self._mentoring_suggestions(employee),
            "as_mentee": mine.filtered(lambda m: m.mentee_id == employee),
            "as_mentor": mine.filtered(lambda m: m.mentor_employee_id == employee),
            "team": team,
            "profile": request.env["hr.career.mentor"].search(
                [("employee_id", "=", employee.id)], limit=1
            ),
            "today": fields.Date.context_today(Mentorship),
            **extra,
        }

    def _mentoring_mentorship(self, employee, mentorship_id):
        """The mentorship of the user as mentor or mentee, or 404."""
        mentorship = (
            request.env["hr.career.mentorship"]
            .search([("id", "=", mentorship_id)])
            .filtered(lambda m: employee in (m.mentee_id | m.mentor_employee_id))
        )
        if not employee or not mentorship:
            raise NotFound()
        return mentorship

    def _mentoring_render(self, employee, **extra):
        return request.render(
            "hr_career_mentoring.portal_my_mentoring",
            self._mentoring_values(employee, **extra),
        )

    def _mentoring_do(self, employee, operate, done):
        """Run ``operate()``; a refusal is shown in words on the page, and
        nothing is kept."""
        try:
            with request.env.cr.savepoint():
                operate()
        except (AccessError, UserError, ValidationError) as error:
            return self._mentoring_render(employee, error=str(error))
        return request.redirect(f"/my/career/mentoring?message={done}")

    # ------------------------------------------------------------ routes
    @http.route("/my/career/mentoring", type="http", auth="user", website=True)
    def portal_my_mentoring(self, message=None, **kw):
        if request.env["hr.career.role"]._is_portal_user():
            # portal users have no access to the programme's records: the page
            # is not theirs (no link leads here), rather than a refusal
            raise NotFound()
        employee = self._career_employee()
        if not employee:
            return request.render(
                "hr_career_dev.portal_my_career_no_employee", {"page_name": "career"}
            )
        return self._mentoring_render(employee, message=message)

    @http.route(
        "/my/career/mentoring/request",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_mentoring_request(self, mentor_id=None, skill_id=None, **post):
        employee = self._career_employee()
        if not employee:
            raise NotFound()
        try:
            mentor = request.env["hr.career.mentor"].browse(int(mentor_id)).exists()
            skill = request.env["hr.skill"].browse(int(skill_id)).exists()
        except (TypeError, ValueError):
            mentor = skill = None
        if not mentor or not skill or skill not in mentor.skill_ids:
            return self._mentoring_render(
                employee,
                error=request.env._("Choose one of the suggested mentors."),
            )
        return self._mentoring_do(
            employee,
            lambda: request.env["hr.career.mentorship"].create(
                {
                    "mentor_id": mentor.id,
                    "mentee_id": employee.id,
                    "skill_ids": [fields.Command.set(skill.ids)],
                    "message": (post.get("message") or "").strip() or False,
                }
            ),
            "requested",
        )

    @http.route(
        "/my/career/mentoring/<int:mentorship_id>/<string:operation>",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_mentoring_operate(self, mentorship_id, operation, **post):
        employee = self._career_employee()
        mentorship = self._mentoring_mentorship(employee, mentorship_id)
        if operation == "session":
            try:
                day = fields.Date.to_date(post.get("date") or None)
            except ValueError:
                day = None
            if not day:
                return self._mentoring_render(
                    employee,
                    error=request.env._("Give the date of the session (YYYY-MM-DD)."),
                )
            return self._mentoring_do(
                employee,
                lambda: request.env["hr.career.mentorship.session"].create(
                    {
                        "mentorship_id": mentorship.id,
                        "date": day,
                        "notes": (post.get("notes") or "").strip() or False,
                        "next_step": (post.get("next_step") or "").strip() or False,
                    }
                ),
                "session",
            )
        actions = {
            "accept": mentorship.action_accept,
            "decline": mentorship.action_decline,
            "done": mentorship.action_done,
            "cancel": mentorship.action_cancel,
        }
        if operation not in actions:
            raise NotFound()
        return self._mentoring_do(employee, actions[operation], operation)
