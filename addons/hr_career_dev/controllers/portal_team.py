# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from werkzeug.exceptions import Forbidden, NotFound

from odoo import fields, http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request

from ..models.hr_development_action import ACTION_TYPES
from .portal import CareerPortal

# what a manager may add from the portal (the other types need a mentor or a
# course picked in the backend)
PORTAL_ACTION_TYPES = ("training", "coaching", "job_rotation", "cross_functional")
TEAM_MESSAGES = (
    "action_added",
    "evidence_approved",
    "evidence_rejected",
    "goal_confirmed",
)


class CareerTeamPortal(CareerPortal):
    """/my/career/team/<employee>: a manager's view of one report's career,
    and what the manager does from it, always as the manager (their rights)."""

    # ------------------------------------------------------------ helpers
    def _career_team_member(self, employee_id):
        """The report ``employee_id`` below the logged-in user's employee (any
        depth of the ``parent_id`` chain, in a company the request is allowed
        in), or 404 for anyone else: a peer, the user, a stranger."""
        manager = self._career_employee()
        if not manager:
            raise NotFound()
        member = self._career_team(
            manager,
            [("id", "=", employee_id), ("company_id", "in", request.env.companies.ids)],
        )
        if not member:
            raise NotFound()
        return manager, member

    def _career_member_values(self, manager, member):
        """What the page shows of ``member`` (sudo records: the member was
        checked to report to the user)."""
        gaps = member.competency_gap_ids.filtered("is_missing")._sorted_by_priority()
        suggestions = self._career_suggestions(member)
        plan = member.development_plan_ids.filtered(lambda p: p.state == "active")[:1]
        goals = self._career_goals(member)
        action_labels = dict(ACTION_TYPES)
        return {
            "page_name": "career_team_member",
            "employee": manager,
            "member": member,
            "can_act": not request.env["hr.career.role"]._is_portal_user(),
            "target_goal": goals & member._get_career_target_goal(),
            "current_fit": member.current_job_fit,
            "target_readiness": member.target_job_readiness,
            "gaps": gaps,
            "suggestions": suggestions,
            "goals": goals,
            "goals_to_confirm": goals.filtered("achievement_to_confirm"),
            "plan": plan,
            "actions": plan.action_ids,
            "action_types": [(key, action_labels[key]) for key in PORTAL_ACTION_TYPES],
            "gap_skills": gaps.skill_id.sorted("name"),
            # as the user: the rules let a manager read the proposals below them
            "pending_evidence": request.env["hr.skill.evidence"].search(
                [("employee_id", "=", member.id), ("state", "=", "pending")]
            ),
            "today": fields.Date.context_today(member).isoformat(),
        }

    def _career_member_render(
        self, manager, member, error=None, post=None, message=None
    ):
        values = self._career_member_values(manager, member)
        values.update(
            error=error,
            post=post or {},
            message=message if message in self._career_team_messages() else None,
        )
        return request.render("hr_career_dev.portal_my_career_team_member", values)

    def _career_team_messages(self):
        return TEAM_MESSAGES

    def _career_team_act(self, do):
        """Run ``do()`` as the logged-in manager: undone as a whole and shown
        as a message when the model refuses; refused access answers 403."""
        try:
            with request.env.cr.savepoint():
                do()
        except AccessError as refused:
            raise Forbidden() from refused
        except (UserError, ValidationError) as refused:
            return refused.args[0]
        return None

    def _career_member_record(self, model, record_id, member):
        """A record of ``member``, as the manager: 404 when it belongs to
        someone else, 403 when the manager may not read it (access rights and
        record rules, checked here: the models decide from what they read)."""
        # sudo: a count, to compare the record's owner with the member; no
        # field of the record is read (nor cached) with superuser rights
        if not (
            request.env[model]
            # sudo: a count of the member's records (comment above)
            .sudo()
            .search_count([("id", "=", record_id), ("employee_id", "=", member.id)])
        ):
            raise NotFound()
        record = request.env[model].browse(record_id)
        try:
            record.check_access("read")
        except AccessError as refused:
            raise Forbidden() from refused
        return record

    # ------------------------------------------------------------ routes
    @http.route(
        "/my/career/team/<int:employee_id>", type="http", auth="user", website=True
    )
    def portal_my_career_team_member(self, employee_id, **kw):
        manager, member = self._career_team_member(employee_id)
        # only a known message key is shown: no text comes from the URL
        return self._career_member_render(manager, member, message=kw.get("message"))

    @http.route(
        "/my/career/team/<int:employee_id>/action",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_career_team_action(self, employee_id, **post):
        """Add a development action to the report's active plan."""
        manager, member = self._career_team_member(employee_id)
        vals, error = self._career_team_action_values(member, post)
        if not error:

            def add_action():
                # as the manager: the record rules say whose plans they edit
                plan = request.env["hr.development.plan"].search(
                    [("employee_id", "=", member.id), ("state", "=", "active")],
                    limit=1,
                )
                if not plan:
                    raise UserError(
                        request.env._(
                            "%(employee)s has no active development plan: start "
                            "one before adding actions.",
                            employee=member.name,
                        )
                    )
                request.env["hr.development.action"].create(dict(vals, plan_id=plan.id))

            error = self._career_team_act(add_action)
        if error:
            return self._career_member_render(manager, member, error=error, post=post)
        return request.redirect(f"/my/career/team/{member.id}?message=action_added")

    def _career_team_action_values(self, member, post):
        name = (post.get("name") or "").strip()
        if not name:
            return {}, request.env._("Give the action a title.")
        action_type = post.get("action_type")
        if action_type not in PORTAL_ACTION_TYPES:
            return {}, request.env._("Choose the type of the action.")
        vals = {"name": name, "action_type": action_type}
        if action_type == "training":
            # the course must be suggested for the member: the model's rule
            # (hr.development.action._check_course_suggested), as in the backend
            channel_id = post.get("channel_id") or ""
            if not channel_id.isdigit():
                return {}, request.env._(
                    "Choose one of the courses suggested for %(employee)s.",
                    employee=member.name,
                )
            vals["channel_id"] = int(channel_id)
        skill_id = post.get("skill_id")
        if skill_id:
            skill = member.competency_gap_ids.skill_id.filtered(
                lambda s: str(s.id) == skill_id
            )
            if not skill:
                return {}, request.env._(
                    "Choose one of the skills %(employee)s's jobs require.",
                    employee=member.name,
                )
            vals["skill_id"] = skill.id
        if post.get("date_due"):
            try:
                vals["date_due"] = fields.Date.to_date(post["date_due"])
            except ValueError:
                return {}, request.env._("The due date is not a valid date.")
            # a date in the past is refused by hr.development.action._check_date_due
        return vals, None

    @http.route(
        "/my/career/team/<int:employee_id>/evidence/<int:evidence_id>/<string:decision>",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_career_team_evidence(self, employee_id, evidence_id, decision, **kw):
        """Validate or reject a self-assessment waiting for the manager."""
        if decision not in ("approve", "reject"):
            raise NotFound()
        manager, member = self._career_team_member(employee_id)
        evidence = self._career_member_record("hr.skill.evidence", evidence_id, member)
        error = self._career_team_act(
            evidence.action_approve
            if decision == "approve"
            else evidence.action_reject,
        )
        if error:
            return self._career_member_render(manager, member, error=error)
        message = "evidence_approved" if decision == "approve" else "evidence_rejected"
        return request.redirect(f"/my/career/team/{member.id}?message={message}")

    @http.route(
        "/my/career/team/<int:employee_id>/goal/<int:goal_id>/confirm",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_career_team_goal_confirm(self, employee_id, goal_id, **kw):
        """Confirm the achievement of a report's goal."""
        manager, member = self._career_team_member(employee_id)
        goal = self._career_member_record("hr.career.goal", goal_id, member)
        error = self._career_team_act(goal.action_confirm_achievement)
        if error:
            return self._career_member_render(manager, member, error=error)
        return request.redirect(f"/my/career/team/{member.id}?message=goal_confirmed")
