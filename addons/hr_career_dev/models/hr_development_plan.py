# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import Counter, defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

PLAN_STATES = [
    ("draft", "Draft"),
    ("active", "Active"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]
OPEN_ACTION_STATES = ("todo", "in_progress")

# what a manager types on a development plan (hr.career.policy.mixin)
PLAN_INPUT = {
    "name",
    "mentor_id",
    "date_start",
    "date_end",
    "state",
    "goal_ids",
    "action_ids",
    "note",
}


class HrDevelopmentPlan(models.Model):
    _name = "hr.development.plan"
    _description = "Development plan"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "hr.career.state.mixin",
        "hr.career.policy.mixin",
    ]
    _order = "state_sequence, date_start desc, id desc"
    _check_company_auto = True
    # managers plan for their organisation; the employee reads their plan
    _career_policy = {
        "manager": {
            "create": PLAN_INPUT | {"employee_id"},
            "write": PLAN_INPUT,
        },
    }

    name = fields.Char(compute="_compute_name", store=True, readonly=False)
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index=True
    )
    department_id = fields.Many2one(related="employee_id.department_id", store=True)
    mentor_id = fields.Many2one("hr.employee", tracking=True, check_company=True)
    date_start = fields.Date(
        string="Start", default=fields.Date.context_today, required=True
    )
    date_end = fields.Date(string="End", tracking=True)
    state = fields.Selection(
        PLAN_STATES, required=True, default="draft", tracking=True, index=True
    )
    state_sequence = fields.Integer(compute="_compute_state_sequence", store=True)
    goal_ids = fields.Many2many(
        "hr.career.goal",
        string="Goals",
        domain="[('employee_id', '=', employee_id)]",
        check_company=True,
    )
    action_ids = fields.One2many("hr.development.action", "plan_id", string="Actions")
    action_count = fields.Integer(compute="_compute_progress", store=True)
    action_done_count = fields.Integer(compute="_compute_progress", store=True)
    progress = fields.Float(
        compute="_compute_progress",
        store=True,
        aggregator="avg",
        help="Share of the plan's actions that are done (cancelled ones excluded).",
    )
    note = fields.Html()

    _sql_constraints = [
        (
            "dates_ordered",
            "CHECK(date_end IS NULL OR date_end >= date_start)",
            "A development plan cannot end before it starts.",
        ),
    ]

    def init(self):
        # The database guarantees "at most one active plan per employee",
        # also against two concurrent transactions.
        self.env.cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS hr_development_plan_one_active "
            "ON hr_development_plan (employee_id) WHERE state = 'active'"
        )

    @api.depends("employee_id", "date_start")
    def _compute_name(self):
        for plan in self:
            if not plan.name and plan.employee_id:
                plan.name = self.env._(
                    "Development plan of %(employee)s", employee=plan.employee_id.name
                )

    @api.depends("state")
    def _compute_state_sequence(self):
        order = {key: index for index, (key, _label) in enumerate(PLAN_STATES)}
        for plan in self:
            plan.state_sequence = order.get(plan.state, 9)

    @api.depends("action_ids.state")
    def _compute_progress(self):
        counts = {
            (plan.id, state): count
            for plan, state, count in self.env["hr.development.action"]._read_group(
                [("plan_id", "in", self.ids)], ["plan_id", "state"], ["__count"]
            )
        }
        for plan in self:
            done = counts.get((plan.id, "done"), 0)
            total = done + sum(
                counts.get((plan.id, state), 0) for state in ("todo", "in_progress")
            )
            plan.action_count = total
            plan.action_done_count = done
            plan.progress = 100.0 * done / total if total else 0.0

    @api.constrains("mentor_id", "employee_id")
    def _check_mentor(self):
        for plan in self:
            if plan.mentor_id and plan.mentor_id == plan.employee_id:
                raise ValidationError(
                    self.env._(
                        "%(employee)s cannot be their own mentor.",
                        employee=plan.employee_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_dates_ordered(vals.get("date_start"), vals.get("date_end"))
        self._check_one_active_plan(
            [
                vals.get("employee_id")
                for vals in vals_list
                if vals.get("state") == "active"
            ]
        )
        return super().create(vals_list)

    def write(self, vals):
        if "date_start" in vals or "date_end" in vals:
            for plan in self:
                self._check_dates_ordered(
                    vals.get("date_start", plan.date_start),
                    vals.get("date_end", plan.date_end),
                )
        if "state" in vals or vals.get("employee_id"):
            if "state" in vals:
                active = self if vals["state"] == "active" else self.browse()
            else:
                active = self.filtered(lambda p: p.state == "active")
            self._check_one_active_plan(
                [vals.get("employee_id") or plan.employee_id.id for plan in active],
                exclude=active,
            )
        return super().write(vals)

    @api.model
    def _check_dates_ordered(self, date_start, date_end):
        """Before the database's CHECK (which would log an ERROR first)."""
        date_start = fields.Date.to_date(date_start)
        date_end = fields.Date.to_date(date_end)
        if date_start and date_end and date_end < date_start:
            raise ValidationError(
                self.env._(
                    "A development plan cannot end (%(end)s) before it starts "
                    "(%(start)s).",
                    end=date_end,
                    start=date_start,
                )
            )

    @api.model
    def _check_one_active_plan(self, employee_ids, exclude=None):
        """Refuse a second active plan for an employee (``employee_ids``: one id
        per plan becoming active). Checked before writing: the unique index of
        ``init`` would only raise an IntegrityError that names nobody."""
        employee_ids = [employee_id for employee_id in employee_ids if employee_id]
        if not employee_ids:
            return
        clash_ids = {e for e, count in Counter(employee_ids).items() if count > 1}
        domain = [("employee_id", "in", employee_ids), ("state", "=", "active")]
        if exclude:
            domain.append(("id", "not in", exclude.ids))
        # who saves a plan reads every plan of its employee (the employee's
        # managers and HR; record rules): the active ones are among them
        clash_ids.update(self.search(domain).employee_id.ids)
        if clash_ids:
            raise ValidationError(
                self.env._(
                    "%(employee)s already has an active development plan: finish or "
                    "cancel it before activating another one.",
                    # the name, from the employee's public profile
                    employee=self.env["hr.employee.public"].browse(min(clash_ids)).name,
                )
            )

    def action_activate(self):
        self._check_state(
            ("draft",),
            lambda plan, state: self.env._(
                "Cannot activate the development plan “%(plan)s”: "
                "its status is “%(state)s”.",
                plan=plan.display_name,
                state=state,
            ),
        )
        self.write({"state": "active"})

    def action_done(self):
        self._check_state(
            ("active",),
            lambda plan, state: self.env._(
                "Cannot complete the development plan “%(plan)s”: "
                "its status is “%(state)s”.",
                plan=plan.display_name,
                state=state,
            ),
        )
        today = fields.Date.context_today(self)
        started = self.filtered(lambda p: p.date_start <= today)
        started.write({"state": "done", "date_end": today})
        # ending today would end before the start: keep the planned end
        (self - started).write({"state": "done"})

    def action_cancel(self):
        self._check_state(
            ("draft", "active"),
            lambda plan, state: self.env._(
                "Cannot cancel the development plan “%(plan)s”: "
                "its status is “%(state)s”.",
                plan=plan.display_name,
                state=state,
            ),
        )
        self.action_ids.filtered(lambda a: a.state in ("todo", "in_progress")).write(
            {"state": "cancelled"}
        )
        self.write({"state": "cancelled"})

    def action_reset_draft(self):
        self._check_state(
            ("cancelled",),
            lambda plan, state: self.env._(
                "Cannot reset the development plan “%(plan)s” to draft: "
                "its status is “%(state)s”.",
                plan=plan.display_name,
                state=state,
            ),
        )
        self.write({"state": "draft"})

    @api.model
    def _get_or_create_active_plan(self, employees):
        """Return {employee_id: active plan} for ``employees``, creating and
        activating a plan where an employee has none (one search, one create)."""
        plans = self.search(
            [("employee_id", "in", employees.ids), ("state", "=", "active")]
        )
        by_employee = {plan.employee_id.id: plan for plan in plans}
        missing = employees.filtered(lambda e: e.id not in by_employee)
        if missing:
            new_plans = self.create(
                [{"employee_id": e.id, "state": "active"} for e in missing]
            )
            by_employee.update({plan.employee_id.id: plan for plan in new_plans})
        return by_employee

    # ------------------------------------------------------------ from gaps
    @api.model
    def _plan_from_gaps(self, employees):
        """Create or complete the active development plan of each of
        ``employees`` from their open competency gaps, the most important
        first (``hr.competency.gap._sorted_by_priority``): the best suggested
        course per gap as a training action, a mentoring action (with the best
        mentor found) where no course closes it, until the plan holds the
        company's number of open actions (``career_plan_gap_actions``, 0: no
        limit); an action already open for the same course or skill is not
        added twice, so calling this again adds nothing until actions are
        done. Employees without gaps keep their active plan, if any.

        Returns ``{employee id: active plan}`` (only employees who have one).
        A bounded number of queries whatever the number of employees; the
        caller decides the rights (the appraisal and the review cycle call it
        as superuser after their own checks)."""
        if not employees:
            return {}
        # the gap report is an SQL view: pending skill changes must be in DB
        self.env.flush_all()
        gaps = self.env["hr.competency.gap"].search(
            [("employee_id", "in", employees.ids), ("gap", ">", 0)]
        )
        gaps_by_employee = defaultdict(dict)  # employee_id -> {skill_id: gap}
        for gap in gaps:
            known = gaps_by_employee[gap.employee_id.id].get(gap.skill_id.id)
            if not known or gap.required_progress > known.required_progress:
                gaps_by_employee[gap.employee_id.id][gap.skill_id.id] = gap
        with_gaps = employees.filtered(lambda e: e.id in gaps_by_employee)
        plans = self._get_or_create_active_plan(with_gaps) if with_gaps else {}
        without_gaps = employees - with_gaps
        if without_gaps:
            for plan in self.search(
                [("employee_id", "in", without_gaps.ids), ("state", "=", "active")]
            ):
                plans[plan.employee_id.id] = plan
        if with_gaps:
            self._create_gap_actions(with_gaps, gaps_by_employee, plans)
        return plans

    @api.model
    def _create_gap_actions(self, employees, gaps_by_employee, plans):
        """One action per gap not yet covered by an open action of the plan,
        the most important gaps first, up to the company's number of open
        actions per plan (one search, one create, without a chatter note per
        action)."""
        action_model = self.env["hr.development.action"]
        plan_ids = [plan.id for plan in plans.values()]
        open_courses, open_skills = set(), set()
        open_count = defaultdict(int)  # plan id -> its open actions
        for action in action_model.search(
            [("plan_id", "in", plan_ids), ("state", "in", OPEN_ACTION_STATES)]
        ):
            open_count[action.plan_id.id] += 1
            if action.channel_id:
                open_courses.add((action.plan_id.id, action.channel_id.id))
            if action.skill_id:
                open_skills.add((action.plan_id.id, action.skill_id.id))
        suggestions = employees._get_course_suggestions_batch(limit=None)
        mentors = self._best_mentors(gaps_by_employee)
        Gap = self.env["hr.competency.gap"]
        vals_list = []
        for employee in employees:
            plan = plans[employee.id]
            limit = employee.company_id.career_plan_gap_actions
            course_by_skill = self._best_course_by_skill(
                suggestions.get(employee.id, [])
            )
            gaps = Gap.union(*gaps_by_employee[employee.id].values())
            for gap in gaps._sorted_by_priority():
                if limit and open_count[plan.id] >= limit:
                    break
                skill_id = gap.skill_id.id
                channel = course_by_skill.get(skill_id)
                if channel:
                    if (plan.id, channel.id) in open_courses:
                        continue
                    open_courses.add((plan.id, channel.id))
                    open_count[plan.id] += 1
                    vals_list.append(
                        {
                            "plan_id": plan.id,
                            "action_type": "training",
                            "name": self.env._(
                                "Course: %(course)s", course=channel.name
                            ),
                            "skill_id": skill_id,
                            "channel_id": channel.id,
                        }
                    )
                    continue
                if (plan.id, skill_id) in open_skills:
                    continue
                open_skills.add((plan.id, skill_id))
                open_count[plan.id] += 1
                vals_list.append(
                    {
                        "plan_id": plan.id,
                        "action_type": "mentoring",
                        "name": self.env._(
                            "Mentoring: %(skill)s", skill=gap.skill_id.name
                        ),
                        "skill_id": skill_id,
                        "mentor_id": mentors.get((employee.id, skill_id)),
                    }
                )
        # generated in bulk (tens per employee, thousands per review cycle):
        # no creation note, no follower and no tracking message per action,
        # which cost more than the actions themselves; the plan says it all
        return action_model.with_context(tracking_disable=True).create(vals_list)

    @api.model
    def _best_course_by_skill(self, suggestions):
        """{skill_id: course}: the best-ranked course that fully closes the gap,
        else the best-ranked one that narrows it."""
        full, partial = {}, {}
        for suggestion in suggestions:
            channel = suggestion["channel"]
            for gap in suggestion["gaps"]:
                closes = gap["to_progress"] >= gap["required_progress"]
                (full if closes else partial).setdefault(gap["skill"].id, channel)
        return {**partial, **full}

    @api.model
    def _best_mentors(self, gaps_by_employee):
        """{(employee_id, skill_id): mentor id} for every gap: the first of
        ``hr.employee._get_mentor_suggestions_batch`` (one search for all)."""
        needs = {
            (employee_id, skill_id): gap.required_progress
            for employee_id, gaps in gaps_by_employee.items()
            for skill_id, gap in gaps.items()
        }
        mentors = self.env["hr.employee"]._get_mentor_suggestions_batch(needs, limit=1)
        return {key: mentor.id for key, mentor in mentors.items() if mentor}

    @api.model
    def _check_population_rights(self):
        if not self.env["hr.career.role"]._is_hr_officer():
            raise AccessError(
                self.env._(
                    "Only HR officers build the development plans of a population."
                )
            )

    @api.model
    def _job_plan_from_gaps(self, employee_ids):
        """Job: ``_plan_from_gaps`` for one chunk of employees of a population
        (a retried chunk adds nothing twice)."""
        self._check_population_rights()
        self._plan_from_gaps(self.env["hr.employee"].browse(employee_ids).exists())
