# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .hr_contract import LINK_IN_BATCH
from .hr_job_salary_band import BANDS, band_of

READINESS_PARAM = "hr_compensation_review.promotion_readiness"
DEFAULT_READINESS = 80
# the fields whose change moves the budget use
BUDGET_FIELDS = {"increase_percent", "new_wage", "new_job_id"}


class HrCompensationReviewLine(models.Model):
    """One employee in a compensation review: what comes from elsewhere
    (wage, job, rating, box, readiness, compa-ratio, guideline) and what the
    manager proposes (increase, new job, justification)."""

    _name = "hr.compensation.review.line"
    _description = "Compensation review line"
    _inherit = ["hr.career.policy.mixin"]
    _order = "review_id, department_id, employee_id"
    _rec_name = "employee_id"
    _check_company_auto = True

    # the manager proposes while the review is open (record rules)
    _career_policy = {
        "manager": {
            "create": set(),
            "write": {"increase_percent", "new_wage", "new_job_id", "justification"},
        },
    }
    _career_policy_derived = {
        "increase_percent": {"new_wage"},
        "new_wage": {"increase_percent"},
    }

    review_id = fields.Many2one(
        "hr.compensation.review",
        string="Review",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    company_id = fields.Many2one(
        related="review_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="review_id.currency_id")
    review_state = fields.Selection(related="review_id.state", string="Review State")
    released = fields.Boolean(related="review_id.released")
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, readonly=True, check_company=True
    )
    manager_id = fields.Many2one(
        "hr.employee",
        string="Manager",
        index=True,
        readonly=True,
        help="The employee's manager when the line was prepared: the budget "
        "is shared per manager.",
    )
    department_id = fields.Many2one("hr.department", index=True, readonly=True)
    contract_id = fields.Many2one("hr.contract", string="Contract", readonly=True)
    current_wage = fields.Monetary(readonly=True)
    current_job_id = fields.Many2one("hr.job", string="Current Job", readonly=True)
    rating_id = fields.Many2one(
        "hr.performance.rating", string="Rating", readonly=True, index=True
    )
    box = fields.Integer(
        string="9-Box",
        readonly=True,
        aggregator=False,
        help="1 = low/low … 9 = high/high",
    )
    target_job_id = fields.Many2one("hr.job", string="Target Job", readonly=True)
    readiness = fields.Integer(
        string="Readiness (%)",
        readonly=True,
        aggregator="avg",
        help="The matching engine's fit of the employee for the target job.",
    )
    suggested_job_id = fields.Many2one(
        "hr.job",
        string="Suggested Promotion",
        readonly=True,
        help="The target job, when readiness reaches the threshold of Settings.",
    )
    compa_ratio = fields.Float(
        string="Compa-Ratio",
        digits=(16, 2),
        readonly=True,
        aggregator="avg",
        help="Current wage divided by the midpoint of the job's salary band.",
    )
    band = fields.Selection(BANDS, string="Compa-Ratio Band", readonly=True)
    has_guideline = fields.Boolean(readonly=True)
    guideline_min = fields.Float(
        string="Guideline Min (%)", digits=(16, 2), readonly=True
    )
    guideline_max = fields.Float(
        string="Guideline Max (%)", digits=(16, 2), readonly=True
    )
    increase_percent = fields.Float(
        string="Increase (%)", digits=(16, 2), aggregator="avg"
    )
    new_wage = fields.Monetary(
        compute="_compute_new_wage",
        inverse="_inverse_new_wage",
        store=True,
        readonly=False,
    )
    increase_amount = fields.Monetary(compute="_compute_amounts", store=True)
    new_job_id = fields.Many2one(
        "hr.job", string="New Job", help="Set for a promotion or a role change."
    )
    is_promotion = fields.Boolean(compute="_compute_amounts", store=True)
    merit_amount = fields.Monetary(compute="_compute_amounts", store=True)
    promotion_amount = fields.Monetary(compute="_compute_amounts", store=True)
    in_guideline = fields.Boolean(compute="_compute_amounts", store=True)
    justification = fields.Text(
        help="Required when the increase is outside the guideline."
    )
    budget_warning = fields.Char(compute="_compute_budget_warning")
    state = fields.Selection(
        [("pending", "Pending"), ("applied", "Applied")],
        default="pending",
        required=True,
        readonly=True,
        copy=False,
    )
    date_applied = fields.Date(readonly=True, copy=False)

    _sql_constraints = [
        (
            "employee_unique",
            "UNIQUE(review_id, employee_id)",
            "An employee has one line per compensation review.",
        ),
    ]

    @api.depends("current_wage", "increase_percent")
    def _compute_new_wage(self):
        for line in self:
            line.new_wage = line.current_wage * (1 + line.increase_percent / 100)

    def _inverse_new_wage(self):
        for line in self:
            if line.current_wage:
                line.increase_percent = (line.new_wage / line.current_wage - 1) * 100

    @api.depends(
        "new_wage",
        "current_wage",
        "new_job_id",
        "current_job_id",
        "increase_percent",
        "has_guideline",
        "guideline_min",
        "guideline_max",
    )
    def _compute_amounts(self):
        for line in self:
            amount = line.new_wage - line.current_wage
            promotion = bool(line.new_job_id) and line.new_job_id != line.current_job_id
            line.increase_amount = amount
            line.is_promotion = promotion
            line.merit_amount = 0.0 if promotion else amount
            line.promotion_amount = amount if promotion else 0.0
            line.in_guideline = (
                line.guideline_min - 0.005
                <= line.increase_percent
                <= line.guideline_max + 0.005
                if line.has_guideline
                else not round(line.increase_percent, 2)
            )

    def _compute_budget_warning(self):
        over = self._over_budget_keys()
        for line in self:
            names = [
                record.display_name
                for record in (line.manager_id, line.department_id)
                if (line.review_id.id, record._name, record.id) in over
            ]
            line.budget_warning = (
                self.env._("Over budget: %(names)s", names=", ".join(names))
                if names
                else False
            )

    def _over_budget_keys(self):
        """``{(review id, model, id)}`` of the managers and departments of
        the lines of ``self`` over budget; two grouped queries."""
        # sudo: budget totals of the groups the lines belong to, numbers only
        # (a manager's budget is shared with no one outside their team)
        reviews = self.review_id.sudo()
        keys = set()
        for groupby in ("manager_id", "department_id"):
            values = self[groupby]
            for row in reviews._get_budget_rows(groupby, [(groupby, "in", values.ids)]):
                if row["over"] and row["key"]:
                    keys.add((row["review_id"], row["key"]._name, row["key"].id))
        return keys

    @api.constrains(
        "increase_percent", "justification", "guideline_min", "guideline_max"
    )
    def _check_justification(self):
        for line in self:
            if not line.in_guideline and not (line.justification or "").strip():
                if line.has_guideline:
                    raise ValidationError(
                        self.env._(
                            "The increase of %(percent)s%% for %(employee)s is "
                            "outside the guideline (%(min)s%% to %(max)s%%): "
                            "say why in the justification.",
                            percent=round(line.increase_percent, 2),
                            employee=line.employee_id.name,
                            min=line.guideline_min,
                            max=line.guideline_max,
                        )
                    )
                raise ValidationError(
                    self.env._(
                        "%(employee)s has no guideline (no rating or no salary "
                        "band): an increase of %(percent)s%% needs a "
                        "justification.",
                        percent=round(line.increase_percent, 2),
                        employee=line.employee_id.name,
                    )
                )

    @api.constrains("increase_percent")
    def _check_increase(self):
        for line in self:
            if not -100 < line.increase_percent <= 1000:
                raise ValidationError(
                    self.env._(
                        "An increase of %(percent)s%% for %(employee)s is not "
                        "possible.",
                        percent=round(line.increase_percent, 2),
                        employee=line.employee_id.name,
                    )
                )

    def write(self, vals):
        result = super().write(vals)
        if (
            BUDGET_FIELDS & set(vals)
            and self.env["hr.compensation.review"]._budget_hard_stop()
        ):
            self._check_budget_hard_stop()
        return result

    def _check_budget_hard_stop(self):
        """Settings: no proposal takes a manager or a department over its
        budget (refused in words, nothing written)."""
        over = self._over_budget_keys()
        for line in self:
            for record in (line.manager_id, line.department_id):
                if (line.review_id.id, record._name, record.id) in over:
                    raise ValidationError(
                        self.env._(
                            "This proposal for %(employee)s takes %(group)s over "
                            "the budget of the review “%(review)s”: the budget is "
                            "a hard limit in Settings.",
                            employee=line.employee_id.name,
                            group=record.display_name,
                            review=line.review_id.name,
                        )
                    )

    # ------------------------------------------------------------ preparation
    @api.model
    def _prepare_values(self, review, employees):
        """The values of the lines of ``employees`` with a running contract:
        a bounded number of queries whatever their number."""
        employees = employees.filtered("contract_id")
        employees.fetch(["contract_id", "parent_id", "department_id", "job_id"])
        contracts = employees.contract_id.filtered(lambda c: c.state == "open")
        contracts.fetch(["wage", "job_id", "employee_id"])
        contract_of = {contract.employee_id.id: contract for contract in contracts}
        ratings = self._latest_ratings(review, employees)
        boxes = self._boxes(review, employees)
        # who prepares a review (Compensation, implying HR officer through
        # hr_contract's administrator) reads the employees' target jobs
        targets = {employee.id: employee.target_job_id for employee in employees}
        fits = self.env["hr.career.matching"]._get_job_fit(
            (eid, job.id) for eid, job in targets.items() if job
        )
        threshold = self.env["hr.career.settings"]._get_int(
            READINESS_PARAM, DEFAULT_READINESS
        )
        jobs = {
            eid: contract.job_id or contract.employee_id.job_id
            for eid, contract in contract_of.items()
        }
        midpoints = self.env["hr.job.salary.band"]._get_midpoints(
            (job.id, review.company_id.id) for job in jobs.values() if job
        )
        cells = {(cell.rating_id.id, cell.band): cell for cell in review.matrix_ids}
        vals_list = []
        for employee in employees:
            contract = contract_of.get(employee.id)
            if not contract:
                continue
            job = jobs[employee.id]
            midpoint = midpoints.get((job.id, review.company_id.id))
            compa = contract.wage / midpoint if midpoint else 0.0
            band = band_of(compa)
            rating = ratings.get(employee.id)
            cell = cells.get((rating.id, band)) if rating and band else None
            target = targets.get(employee.id)
            readiness = fits.get((employee.id, target.id), 0) if target else 0
            vals_list.append(
                {
                    "review_id": review.id,
                    "employee_id": employee.id,
                    "manager_id": employee.parent_id.id,
                    "department_id": employee.department_id.id,
                    "contract_id": contract.id,
                    "current_wage": contract.wage,
                    "current_job_id": job.id,
                    "rating_id": rating.id if rating else False,
                    "box": boxes.get(employee.id, 0),
                    "target_job_id": target.id if target else False,
                    "readiness": readiness,
                    "suggested_job_id": target.id
                    if target and target != job and readiness >= threshold
                    else False,
                    "compa_ratio": compa,
                    "band": band,
                    "has_guideline": bool(cell),
                    "guideline_min": cell.percent_min if cell else 0.0,
                    "guideline_max": cell.percent_max if cell else 0.0,
                    "increase_percent": cell.percent_min if cell else 0.0,
                }
            )
        return vals_list

    @api.model
    def _latest_ratings(self, review, employees):
        """``{employee id: rating}``: the rating of the review cycle's
        appraisal, else of the employee's latest rated appraisal."""
        domain = [("employee_id", "in", employees.ids), ("rating_id", "!=", False)]
        if review.cycle_id:
            domain.append(("review_cycle_id", "=", review.cycle_id.id))
        # who prepares a review (Compensation, implying HR officer) reads every
        # appraisal and its rating; the ratings are copied into HR-only lines
        appraisals = self.env["hr.appraisal"].search_fetch(
            domain, ["employee_id", "rating_id"], order="date_close, id"
        )
        return {
            appraisal.employee_id.id: appraisal.rating_id for appraisal in appraisals
        }

    @api.model
    def _boxes(self, review, employees):
        """``{employee id: box}``: from the review's talent review, else the
        employee's current placement."""
        if review.talent_review_id:
            lines = self.env["hr.talent.review.line"].search_fetch(
                [
                    ("review_id", "=", review.talent_review_id.id),
                    ("employee_id", "in", employees.ids),
                ],
                ["employee_id", "box"],
            )
            return {line.employee_id.id: line.box for line in lines}
        placements = self.env["hr.talent.placement"].search_fetch(
            [("employee_id", "in", employees.ids), ("is_current", "=", True)],
            ["employee_id", "box"],
        )
        return {placement.employee_id.id: placement.box for placement in placements}

    # ------------------------------------------------------------ applying
    def _apply(self):
        """Write the lines of ``self`` to the contracts, the way Odoo's
        contracts record a change: the running contract ends the day before
        the effective date and a new one starts on it with the new wage and
        job (on the effective day itself, the contract is changed in place).
        The contract keeps the line it came from and its chatter names it; a
        new job reaches the employee. Lines already applied, or whose
        contract already came from them, are left alone, and so are lines
        whose effective date has not come yet (a job run early).

        Set-based, a bounded number of queries per chunk: the contracts are
        ended, created, opened and closed in one write or create each,
        without Odoo's field tracking (each new or changed contract gets one
        provenance note instead, old and new wage and job, logged in one
        batch); the contracts' overlap rule and their link to the employees
        run once for the chunk
        (``hr.contract._check_current_contract``,
        ``hr.contract._assign_open_contract``)."""
        today = fields.Date.context_today(self)
        lines = self.filtered(
            lambda line: line.state == "pending"
            and line.contract_id
            and line.review_id.date_effective <= today  # never before the day
        )
        if not lines:
            return lines
        # the provenance note below replaces the tracking messages (one each)
        quiet = dict(tracking_disable=True, mail_create_nolog=True, mail_notrack=True)
        Contract = self.env["hr.contract"].with_context(**quiet)
        already = Contract.search_fetch(
            [("compensation_line_id", "in", lines.ids)], ["compensation_line_id"]
        ).compensation_line_id
        todo = lines - already
        todo.fetch(["review_id", "contract_id", "new_wage", "new_job_id"])
        in_place = todo.filtered(
            lambda line: line.contract_id.date_start >= line.review_id.date_effective
        )
        renewed = todo - in_place
        # rare (a contract starting on the effective day): one write each
        for line in in_place:
            line.contract_id.with_context(**quiet).write(line._contract_values())
        new_contracts = Contract.browse()
        if renewed:
            running = renewed.contract_id.with_context(**quiet)
            for date_effective in set(renewed.review_id.mapped("date_effective")):
                # state stays open until the new contracts are linked: closing
                # the employee's current contract makes Odoo search for
                # another one, employee by employee
                renewed.filtered(
                    lambda line, d=date_effective: line.review_id.date_effective == d
                ).contract_id.with_context(**quiet, close_contract=False).write(
                    {"date_end": date_effective - timedelta(days=1)}
                )
            # created as drafts, then opened in one write: Odoo's create
            # gives each running contract's schedule to its employee one
            # write at a time; opening links them all in one go
            new_contracts = Contract.create(
                [
                    dict(
                        line.contract_id.copy_data()[0],
                        date_start=line.review_id.date_effective,
                        date_end=line.contract_id.date_end
                        if line.contract_id.date_end
                        and line.contract_id.date_end >= line.review_id.date_effective
                        else False,
                        state="draft",
                        kanban_state="normal",
                        **line._contract_values(),
                    )
                    for line in renewed
                ]
            )
            new_contracts.with_context(**{LINK_IN_BATCH: True}).write(
                {"state": "open", "kanban_state": "normal"}
            )
            # ended before today (never after: applied on or after the day)
            running.filtered(
                lambda c: c.state == "open" and c.date_end and c.date_end < today
            ).write({"state": "close", "kanban_state": "normal"})
        contracts = in_place.contract_id | new_contracts
        contracts._message_log_batch(
            {
                contract.id: contract.compensation_line_id._provenance_message()
                for contract in contracts
            }
        )
        promoted = todo.filtered("is_promotion")
        for job in promoted.new_job_id:
            promoted.filtered(
                lambda line, j=job: line.new_job_id == j
            ).employee_id.write({"job_id": job.id})
        (todo | already).write(
            {"state": "applied", "date_applied": fields.Date.context_today(self)}
        )
        return todo

    def _contract_values(self):
        self.ensure_one()
        values = {"wage": self.new_wage, "compensation_line_id": self.id}
        if self.is_promotion:
            values["job_id"] = self.new_job_id.id
        return values

    def _provenance_message(self):
        self.ensure_one()
        message = self.env._(
            "Wage %(old)s → %(new)s from the compensation review “%(review)s” "
            "(line of %(employee)s, #%(line)s).",
            old=self.current_wage,
            new=self.new_wage,
            review=self.review_id.name,
            employee=self.employee_id.name,
            line=self.id,
        )
        if self.is_promotion:
            message += " " + self.env._(
                "Job %(old)s → %(new)s.",
                old=self.current_job_id.name,
                new=self.new_job_id.name,
            )
        return Markup("<p>%s</p>") % message
