# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

ACTION_TYPES = [
    ("training", "Training"),
    ("mentoring", "Mentoring"),
    ("job_rotation", "Job Rotation"),
    ("cross_functional", "Cross-functional Project"),
    ("coaching", "Coaching"),
    ("certification", "Certification"),
    ("other", "Other"),
]
# how far down the suggestions a manager may pick a course (the portal's list)
SUGGESTION_CHECK_LIMIT = 50
ACTION_STATES = [
    ("todo", "To Do"),
    ("in_progress", "In Progress"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]

# what a manager types on a development action (hr.career.policy.mixin)
ACTION_INPUT = {
    "name",
    "action_type",
    "skill_id",
    "channel_id",
    "mentor_id",
    "date_due",
    "state",
    "note",
}


class HrDevelopmentAction(models.Model):
    _name = "hr.development.action"
    _description = "Development action"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "hr.career.reminder.mixin",
        "hr.career.policy.mixin",
    ]
    _order = "plan_id, state_sequence, date_due, id"
    _check_company_auto = True
    # employees follow up their own actions (their status); what to do, how
    # and when is decided by their managers and HR. employee_id is related
    # to the plan's: writing it would move the plan (HR only)
    _career_policy_employee = "plan_id.employee_id"
    _career_policy = {
        "employee": {"write": {"state"}},
        "manager": {
            "create": ACTION_INPUT | {"plan_id"},
            "write": ACTION_INPUT,
        },
    }
    _career_policy_derived = {"state": {"date_done"}}

    name = fields.Char(required=True, tracking=True)
    plan_id = fields.Many2one(
        "hr.development.plan",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    employee_id = fields.Many2one(related="plan_id.employee_id", store=True, index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    action_type = fields.Selection(
        ACTION_TYPES, string="Type", required=True, default="training", tracking=True
    )
    skill_id = fields.Many2one("hr.skill", index=True)
    channel_id = fields.Many2one(
        "slide.channel", string="Course", index=True, tracking=True
    )
    mentor_id = fields.Many2one("hr.employee", tracking=True, check_company=True)
    date_due = fields.Date(string="Due Date", tracking=True)
    state = fields.Selection(
        ACTION_STATES, required=True, default="todo", tracking=True, index=True
    )
    state_sequence = fields.Integer(compute="_compute_state_sequence", store=True)
    date_done = fields.Date(readonly=True, copy=False)
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue"
    )
    note = fields.Text()

    @api.depends("state")
    def _compute_state_sequence(self):
        order = {key: index for index, (key, _label) in enumerate(ACTION_STATES)}
        for action in self:
            action.state_sequence = order.get(action.state, 9)

    @api.depends("date_due", "state")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for action in self:
            action.is_overdue = bool(
                action.date_due
                and action.date_due < today
                and action.state in ("todo", "in_progress")
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(self.env._("Unsupported search on “Overdue”."))
        domain = [
            ("date_due", "<", fields.Date.context_today(self)),
            ("state", "in", ("todo", "in_progress")),
        ]
        if (operator == "=") == value:
            return domain
        return ["!", "&", *domain]

    @api.constrains("date_due")
    def _check_date_due(self):
        """An open action is due today or later, in the backend as on the
        portal. The rule applies when the date is set: an action that became
        overdue stays so, and a done or cancelled one may record a past date.
        Module data (the demo's overdue examples) load as written."""
        if self.env.context.get("install_mode"):
            return
        today = fields.Date.context_today(self)
        for action in self:
            if (
                action.date_due
                and action.date_due < today
                and action.state in ("todo", "in_progress")
            ):
                raise ValidationError(
                    self.env._(
                        "The due date %(date)s is already past: choose today or "
                        "a later day for “%(action)s”.",
                        date=action.date_due.isoformat(),
                        action=action.name,
                    )
                )

    @api.constrains("action_type", "channel_id", "plan_id")
    def _check_course_suggested(self):
        """A manager assigns a course suggested for the employee (one that
        closes one of their gaps and that the manager may see), in the
        backend as on the portal; HR assigns any course."""
        if self.env["hr.career.role"]._is_hr_officer():
            return
        trainings = self.filtered(
            lambda a: a.action_type == "training" and a.channel_id
        )
        if not trainings:
            return
        # sudo: the suggestions of the employees of the actions the user is
        # saving (the record rules decide whether they may); only course ids
        # are compared, then filtered by what the user may see
        suggested = trainings.employee_id.sudo()._get_course_suggestions_batch(
            limit=SUGGESTION_CHECK_LIMIT
        )
        ids = {s["channel"].id for rows in suggested.values() for s in rows}
        visible = set(self.env["slide.channel"].search([("id", "in", list(ids))]).ids)
        # the courses as the actions show them (a plain read of the actions
        # the user is saving: a many2one's name goes with its record)
        courses = {
            row["id"]: row["channel_id"][1] for row in trainings.read(["channel_id"])
        }
        for action in trainings:
            allowed = {
                s["channel"].id for s in suggested.get(action.employee_id.id, [])
            }
            if action.channel_id.id not in allowed & visible:
                raise ValidationError(
                    self.env._(
                        "Choose one of the courses suggested for %(employee)s: "
                        "%(course)s closes none of their gaps.",
                        # the employee of an action the user is saving: their
                        # public profile's name
                        employee=action.employee_id.name,
                        course=courses[action.id],
                    )
                )

    @api.constrains("action_type", "channel_id")
    def _check_training_course(self):
        for action in self:
            if action.action_type == "training" and not action.channel_id:
                raise ValidationError(
                    self.env._(
                        "The training action “%(action)s” needs a course.",
                        action=action.name,
                    )
                )

    @api.constrains("mentor_id", "employee_id")
    def _check_mentor(self):
        for action in self:
            if action.mentor_id and action.mentor_id == action.employee_id:
                raise ValidationError(
                    self.env._(
                        "%(employee)s cannot be their own mentor.",
                        employee=action.employee_id.name,
                    )
                )

    def write(self, vals):
        if vals.get("state") == "done":
            vals.setdefault("date_done", fields.Date.context_today(self))
        elif vals.get("state") in ("todo", "in_progress", "cancelled"):
            vals["date_done"] = False
        return super().write(vals)

    def action_start(self):
        self.filtered(lambda a: a.state == "todo").write({"state": "in_progress"})

    def action_done(self):
        self.filtered(lambda a: a.state in ("todo", "in_progress")).write(
            {"state": "done"}
        )

    def action_cancel(self):
        self.filtered(lambda a: a.state in ("todo", "in_progress")).write(
            {"state": "cancelled"}
        )

    def action_suggest_mentors(self):
        """Open the employees who can mentor this action's skill."""
        self.ensure_one()
        if not self.skill_id:
            raise ValidationError(
                self.env._("Set the skill to develop before looking for a mentor.")
            )
        mentors = self.employee_id._get_mentor_suggestions(self.skill_id)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._(
                "Possible mentors for %(skill)s", skill=self.skill_id.name
            ),
            "res_model": "hr.employee",
            "view_mode": "list,form",
            "domain": [("id", "in", mentors.ids)],
        }

    @api.model
    def _cron_remind_overdue(self):
        """Schedule one 'To Do' activity per overdue action that has none yet."""
        # not a button: the scheduler and HR managers only (AccessError)
        self.env["hr.career.role"]._check_scheduled_run()
        overdue = self.search([("is_overdue", "=", True)])
        if not overdue:
            return
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        for action in overdue._without_open_activity(activity_type):
            user = (
                action.employee_id.user_id
                or action.employee_id.parent_id.user_id
                or self.env.user
            )
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": action.id,
                    "activity_type_id": activity_type.id,
                    "summary": self.env._("Overdue development action"),
                    "note": self.env._(
                        "“%(action)s” was due on %(date)s.",
                        action=action.name,
                        date=action.date_due,
                    ),
                    "user_id": user.id,
                    "date_deadline": fields.Date.context_today(self),
                }
            )
        if vals_list:
            self.env["mail.activity"].create(vals_list)
