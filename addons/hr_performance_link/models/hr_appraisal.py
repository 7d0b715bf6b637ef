# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import SQL

from odoo.addons.hr_career_dev.models.hr_job_competency import IMPORTANCE_WEIGHT

OPEN_GOAL_STATES = ("draft", "in_progress")
# Groups whose members act as HR on every appraisal of their allowed companies.
APPRAISAL_HR_GROUPS = (
    "hr.group_hr_user",
    "hr_appraisal_oca.group_appraisal_hr_officer",
)
# The appraised employee sees the 360° aggregate only from this many answers on:
# one or two answers would reveal what a given reviewer said.
FEEDBACK_MIN_ANSWERS_FOR_SUBJECT = 3
# What the appraised employee may write on their own appraisal; the rest
# (status, managers, manager feedback, note, visibility, dates, ...) is for
# their managers and HR. Mail/activity fields are allowed by prefix.
EMPLOYEE_FIELDS = frozenset(
    {
        "employee_feedback",
        "employee_feedback_published",
        "career_goal_ids",
        # commands on lines go through hr.appraisal.skill's own checks
        "skill_assessment_ids",
        "color",
    }
)
MAIL_FIELD_PREFIXES = ("message_", "activity_", "website_message_")
# Results of the completion, written by the suite itself.
SYSTEM_FIELDS = frozenset({"development_plan_id", "career_applied"})
# Settings: "Employees may nominate 360° reviewers"
NOMINATE_PARAM = "hr_performance_link.employee_nominate_reviewers"


class HrAppraisal(models.Model):
    _inherit = "hr.appraisal"

    # ------------------------------------------------------------ career
    career_goal_ids = fields.Many2many(
        "hr.career.goal",
        string="Career Goals",
        compute="_compute_career_goal_ids",
        inverse="_inverse_career_goal_ids",
        readonly=False,
        help="The employee's open career goals; their progress can be updated "
        "from the appraisal.",
    )
    target_job_id = fields.Many2one("hr.job", compute="_compute_career_figures")
    current_job_fit = fields.Integer(
        string="Current Job Fit (%)", compute="_compute_career_figures"
    )
    target_job_readiness = fields.Integer(
        string="Target Job Readiness (%)", compute="_compute_career_figures"
    )
    skill_assessment_ids = fields.One2many(
        "hr.appraisal.skill", "appraisal_id", string="Skill Assessments"
    )
    disagreement_count = fields.Integer(compute="_compute_disagreement_count")
    development_plan_id = fields.Many2one(
        "hr.development.plan",
        readonly=True,
        copy=False,
        ondelete="set null",
        help="The active development plan created or updated from the gaps that "
        "remained when the appraisal was completed.",
    )
    review_cycle_id = fields.Many2one(
        "hr.review.cycle",
        readonly=True,
        copy=False,
        index=True,
        ondelete="restrict",
        help="The review cycle that created this appraisal.",
    )
    feedback_skipped_count = fields.Integer(
        string="360° Reviewers Skipped",
        readonly=True,
        copy=False,
        help="Reviewers its review cycle chose for 360° feedback who have no "
        "login: they were not asked.",
    )
    career_applied = fields.Boolean(
        string="Assessment Applied",
        readonly=True,
        copy=False,
        help="The assessed levels and the development plan were applied when "
        "the appraisal was first completed; completing it again applies nothing.",
    )
    # ------------------------------------------------------------ check-ins
    date_period_start = fields.Date(
        string="Period Start",
        compute="_compute_period",
        help="The day after the employee's previous appraisal (or one year before "
        "this one): the check-ins from then to the appraisal date are reviewed.",
    )
    checkin_ids = fields.Many2many(
        "hr.performance.checkin",
        string="Check-ins",
        compute="_compute_checkin_ids",
    )
    checkin_count = fields.Integer(compute="_compute_checkin_ids")
    # ------------------------------------------------------------ 360° feedback
    feedback_request_ids = fields.One2many(
        "hr.feedback.request", "appraisal_id", string="Feedback Requests"
    )
    feedback_request_count = fields.Integer(compute="_compute_feedback_aggregate")
    feedback_answered_count = fields.Integer(
        string="Answered Feedback", compute="_compute_feedback_aggregate"
    )
    feedback_average = fields.Float(
        string="Average Rating",
        compute="_compute_feedback_aggregate",
        digits=(3, 2),
    )
    feedback_summary = fields.Html(
        compute="_compute_feedback_aggregate",
        sanitize=False,
    )
    can_nominate_reviewers = fields.Boolean(
        compute="_compute_can_nominate_reviewers",
        help="The appraised employee may propose 360° reviewers (Settings).",
    )

    # ------------------------------------------------------------ computes
    @api.depends("employee_id")
    def _compute_career_goal_ids(self):
        goals = self.env["hr.career.goal"].search(
            [
                ("employee_id", "in", self.employee_id.ids),
                ("state", "in", OPEN_GOAL_STATES),
            ]
        )
        by_employee = defaultdict(lambda: self.env["hr.career.goal"])
        for goal in goals:
            by_employee[goal.employee_id.id] |= goal
        for appraisal in self:
            appraisal.career_goal_ids = by_employee[appraisal.employee_id.id]

    @api.depends("employee_id")
    @api.depends_context("uid")
    def _compute_career_figures(self):
        roles = self.filtered("id")._get_appraisal_roles()
        entitled = self.filtered(lambda a: roles.get(a.id))
        # These hr.employee fields are HR-only because hr.employee is private;
        # read as superuser only for the employee themselves, their manager
        # chain and HR (the roles hr.employee would show them to).
        figures = {
            employee.id: (
                employee.target_job_id.id,
                employee.current_job_fit,
                employee.target_job_readiness,
            )
            for employee in entitled.sudo().employee_id
        }
        for appraisal in self:
            job_id, fit, readiness = figures.get(
                appraisal.employee_id.id if appraisal in entitled else None,
                (False, 0, 0),
            )
            appraisal.target_job_id = job_id
            appraisal.current_job_fit = fit
            appraisal.target_job_readiness = readiness

    @api.depends("state")
    @api.depends_context("uid")
    def _compute_can_nominate_reviewers(self):
        # sudo: a Settings flag
        allowed = bool(self.env["ir.config_parameter"].sudo().get_param(NOMINATE_PARAM))
        roles = self.filtered("id")._get_appraisal_roles() if allowed else {}
        for appraisal in self:
            appraisal.can_nominate_reviewers = (
                roles.get(appraisal.id) == "self" and appraisal.state != "3_done"
            )

    def _inverse_career_goal_ids(self):
        # The list edits the goals themselves (progress, state): the ORM writes
        # them through the x2many commands; membership follows the goal's
        # employee and state, so there is nothing else to store here.
        return

    @api.depends("skill_assessment_ids.disagreement")
    def _compute_disagreement_count(self):
        for appraisal in self:
            appraisal.disagreement_count = len(
                appraisal.skill_assessment_ids.filtered("disagreement")
            )

    @api.depends("employee_id", "date_close")
    def _compute_period(self):
        real = self.filtered(lambda a: a.id and a.employee_id and a.date_close)
        previous = defaultdict(list)  # employee_id -> [(date_close, id)]
        if real:
            for other in self.search(
                [
                    ("employee_id", "in", real.employee_id.ids),
                    ("date_close", "<=", max(real.mapped("date_close"))),
                ]
            ):
                previous[other.employee_id.id].append((other.date_close, other.id))
        for appraisal in self:
            if not appraisal.date_close:
                appraisal.date_period_start = False
                continue
            before = [
                date
                for date, other_id in previous.get(appraisal.employee_id.id, ())
                if other_id != appraisal.id and date < appraisal.date_close
            ]
            appraisal.date_period_start = (
                max(before) + relativedelta(days=1)
                if before
                else appraisal.date_close - relativedelta(years=1)
            )

    @api.depends("employee_id", "date_close")
    def _compute_checkin_ids(self):
        dated = self.filtered(lambda a: a.employee_id and a.date_close)
        checkins = self.env["hr.performance.checkin"]
        if dated:
            checkins = checkins.search(
                [
                    ("employee_id", "in", dated.employee_id.ids),
                    ("date", ">=", min(dated.mapped("date_period_start"))),
                    ("date", "<=", max(dated.mapped("date_close"))),
                ]
            )
        for appraisal in self:
            mine = checkins.filtered(
                lambda c, a=appraisal: c.employee_id == a.employee_id
                and a.date_period_start
                and a.date_period_start <= c.date <= a.date_close
            )
            appraisal.checkin_ids = mine
            appraisal.checkin_count = len(mine)

    @api.depends("feedback_request_ids.state", "feedback_request_ids.answer_ids.rating")
    @api.depends_context("uid")
    def _compute_feedback_aggregate(self):
        aggregate = self._get_feedback_aggregate()
        for appraisal in self:
            data = aggregate.get(appraisal.id, {})
            appraisal.feedback_request_count = data.get("requested", 0)
            appraisal.feedback_answered_count = data.get("answered", 0)
            appraisal.feedback_average = data.get("average", 0.0)
            appraisal.feedback_summary = self._feedback_summary_html(
                data.get("skills", []), withheld=data.get("withheld")
            )

    def _get_feedback_aggregate(self):
        """``{appraisal_id: {'requested', 'answered', 'average', 'skills':
        [{'skill', 'average', 'count'}]}}`` from answered requests only, with
        two grouped queries whatever the number of appraisals.

        Only for the employee, their manager chain and HR; the employee gets
        the averages once FEEDBACK_MIN_ANSWERS_FOR_SUBJECT answers exist (fewer
        would tell what a given reviewer said), the counts always."""
        roles = self.filtered("id")._get_appraisal_roles()
        appraisals = self.filtered(lambda a: roles.get(a.id))
        if not appraisals:
            return {}
        # The subject of the feedback may read their appraisal but not the
        # individual answers (record rules): only these averages leave sudo.
        requests = self.env["hr.feedback.request"].sudo()
        answers = self.env["hr.feedback.answer"].sudo()
        result = {
            appraisal.id: {
                "requested": 0,
                "answered": 0,
                "average": 0.0,
                "skills": [],
            }
            for appraisal in appraisals
        }
        for appraisal, state, count in requests._read_group(
            [("appraisal_id", "in", appraisals.ids), ("state", "!=", "cancelled")],
            ["appraisal_id", "state"],
            ["__count"],
        ):
            if state != "draft":
                result[appraisal.id]["requested"] += count
            if state == "answered":
                result[appraisal.id]["answered"] += count
        totals = defaultdict(lambda: [0.0, 0])
        for appraisal, skill, average, count in answers._read_group(
            [
                ("appraisal_id", "in", appraisals.ids),
                ("request_state", "=", "answered"),
                ("rating", ">", 0),
            ],
            ["appraisal_id", "skill_id"],
            ["rating:avg", "__count"],
            order="skill_id",
        ):
            result[appraisal.id]["skills"].append(
                {
                    "skill": skill.with_env(self.env),
                    "average": round(average or 0.0, 2),
                    "count": count,
                }
            )
            totals[appraisal.id][0] += (average or 0.0) * count
            totals[appraisal.id][1] += count
        for appraisal_id, (total, count) in totals.items():
            result[appraisal_id]["average"] = round(total / count, 2) if count else 0.0
        for appraisal_id, data in result.items():
            if (
                roles[appraisal_id] == "self"
                and data["answered"] < FEEDBACK_MIN_ANSWERS_FOR_SUBJECT
            ):
                data.update(average=0.0, skills=[], withheld=True)
        return result

    def _feedback_summary_html(self, skills, withheld=False):
        if withheld:
            return Markup("<p class='text-muted'>%s</p>") % self.env._(
                "The feedback summary appears once %(count)s colleagues have "
                "answered, so that no answer can be traced to its reviewer.",
                count=FEEDBACK_MIN_ANSWERS_FOR_SUBJECT,
            )
        if not skills:
            return Markup("<p class='text-muted'>%s</p>") % self.env._(
                "No answered feedback yet."
            )
        rows = Markup("").join(
            Markup("<tr><td>%s</td><td class='text-end'>%s / 5</td>")
            % (line["skill"].name, f"{line['average']:.1f}")
            + Markup("<td class='text-end'>%s</td></tr>") % line["count"]
            for line in skills
        )
        header = Markup(
            "<thead><tr><th>%s</th><th class='text-end'>%s</th>"
            "<th class='text-end'>%s</th></tr></thead>"
        ) % (
            self.env._("Skill"),
            self.env._("Average rating"),
            self.env._("Answers"),
        )
        return (
            Markup("<table class='table table-sm o_feedback_summary'>%s<tbody>")
            % header
            + rows
            + Markup("</tbody></table>")
        )

    # ------------------------------------------------------------ CRUD
    def init(self):
        # one appraisal per employee and review cycle, also against two
        # concurrent jobs of the cycle
        self.env.cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS hr_appraisal_one_per_cycle "
            "ON hr_appraisal (review_cycle_id, employee_id) "
            "WHERE review_cycle_id IS NOT NULL"
        )

    @api.model_create_multi
    def create(self, vals_list):
        if not self._is_appraisal_hr():
            self._check_cycle_field(any("review_cycle_id" in v for v in vals_list))
            self._check_create_rights(vals_list)
        appraisals = super().create(vals_list)
        done = appraisals.filtered(lambda a: a.state == "3_done")
        if done:
            done._check_can_complete()
            done._apply_completion()
        return appraisals

    def write(self, vals):
        completing = self.browse()
        if vals.get("state") == "3_done":
            completing = self.filtered(lambda a: a.state != "3_done")
            completing._check_can_complete()
        if not self._is_appraisal_hr():
            self._check_cycle_field("review_cycle_id" in vals)
            self._check_write_rights(vals)
        # hr_appraisal_oca dates a completed appraisal today: keep the date it
        # was planned for, or the one the caller writes with the completion
        kept_dates = {}
        if vals.get("state") == "3_done":
            kept_dates = (
                {fields.Date.to_date(vals["date_close"]): self}
                if vals.get("date_close")
                else self._dates_by_close_date()
            )
        res = super().write(vals)
        for date_close, appraisals in kept_dates.items():
            super(HrAppraisal, appraisals).write({"date_close": date_close})
        if completing:
            completing._apply_completion()
        return res

    def _dates_by_close_date(self):
        """``{date_close: appraisals}`` of the appraisals of ``self`` that have
        a date (one write per distinct date to restore them)."""
        result = defaultdict(lambda: self.browse())
        for appraisal in self.filtered("date_close"):
            result[appraisal.date_close] |= appraisal
        return result

    def unlink(self):
        if not self._is_appraisal_hr():
            roles = self._get_appraisal_roles()
            for appraisal in self:
                if roles.get(appraisal.id) != "manager":
                    raise AccessError(
                        self.env._(
                            "Only the managers of %(employee)s or HR can delete "
                            "their appraisal.",
                            # sudo: the employee's name, for the message only
                            employee=appraisal.sudo().employee_id.name,
                        )
                    )
                if appraisal.state != "1_new":
                    raise AccessError(
                        self.env._(
                            "The appraisal of %(employee)s is already confirmed: "
                            "only HR can delete it now.",
                            # sudo: the employee's name, for the message only
                            employee=appraisal.sudo().employee_id.name,
                        )
                    )
        return super().unlink()

    @api.model
    def _check_cycle_field(self, written):
        if written:
            raise AccessError(
                self.env._("Only HR officers put an appraisal in a review cycle.")
            )

    def _check_create_rights(self, vals_list):
        """Employees do not create their own appraisals; a manager creates them
        for their reports only, with managers from the employee's chain."""
        Employee = self.env["hr.employee"]
        employees = Employee.browse(
            {vals["employee_id"] for vals in vals_list if vals.get("employee_id")}
        )
        roles = self._get_employee_roles(employees)
        chains = self._get_manager_chains(employees)
        for vals in vals_list:
            # sudo: the name, for the message only
            employee = Employee.browse(vals.get("employee_id")).sudo()
            role = roles.get(employee.id)
            if role == "self":
                raise AccessError(
                    self.env._(
                        "Your manager or HR creates your appraisal, "
                        "%(employee)s: you cannot create it yourself.",
                        employee=employee.name,
                    )
                )
            if role != "manager":
                raise AccessError(
                    self.env._(
                        "Only the managers of %(employee)s or HR can create an "
                        "appraisal for them.",
                        employee=employee.name or self.env._("this employee"),
                    )
                )
            forbidden = SYSTEM_FIELDS & set(vals)
            if forbidden:
                raise AccessError(
                    self.env._(
                        "The development plan of an appraisal is set when it is "
                        "completed; it cannot be given when creating it."
                    )
                )
            if "manager_ids" in vals:
                managers = self._managers_from_commands(vals["manager_ids"])
                self._check_managers_in_chain(employee, managers, chains[employee.id])

    def _check_write_rights(self, vals):
        """Field guard for everyone but HR: the employee writes only the
        employee-side fields, managers the rest; the appraised employee and
        the managers come from the employee's manager chain."""
        fields_written = set(vals)
        roles = self._get_appraisal_roles()
        chains = (
            # sudo: the employees' manager chains, compared with the managers written
            self._get_manager_chains(self.sudo().employee_id)
            if "manager_ids" in vals
            else {}
        )
        for appraisal in self:
            role = roles.get(appraisal.id)
            # sudo: names for the messages, the employee to check managers
            employee = appraisal.sudo().employee_id
            if role == "self":
                manager_side = {
                    name
                    for name in fields_written - EMPLOYEE_FIELDS
                    if not name.startswith(MAIL_FIELD_PREFIXES)
                }
                if manager_side:
                    raise AccessError(
                        self.env._(
                            "%(employee)s, you can write your own feedback on your "
                            "appraisal; %(fields)s is for your managers or HR to "
                            "change.",
                            employee=employee.name,
                            fields=", ".join(
                                self._fields[name].get_description(self.env)["string"]
                                for name in sorted(manager_side)
                                if name in self._fields
                            )
                            or ", ".join(sorted(manager_side)),
                        )
                    )
                continue
            if role != "manager":
                raise AccessError(
                    self.env._(
                        "Only %(employee)s, their managers or HR can change this "
                        "appraisal.",
                        employee=employee.name,
                    )
                )
            if "employee_id" in vals and vals["employee_id"] != employee.id:
                raise AccessError(
                    self.env._(
                        "The appraisal of %(employee)s stays theirs: only HR can "
                        "move it to another employee.",
                        employee=employee.name,
                    )
                )
            if fields_written & SYSTEM_FIELDS:
                raise AccessError(
                    self.env._(
                        "The development plan of the appraisal of %(employee)s is "
                        "set when it is completed.",
                        employee=employee.name,
                    )
                )
            if "manager_ids" in vals:
                # sudo: the managers already set, to tell who is being added
                current = appraisal.sudo().manager_ids
                # anyone may be removed; whoever is added comes from the chain
                added = self._managers_from_commands(
                    vals["manager_ids"], current
                ) - set(current.ids)
                self._check_managers_in_chain(employee, added, chains[employee.id])

    @api.model
    def _managers_from_commands(self, commands, current=None):
        """The employees a ``manager_ids`` x2many value leaves on the record."""
        Employee = self.env["hr.employee"]
        result = set((current or Employee).ids)
        for command in commands or ():
            if isinstance(command, int):
                result.add(command)
                continue
            if not isinstance(command, list | tuple):
                continue
            code = command[0]
            if code == Command.SET:
                result = set(command[2] or ())
            elif code == Command.LINK:
                result.add(command[1])
            elif code in (Command.UNLINK, Command.DELETE):
                result.discard(command[1])
            elif code == Command.CLEAR:
                result = set()
            elif code == Command.CREATE:
                # a new employee cannot be in anybody's chain yet
                result.add(0)
        return result

    @api.model
    def _check_managers_in_chain(self, employee, manager_ids, chain):
        """Outside HR, an appraisal's managers are the employee's managers up
        the ``parent_id`` chain (``chain``: their ids), never colleagues nor
        the employee."""
        strangers = set(manager_ids) - chain
        if strangers:
            names = (
                self.env["hr.employee"]
                .sudo()  # names for the message only
                .browse([i for i in strangers if i])
                .mapped("name")
            )
            raise AccessError(
                self.env._(
                    "The managers of the appraisal of %(employee)s are their "
                    "managers up the organisation chart; only HR can add "
                    "%(others)s.",
                    employee=employee.name,
                    others=", ".join(names) or self.env._("a new employee"),
                )
            )

    # ------------------------------------------------------------ roles
    @api.model
    def _is_appraisal_hr(self):
        """Superuser, HR officers (hence HR managers) and appraisal HR officers
        act on every appraisal of their allowed companies."""
        user = self.env.user
        return self.env.is_superuser() or any(
            user.has_group(group) for group in APPRAISAL_HR_GROUPS
        )

    @api.model
    def _get_employee_roles(self, employees):
        """``{employee id: role}`` of the current user towards each employee:
        ``'hr'``, ``'manager'`` (the employee reports to one of the user's
        employees, at any depth of the ``parent_id`` chain), ``'self'`` or
        ``False``. One search for the whole batch. The appraisal's
        ``manager_ids`` are never a source of rights."""
        if not employees:
            return {}
        if self._is_appraisal_hr():
            return dict.fromkeys(employees.ids, "hr")
        user = self.env.user
        mine = user.employee_ids
        # sudo: plain employees may not read hr.employee; only ids and user_id
        # are used, to decide the user's role towards these employees.
        employees = employees.sudo().with_context(active_test=False)
        reports = set()
        if mine:
            reports = set(
                employees.search(
                    [("id", "in", employees.ids), ("id", "child_of", mine.ids)]
                ).ids
            ) - set(mine.ids)
        roles = {}
        for employee in employees:
            if employee in mine or (employee.user_id and employee.user_id == user):
                roles[employee.id] = "self"
            elif employee.id in reports:
                roles[employee.id] = "manager"
            else:
                roles[employee.id] = False
        return roles

    def _get_appraisal_roles(self):
        """``{appraisal id: role}`` (see ``_get_employee_roles``)."""
        # sudo: the appraised employee, only to decide the role of the user
        appraisals = self.sudo()
        roles = self._get_employee_roles(appraisals.employee_id)
        return {
            appraisal.id: roles.get(appraisal.employee_id.id, False)
            for appraisal in appraisals
        }

    @api.model
    def _get_manager_chains(self, employees):
        """``{employee id: {ids of their managers up the parent_id chain}}``,
        one read per level of the organisation chart for the whole batch."""
        # sudo: the chain of managers only (ids), for the checks of the callers
        employees = employees.sudo().with_context(active_test=False)
        chains = {employee.id: set() for employee in employees}
        cursors = {employee.id: employee.parent_id for employee in employees}
        while cursors:
            following = {}
            for employee_id, manager in cursors.items():
                if not manager or manager.id in chains[employee_id]:
                    continue  # top of the chart, or a loop
                if manager.id == employee_id:
                    continue
                chains[employee_id].add(manager.id)
                following[employee_id] = manager.parent_id
            cursors = following
        return chains

    # ------------------------------------------------------------ actions
    def action_confirm(self):
        res = super().action_confirm()
        self._fill_skill_assessments()
        return res

    def action_done(self):
        # the effect on skills and plan follows the state change (write)
        self._check_can_complete()
        return super().action_done()

    def action_request_feedback(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Request 360° feedback"),
            "res_model": "hr.feedback.request.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_appraisal_id": self.id},
        }

    def action_open_development_plan(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.development.plan",
            "view_mode": "form",
            "res_id": self.development_plan_id.id,
        }

    # ------------------------------------------------------------ business
    def _check_can_complete(self):
        """Completing an appraisal changes the employee's skills and plan: only
        the employee's managers up the chain or HR may do it (the appraisal's
        ``manager_ids`` give no right)."""
        if self._is_appraisal_hr():
            return
        roles = self._get_appraisal_roles()
        for appraisal in self:
            if roles.get(appraisal.id) != "manager":
                raise AccessError(
                    self.env._(
                        "Only the managers of %(employee)s or HR can complete "
                        "this appraisal.",
                        # sudo: the name, for the message only
                        employee=appraisal.sudo().employee_id.name,
                    )
                )

    def _apply_completion(self):
        """Once per appraisal, on its first completion: the assessed levels
        become the employee's and the development plan is built or updated.
        The caller checked _check_can_complete()."""
        to_apply = self.filtered(lambda a: not a.career_applied)
        if not to_apply:
            return
        to_apply._apply_skill_assessments()
        to_apply._update_development_plans()
        # sudo: a result of the completion the user was allowed to do
        to_apply.sudo().write({"career_applied": True})

    def _fill_skill_assessments(self):
        """One line per skill the job requires or the employee holds, with the
        employee's level now and the job's required level, then one per gap
        towards the employee's target job (scope ``target``) for the skills not
        listed yet (one create)."""
        employees = self.employee_id
        competencies = self.env["hr.job.competency"].search(
            [("job_id", "in", employees.job_id.ids)]
        )
        required = defaultdict(dict)  # job_id -> {skill_id: level}
        for competency in competencies:
            required[competency.job_id.id][competency.skill_id.id] = (
                competency.required_level_id
            )
        held = defaultdict(dict)  # employee_id -> {skill_id: level}
        for employee_skill in self.env["hr.employee.skill"].search(
            [("employee_id", "in", employees.ids)]
        ):
            held[employee_skill.employee_id.id][employee_skill.skill_id.id] = (
                employee_skill.skill_level_id
            )
        target_gaps = defaultdict(list)  # employee_id -> [gap row]
        # sudo: the target-job gaps of the appraised employees, to list them
        # on their appraisals (create() checks the user may fill those)
        for gap in (
            self.env["hr.competency.gap"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", employees.ids),
                    ("scope", "=", "target"),
                    ("is_missing", "=", True),
                ]
            )
        ):
            target_gaps[gap.employee_id.id].append(gap)
        vals_list = []
        for appraisal in self:
            employee = appraisal.employee_id
            job_levels = required.get(employee.job_id.id, {})
            current = held.get(employee.id, {})
            listed = set(appraisal.skill_assessment_ids.skill_id.ids)
            for skill_id in list(job_levels) + [
                s for s in current if s not in job_levels
            ]:
                if skill_id in listed:
                    continue
                listed.add(skill_id)
                vals_list.append(
                    {
                        "appraisal_id": appraisal.id,
                        "skill_id": skill_id,
                        "current_level_id": current.get(skill_id, False)
                        and current[skill_id].id,
                        "required_level_id": job_levels.get(skill_id, False)
                        and job_levels[skill_id].id,
                    }
                )
            # a skill of both jobs is assessed once, for the current job
            for gap in target_gaps.get(employee.id, []):
                if gap.skill_id.id in listed:
                    continue
                listed.add(gap.skill_id.id)
                vals_list.append(
                    {
                        "appraisal_id": appraisal.id,
                        "skill_id": gap.skill_id.id,
                        "scope": "target",
                        "current_level_id": gap.current_level_id.id,
                        "required_level_id": gap.required_level_id.id,
                    }
                )
        self._fill_objective_lines()
        return self.env["hr.appraisal.skill"].create(vals_list)

    def _apply_skill_assessments(self):
        """Write the manager's assessed levels on the employees' skills: one
        write per level reached, one create for the skills they lacked.
        hr_skills logs each change in hr.employee.skill.log."""
        lines = self.skill_assessment_ids.filtered("assessed_level_id")
        if not lines:
            return
        # _check_can_complete() allowed this user to complete the appraisal;
        # employees may only edit their own skills, so apply them as superuser.
        employee_skills = self.env["hr.employee.skill"].sudo()
        existing = {
            (es.employee_id.id, es.skill_id.id): es
            for es in employee_skills.search(
                [
                    ("employee_id", "in", lines.employee_id.ids),
                    ("skill_id", "in", lines.skill_id.ids),
                ]
            )
        }
        to_write = defaultdict(lambda: employee_skills.browse())
        to_create = []
        for line in lines:
            current = existing.get((line.employee_id.id, line.skill_id.id))
            if current:
                if current.skill_level_id != line.assessed_level_id:
                    to_write[line.assessed_level_id.id] |= current
            else:
                to_create.append(
                    {
                        "employee_id": line.employee_id.id,
                        "skill_id": line.skill_id.id,
                        "skill_type_id": line.skill_type_id.id,
                        "skill_level_id": line.assessed_level_id.id,
                    }
                )
        for level_id, records in to_write.items():
            records.write({"skill_level_id": level_id})
        if to_create:
            employee_skills.create(to_create)

    def _update_development_plans(self):
        """Create or complete the active development plan of each employee from
        the gaps left after the assessment (``hr.development.plan.
        _plan_from_gaps``) and link the appraisal's open goals to it."""
        if not self.employee_id:
            return
        # sudo: the completion was allowed (_check_can_complete); the plan is
        # the employee's, not necessarily writable by the appraisal's manager.
        plans = (
            self.env["hr.development.plan"]
            .sudo()
            ._plan_from_gaps(self.employee_id.sudo())
        )
        plan_links, goal_links = [], []
        for appraisal in self:
            plan = plans.get(appraisal.employee_id.id)
            if not plan:
                continue
            if appraisal.development_plan_id != plan:
                plan_links.append((appraisal.id, plan.id))
            goal_links += [
                (plan.id, goal.id) for goal in appraisal.career_goal_ids - plan.goal_ids
            ]
        self._link_development_plans(plan_links, goal_links)

    @api.model
    def _link_development_plans(self, plan_links, goal_links):
        """Set ``(appraisal id, plan id)`` as the appraisals' plans and link
        ``(plan id, goal id)``: one statement each for all. These two links are
        neither tracked nor computed from: a write per appraisal and per plan
        cost the ORM's overhead (automation rules, access checks) each time,
        for thousands of appraisals when a review cycle closes."""
        cr = self.env.cr
        if plan_links:
            self.flush_model(["development_plan_id"])
            cr.execute(
                SQL(
                    "UPDATE hr_appraisal AS a SET development_plan_id = v.plan_id, "
                    "write_uid = %s, write_date = %s "
                    "FROM (VALUES %s) AS v(id, plan_id) WHERE a.id = v.id",
                    self.env.uid,
                    cr.now(),
                    SQL(", ").join(SQL("(%s, %s)", *link) for link in plan_links),
                )
            )
            self.browse(
                [appraisal_id for appraisal_id, _plan in plan_links]
            ).invalidate_recordset(["development_plan_id", "write_uid", "write_date"])
        if goal_links:
            Plan = self.env["hr.development.plan"]
            field = Plan._fields["goal_ids"]
            Plan.flush_model(["goal_ids"])
            cr.execute(
                SQL(
                    "INSERT INTO %s (%s, %s) VALUES %s ON CONFLICT DO NOTHING",
                    SQL.identifier(field.relation),
                    SQL.identifier(field.column1),
                    SQL.identifier(field.column2),
                    SQL(", ").join(SQL("(%s, %s)", *link) for link in goal_links),
                )
            )
            Plan.browse(
                {plan_id for plan_id, _goal in goal_links}
            ).invalidate_recordset(["goal_ids"])

    # ------------------------------------------------------------ objectives
    # and rating (issue 15): manager/HR fields, guarded by the field guard
    # above (none is in EMPLOYEE_FIELDS)
    objective_line_ids = fields.One2many(
        "hr.appraisal.objective", "appraisal_id", string="Objectives"
    )
    objective_score = fields.Float(
        compute="_compute_rating_scores",
        store=True,
        digits=(16, 1),
        aggregator="avg",
        help="Mean achievement of the period's objectives, weighted by their "
        "weight (0-100).",
    )
    competency_score = fields.Float(
        compute="_compute_rating_scores",
        store=True,
        digits=(16, 1),
        aggregator="avg",
        help="Assessed levels against the levels the job requires, weighted by "
        "importance (critical 3, important 2, nice to have 1), capped at 100.",
    )
    suggested_rating_id = fields.Many2one(
        "hr.performance.rating",
        compute="_compute_suggested_rating_id",
        store=True,
        help="From the objectives and competencies scores, weighted as set in "
        "Settings.",
    )
    rating_id = fields.Many2one(
        "hr.performance.rating",
        tracking=True,
        copy=False,
        domain="[('company_id', '=', company_id)]",
        help="The manager's rating.",
    )
    rating_justification = fields.Text(
        copy=False,
        help="Required when the rating is more than one step from the suggested "
        "one.",
    )
    rating_justification_required = fields.Boolean(
        compute="_compute_rating_justification_required"
    )
    potential = fields.Selection(
        [("low", "Low"), ("medium", "Medium"), ("high", "High")],
        tracking=True,
        copy=False,
        help="The manager's view of the employee's potential (talent review).",
    )
    appraisal_department_id = fields.Many2one(
        "hr.department",
        string="Department (at rating)",
        related="employee_id.department_id",
        store=True,
        help="Stored for the rating distribution by department.",
    )

    @api.depends(
        "objective_line_ids.achievement",
        "objective_line_ids.weight",
        "skill_assessment_ids.assessed_level_id",
        "skill_assessment_ids.required_level_id",
        "skill_assessment_ids.scope",
    )
    def _compute_rating_scores(self):
        # sudo: the job's competencies (importance) are HR configuration read
        # for a score every reader of the appraisal sees
        competencies = (
            self.env["hr.job.competency"]
            .sudo()
            .search([("job_id", "in", self.sudo().employee_id.job_id.ids)])
        )
        importance = {
            (c.job_id.id, c.skill_id.id): IMPORTANCE_WEIGHT.get(c.importance, 1)
            for c in competencies
        }
        for appraisal in self:
            lines = appraisal.objective_line_ids
            total = sum(line.weight for line in lines)
            appraisal.objective_score = (
                sum(line.achievement * line.weight for line in lines) / total
                if total
                else 0.0
            )
            # sudo: the employee's job (hr.employee is HR-only), for the score
            job = appraisal.sudo().employee_id.job_id.id
            weighted, weights = 0.0, 0
            for line in appraisal.skill_assessment_ids:
                required = line.required_level_id.level_progress
                # the target job's gaps show the way ahead, not performance
                if (
                    not required
                    or not line.assessed_level_id
                    or line.scope != ("current")
                ):
                    continue
                weight = importance.get((job, line.skill_id.id), 1)
                reached = min(line.assessed_level_id.level_progress / required, 1.0)
                weighted += 100.0 * reached * weight
                weights += weight
            appraisal.competency_score = weighted / weights if weights else 0.0

    @api.depends(
        "objective_score",
        "competency_score",
        "objective_line_ids",
        "skill_assessment_ids.assessed_level_id",
        "company_id.rating_objective_weight",
    )
    def _compute_suggested_rating_id(self):
        Rating = self.env["hr.performance.rating"]
        # sudo: the company's rating scale is configuration every reader may see
        scales = {
            company: Rating.sudo()._scale_for(company) for company in self.company_id
        }
        for appraisal in self:
            scale = scales.get(appraisal.company_id)
            has_objectives = bool(appraisal.objective_line_ids)
            has_skills = any(
                line.assessed_level_id
                and line.required_level_id
                and line.scope == "current"
                for line in appraisal.skill_assessment_ids
            )
            if not scale or not (has_objectives or has_skills):
                appraisal.suggested_rating_id = False
                continue
            weight = appraisal.company_id.rating_objective_weight / 100.0
            if not has_skills:
                weight = 1.0
            elif not has_objectives:
                weight = 0.0
            score = (
                weight * appraisal.objective_score
                + (1 - weight) * appraisal.competency_score
            )
            appraisal.suggested_rating_id = Rating._suggest(scale, score).with_env(
                self.env
            )

    @api.depends("rating_id", "suggested_rating_id")
    def _compute_rating_justification_required(self):
        for appraisal in self:
            appraisal.rating_justification_required = (
                appraisal._rating_steps_apart() > 1
            )

    def _rating_steps_apart(self):
        self.ensure_one()
        if not (self.rating_id and self.suggested_rating_id):
            return 0
        # sudo: positions in the company's scale, nothing else is read
        scale = self.env["hr.performance.rating"].sudo()._scale_for(self.company_id)
        ids = scale.ids
        if self.rating_id.id not in ids or self.suggested_rating_id.id not in ids:
            return 0
        return abs(
            ids.index(self.rating_id.id) - ids.index(self.suggested_rating_id.id)
        )

    @api.constrains("rating_id", "rating_justification", "suggested_rating_id")
    def _check_rating_justification(self):
        for appraisal in self:
            if (
                appraisal._rating_steps_apart() > 1
                and not (appraisal.rating_justification or "").strip()
            ):
                raise ValidationError(
                    self.env._(
                        "The rating “%(rating)s” is %(steps)s steps from the "
                        "suggested “%(suggested)s”: write a justification for it.",
                        rating=appraisal.rating_id.name,
                        steps=appraisal._rating_steps_apart(),
                        suggested=appraisal.suggested_rating_id.name,
                    )
                )

    @api.constrains("rating_id", "company_id")
    def _check_rating_company(self):
        for appraisal in self.filtered("rating_id"):
            if appraisal.rating_id.company_id != appraisal.company_id:
                raise ValidationError(
                    self.env._(
                        "The rating “%(rating)s” belongs to the scale of another "
                        "company.",
                        rating=appraisal.rating_id.name,
                    )
                )

    def _check_objective_line_rights(self):
        """Objective lines (achievement) are the manager chain's and HR's; the
        appraised employee reads them."""
        if self._is_appraisal_hr():
            return
        roles = self._get_appraisal_roles()
        for appraisal in self:
            if roles.get(appraisal.id) == "self":
                raise AccessError(
                    self.env._(
                        "%(employee)s, your managers assess the achievement of "
                        "your objectives: you cannot change it.",
                        # sudo: the name, for the message only
                        employee=appraisal.sudo().employee_id.name,
                    )
                )
            if roles.get(appraisal.id) != "manager":
                raise AccessError(
                    self.env._(
                        "Only the managers of %(employee)s or HR can assess "
                        "their objectives.",
                        # sudo: the employee's name, for the message only
                        employee=appraisal.sudo().employee_id.name,
                    )
                )

    def _fill_objective_lines(self):
        """One line per objective of the employee whose period overlaps the
        appraisal's (active or done), not listed yet (one search, one create)."""
        dated = self.filtered(lambda a: a.employee_id and a.date_close)
        if not dated:
            return self.env["hr.appraisal.objective"]
        # sudo: the appraised employee's own objectives, listed for the
        # managers or HR confirming the appraisal
        objectives = (
            self.env["hr.performance.objective"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", dated.employee_id.ids),
                    ("state", "in", ("active", "done")),
                    ("date_start", "<=", max(dated.mapped("date_close"))),
                    ("date_end", ">=", min(dated.mapped("date_period_start"))),
                ]
            )
        )
        vals_list = []
        for appraisal in dated:
            # sudo: lines hidden from the reader count too, so none is listed twice
            listed = appraisal.sudo().objective_line_ids.objective_id
            vals_list += [
                {"appraisal_id": appraisal.id, "objective_id": objective.id}
                for objective in objectives
                if objective.employee_id == appraisal.employee_id
                and objective not in listed
                and objective.date_start <= appraisal.date_close
                and objective.date_end >= appraisal.date_period_start
            ]
        return self.env["hr.appraisal.objective"].create(vals_list)
