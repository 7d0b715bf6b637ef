# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import split_every

from odoo.addons.queue_job.delay import group

# Employees handled by one job; Settings parameter to tune it per deployment.
CHUNK_PARAM = "hr_performance_link.review_cycle_chunk_size"
DEFAULT_CHUNK_SIZE = 200
# A phase reminder is scheduled this many days before the phase's deadline.
REMINDER_DAYS = 3
# phase deadline field -> who is reminded ("employee" or "manager")
PHASES = {
    "date_self_assessment": "employee",
    "date_nominations": "employee",
    "date_manager_review": "manager",
    "date_signoff": "manager",
}
# phase deadline field -> the cycle phase (hr_review_cycle_phase) it ends
DEADLINE_PHASE = {
    "date_self_assessment": "self_review",
    "date_nominations": "feedback",
    "date_manager_review": "manager_review",
    "date_signoff": "signoff",
}
# context key: the phase to-dos are created in one batch; their assignees are
# not subscribed to each appraisal one by one (hr_review_cycle_todo)
BATCH_TODO_KEY = "hr_review_cycle_batch_todos"
CYCLE_STATES = [
    ("draft", "Draft"),
    ("running", "Running"),
    ("closing", "Closing"),
    ("done", "Done"),
]
# queue.job states of a job not finished yet
JOB_RUNNING_STATES = ("wait_dependencies", "pending", "enqueued", "started")


class HrReviewCycle(models.Model):
    _name = "hr.review.cycle"
    _description = "Review cycle"
    # every field is HR's (hr.career.policy.mixin: nothing declared)
    _inherit = ["mail.thread", "hr.career.policy.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(
        string="End",
        required=True,
        tracking=True,
        help="The appraisals of the cycle are dated on this day.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Departments",
        check_company=True,
        help="Everyone in these departments (and their sub-departments) is "
        "reviewed. With no department and no employee, the whole company is.",
    )
    employee_ids = fields.Many2many(
        "hr.employee",
        string="Employees",
        check_company=True,
        help="These employees are reviewed too.",
    )
    state = fields.Selection(
        CYCLE_STATES, required=True, default="draft", tracking=True, index=True
    )
    # phases
    date_self_assessment = fields.Date(string="Self-assessment Deadline")
    date_nominations = fields.Date(string="360° Nominations Deadline")
    date_manager_review = fields.Date(string="Manager Review Deadline")
    date_signoff = fields.Date(string="Sign-off Deadline")
    include_objectives = fields.Boolean(
        default=True,
        help="List the employee's objectives of the period in their appraisal.",
    )
    # results
    appraisal_ids = fields.One2many("hr.appraisal", "review_cycle_id")
    appraisal_count = fields.Integer(compute="_compute_progress")
    employee_total = fields.Integer(
        string="Population Size",
        readonly=True,
        copy=False,
        help="Number of employees in the cycle when it was launched.",
    )
    done_count = fields.Integer(string="Jobs Done", compute="_compute_progress")
    total_count = fields.Integer(string="Jobs To Do", compute="_compute_progress")
    progress = fields.Float(
        compute="_compute_progress",
        string="Jobs Progress",
        help="Share of the work of the background jobs done: appraisals created "
        "while the cycle is launched, appraisals HR chose to complete while it "
        "closes (failures count as done). The share of reviews signed off is "
        "the Review Progress.",
    )
    failure_ids = fields.One2many(
        "hr.review.cycle.failure", "cycle_id", groups="hr.group_hr_user"
    )
    failure_count = fields.Integer(compute="_compute_progress")

    # ------------------------------------------------------------ computes
    @api.depends(
        "state",
        "employee_total",
        "appraisal_ids.state",
        "appraisal_ids.close_decision",
    )
    def _compute_progress(self):
        appraisals = self.env["hr.appraisal"].with_context(active_test=False)
        created, to_complete, completed = {}, {}, {}
        for cycle, state, decision, count in appraisals._read_group(
            [("review_cycle_id", "in", self.ids)],
            ["review_cycle_id", "state", "close_decision"],
            ["__count"],
        ):
            created[cycle.id] = created.get(cycle.id, 0) + count
            if decision == "complete":
                to_complete[cycle.id] = to_complete.get(cycle.id, 0) + count
                if state == "3_done":
                    completed[cycle.id] = completed.get(cycle.id, 0) + count
        # sudo: counts only, shown to whoever may read the cycle
        failures = {
            (cycle.id, operation): count
            for cycle, operation, count in self.env["hr.review.cycle.failure"]
            # sudo: counts only (comment above)
            .sudo()
            ._read_group(
                [("cycle_id", "in", self.ids)],
                ["cycle_id", "operation"],
                ["__count"],
            )
        }
        for cycle in self:
            launch_failed = failures.get((cycle.id, "launch"), 0)
            close_failed = failures.get((cycle.id, "close"), 0)
            cycle.appraisal_count = created.get(cycle.id, 0)
            cycle.failure_count = launch_failed + close_failed
            if cycle.state in ("closing", "done"):
                # the close jobs' work: the appraisals HR chose to complete
                done = completed.get(cycle.id, 0) + close_failed
                total = to_complete.get(cycle.id, 0)
            else:
                done = cycle.appraisal_count + launch_failed
                total = cycle.employee_total
            cycle.done_count = min(done, total)
            cycle.total_count = total
            cycle.progress = (
                100.0 * cycle.done_count / total
                if total
                else 100.0 * (cycle.state == "done")
            )

    # ------------------------------------------------------------ constraints
    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for cycle in self:
            if cycle.date_end < cycle.date_start:
                raise ValidationError(
                    self.env._(
                        "The review cycle %(name)s cannot end before it starts.",
                        name=cycle.name,
                    )
                )

    # ------------------------------------------------------------ CRUD
    @api.ondelete(at_uninstall=False)
    def _unlink_except_launched(self):
        if any(cycle.state != "draft" for cycle in self):
            raise UserError(
                self.env._(
                    "Only a draft review cycle can be deleted: its appraisals "
                    "belong to the employees now."
                )
            )

    # ------------------------------------------------------------ actions
    def action_launch(self):
        """Create the appraisals of the cycle in background jobs, by chunks.
        Launching a running cycle again creates the missing appraisals only
        (people who joined the population, failures fixed)."""
        self._check_hr()
        for cycle in self:
            if cycle.state not in ("draft", "running"):
                raise UserError(
                    self.env._(
                        "The review cycle %(name)s is closing or closed: it cannot "
                        "be launched again.",
                        name=cycle.name,
                    )
                )
            cycle._check_jobs_done()
            cycle._check_dates()
            employees = cycle._get_population()
            cycle._check_overlaps(employees)
            if not employees:
                raise UserError(
                    self.env._(
                        "Nobody is in the review cycle %(name)s: choose departments "
                        "or employees of %(company)s who are still active.",
                        name=cycle.name,
                        company=cycle.company_id.name,
                    )
                )
            cycle.write({"state": "running", "employee_total": len(employees)})
            cycle._enqueue_chunks("_job_launch", employees.ids)
        return True

    def action_retry_failures(self):
        """Run again, in jobs, the employees listed as failed."""
        self._check_hr()
        for cycle in self:
            cycle._check_jobs_done()
            failures = cycle.failure_ids
            if not failures:
                raise UserError(
                    self.env._(
                        "The review cycle %(name)s has no failure to retry.",
                        name=cycle.name,
                    )
                )
            launch = failures.filtered(lambda f: f.operation == "launch")
            if launch:
                cycle._enqueue_chunks("_job_launch", launch.employee_id.ids)
            close = failures - launch
            if close:
                cycle._enqueue_chunks(
                    "_job_close", close.employee_id.ids, "_job_close_finish"
                )
        return True

    def action_open_appraisals(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Appraisals of %(name)s", name=self.name),
            "res_model": "hr.appraisal",
            "view_mode": "list,form",
            "domain": [("review_cycle_id", "=", self.id)],
            "context": {"default_review_cycle_id": self.id},
        }

    def _career_policy_roles(self):
        """Nobody but HR sets a field: no role on any cycle."""
        return {record.id: set() for record in self}

    @api.model
    def _career_policy_create_roles(self, vals_list, defaults):
        return [set() for _vals in vals_list]

    # ------------------------------------------------------------ business
    def _check_hr(self):
        if not self.env["hr.career.role"]._is_hr_officer():
            raise AccessError(
                self.env._("Only HR officers launch and close review cycles.")
            )

    def _check_jobs_done(self):
        """Refuse in words while jobs of the cycle are still queued or running:
        a second launch (or a close, or a retry) would work on the same
        employees as them at the same time."""
        self.ensure_one()
        # sudo: the queue's own records, read to know whether they are done
        jobs = (
            self.env["queue.job"]
            .sudo()
            .search_fetch(
                [
                    ("model_name", "=", self._name),
                    ("state", "in", JOB_RUNNING_STATES),
                ],
                ["records", "method_name"],
            )
        )
        running = {job.method_name for job in jobs if self.id in job.records.ids}
        if not running:
            return
        if running & {"_job_close", "_job_close_finish"}:
            message = self.env._(
                "The closing of the review cycle %(name)s is still running: wait "
                "until its jobs are done.",
                name=self.name,
            )
        else:
            message = self.env._(
                "The launch of the review cycle %(name)s is still running: wait "
                "until its jobs are done, then launch it again to add the "
                "missing appraisals.",
                name=self.name,
            )
        raise UserError(message)

    def _get_population(self):
        """The active employees of the cycle's company in its departments
        (sub-departments included) or listed; everyone when neither is set."""
        self.ensure_one()
        domain = [("company_id", "=", self.company_id.id)]
        if self.department_ids or self.employee_ids:
            domain += [
                "|",
                ("department_id", "child_of", self.department_ids.ids),
                ("id", "in", self.employee_ids.ids),
            ]
        return self.env["hr.employee"].search(domain, order="id")

    def _chunk_size(self):
        return self.env["hr.career.settings"]._get_int(
            CHUNK_PARAM, DEFAULT_CHUNK_SIZE, minimum=1
        )

    def _enqueue_chunks(self, method, employee_ids, finish=None):
        """One job of ``method(chunk)`` per chunk of ``employee_ids``; with
        ``finish``, that method runs in a last job once every chunk is done
        (a queue_job group), to conclude on what all of them did."""
        self.ensure_one()
        size = self._chunk_size()
        delayables = []
        for chunk in split_every(size, sorted(employee_ids), list):
            delayable = self.delayable(
                description=self.env._(
                    "Review cycle %(name)s: %(count)s employees",
                    name=self.name,
                    count=len(chunk),
                ),
            )
            delayables.append(getattr(delayable, method)(chunk))
        jobs = group(*delayables)
        if finish:
            jobs.on_done(
                getattr(
                    self.delayable(
                        description=self.env._(
                            "Review cycle %(name)s: conclusion", name=self.name
                        )
                    ),
                    finish,
                )()
            )
        jobs.delay()

    def _job_launch(self, employee_ids):
        """Job: one appraisal per employee of ``employee_ids`` who has none in
        this cycle yet, with its skill lines (and objectives of the period);
        a retried or repeated chunk creates nothing twice."""
        self.ensure_one()
        self._check_hr()
        if self.state != "running":
            return
        employees = (
            self.env["hr.employee"]
            .browse(employee_ids)
            .exists()
            .filtered(lambda e: e.active and e.company_id == self.company_id)
        )
        self._clear_failures("launch", employee_ids)
        existing = self.env["hr.appraisal"].search(
            [("review_cycle_id", "=", self.id), ("employee_id", "in", employees.ids)]
        )
        todo = employees - existing.employee_id
        # people without a manager are reviewed too: their appraisal is listed
        # for HR to assign a reviewer ("No Reviewer"), not a failure
        self._run_batch(
            "launch",
            todo,
            lambda batch: self._create_appraisals(batch),
            {},
        )
        if self.create_feedback_requests:
            # the chunk's appraisals created now or by an earlier launch: a
            # relaunch asks the reviewers not asked yet
            appraisals = self.env["hr.appraisal"].search(
                [
                    ("review_cycle_id", "=", self.id),
                    ("employee_id", "in", employees.ids),
                    ("state", "!=", "3_done"),
                ]
            )
            self._run_batch(
                "launch",
                appraisals,
                lambda batch: self._create_feedback_requests(batch),
                {},
                employee_of=lambda appraisal: appraisal.employee_id,
            )

    def _create_appraisals(self, employees):
        appraisals = self.env["hr.appraisal"].create(
            [
                {
                    "employee_id": employee.id,
                    "review_cycle_id": self.id,
                    "date_close": self.date_end,
                    "state": "2_pending",
                    # the employee publishes their self-review, the manager
                    # their feedback (as OCA's confirmation leaves them)
                    "employee_feedback_published": False,
                    "manager_feedback_published": False,
                    # OCA computes the manager per appraisal and saves each
                    # with its own query; given here, one query for the chunk
                    # (none: listed for HR to assign)
                    "manager_ids": [Command.set(employee.parent_id.ids)],
                }
                for employee in employees
            ]
        )
        appraisals._fill_skill_assessments()
        if self.include_objectives:
            appraisals._fill_objective_lines()
        # whoever must act in the cycle's phase gets their to-do (a portal
        # employee a mail)
        self._schedule_phase_activities(appraisals)
        if self.phase == "self_review":
            self._mail_portal_self_reviews(appraisals)
        return appraisals

    def _run_batch(self, operation, records, process, failures, employee_of=None):
        """``process(records)`` in one batch; when it fails, record by record
        so that one employee's problem does not hold the others back, each
        failure listed on the cycle with its reason. Errors of the database
        (serialization, deadlock) are not caught: queue_job retries the job."""
        employee_of = employee_of or (lambda record: record)
        if records:
            try:
                with self.env.cr.savepoint():
                    process(records)
            except UserError:
                # one savepoint per record, only on this failure path
                for record in records:
                    try:
                        with self.env.cr.savepoint():
                            process(record)
                    except UserError as error:
                        failures[employee_of(record).id] = str(error.args[0])
        if failures:
            self.env["hr.review.cycle.failure"].create(
                [
                    {
                        "cycle_id": self.id,
                        "employee_id": employee_id,
                        "operation": operation,
                        "reason": reason,
                    }
                    for employee_id, reason in failures.items()
                ]
            )

    def _clear_failures(self, operation, employee_ids):
        self.env["hr.review.cycle.failure"].search(
            [
                ("cycle_id", "=", self.id),
                ("operation", "=", operation),
                ("employee_id", "in", employee_ids),
            ]
        ).unlink()

    # ------------------------------------------------------------ reminders
    def _phase_summary(self, phase):
        return {
            "date_self_assessment": self.env._(
                "%(cycle)s: write your self-assessment", cycle=self.name
            ),
            "date_nominations": self.env._(
                "%(cycle)s: nominate your 360° reviewers", cycle=self.name
            ),
            "date_manager_review": self.env._(
                "%(cycle)s: review this appraisal", cycle=self.name
            ),
            "date_signoff": self.env._(
                "%(cycle)s: sign off this appraisal", cycle=self.name
            ),
        }[phase]

    @api.model
    def _cron_phase_reminders(self):
        """For every running cycle whose phase deadline is at most
        REMINDER_DAYS away, one activity per open appraisal for whoever acts
        in that phase (the employee, or their manager from the parent_id
        chain); an activity already scheduled is not doubled. One search of
        the appraisals, one of the activities and one create for all."""
        # not a button: the scheduler and HR managers only (AccessError)
        self.env["hr.career.role"]._check_scheduled_run()
        today = fields.Date.context_today(self)
        soon = today + timedelta(days=REMINDER_DAYS)
        cycles = self.search([("state", "=", "running")])
        due = [
            (cycle, phase, cycle[phase])
            for cycle in cycles
            for phase in PHASES
            if cycle[phase] and today <= cycle[phase] <= soon
        ]
        return self._create_phase_activities(due)

    @api.model
    def _create_phase_activities(self, due, appraisals=None):
        """One activity per open appraisal (of ``appraisals`` if given) of
        each ``(cycle, phase deadline field, deadline)`` of ``due`` for
        whoever must act in that phase: the employee while their self-review
        waits (internal users: a portal user cannot open it), else the
        manager (``parent_id``); an activity of the same phase already
        scheduled for them is not doubled. One search of the appraisals, one
        of the activities and one create for all; the assignees are not made
        followers one by one, nor mailed one by one (the activity is in
        their to-do list)."""
        if not due:
            return self.env["mail.activity"]
        domain = [
            ("review_cycle_id", "in", [cycle.id for cycle, _p, _d in due]),
            ("state", "!=", "3_done"),
        ]
        if appraisals is not None:
            domain.append(("id", "in", appraisals.ids))
        appraisals = self.env["hr.appraisal"].search(domain)
        activity_type = self.env.ref("hr_review_cycle.mail_activity_type_review_phase")
        existing = {
            (activity.res_id, activity.user_id.id, activity.review_cycle_phase)
            for activity in self.env["mail.activity"].search(
                [
                    ("res_model", "=", "hr.appraisal"),
                    ("res_id", "in", appraisals.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
        }
        model_id = self.env["ir.model"]._get_id("hr.appraisal")
        by_cycle = appraisals.grouped("review_cycle_id")
        vals_list = []
        for cycle, field, deadline in due:
            summary = cycle._phase_summary(field)
            phase = DEADLINE_PHASE[field]
            for appraisal in by_cycle.get(cycle, []):
                employee = appraisal.employee_id
                if PHASES[field] == "employee":
                    if (
                        appraisal.waiting_on != "employee"  # published already
                        or appraisal.visibility != "all"  # hidden from them
                    ):
                        continue
                    user = employee.user_id.filtered(lambda u: not u.share)
                else:
                    user = employee.parent_id.user_id
                key = (appraisal.id, user.id, phase)
                if not user or key in existing:
                    continue
                existing.add(key)
                vals_list.append(
                    {
                        "res_model_id": model_id,
                        "res_id": appraisal.id,
                        "activity_type_id": activity_type.id,
                        "summary": summary,
                        "user_id": user.id,
                        "date_deadline": deadline,
                        "automated": True,
                        "review_cycle_phase": phase,
                    }
                )
        # the names of the appraisals, read once for all (mail.activity
        # computes each activity's document name on its own)
        appraisals.mapped("display_name")
        return (
            self.env["mail.activity"]
            .with_context(**{BATCH_TODO_KEY: True, "mail_activity_quick_update": True})
            .create(vals_list)
        )
