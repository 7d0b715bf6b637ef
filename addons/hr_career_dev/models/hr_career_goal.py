# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

GOAL_STATES = [
    ("draft", "Draft"),
    ("in_progress", "In Progress"),
    ("achieved", "Achieved"),
    ("abandoned", "Abandoned"),
]
OPEN_GOAL_STATES = ("draft", "in_progress")


class HrCareerGoal(models.Model):
    _name = "hr.career.goal"
    _description = "Career goal"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "hr.career.state.mixin",
        "hr.career.owner.mixin",
    ]
    _order = "state_sequence, target_date, id desc"
    _check_company_auto = True
    _career_owner_fields = ("employee_id",)

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
        # sudo: jobs and employees, read for the message, are HR data
        for goal in self.sudo():
            if goal.target_job_id and goal.target_job_id == goal.employee_id.job_id:
                raise ValidationError(
                    self.env._(
                        "%(employee)s already holds the job %(job)s: a target job "
                        "must be another job.",
                        employee=goal.employee_id.name,
                        job=goal.target_job_id.name,
                    )
                )

    def write(self, vals):
        if vals.get("state") == "achieved":
            vals.setdefault("progress", 100)
            vals.setdefault("date_done", fields.Date.context_today(self))
        return super().write(vals)

    def action_start(self):
        self._check_state(("draft",), self.env._("start"))
        self.write({"state": "in_progress"})

    def action_achieve(self):
        self._check_state(OPEN_GOAL_STATES, self.env._("mark as achieved"))
        self.write({"state": "achieved"})

    def action_abandon(self):
        self._check_state(OPEN_GOAL_STATES, self.env._("abandon"))
        self.write({"state": "abandoned"})

    def action_reset(self):
        self._check_state(("achieved", "abandoned"), self.env._("reopen"))
        self.write({"state": "draft", "date_done": False})
