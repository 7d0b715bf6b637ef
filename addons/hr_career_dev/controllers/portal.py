# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.exceptions import ValidationError
from odoo.http import request
from odoo.tools import html2plaintext, plaintext2html

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..models.hr_career_goal import (
    GOAL_DESCRIPTION_MAX_LENGTH,
    GOAL_NAME_MAX_LENGTH,
    OPEN_GOAL_STATES,
)

GOAL_FIELDS = ("name", "description", "horizon", "target_job_id", "target_date")


class CareerPortal(CustomerPortal):
    # ------------------------------------------------------------ helpers
    def _career_employee(self):
        """The logged-in user's own employee in the current company (the
        website's, when the user may work in it), or an empty recordset.

        A user has one employee per company (as ``res.users.employee_id`` in
        hr): the one of ``request.env.company``, else the one of the first
        allowed company that has one, never an employee of a company the
        request is not allowed in.

        hr.employee is HR-only (neither portal users nor employees without HR
        rights read it): this lookup is the portal's one sudo() read of the
        employee, and what the pages show of the employee itself (job, skills,
        gaps, fit) is read through it. The employee's career records (goals,
        skill evidence, applications) are read and written as the user, under
        the record rules (security/hr_career_portal_security.xml for portal
        users)."""
        companies = request.env.companies
        employees = (
            request.env["hr.employee"]
            .sudo()  # sudo: lookup restricted to user_id = the logged-in user
            .search(
                [
                    ("user_id", "=", request.env.uid),
                    ("company_id", "in", companies.ids),
                ]
            )
        )
        by_company = {employee.company_id: employee for employee in employees}
        for company in request.env.company | companies:
            if company in by_company:
                return by_company[company]
        return employees.browse()

    def _career_team(self, employee, domain=(), order=None):
        """The employees below ``employee`` (the user's own, from
        _career_employee) in the ``parent_id`` chain, at any level, that
        match ``domain``: the team pages' one read of other employees, with
        the rights of the lookup above (portal users read no employee). What
        the pages show of a team member is read through these records."""
        # sudo: only the employees below the user's own employee (child_of)
        return (
            request.env["hr.employee"]
            .sudo()
            .search(
                [
                    *request.env["hr.career.role"]._organisation_domain(
                        employees=employee
                    ),
                    *domain,
                ],
                order=order,
            )
        )

    def _career_goal(self, employee, goal_id):
        """The user's own goal ``goal_id``, read under the record rules, or
        404: another person's goal (even a report's) shows nothing."""
        if not employee:
            raise NotFound()
        goal = self._career_goals(employee, [("id", "=", goal_id)])
        if not goal:
            raise NotFound()
        return goal

    def _career_goals(self, employee, domain=()):
        """Goals of ``employee`` (the user's own or a report), read as the
        user (record rules). The job titles they name are read with the
        employee's own (the _career_employee lookup), only for the goals
        found: job positions are HR data the user does not read otherwise."""
        goals = request.env["hr.career.goal"].search(
            [("employee_id", "=", employee.id), *domain]
        )
        goals.with_env(employee.env).target_job_id.mapped("name")
        return goals

    def _career_target_values(self, employee, goals=None):
        """Which goal sets the employee's target job, among their open
        long-term goals with a job (``goals``: the employee's, read as the
        user by _career_goals)."""
        if goals is None:
            goals = self._career_goals(employee)
        target = employee._get_career_target_goal(goals)
        return {
            "target_goal": goals.filtered(lambda g: g == target),
            "open_long_goals": goals.filtered(
                lambda g: g.horizon == "long"
                and g.state in OPEN_GOAL_STATES
                and g.target_job_id
            ),
        }

    def _career_target_jobs(self, employee):
        """Jobs one may aim at: the next steps of the career paths from the
        current job (any job when the current job has no path)."""
        paths = employee.job_id.next_path_ids
        if paths:
            return paths.to_job_id
        # sudo: job titles of the employee's company, listed in the goal form
        return (
            request.env["hr.job"]
            .sudo()
            .search(
                [
                    ("id", "!=", employee.job_id.id),
                    ("company_id", "in", [False, employee.company_id.id]),
                ]
            )
        )

    def _career_suggestions(self, employee, limit=5):
        """The courses that close ``employee``'s gaps, ranked by the matching
        engine as the user: among the courses the user may see (enrolment
        policy, invitations), found and read under the rules in one query."""
        return (
            request.env["hr.career.matching"]
            ._get_course_suggestions(employee, limit=limit)
            .get(employee.id, [])
        )

    def _career_can_join(self, channel):
        """Whether the logged-in user may enrol in ``channel`` (read as the
        user) themselves, as website_slides' ``/slides/channel/join`` decides:
        an invited attendee joins an invite-only course; otherwise the course's
        policy (``_filter_add_members``): open courses, or courses the user may
        edit; invite-only and paid courses (website_sale_slides) are not
        joined."""
        if channel.enroll == "invite" and channel.is_member_invited:
            return True
        return bool(channel._filter_add_members(request.env.user.partner_id))

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "career_goal_count" in counters:
            employee = self._career_employee()
            values["career_goal_count"] = (
                request.env["hr.career.goal"].search_count(
                    [
                        ("employee_id", "=", employee.id),
                        ("state", "in", ("draft", "in_progress")),
                    ]
                )
                if employee
                else 0
            )
        return values

    def _career_dashboard_values(self, employee):
        # read together what the page shows in several places: the current
        # and the target job (one query, not one each), and the levels of
        # every skill type of the gaps and of the self-assessment form (one
        # search and one read, not one of each per group of types)
        (employee.job_id | employee.target_job_id).mapped("name")
        employee.competency_gap_ids.skill_id.skill_type_id.skill_level_ids.mapped(
            "level_progress"
        )
        gaps = employee.competency_gap_ids.filtered("is_missing")._sorted_by_priority()
        suggestions = self._career_suggestions(employee)
        goals = self._career_goals(employee)
        return {
            **self._career_target_values(employee, goals),
            "page_name": "career",
            "employee": employee,
            "has_team": bool(employee.child_ids),
            "assessable_skills": self._career_assessable_skills(employee),
            "pending_evidence": request.env["hr.skill.evidence"].search(
                [("employee_id", "=", employee.id), ("state", "=", "pending")]
            ),
            "current_fit": employee.current_job_fit,
            "target_readiness": employee.target_job_readiness,
            "top_gaps": gaps[:8],
            # the gaps read above (nothing changed since in this request)
            "chart": employee._get_skills_chart_data(employee.competency_gap_ids)[
                employee.id
            ],
            "suggestions": suggestions,
            "joinable_channel_ids": [
                s["channel"].id
                for s in suggestions
                if self._career_can_join(s["channel"])
            ],
            "goals": goals,
            "actions": employee.development_plan_ids.filtered(
                lambda p: p.state == "active"
            ).action_ids,
            # the suggested courses the user attends (website_slides says:
            # joined, ongoing or completed; an invitation is not one)
            "enrolled_channel_ids": [
                s["channel"].id for s in suggestions if s["channel"].is_member
            ],
        }

    def _career_assessable_skills(self, employee):
        """Skills required by the current or target job: the ones an employee
        may propose a new level for."""
        return employee.competency_gap_ids.skill_id.sorted("name")

    # ------------------------------------------------------------ routes
    @http.route("/my/career", type="http", auth="user", website=True)
    def portal_my_career(self, **kw):
        employee = self._career_employee()
        if not employee:
            return request.render(
                "hr_career_dev.portal_my_career_no_employee", {"page_name": "career"}
            )
        values = self._career_dashboard_values(employee)
        values["message"] = kw.get("message")
        return request.render("hr_career_dev.portal_my_career", values)

    @http.route(
        "/my/career/goal/<int:goal_id>",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_my_career_goal(self, goal_id, **post):
        employee = self._career_employee()
        goal = self._career_goal(employee, goal_id)
        error = None
        if request.httprequest.method == "POST":
            vals, error = self._career_goal_update_values(post)
            if not error:
                try:
                    # undone as a whole when the model refuses a value
                    with request.env.cr.savepoint():
                        goal.write(vals)
                except ValidationError as refused:
                    error = refused.args[0]
                else:
                    return request.redirect(f"/my/career/goal/{goal.id}?saved=1")
        return request.render(
            "hr_career_dev.portal_my_career_goal",
            {
                **self._career_target_values(employee),
                "message": post.get("message"),
                "page_name": "career_goal",
                "employee": employee,
                "goal": goal,
                "description_text": post.get("description")
                if error and "description" in post
                else html2plaintext(goal.description or ""),
                "description_max_length": GOAL_DESCRIPTION_MAX_LENGTH,
                "error": error,
                "saved": bool(post.get("saved")),
            },
        )

    @http.route(
        "/my/career/goal/<int:goal_id>/target",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_career_goal_target(self, goal_id, **post):
        """Make one of my open long-term goals my target (the others stay)."""
        employee = self._career_employee()
        goal = self._career_goal(employee, goal_id)  # the user's own goal only
        if goal not in self._career_target_values(employee)["open_long_goals"]:
            raise NotFound()
        goal.action_make_main_target()
        return request.redirect(f"/my/career/goal/{goal.id}?message=target")

    def _career_goal_update_values(self, post):
        vals = {}
        if "progress" in post:
            try:
                progress = int(post["progress"])
            except (TypeError, ValueError):
                progress = -1
            if not 0 <= progress <= 100:
                return {}, request.env._("Progress is a whole number from 0 to 100.")
            vals["progress"] = progress
        if "description" in post:
            vals["description"] = plaintext2html(post["description"] or "")
        return vals, None

    @http.route(
        "/my/career/goal/new",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_my_career_goal_new(self, **post):
        employee = self._career_employee()
        if not employee:
            raise NotFound()
        jobs = self._career_target_jobs(employee)
        error = None
        if request.httprequest.method == "POST":
            vals, error = self._career_goal_create_values(employee, jobs, post)
            if not error:
                try:
                    # undone as a whole when the model refuses a value
                    with request.env.cr.savepoint():
                        # as the user: the rules and the field policy say
                        # they create their own goals
                        goal = request.env["hr.career.goal"].create(vals)
                except ValidationError as refused:
                    error = refused.args[0]
                else:
                    return request.redirect(f"/my/career/goal/{goal.id}")
        return request.render(
            "hr_career_dev.portal_my_career_goal_new",
            {
                "page_name": "career_goal",
                "employee": employee,
                "jobs": jobs,
                "error": error,
                "post": post,
                "name_max_length": GOAL_NAME_MAX_LENGTH,
                "description_max_length": GOAL_DESCRIPTION_MAX_LENGTH,
                "today": fields.Date.context_today(employee).isoformat(),
            },
        )

    def _career_goal_create_values(self, employee, jobs, post):
        name = (post.get("name") or "").strip()
        if not name:
            return {}, request.env._("Give your goal a title.")
        horizon = post.get("horizon") or "short"
        if horizon not in ("short", "long"):
            return {}, request.env._("Choose a short-term or a long-term goal.")
        vals = {
            "employee_id": employee.id,
            "name": name,
            "horizon": horizon,
            "description": plaintext2html(post.get("description") or ""),
            "state": "in_progress",
        }
        job_id = post.get("target_job_id") if horizon == "long" else None
        if job_id:
            if not job_id.isdigit() or int(job_id) not in jobs.ids:
                return {}, request.env._(
                    "Choose a target job among the next steps of your path."
                )
            vals["target_job_id"] = int(job_id)
        if post.get("target_date"):
            try:
                vals["target_date"] = fields.Date.to_date(post["target_date"])
            except ValueError:
                return {}, request.env._("The target date is not a valid date.")
            # a date in the past is refused by hr.career.goal._check_target_date
        return vals, None

    @http.route(
        "/my/career/enroll/<int:channel_id>",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_career_enroll(self, channel_id, **post):
        employee = self._career_employee()
        if not employee:
            raise NotFound()
        suggested = {
            s["channel"].id: s["channel"]
            for s in self._career_suggestions(employee, 50)
        }
        channel = suggested.get(channel_id)
        if not channel:
            raise NotFound()  # only courses suggested to this employee
        partner = request.env.user.partner_id
        if channel.enroll == "invite" and channel.is_member_invited:
            # sudo: as website_slides' /slides/channel/join: the user accepts the
            # invitation they received to this invite-only course
            channel.sudo()._action_add_members(partner)
        elif self._career_can_join(channel):
            channel._action_add_members(partner)  # the course's own policy
        else:
            reason = (
                "enroll_payment" if channel.enroll == "payment" else "enroll_invite"
            )
            return request.redirect(f"/my/career?message={reason}")
        return request.redirect("/my/career?message=enrolled")

    @http.route(
        "/my/career/skill/propose",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_career_skill_propose(
        self, skill_id=None, level_id=None, skill_level=None, **post
    ):
        """A self-assessment: pending until the manager validates it. The
        form sends ``skill_level`` = "<skill id>-<level id>" (one list of the
        levels of each skill's type); ``skill_id`` and ``level_id`` work too."""
        employee = self._career_employee()
        if not employee:
            raise NotFound()
        if skill_level:
            skill_id, _sep, level_id = skill_level.partition("-")
        skills = self._career_assessable_skills(employee)
        skill = skills.filtered(lambda s: str(s.id) == str(skill_id))
        level = skill.skill_type_id.skill_level_ids.filtered(
            lambda lvl: str(lvl.id) == str(level_id)
        )
        if not skill or not level:
            return request.redirect("/my/career?message=invalid_skill")
        current = employee.employee_skill_ids.filtered(lambda s: s.skill_id == skill)
        try:
            # undone as a whole when the model refuses it (one pending
            # proposal per skill): no evidence, no to-do
            with request.env.cr.savepoint():
                evidence = (
                    request.env["hr.skill.evidence"]
                    .sudo()  # sudo: the employee proposes for their own record only
                    .create(
                        {
                            "employee_id": employee.id,
                            "skill_id": skill.id,
                            "level_id": level.id,
                            "previous_level_id": current.skill_level_id.id,
                            "source": request.env._("Self-assessment"),
                        }
                    )
                )
                evidence._request_validation()
        except ValidationError:
            return request.redirect("/my/career?message=already_proposed")
        return request.redirect("/my/career?message=proposed")

    @http.route("/my/career/team", type="http", auth="user", website=True)
    def portal_my_career_team(self, **kw):
        """A manager's view of the people below them in the hierarchy."""
        employee = self._career_employee()
        if not employee or not employee.child_ids:
            raise NotFound()
        team = self._career_team(employee, order="name")
        open_goals = dict(
            # as the user: the rules let a manager read the goals below them
            request.env["hr.career.goal"]._read_group(
                [
                    ("employee_id", "in", team.ids),
                    ("state", "in", ("draft", "in_progress")),
                ],
                ["employee_id"],
                ["__count"],
            )
        )
        return request.render(
            "hr_career_dev.portal_my_career_team",
            {
                "page_name": "career_team",
                "employee": employee,
                "team": team,
                "open_goals": {e.id: count for e, count in open_goals.items()},
            },
        )
