# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import html2plaintext

from .hr_career_role import MANAGER
from .value_checks import check_value_range

GOAL_STATES = [
    ("draft", "Draft"),
    ("in_progress", "In Progress"),
    ("achieved", "Achieved"),
    ("abandoned", "Abandoned"),
]
OPEN_GOAL_STATES = ("draft", "in_progress")
# Bounds of what a goal holds, whoever writes it (portal, backend, API).
GOAL_NAME_MAX_LENGTH = 256
GOAL_DESCRIPTION_MAX_LENGTH = 10_000  # characters of text
GOAL_DESCRIPTION_MAX_HTML = 5 * GOAL_DESCRIPTION_MAX_LENGTH  # markup included
GOAL_TARGET_DATE_MIN = date(2000, 1, 1)
GOAL_TARGET_DATE_MAX_YEARS = 30  # from today
# Who confirmed an achievement, and when: written by action_confirm_achievement
# (or action_achieve by a confirmer), never by the goal's own employee.
CONFIRMATION_FIELDS = ("achievement_confirmed_by_id", "achievement_confirmed_date")
CONFIRM_ACTIVITY_TYPE = "hr_career_dev.mail_activity_type_goal_confirm"

# what the employee and their managers type on a goal (hr.career.policy.mixin)
GOAL_INPUT = {
    "name",
    "description",
    "horizon",
    "target_job_id",
    "target_date",
    "is_main_target",
    "progress",
    "state",
}


class HrCareerGoal(models.Model):
    _name = "hr.career.goal"
    _description = "Career goal"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "hr.career.state.mixin",
        "hr.career.policy.mixin",
    ]
    _order = "state_sequence, target_date, id desc"
    _check_company_auto = True
    _career_policy = {
        "employee": {"create": GOAL_INPUT | {"employee_id"}, "write": GOAL_INPUT},
        "manager": {
            "create": GOAL_INPUT | {"employee_id"} | set(CONFIRMATION_FIELDS),
            "write": GOAL_INPUT | set(CONFIRMATION_FIELDS),
        },
    }
    # write() completes an achieved goal and clears a confirmation
    _career_policy_derived = {
        "state": {"progress", "date_done", *CONFIRMATION_FIELDS},
    }

    name = fields.Char(required=True, tracking=True)
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
        check_company=True,
        default=lambda self: self.env.user.employee_id,
    )
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index=True
    )
    department_id = fields.Many2one(related="employee_id.department_id", store=True)
    description = fields.Html()
    horizon = fields.Selection(
        [("short", "Short term"), ("long", "Long term")],
        required=True,
        default="short",
        tracking=True,
    )
    target_job_id = fields.Many2one(
        "hr.job", tracking=True, index=True, check_company=True
    )
    target_date = fields.Date(tracking=True)
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue",
        search="_search_is_overdue",
        help="Open and past its target date.",
    )
    schedule_status = fields.Selection(
        [
            ("on_track", "On track"),
            ("behind", "Behind schedule"),
            ("late", "Overdue"),
            ("done", "Achieved"),
            ("none", "No due date"),
        ],
        compute="_compute_schedule_status",
        help="Progress against the time elapsed towards the target date.",
    )
    is_main_target = fields.Boolean(
        string="Main Target",
        copy=False,
        tracking=True,
        help="With several open long-term goals, the one whose target job the "
        "readiness and the gaps are measured against.",
    )
    progress = fields.Integer(tracking=True, aggregator="avg")
    state = fields.Selection(
        GOAL_STATES, required=True, default="draft", tracking=True, index=True
    )
    state_sequence = fields.Integer(compute="_compute_state_sequence", store=True)
    date_done = fields.Date(readonly=True, copy=False)
    template_id = fields.Many2one(
        "hr.career.goal.template",
        index=True,
        copy=False,
        check_company=True,
        groups="hr.group_hr_user",
    )
    # an achievement counts (badges, recognition) once someone other than the
    # employee confirmed it: the manager chain or HR. Cleared when the goal
    # leaves the achieved state.
    achievement_confirmed_by_id = fields.Many2one(
        "res.users",
        readonly=True,
        copy=False,
        tracking=True,
        index="btree_not_null",
    )
    achievement_confirmed_date = fields.Date(
        readonly=True,
        copy=False,
    )
    achievement_to_confirm = fields.Boolean(
        compute="_compute_achievement_to_confirm",
        search="_search_achievement_to_confirm",
        help="Achieved, waiting for the confirmation of a manager or HR.",
    )
    can_confirm_achievement = fields.Boolean(
        compute="_compute_can_confirm_achievement",
        help="The current user may confirm this goal's achievement.",
    )

    _sql_constraints = [
        (
            "progress_range",
            "CHECK(progress BETWEEN 0 AND 100)",
            "Progress is a percentage between 0 and 100.",
        ),
    ]

    @api.depends("state")
    def _compute_state_sequence(self):
        order = {key: index for index, (key, _label) in enumerate(GOAL_STATES)}
        for goal in self:
            goal.state_sequence = order.get(goal.state, 9)

    @api.depends("target_date", "state")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for goal in self:
            goal.is_overdue = bool(
                goal.target_date
                and goal.target_date < today
                and goal.state in OPEN_GOAL_STATES
            )

    @api.depends("progress", "state", "target_date")
    @api.depends_context("date")
    def _compute_schedule_status(self):
        """On track when the progress keeps up with the time elapsed from the
        goal's creation to its target date (ten points of slack)."""
        today = fields.Date.context_today(self)
        for goal in self:
            start = (goal.create_date or fields.Datetime.now()).date()
            if goal.state == "achieved":
                goal.schedule_status = "done"
            elif goal.state not in OPEN_GOAL_STATES or not goal.target_date:
                goal.schedule_status = "none"
            elif goal.target_date < today:
                goal.schedule_status = "late"
            else:
                span = (goal.target_date - start).days
                elapsed = 100.0 * (today - start).days / span if span > 0 else 100.0
                goal.schedule_status = (
                    "on_track" if goal.progress + 10 >= elapsed else "behind"
                )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported."))
        domain = [
            ("target_date", "<", fields.Date.context_today(self)),
            ("state", "in", OPEN_GOAL_STATES),
        ]
        if (operator == "=") == value:
            return domain
        return ["!", "&", *domain]

    @api.depends("state", "achievement_confirmed_by_id")
    def _compute_achievement_to_confirm(self):
        for goal in self:
            goal.achievement_to_confirm = (
                goal.state == "achieved" and not goal.achievement_confirmed_by_id
            )

    def _search_achievement_to_confirm(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported."))
        if (operator == "=") == value:
            return [
                ("state", "=", "achieved"),
                ("achievement_confirmed_by_id", "=", False),
            ]
        return [
            "|",
            ("state", "!=", "achieved"),
            ("achievement_confirmed_by_id", "!=", False),
        ]

    @api.depends_context("uid")
    @api.depends("employee_id")
    def _compute_can_confirm_achievement(self):
        confirmable = self._filter_achievement_confirmable()
        for goal in self:
            goal.can_confirm_achievement = goal in confirmable

    @api.constrains(*CONFIRMATION_FIELDS)
    def _check_achievement_confirmation(self):
        """Only the manager chain or HR confirm an achievement, in their own
        name, and only an achieved goal (every path: buttons, RPC, sudo)."""
        confirmed = self.filtered(
            lambda g: g.achievement_confirmed_by_id or g.achievement_confirmed_date
        )
        if not confirmed:
            return
        allowed = confirmed._filter_achievement_confirmable()
        for goal in confirmed:
            if goal not in allowed or goal.achievement_confirmed_by_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only a manager of %(employee)s or HR can confirm the "
                        "achievement of the goal “%(goal)s”, in their own name.",
                        # the goal is read for its name: the employee's comes
                        # from their public profile
                        employee=goal.employee_id.name,
                        goal=goal.name,
                    )
                )
            if goal.state != "achieved":
                raise ValidationError(
                    self.env._(
                        "The goal “%(goal)s” is not achieved: there is no "
                        "achievement to confirm.",
                        goal=goal.name,
                    )
                )

    @api.constrains("name", "description")
    def _check_text_limits(self):
        for goal in self:
            if len(goal.name or "") > GOAL_NAME_MAX_LENGTH:
                raise ValidationError(
                    self.env._(
                        "A goal title holds at most %(max)s characters; this one "
                        "has %(length)s.",
                        max=GOAL_NAME_MAX_LENGTH,
                        length=len(goal.name),
                    )
                )
            description = goal.description or ""
            if (
                len(description) > GOAL_DESCRIPTION_MAX_HTML
                or len(html2plaintext(description)) > GOAL_DESCRIPTION_MAX_LENGTH
            ):
                raise ValidationError(
                    self.env._(
                        "The description of the goal “%(goal)s” is too long: "
                        "keep it under %(max)s characters.",
                        goal=(goal.name or "")[:GOAL_NAME_MAX_LENGTH],
                        max=GOAL_DESCRIPTION_MAX_LENGTH,
                    )
                )

    @api.constrains("target_date")
    def _check_target_date(self):
        """Within bounds; and an open goal aims at today or later, in the
        backend as on the portal. The rule applies when the date is set: a
        goal that became overdue stays so, an achieved or abandoned one may
        record a past date. Module data (the demo's overdue examples) load as
        written."""
        today = fields.Date.context_today(self)
        latest = today + relativedelta(years=GOAL_TARGET_DATE_MAX_YEARS)
        for goal in self:
            if (
                goal.target_date
                and goal.target_date < today
                and goal.state in OPEN_GOAL_STATES
                and not self.env.context.get("install_mode")
            ):
                raise ValidationError(
                    self.env._(
                        "The target date cannot be in the past: choose today or "
                        "a later day for the goal “%(goal)s”.",
                        goal=(goal.name or "")[:GOAL_NAME_MAX_LENGTH],
                    )
                )
            if goal.target_date and not (
                GOAL_TARGET_DATE_MIN <= goal.target_date <= latest
            ):
                raise ValidationError(
                    self.env._(
                        "The target date of the goal “%(goal)s” must be between "
                        "%(first)s and %(last)s (at most %(years)s years from "
                        "today).",
                        goal=(goal.name or "")[:GOAL_NAME_MAX_LENGTH],
                        first=GOAL_TARGET_DATE_MIN.isoformat(),
                        last=latest.isoformat(),
                        years=GOAL_TARGET_DATE_MAX_YEARS,
                    )
                )

    @api.constrains("progress")
    def _check_progress(self):
        for goal in self:
            if not 0 <= goal.progress <= 100:
                raise ValidationError(
                    self.env._(
                        "Progress of the goal “%(goal)s” must be between 0 and "
                        "100%%, not %(progress)s.",
                        goal=goal.name,
                        progress=goal.progress,
                    )
                )

    @api.constrains("horizon", "target_job_id", "employee_id")
    def _check_target_job(self):
        # jobs are HR's to read: only ids are compared (the employee's job from
        # their public profile), and the job is named as the goal shows it (a
        # plain read of the goal, whose many2one carries its name)
        for goal in self:
            short = goal.horizon == "short"
            if not goal.target_job_id or not (
                short or goal.target_job_id == goal.employee_id.job_id
            ):
                continue
            job = goal.read(["target_job_id"])[0]["target_job_id"][1]
            if short:
                raise ValidationError(
                    self.env._(
                        "The goal “%(goal)s” is a short-term goal: only a "
                        "long-term goal aims at a job. Make it a long-term goal "
                        "to aim at %(job)s, or remove the target job.",
                        goal=(goal.name or "")[:GOAL_NAME_MAX_LENGTH],
                        job=job,
                    )
                )
            raise ValidationError(
                self.env._(
                    "%(employee)s already holds the job %(job)s: a target job "
                    "must be another job.",
                    employee=goal.employee_id.name,
                    job=job,
                )
            )

    @api.onchange("horizon")
    def _onchange_horizon(self):
        if self.horizon == "short":
            self.target_job_id = False

    @api.model_create_multi
    def create(self, vals_list):
        check_value_range(self, vals_list, "progress", 0, 100)
        goals = super().create(vals_list)
        goals.filtered("achievement_to_confirm")._achievement_request_confirmation()
        return goals

    def write(self, vals):
        check_value_range(self, [vals], "progress", 0, 100)
        if vals.get("state") == "achieved":
            vals.setdefault("progress", 100)
            vals.setdefault("date_done", fields.Date.context_today(self))
        elif vals.get("state"):
            # a goal leaving the achieved state loses its confirmation
            vals = dict(vals, **dict.fromkeys(CONFIRMATION_FIELDS, False))
        res = super().write(vals)
        if vals.get("state"):
            self._achievement_request_confirmation()
        return res

    def action_start(self):
        self._check_state(
            ("draft",),
            lambda goal, state: self.env._(
                "Cannot start the goal “%(goal)s”: its status is “%(state)s”.",
                goal=goal.display_name,
                state=state,
            ),
        )
        self.write({"state": "in_progress"})

    def action_achieve(self):
        """Achieved; confirmed at once when a manager or HR marks it (the
        employee's own goals wait for their confirmation)."""
        self._check_state(
            OPEN_GOAL_STATES,
            lambda goal, state: self.env._(
                "Cannot mark the goal “%(goal)s” as achieved: "
                "its status is “%(state)s”.",
                goal=goal.display_name,
                state=state,
            ),
        )
        confirmable = self._filter_achievement_confirmable()
        if confirmable:
            confirmable.write(
                {"state": "achieved", **self._achievement_confirmation_values()}
            )
        if self - confirmable:
            (self - confirmable).write({"state": "achieved"})

    def action_confirm_achievement(self):
        """A manager of the employee or HR confirms the achievement: from now
        on it counts (the recognition rule awards its badge)."""
        goals = self.filtered("achievement_to_confirm")
        if not goals:
            raise UserError(
                self.env._("There is no achieved goal left to confirm here.")
            )
        refused = goals - goals._filter_achievement_confirmable()
        if refused:
            raise AccessError(
                self.env._(
                    "Only a manager of %(employee)s or HR can confirm the "
                    "achievement of the goal “%(goal)s”.",
                    # the goal was read above (achievement_to_confirm); the
                    # name comes from the employee's public profile
                    employee=refused[:1].employee_id.name,
                    goal=refused[:1].name,
                )
            )
        goals.write(self._achievement_confirmation_values())
        # the confirmer writes the goals (just above), which lets them close
        # their to-dos, also those of another manager (mail.activity's rules)
        goals.activity_feedback([CONFIRM_ACTIVITY_TYPE])

    def action_make_main_target(self):
        """This open long-term goal becomes the employee's target: its job is
        the one the readiness and the target gaps are measured against."""
        self.ensure_one()
        if self.horizon != "long" or not self.target_job_id:
            raise UserError(
                self.env._(
                    "Only a long-term goal with a target job can be the main "
                    "target; “%(goal)s” is not one.",
                    goal=self.name,
                )
            )
        self._check_state(
            OPEN_GOAL_STATES,
            lambda goal, state: self.env._(
                "Cannot make the goal “%(goal)s” your target: its status is "
                "“%(state)s”.",
                goal=goal.display_name,
                state=state,
            ),
        )
        others = self.search(
            [
                ("employee_id", "=", self.employee_id.id),
                ("is_main_target", "=", True),
                ("id", "!=", self.id),
            ]
        )
        others.write({"is_main_target": False})
        self.write({"is_main_target": True})

    def action_abandon(self):
        self._check_state(
            OPEN_GOAL_STATES,
            lambda goal, state: self.env._(
                "Cannot abandon the goal “%(goal)s”: its status is “%(state)s”.",
                goal=goal.display_name,
                state=state,
            ),
        )
        self.write({"state": "abandoned"})

    def action_reset(self):
        self._check_state(
            ("achieved", "abandoned"),
            lambda goal, state: self.env._(
                "Cannot reopen the goal “%(goal)s”: its status is “%(state)s”.",
                goal=goal.display_name,
                state=state,
            ),
        )
        self.write({"state": "draft", "date_done": False})

    # ------------------------------------------------------------ confirmation
    def _achievement_confirmation_values(self):
        return {
            "achievement_confirmed_by_id": self.env.uid,
            "achievement_confirmed_date": fields.Date.context_today(self),
        }

    def _filter_achievement_confirmable(self):
        """The goals of ``self`` whose achievement the current user may
        confirm: HR officers, and the managers above the goal's employee
        (``parent_id`` chain), never for their own goal. One query."""
        if self.env.user._is_superuser():
            return self
        Role = self.env["hr.career.role"]
        if Role._is_hr_officer():
            # HR reads every goal (of its companies): all but their own
            mine = Role._my_employees()
            return self.filtered(lambda g: g.employee_id not in mine)
        roles = Role._get_record_roles(self, "employee_id")
        return self.filtered(lambda g: roles[g.id] == MANAGER)

    def _achievement_request_confirmation(self):
        """A to-do for the manager of each achieved goal still to confirm:
        one per goal; those of goals no longer achieved are removed."""
        # called after the goals were written (create, write): their writer
        # (the employee, a manager, HR) reads and writes the goals' to-dos,
        # also the manager's (mail.activity's rules follow the goal), and
        # reads the manager's user on the employee's public profile
        todo_type = self.env.ref(CONFIRM_ACTIVITY_TYPE)
        pending = self.filtered("achievement_to_confirm")
        if self - pending:
            (self - pending).activity_unlink([CONFIRM_ACTIVITY_TYPE])
        if not pending:
            return
        existing = set(
            self.env["mail.activity"]
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", pending.ids),
                    ("activity_type_id", "=", todo_type.id),
                ]
            )
            .mapped("res_id")
        )
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        for goal in pending:
            manager = goal.employee_id.parent_id.user_id
            if not manager or goal.id in existing:
                continue
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": goal.id,
                    "activity_type_id": todo_type.id,
                    "user_id": manager.id,
                    "automated": True,
                    "summary": self.env._("Confirm an achieved goal"),
                    "note": self.env._(
                        "%(employee)s marked the goal “%(goal)s” as achieved: "
                        "confirm it to recognise it.",
                        employee=goal.employee_id.name,
                        goal=goal.name,
                    ),
                }
            )
        if vals_list:
            self.env["mail.activity"].create(vals_list)
