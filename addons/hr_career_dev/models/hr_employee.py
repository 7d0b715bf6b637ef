# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .hr_career_goal import OPEN_GOAL_STATES
from .hr_career_opportunity import DIGEST_LIMIT

# How many suggestions the Career tab shows, and the "Suggested courses" list.
SUGGESTION_DISPLAY_LIMIT = 3
SUGGESTION_WIZARD_LIMIT = 10
# What the competency gaps of an employee are computed from (see
# hr.competency.gap): a change of one of these in the transaction recomputes
# the values read from the gaps.
JOB_FIT_DEPENDS = (
    "job_id",
    "job_id.competency_ids.skill_id",
    "job_id.competency_ids.importance",
    "job_id.competency_ids.required_level_id.level_progress",
    "target_job_id",
    "target_job_id.competency_ids.skill_id",
    "target_job_id.competency_ids.importance",
    "target_job_id.competency_ids.required_level_id.level_progress",
    "employee_skill_ids.skill_id",
    "employee_skill_ids.skill_level_id.level_progress",
)


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    # /my/career asks whether the employee manages anyone (child_ids): without
    # an index, that reads every employee of the database (issue 16)
    parent_id = fields.Many2one(index="btree_not_null")
    career_goal_ids = fields.One2many(
        "hr.career.goal", "employee_id", string="Career Goals"
    )
    target_job_id = fields.Many2one(
        "hr.job",
        compute="_compute_target_job_id",
        store=True,
        # stored and not on hr.employee.public: without the group, every read
        # of hr.employee by a non-HR user would prefetch it and be refused
        groups="hr.group_hr_user",
        help="The job of the employee's open long-term career goal.",
    )
    development_plan_ids = fields.One2many(
        "hr.development.plan", "employee_id", string="Development Plans"
    )
    competency_gap_ids = fields.One2many(
        "hr.competency.gap", "employee_id", string="Competency Gaps"
    )
    current_job_fit = fields.Integer(
        string="Current Job Fit (%)", compute="_compute_job_fit"
    )
    target_job_readiness = fields.Integer(
        string="Target Job Readiness (%)", compute="_compute_job_fit"
    )
    career_goal_count = fields.Integer(compute="_compute_career_counts")
    course_suggestion_data = fields.Json(
        string="Suggested Courses",
        compute="_compute_course_suggestion_data",
        exportable=False,
        groups="hr.group_hr_user",
        help="Drawn by the career_course_suggestions widget.",
    )
    skills_chart_data = fields.Json(
        string="Skills Chart",
        compute="_compute_skills_chart_data",
        exportable=False,
        groups="hr.group_hr_user",
        help="Drawn by the career_skills_chart widget.",
    )
    development_plan_count = fields.Integer(compute="_compute_career_counts")

    @api.depends(
        "career_goal_ids.state",
        "career_goal_ids.horizon",
        "career_goal_ids.target_job_id",
        "career_goal_ids.is_main_target",
    )
    def _compute_target_job_id(self):
        for employee in self:
            employee.target_job_id = employee._get_career_target_goal().target_job_id

    def _get_career_target_goal(self, goals=None):
        """The goal that sets the target job: among the open long-term goals
        with a target job, the one marked as main target, else the newest.
        ``goals``: the employee's goals when the caller already read them
        (the portal, as the user), else all of them."""
        self.ensure_one()
        goals = self.career_goal_ids if goals is None else goals
        return goals.filtered(
            lambda g: g.horizon == "long"
            and g.state in OPEN_GOAL_STATES
            and g.target_job_id
        ).sorted(lambda g: (g.is_main_target, g.id), reverse=True)[:1]

    @api.depends(*JOB_FIT_DEPENDS)
    def _compute_job_fit(self):
        """Fit/readiness: the matching engine's fit of the employees for
        their current and target jobs (``hr.career.matching._get_employee_fit``,
        one grouped query for all employees in ``self``)."""
        employees = self.filtered("id")
        fits = self.env["hr.career.matching"]._get_employee_fit(employees)
        # the target job only, for all at once (reading it record by record
        # fetched every column of the employees, 1,000 at a time)
        employees.fetch(["target_job_id"])
        current = [fits.get((employee.id, "current"), 100) for employee in self]
        readiness = [
            fits.get((employee.id, "target"), 100) if employee.target_job_id else 0
            for employee in self
        ]
        # both values set in the cache at once, as assigning them record by
        # record does one at a time (100,000 employees: most of the time)
        self.env.cache.update(self, self._fields["current_job_fit"], current)
        self.env.cache.update(self, self._fields["target_job_readiness"], readiness)

    @api.depends("career_goal_ids", "development_plan_ids")
    def _compute_career_counts(self):
        goals = dict(
            self.env["hr.career.goal"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        plans = dict(
            self.env["hr.development.plan"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.career_goal_count = goals.get(employee, 0)
            employee.development_plan_count = plans.get(employee, 0)

    # ------------------------------------------------------------ suggestions
    def _get_course_suggestions(self, limit=5):
        """Courses that close this employee's gaps, best first.

        Returns ``[{'channel', 'score', 'gaps': [{'skill', 'from_progress',
        'to_progress', 'required_progress', 'scope', 'importance'}]}]``."""
        self.ensure_one()
        return self._get_course_suggestions_batch(limit=limit).get(self.id, [])

    def _get_course_suggestions_batch(self, limit=5):
        """``{employee_id: suggestions}`` for all employees of ``self`` with a
        fixed number of queries, whatever the number of employees, courses and
        skills (``hr.career.matching._get_course_suggestions``)."""
        return self.env["hr.career.matching"]._get_course_suggestions(self, limit=limit)

    # ------------------------------------------------------------ mentors
    def _get_mentor_suggestions(self, skill, min_progress=None, limit=5):
        """Colleagues holding ``skill`` at or above ``min_progress`` (default:
        the highest level required from this employee), best level first."""
        self.ensure_one()
        if min_progress is None:
            # a search, not competency_gap_ids: a cached One2many on the SQL view
            # misses the rows of changes made earlier in the transaction
            required = (
                self.env["hr.competency.gap"]
                .search([("employee_id", "=", self.id), ("skill_id", "=", skill.id)])
                .mapped("required_progress")
            )
            min_progress = max(required, default=0)
        return self._get_mentor_suggestions_batch(
            {(self.id, skill.id): min_progress}, limit=limit
        )[self.id, skill.id]

    @api.model
    def _get_mentor_suggestions_batch(self, needs, limit=5):
        """``{(employee_id, skill_id): mentors}`` for ``needs``,
        ``{(employee_id, skill_id): minimum progress}``: colleagues holding
        the skill at or above that progress, highest level first, then by
        employee id (a bounded read of an index, whatever the size of the
        company); ``hr.career.matching._get_mentor_suggestions``."""
        return self.env["hr.career.matching"]._get_mentor_suggestions(
            needs, limit=limit
        )

    # ------------------------------------------------------------ actions
    def action_open_career_goals(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_career_dev.hr_career_goal_action"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action

    def action_open_development_plans(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_career_dev.hr_development_plan_action"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action

    def action_open_competency_gaps(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_career_dev.hr_competency_gap_action"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {}
        action["view_mode"] = "list,pivot,graph"
        action["views"] = [(False, "list"), (False, "pivot"), (False, "graph")]
        return action

    # ------------------------------------------------------------ suggestions UI
    @api.depends(*JOB_FIT_DEPENDS)
    def _compute_course_suggestion_data(self):
        data = self._get_course_suggestion_data()
        for employee in self:
            employee.course_suggestion_data = data[employee.id]

    def _get_course_suggestion_data(self, limit=SUGGESTION_DISPLAY_LIMIT):
        """The suggested courses of each employee of ``self`` as plain data,
        best first, each with its reasons (the gaps it closes):
        ``{employee id: {'employee', 'suggestions': [{'id', 'name', 'url',
        'score', 'reasons'}]}}``."""
        suggestions = self.filtered("id")._get_course_suggestions_batch(limit=limit)
        return {
            employee.id: {
                "employee": employee.name or "",
                "suggestions": [
                    {
                        "id": suggestion["channel"].id,
                        "name": suggestion["channel"].name,
                        "url": suggestion["channel"].website_url,
                        "score": suggestion["score"],
                        "reasons": self._format_suggestion_reasons(suggestion),
                    }
                    for suggestion in suggestions.get(employee.id, [])
                ],
            }
            for employee in self
        }

    def _get_skills_chart_gaps(self):
        """The gaps of the current job of the employees of ``self``, one query
        for all: ``{employee: hr.competency.gap}``, one row per required
        skill."""
        # a search, not competency_gap_ids: a cached One2many on the SQL view
        # misses the rows of changes made earlier in the transaction
        return (
            self.env["hr.competency.gap"]
            .search(
                [("employee_id", "in", self._origin.ids), ("scope", "=", "current")]
            )
            .grouped("employee_id")
        )

    def _get_skills_chart_data(self, gaps=None):
        """The skills chart (the Career tab's widget and /my/career) of each
        employee of ``self`` as plain data: ``{employee id: {'employee',
        'job' (name or False), 'rows': [{'skill', 'current', 'required'}]}}``,
        the employee's and the required progress of each skill their current
        job requires. ``gaps``: the employees' gaps when the caller read them
        in this request, before any change (the portal page), else searched
        (_get_skills_chart_gaps)."""
        if gaps is None:
            gaps = self._get_skills_chart_gaps()
        else:
            gaps = gaps.filtered(lambda g: g.scope == "current").grouped("employee_id")
        Gap = self.env["hr.competency.gap"]
        return {
            employee.id: {
                "employee": employee.name or "",
                "job": employee.job_id.name or False,
                "rows": [
                    {
                        "skill": gap.skill_id.name,
                        "current": gap.current_progress,
                        "required": gap.required_progress,
                    }
                    for gap in gaps.get(employee._origin, Gap)
                ],
            }
            for employee in self
        }

    def _compute_skills_chart_data(self):
        data = self._get_skills_chart_data()
        for employee in self:
            employee.skills_chart_data = data[employee.id]

    @api.model
    def _format_suggestion_reasons(self, suggestion):
        """One line per gap the course closes, e.g.
        "Python 20% → 60% for the current job (importance: Critical)"."""
        importances = dict(
            self.env["hr.job.competency"]
            ._fields["importance"]
            ._description_selection(self.env)
        )
        reasons = []
        for gap in suggestion["gaps"]:
            values = {
                "skill": gap["skill"].name,
                "from_progress": gap["from_progress"],
                "to_progress": gap["to_progress"],
                "importance": importances.get(gap["importance"], gap["importance"]),
            }
            if gap["scope"] == "target":
                reason = self.env._(
                    "%(skill)s %(from_progress)s%% → %(to_progress)s%% for the "
                    "target job (importance: %(importance)s)",
                    **values,
                )
            else:
                reason = self.env._(
                    "%(skill)s %(from_progress)s%% → %(to_progress)s%% for the "
                    "current job (importance: %(importance)s)",
                    **values,
                )
            reasons.append(reason)
        return reasons

    def action_open_course_suggestions(self):
        """Open the suggested courses, each with an "Enrol" button."""
        self.ensure_one()
        suggestions = self._get_course_suggestions(limit=SUGGESTION_WIZARD_LIMIT)
        rows = self.env["hr.course.suggestion"].create(
            [
                {
                    "employee_id": self.id,
                    "channel_id": suggestion["channel"].id,
                    "score": suggestion["score"],
                    "rank": rank,
                    "reason": "\n".join(self._format_suggestion_reasons(suggestion)),
                }
                for rank, suggestion in enumerate(suggestions, start=1)
            ]
        )
        view = self.env.ref("hr_career_dev.hr_course_suggestion_view_list")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Courses for %(employee)s", employee=self.name),
            "res_model": "hr.course.suggestion",
            "view_mode": "list",
            "views": [(view.id, "list")],
            "domain": [("id", "in", rows.ids)],
            "context": {"create": False},
        }

    # ------------------------------------------------------------ opportunities
    career_opportunity_opt_in = fields.Boolean(
        string="Suggest for Internal Opportunities",
        default=True,
        groups="hr.group_hr_user",
        help="Owners of internal opportunities see this employee among the "
        "ranked candidates, and the employee receives the weekly digest.",
    )
    career_digest_date = fields.Date(
        string="Last Opportunity Digest",
        readonly=True,
        copy=False,
        groups="hr.group_hr_user",
        help="The weekly digest mails each person at most once a week.",
    )
    career_opportunity_application_ids = fields.One2many(
        "hr.career.opportunity.application",
        "employee_id",
        string="Opportunity Applications",
    )
    career_opportunity_application_count = fields.Integer(
        compute="_compute_career_opportunity_application_count"
    )

    @api.model_create_multi
    def create(self, vals_list):
        # the default of the employee's company, not of the current one
        companies = self.env["res.company"].browse(
            {vals.get("company_id") or self.env.company.id for vals in vals_list}
        )
        default = {c.id: c.career_opportunity_opt_in_default for c in companies}
        for vals in vals_list:
            vals.setdefault(
                "career_opportunity_opt_in",
                default[vals.get("company_id") or self.env.company.id],
            )
        return super().create(vals_list)

    def _compute_career_opportunity_application_count(self):
        counts = dict(
            self.env["hr.career.opportunity.application"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.career_opportunity_application_count = counts.get(employee, 0)

    def action_open_opportunity_applications(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_career_dev.hr_career_opportunity_application_action"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action

    # ------------------------------------------------------------ suggestions
    def _get_opportunity_suggestions(self, limit=10):
        """Open opportunities for this employee, best first: fit now (required
        skills met) plus growth (gaps of the current and target jobs that the
        opportunity develops, the target job weighing more). Never one the
        employee or the current user cannot see, one the employee applied to
        or owns, or one that is closed, over or full. A fixed number of
        queries whatever the number of opportunities and employees.

        Returns ``[{'opportunity', 'score', 'fit', 'meets': [skill],
        'grows': [{'skill', 'from_progress', 'to_progress'}]}]``."""
        self.ensure_one()
        return self._get_opportunity_suggestions_batch(limit=limit).get(self.id, [])

    def _get_opportunity_suggestions_batch(self, limit=10, domain=None):
        """``{employee_id: suggestions}`` for the employees of ``self`` (see
        ``_get_opportunity_suggestions``), among the opportunities of
        ``domain`` too when given; a fixed number of queries
        (``hr.career.matching._get_opportunity_suggestions``)."""
        return self.env["hr.career.matching"]._get_opportunity_suggestions(
            self, limit=limit, domain=domain
        )

    def _send_opportunity_digest(self, opportunities):
        """One e-mail per employee of ``self`` with the best of
        ``opportunities`` whose fit reaches their company's threshold. Called
        by the digest job (``hr.career.opportunity._cron_send_digest``) on
        employees read as superuser: the e-mails (administrators' records)
        and the job's mark on the employees are written in their environment."""
        suggestions = self._get_opportunity_suggestions_batch(
            limit=DIGEST_LIMIT * 4, domain=[("id", "in", opportunities.ids)]
        )
        qweb = self.env["ir.qweb"]
        base_url = self[:1].get_base_url()
        vals_list = []
        mailed = set()
        for employee in self:
            threshold = employee.company_id.career_opportunity_digest_threshold
            rows = [
                s for s in suggestions.get(employee.id, []) if s["fit"] >= threshold
            ][:DIGEST_LIMIT]
            if not rows:
                continue
            partner = employee.user_id.partner_id
            mailed.add(employee.id)
            vals_list.append(
                {
                    "subject": self.env._(
                        "New internal opportunities for you, %(name)s",
                        name=employee.name,
                    ),
                    "body_html": qweb._render(
                        "hr_career_dev.hr_career_opportunity_digest_mail",
                        {
                            "employee": employee,
                            "suggestions": rows,
                            "url": f"{base_url}/my/career/opportunities",
                        },
                    ),
                    "email_from": employee.company_id.email_formatted
                    or self.env.user.email_formatted,
                    "recipient_ids": [fields.Command.link(partner.id)]
                    if partner
                    else [],
                    "email_to": False if partner else employee.work_email,
                    "auto_delete": True,
                }
            )
        if vals_list:
            self.env["mail.mail"].create(vals_list)
            self.filtered(lambda e: e.id in mailed).write(
                {"career_digest_date": fields.Date.context_today(self)}
            )
