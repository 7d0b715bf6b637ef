# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

OPEN_GOAL_STATES = ("draft", "in_progress")


class HrAppraisal(models.Model):
    _inherit = "hr.appraisal"

    # ------------------------------------------------------------ career
    career_goal_ids = fields.Many2many(
        "hr.career.goal",
        string="Career Goals",
        compute="_compute_career_goal_ids",
        # editable: the list writes the goals themselves (progress, state)
        # through the x2many commands; membership follows the goal's employee
        # and state, so the appraisal stores nothing (no inverse)
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
    completed_unreviewed = fields.Boolean(
        readonly=True,
        copy=False,
        help="HR completed the appraisal with what was written when its review "
        "cycle closed, without the manager's sign-off: no skill level, "
        "development plan or badge follows from it.",
    )
    signed_off = fields.Boolean(
        compute="_compute_signed_off",
        store=True,
        help="The manager (or HR) completed the appraisal after reviewing it: "
        "its assessed levels, development plan and badges follow from it.",
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
        # a fact of the appraisal, the same whoever reads it: the employee's
        # previous appraisals count also when the reader cannot read them
        # (and a review cycle's start, hr_review_cycle)
        compute_sudo=True,
        help="The day after the employee's previous appraisal (or one year before "
        "this one): the check-ins from then to the appraisal date are reviewed.",
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
            # sudo: the figures of the entitled appraisals' employees (comment above)
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

    @api.depends("state", "completed_unreviewed")
    def _compute_signed_off(self):
        for appraisal in self:
            appraisal.signed_off = (
                appraisal.state == "3_done" and not appraisal.completed_unreviewed
            )

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

    # ------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        checked = not self._is_appraisal_hr()
        if checked:
            self._check_create_rights(vals_list)
        appraisals = super().create(vals_list)
        if checked:
            appraisals._check_added_managers({})
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
        # completed again, by the manager or HR this time: signed off
        reviewed = (
            completing.filtered("completed_unreviewed")
            if "completed_unreviewed" not in vals
            else completing.browse()
        )
        managers_before = self._managers_before(vals)
        res = super().write(vals)
        if managers_before:
            self._check_added_managers(managers_before)
        if reviewed:
            # reset by the completion the user was allowed to do
            # (_check_can_complete above)
            reviewed._career_write_system({"completed_unreviewed": False})
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
                            employee=appraisal._appraised_name(),
                        )
                    )
                # the manager reads the appraisal (record rules: their chain)
                if appraisal.state != "1_new":
                    raise AccessError(
                        self.env._(
                            "The appraisal of %(employee)s is already confirmed: "
                            "only HR can delete it now.",
                            employee=appraisal._appraised_name(),
                        )
                    )
        return super().unlink()

    # ------------------------------------------------------------ actions
    def action_confirm(self):
        res = super().action_confirm()
        self._fill_skill_assessments()
        return res

    def _create_activity_cfr(self, user_id):
        """OCA's "Appraisal Form to Fill" to-do, never for a portal user:
        activities live in the backend, which they cannot open (they get
        OCA's confirmation mail and write their self-review on the portal)."""
        if self.env["res.users"].browse(user_id).share:
            return
        return super()._create_activity_cfr(user_id)

    def action_done(self):
        # the effect on skills and plan follows the state change (write)
        self._check_can_complete()
        return super().action_done()

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
                        employee=appraisal._appraised_name(),
                    )
                )

    def _apply_completion(self):
        """Once per appraisal, on its first completion signed off by the
        manager or HR: the assessed levels become the employee's and the
        development plan is built or updated. An appraisal completed
        unreviewed (a review cycle's close) applies nothing. The caller
        checked _check_can_complete()."""
        to_apply = self.filtered(
            lambda a: not a.career_applied and not a.completed_unreviewed
        )
        if not to_apply:
            return
        to_apply._apply_skill_assessments()
        to_apply._update_development_plans()
        # a result of the completion the user was allowed to do
        to_apply._career_write_system({"career_applied": True})

    def _fill_skill_assessments(self):
        """One line per skill the job requires or the employee holds, then one
        per gap towards the employee's target job (scope ``target``) for the
        skills not listed yet (one create). Which skills only: the levels
        before and required are the lines' own (``hr.appraisal.skill``
        snapshots them on create)."""
        employees = self.employee_id
        required = defaultdict(list)  # job_id -> [skill_id], matrix order
        for competency in self.env["hr.job.competency"].search_fetch(
            [("job_id", "in", employees.job_id.ids)], ["job_id", "skill_id"]
        ):
            required[competency.job_id.id].append(competency.skill_id.id)
        held = defaultdict(list)  # employee_id -> [skill_id]
        for employee_skill in self.env["hr.employee.skill"].search_fetch(
            [("employee_id", "in", employees.ids)], ["employee_id", "skill_id"]
        ):
            held[employee_skill.employee_id.id].append(employee_skill.skill_id.id)
        target_gaps = defaultdict(list)  # employee_id -> [skill_id]
        # the target-job gaps of the appraised employees, to list them on
        # their appraisals (create() checks the user may fill those): the
        # manager chain reads them, an Appraisals HR officer without the HR
        # role (hr.career.role._is_appraisal_hr) does not
        for gap in (
            self.env["hr.competency.gap"]
            # sudo: the appraised employees' target gaps (comment above)
            .sudo()
            .search_fetch(
                [
                    ("employee_id", "in", employees.ids),
                    ("scope", "=", "target"),
                    ("is_missing", "=", True),
                ],
                ["employee_id", "skill_id"],
            )
        ):
            target_gaps[gap.employee_id.id].append(gap.skill_id.id)
        vals_list = []
        for appraisal in self:
            employee = appraisal.employee_id
            listed = set(appraisal.skill_assessment_ids.skill_id.ids)
            # a skill of both jobs is assessed once, for the current job
            for scope, skill_ids in (
                ("current", required[employee.job_id.id] + held[employee.id]),
                ("target", target_gaps[employee.id]),
            ):
                for skill_id in skill_ids:
                    if skill_id in listed:
                        continue
                    listed.add(skill_id)
                    vals_list.append(
                        {
                            "appraisal_id": appraisal.id,
                            "skill_id": skill_id,
                            "scope": scope,
                        }
                    )
        return self.env["hr.appraisal.skill"].create(vals_list)

    def _apply_skill_assessments(self):
        """Write the manager's assessed levels on the employees' skills: one
        write per level reached, one create for the skills they lacked.
        hr_skills logs each change in hr.employee.skill.log."""
        lines = self.skill_assessment_ids.filtered("assessed_level_id")
        if not lines:
            return
        # sudo: _check_can_complete() allowed this user to complete the appraisal;
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
        # the employee's, not necessarily writable by the appraisal's manager:
        # the employees and their plans in one superuser environment
        employees = self.employee_id.sudo()
        plans = employees.env["hr.development.plan"]._plan_from_gaps(employees)
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
