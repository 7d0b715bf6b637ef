# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_date

from odoo.addons.hr_career_dev.models.hr_career_role import MANAGER, SELF

CADENCE_DELTA = {
    "weekly": relativedelta(weeks=1),
    "biweekly": relativedelta(weeks=2),
    "monthly": relativedelta(months=1),
}
MOODS = [
    ("1_struggling", "Struggling"),
    ("2_concerned", "Concerned"),
    ("3_neutral", "Neutral"),
    ("4_good", "Good"),
    ("5_great", "Great"),
]


CHECKIN_INPUT = frozenset(
    {
        "manager_id",
        "date",
        "next_date",
        "notes",
        "mood",
        "goal_line_ids",
        "key_result_line_ids",
        "state",
    }
)


class HrPerformanceCheckin(models.Model):
    """A short, regular conversation between an employee and their manager:
    notes, mood and progress on career goals, at the company's cadence."""

    _name = "hr.performance.checkin"
    _description = "Performance check-in"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "hr.career.reminder.mixin",
        "hr.career.policy.mixin",
    ]
    _order = "date desc, id desc"
    # the employee's managers hold check-ins; the employee reads them
    # (hr.career.policy.mixin); the employee is fixed once created
    _career_policy = {
        "manager": {
            "create": CHECKIN_INPUT | {"employee_id"},
            "write": CHECKIN_INPUT,
        },
    }

    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
        default=lambda self: self.env.user.employee_id,
    )
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index=True
    )
    department_id = fields.Many2one(related="employee_id.department_id", store=True)
    manager_id = fields.Many2one(
        "hr.employee",
        compute="_compute_manager_id",
        store=True,
        readonly=False,
        tracking=True,
        index=True,
    )
    date = fields.Date(
        required=True, default=fields.Date.context_today, tracking=True, index=True
    )
    next_date = fields.Date(
        string="Next Check-in",
        compute="_compute_next_date",
        store=True,
        readonly=False,
        help="Computed from the check-in cadence in Settings; can be moved.",
    )
    notes = fields.Html()
    mood = fields.Selection(MOODS, tracking=True)
    goal_line_ids = fields.One2many(
        "hr.performance.checkin.goal", "checkin_id", string="Goal Progress"
    )
    key_result_line_ids = fields.One2many(
        "hr.performance.checkin.key.result",
        "checkin_id",
        string="Key Result Values",
    )
    objective_ids = fields.Many2many(
        "hr.performance.objective",
        compute="_compute_objective_ids",
        string="Active Objectives",
        help="The employee's active objectives whose period includes the date.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done")],
        required=True,
        default="draft",
        tracking=True,
        index=True,
    )

    @api.depends("employee_id.name", "date")
    def _compute_display_name(self):
        for checkin in self:
            checkin.display_name = self.env._(
                "Check-in %(employee)s, %(date)s",
                employee=checkin.employee_id.name or "",
                date=checkin.date or "",
            )

    @api.depends("employee_id")
    def _compute_manager_id(self):
        for checkin in self:
            checkin.manager_id = checkin.employee_id.parent_id

    @api.depends("date", "employee_id")
    def _compute_next_date(self):
        for checkin in self:
            if not checkin.date:
                checkin.next_date = False
                continue
            company = checkin.company_id or self.env.company
            checkin.next_date = checkin.date + self._cadence_delta(company)

    @api.depends("employee_id", "date")
    def _compute_objective_ids(self):
        objectives = self.env["hr.performance.objective"].search(
            self._active_objectives_domain()
        )
        for checkin in self:
            checkin.objective_ids = objectives.filtered(
                lambda o, c=checkin: o.employee_id == c.employee_id
                and c.date
                and o.date_start <= c.date <= o.date_end
            )

    def _active_objectives_domain(self):
        dates = [c.date for c in self if c.date]
        if not dates:
            return [("id", "=", False)]
        return [
            ("employee_id", "in", self.employee_id.ids),
            ("state", "=", "active"),
            ("date_start", "<=", max(dates)),
            ("date_end", ">=", min(dates)),
        ]

    @api.model
    def _cadence_delta(self, company):
        return CADENCE_DELTA.get(company.checkin_cadence, CADENCE_DELTA["monthly"])

    # ------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        Appraisal = self.env["hr.appraisal"]
        if not Appraisal._is_appraisal_hr():
            employees = self.env["hr.employee"].browse(
                {vals["employee_id"] for vals in vals_list if vals.get("employee_id")}
            )
            roles = Appraisal._get_employee_roles(employees)
            chains = Appraisal._get_manager_chains(employees)
            mine = self.env.user.employee_ids
            for vals in vals_list:
                # the name (a public field of employees), for the messages only
                employee = employees.browse(vals.get("employee_id"))
                self._check_manager_role(employee, roles.get(employee.id))
                if not vals.get("manager_id"):
                    # the creating manager holds the check-in
                    vals["manager_id"] = (
                        mine.filtered(lambda e, c=chains[employee.id]: e.id in c)[:1]
                    ).id
                self._check_manager_in_chain(
                    employee, vals["manager_id"], chains[employee.id]
                )
        return super().create(vals_list)

    def write(self, vals):
        Appraisal = self.env["hr.appraisal"]
        if not Appraisal._is_appraisal_hr():
            self._check_held_by_manager(self, "employee_id")
            # the user manages every employee of ``self``: read as the user
            if vals.get("manager_id"):
                chains = Appraisal._get_manager_chains(self.employee_id)
                for checkin in self:
                    employee = checkin.employee_id
                    self._check_manager_in_chain(
                        employee, vals["manager_id"], chains[employee.id]
                    )
        res = super().write(vals)
        if vals.get("state") == "done":
            self.goal_line_ids._apply_progress()
            self.key_result_line_ids._apply_value()
        return res

    def unlink(self):
        Appraisal = self.env["hr.appraisal"]
        if not Appraisal._is_appraisal_hr():
            self._check_held_by_manager(self, "employee_id")
        return super().unlink()

    @api.model
    def _career_policy_is_hr(self):
        return self.env["hr.appraisal"]._is_appraisal_hr()

    @api.model
    def _check_held_by_manager(self, records, path):
        """Refuse unless the user manages (``parent_id`` chain, any level) the
        employee each of ``records`` belongs to (``path``: a dotted path to
        it, e.g. ``checkin_id.employee_id``); HR passes. The role service
        decides; the message names the employee only when the user reads the
        record (their own), never a stranger's."""
        if self.env["hr.appraisal"]._is_appraisal_hr():
            return
        roles = self.env["hr.career.role"]._get_record_roles(records, path)
        for record in records:
            role = roles.get(record.id)
            if role == MANAGER:
                continue
            employee = record.mapped(path) if role == SELF else self.env["hr.employee"]
            self._check_manager_role(employee, "self" if role == SELF else False)

    @api.model
    def _check_manager_role(self, employee, role):
        if role == "manager":
            return
        if role == "self":
            raise AccessError(
                self.env._(
                    "%(employee)s, your check-ins are written by your manager or "
                    "HR; you can read them.",
                    employee=employee.name,
                )
            )
        raise AccessError(
            self.env._(
                "Only the managers of %(employee)s or HR can hold check-ins with "
                "them.",
                employee=employee.name or self.env._("this employee"),
            )
        )

    @api.model
    def _check_manager_in_chain(self, employee, manager_id, chain):
        if manager_id and manager_id not in chain:
            raise AccessError(
                self.env._(
                    "The manager of a check-in with %(employee)s is one of their "
                    "managers up the organisation chart, not %(manager)s.",
                    employee=employee.name,
                    # the name (public to employees), for the message only
                    manager=self.env["hr.employee.public"].browse(manager_id).name,
                )
            )

    # ------------------------------------------------------------ actions
    def action_done(self):
        if self.filtered(lambda c: c.state == "done"):
            raise UserError(self.env._("This check-in is already done."))
        self.write({"state": "done"})

    def action_draft(self):
        self.write({"state": "draft"})

    def action_load_goals(self):
        """Add a progress line for each open goal of the employee not listed."""
        goals = self.env["hr.career.goal"].search(
            [
                ("employee_id", "in", self.employee_id.ids),
                ("state", "in", ("draft", "in_progress")),
            ]
        )
        vals_list = []
        for checkin in self:
            listed = checkin.goal_line_ids.goal_id
            vals_list += [
                {
                    "checkin_id": checkin.id,
                    "goal_id": goal.id,
                    "progress": goal.progress,
                }
                for goal in goals
                if goal.employee_id == checkin.employee_id and goal not in listed
            ]
        self.env["hr.performance.checkin.goal"].create(vals_list)
        if vals_list:
            message = self.env._(
                "%(count)s open goals added: set their new progress.",
                count=len(vals_list),
            )
        else:
            message = self.env._(
                "No open goal to add: every open goal of %(employee)s is listed "
                "already, or they have none.",
                employee=", ".join(self.employee_id.mapped("name")),
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success" if vals_list else "info",
                "message": message,
                "sticky": False,
                # the form shows the new lines
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def _check_lines_editable(self):
        """A done check-in keeps the progress it reported: its lines change
        only after *Reset to Draft*."""
        # read as the user: the callers checked first that they manage the
        # employee (manager rule) or are HR
        for checkin in self.filtered(lambda c: c.state == "done"):
            raise UserError(
                self.env._(
                    "The check-in with %(employee)s of %(date)s is done: reset it "
                    "to draft to change what it reported.",
                    employee=checkin.employee_id.name,
                    date=format_date(self.env, checkin.date),
                )
            )

    def action_load_objectives(self):
        """Add a line for each key result of the employee's active objectives
        not listed yet (bound key results count themselves: not listed)."""
        self._compute_objective_ids()
        vals_list = []
        for checkin in self:
            listed = checkin.key_result_line_ids.key_result_id
            vals_list += [
                {"checkin_id": checkin.id, "key_result_id": key_result.id}
                for key_result in checkin.objective_ids.key_result_ids
                if not key_result.is_bound and key_result not in listed
            ]
        self.env["hr.performance.checkin.key.result"].create(vals_list)

    @api.model
    def _cron_schedule_due_checkins(self):
        """One activity for the manager of each employee whose latest check-in
        is due (next date reached); an activity already there is not doubled."""
        # not a button: the scheduler and HR managers only (AccessError)
        self.env["hr.career.role"]._check_scheduled_run()
        today = fields.Date.context_today(self)
        candidates = self.search([("next_date", "<=", today)])
        latest = {
            employee.id: last_date
            for employee, last_date in self._read_group(
                [("employee_id", "in", candidates.employee_id.ids)],
                ["employee_id"],
                ["date:max"],
            )
        }
        due = self.browse()
        seen = set()
        for checkin in candidates.sorted(lambda c: (c.date, c.id), reverse=True):
            employee_id = checkin.employee_id.id
            if employee_id in seen or checkin.date < latest[employee_id]:
                continue  # a newer check-in exists: this one is not due
            seen.add(employee_id)
            due |= checkin
        if not due:
            return self.env["mail.activity"]
        activity_type = self.env.ref(
            "hr_performance_feedback.mail_activity_type_checkin_due"
        )
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        for checkin in due._without_open_activity(activity_type):
            user = (
                checkin.manager_id.user_id
                or checkin.employee_id.parent_id.user_id
                or checkin.employee_id.user_id
            )
            if not user:
                continue
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": checkin.id,
                    "activity_type_id": activity_type.id,
                    "summary": self.env._(
                        "Check-in with %(employee)s",
                        employee=checkin.employee_id.name,
                    ),
                    "user_id": user.id,
                    "date_deadline": max(checkin.next_date, today),
                    "automated": True,
                }
            )
        return self.env["mail.activity"].create(vals_list)
