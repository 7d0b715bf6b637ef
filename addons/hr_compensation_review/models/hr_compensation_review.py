# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import split_every

# Employees handled by one job; Settings parameter to tune it per deployment.
CHUNK_PARAM = "hr_compensation_review.chunk_size"
DEFAULT_CHUNK_SIZE = 500
REVIEW_STATES = [
    ("draft", "Draft"),
    ("open", "Open"),
    ("approval", "Approval"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]
# the sums read by the budget totals, per group of lines
BUDGET_AGGREGATES = [
    "current_wage:sum",
    "merit_amount:sum",
    "promotion_amount:sum",
    "__count",
]


class HrCompensationReview(models.Model):
    """A pay and promotion review: a population, a merit matrix, budgets as a
    share of the population's payroll, one line per employee proposed by the
    managers, approved by HR and applied to the contracts."""

    _name = "hr.compensation.review"
    _description = "Compensation review"
    _inherit = ["mail.thread"]
    _order = "date_effective desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_effective = fields.Date(
        string="Effective Date",
        required=True,
        tracking=True,
        help="The new wages and jobs start on this day.",
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Departments",
        check_company=True,
        help="Everyone in these departments (sub-departments included).",
    )
    cycle_id = fields.Many2one(
        "hr.review.cycle",
        string="Review Cycle",
        check_company=True,
        help="Everyone appraised in this cycle; ratings come from its appraisals.",
    )
    talent_review_id = fields.Many2one(
        "hr.talent.review",
        string="Calibration Session",
        check_company=True,
        help="Everyone placed in this session; boxes come from its placements.",
    )
    merit_budget_percent = fields.Float(
        string="Merit Budget (%)",
        digits=(16, 2),
        tracking=True,
        help="Merit increases may add up to this share of the payroll of "
        "each manager's and department's people.",
    )
    promotion_budget_percent = fields.Float(
        string="Promotion Budget (%)",
        digits=(16, 2),
        tracking=True,
        help="Increases that come with a new job may add up to this share "
        "of the payroll of each manager's and department's people.",
    )
    state = fields.Selection(
        REVIEW_STATES, default="draft", required=True, tracking=True, copy=False
    )
    released = fields.Boolean(
        readonly=True,
        copy=False,
        tracking=True,
        help="Employees see their outcome and print their letter.",
    )
    line_ids = fields.One2many(
        "hr.compensation.review.line", "review_id", string="Lines"
    )
    matrix_ids = fields.One2many(
        "hr.compensation.matrix", "review_id", string="Merit Matrix", copy=True
    )
    line_count = fields.Integer(string="Employees", compute="_compute_budget")
    payroll = fields.Monetary(compute="_compute_budget")
    merit_budget = fields.Monetary(compute="_compute_budget")
    merit_spent = fields.Monetary(string="Merit Proposed", compute="_compute_budget")
    promotion_budget = fields.Monetary(compute="_compute_budget")
    promotion_spent = fields.Monetary(
        string="Promotions Proposed", compute="_compute_budget"
    )
    pay_inversion = fields.Boolean(
        compute="_compute_pay_inversion",
        help="A rating step gets a lower mean increase than a step below it.",
    )
    over_budget_count = fields.Integer(
        string="Over Budget",
        compute="_compute_budget",
        help="Managers and departments whose proposals exceed their budget.",
    )

    @api.depends(
        "line_ids.current_wage",
        "line_ids.merit_amount",
        "line_ids.promotion_amount",
        "merit_budget_percent",
        "promotion_budget_percent",
    )
    def _compute_budget(self):
        totals = {
            review: (payroll, merit, promotion, count)
            for review, payroll, merit, promotion, count in self.env[
                "hr.compensation.review.line"
            ]._read_group(
                [("review_id", "in", self.ids)], ["review_id"], BUDGET_AGGREGATES
            )
        }
        over = {}
        for groupby in ("manager_id", "department_id"):
            for row in self._get_budget_rows(groupby):
                if row["over"]:
                    over[row["review_id"]] = over.get(row["review_id"], 0) + 1
        for review in self:
            payroll, merit, promotion, count = totals.get(review, (0.0, 0.0, 0.0, 0))
            review.line_count = count
            review.payroll = payroll
            review.merit_budget = payroll * review.merit_budget_percent / 100
            review.merit_spent = merit
            review.promotion_budget = payroll * review.promotion_budget_percent / 100
            review.promotion_spent = promotion
            review.over_budget_count = over.get(review.id, 0)

    @api.depends("line_ids.increase_percent", "line_ids.rating_id")
    def _compute_pay_inversion(self):
        for review in self:
            report = review._get_pay_for_performance()
            review.pay_inversion = any(row["inverted"] for row in report["ratings"])

    @api.constrains("merit_budget_percent", "promotion_budget_percent")
    def _check_budget_percents(self):
        for review in self:
            for percent in (
                review.merit_budget_percent,
                review.promotion_budget_percent,
            ):
                if not 0 <= percent <= 100:
                    raise ValidationError(
                        self.env._(
                            "The budgets of the review “%(review)s” are shares "
                            "of the payroll between 0%% and 100%%, not %(percent)s%%.",
                            review=review.name,
                            percent=percent,
                        )
                    )

    # ------------------------------------------------------------ budgets
    def _get_budget_rows(self, groupby, domain=None):
        """The budget use of the reviews of ``self`` per ``groupby``
        (``manager_id`` or ``department_id`` of the lines): a list of dicts
        ``{review_id, key (record), payroll, merit_budget, merit_spent,
        promotion_budget, promotion_spent, count, over}``. One grouped query
        whatever the number of lines."""
        if not self.ids:
            return []
        percents = {
            review.id: (review.merit_budget_percent, review.promotion_budget_percent)
            for review in self
        }
        rows = []
        for review, key, payroll, merit, promotion, count in self.env[
            "hr.compensation.review.line"
        ]._read_group(
            [("review_id", "in", self.ids), *(domain or [])],
            ["review_id", groupby],
            BUDGET_AGGREGATES,
        ):
            merit_percent, promotion_percent = percents[review.id]
            merit_budget = payroll * merit_percent / 100
            promotion_budget = payroll * promotion_percent / 100
            currency = review.currency_id
            rows.append(
                {
                    "review_id": review.id,
                    "key": key,
                    "payroll": payroll,
                    "merit_budget": merit_budget,
                    "merit_spent": merit,
                    "promotion_budget": promotion_budget,
                    "promotion_spent": promotion,
                    "count": count,
                    "over": currency.compare_amounts(merit, merit_budget) > 0
                    or currency.compare_amounts(promotion, promotion_budget) > 0,
                }
            )
        return rows

    @api.model
    def _budget_hard_stop(self):
        return self.env["hr.career.settings"]._get_flag(
            "hr_compensation_review.budget_hard_stop"
        )

    # ------------------------------------------------------------ population
    def _get_population(self):
        """The employees of the review: those of its departments (with
        sub-departments), of its review cycle's appraisals and of its talent
        review's lines; the whole company when none is set."""
        self.ensure_one()
        domain = [("company_id", "=", self.company_id.id)]
        sources = []
        if self.department_ids:
            sources.append([("department_id", "child_of", self.department_ids.ids)])
        if self.cycle_id:
            sources.append([("id", "in", self.cycle_id.appraisal_ids.employee_id.ids)])
        if self.talent_review_id:
            sources.append(
                [("id", "in", self.talent_review_id.line_ids.employee_id.ids)]
            )
        if sources:
            domain += ["|"] * (len(sources) - 1) + [leaf for s in sources for leaf in s]
        return self.env["hr.employee"].search(domain, order="id")

    def _chunk_size(self):
        return self.env["hr.career.settings"]._get_int(
            CHUNK_PARAM, DEFAULT_CHUNK_SIZE, minimum=1
        )

    def _enqueue(self, method, ids, eta=None):
        """One job of ``method(chunk)`` per chunk of ``ids``."""
        self.ensure_one()
        for chunk in split_every(self._chunk_size(), sorted(ids), list):
            delayable = self.delayable(
                eta=eta,
                description=self.env._(
                    "Compensation review %(name)s: %(count)s employees",
                    name=self.name,
                    count=len(chunk),
                ),
            )
            getattr(delayable, method)(chunk).delay()

    # ------------------------------------------------------------ workflow
    def _check_state(self, states, action):
        """Who may run the review first (the Compensation group: access
        rights), then whether the step fits the state."""
        self.check_access("write")
        for review in self:
            if review.state not in states:
                raise UserError(
                    self.env._(
                        "The review “%(review)s” cannot be %(action)s in the state "
                        "“%(state)s”.",
                        review=review.name,
                        action=action,
                        state=dict(REVIEW_STATES)[review.state],
                    )
                )

    def action_open(self):
        """Open the review to the managers: its merit matrix is copied from
        the company's default when it has none, and its lines are prepared
        in background jobs, by chunks."""
        self._check_state(("draft",), self.env._("opened"))
        Matrix = self.env["hr.compensation.matrix"]
        for review in self:
            if not review.matrix_ids:
                review.matrix_ids = [
                    Command.create(vals)
                    for vals in Matrix._default_cells(review.company_id)
                ]
            review.state = "open"
            review._enqueue("_job_prepare", review._get_population().ids)
        return True

    def action_submit(self):
        """The managers' proposals go to HR for approval."""
        self._check_state(("open",), self.env._("sent for approval"))
        self.state = "approval"
        return True

    def action_send_back(self):
        """HR sends the proposals back to the managers."""
        self._check_state(("approval",), self.env._("sent back"))
        self.state = "open"
        return True

    def action_approve(self):
        """HR approves the proposals; applying them is the next step."""
        self._check_state(("approval",), self.env._("approved"))
        self.state = "done"
        return True

    def action_cancel(self):
        self._check_state(("draft", "open", "approval"), self.env._("cancelled"))
        self.state = "cancelled"
        return True

    def action_apply(self):
        """Apply the approved lines to the contracts at the effective date,
        in background jobs (not before that day). Lines already applied are
        left alone: applying twice changes nothing."""
        self._check_state(("done",), self.env._("applied"))
        for review in self:
            pending = review.line_ids.filtered(lambda line: line.state != "applied")
            eta = datetime.combine(review.date_effective, time.min)
            review._enqueue(
                "_job_apply",
                pending.ids,
                eta=eta if eta > datetime.now() else None,
            )
        return True

    def action_release(self):
        """Employees see their own outcome on the portal and print their
        letter."""
        self._check_state(("done",), self.env._("released"))
        self.released = True
        return True

    def action_view_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "hr_compensation_review.hr_compensation_review_line_action"
        )
        action["domain"] = [("review_id", "=", self.id)]
        action["context"] = {"default_review_id": self.id}
        return action

    # ------------------------------------------------------------ jobs
    def _job_prepare(self, employee_ids):
        """Job: the lines of ``employee_ids`` who have a running contract and
        no line in this review yet (a retried chunk creates nothing twice)."""
        self.ensure_one()
        Line = self.env["hr.compensation.review.line"]
        done = set(
            Line.search_fetch(
                [("review_id", "=", self.id), ("employee_id", "in", employee_ids)],
                ["employee_id"],
            ).employee_id.ids
        )
        employees = self.env["hr.employee"].browse(
            [eid for eid in employee_ids if eid not in done]
        )
        vals_list = Line._prepare_values(self, employees)
        return len(Line.create(vals_list))

    def _job_apply(self, line_ids):
        """Job: apply the lines of ``line_ids`` to the contracts."""
        self.ensure_one()
        lines = self.env["hr.compensation.review.line"].browse(line_ids).exists()
        return len(lines._apply())

    # ------------------------------------------------------------ reports
    def _get_pay_for_performance(self):
        """Mean increase (%) by rating step (lowest first) and by box of the
        reviews of ``self``: ``{'ratings': [{rating, count, mean, inverted}],
        'boxes': [{box, count, mean}]}``. A step whose mean is below the one
        of a lower step is flagged ``inverted``. Two grouped queries."""
        Line = self.env["hr.compensation.review.line"]
        domain = [("review_id", "in", self.ids)]
        by_rating = Line._read_group(
            domain + [("rating_id", "!=", False)],
            ["rating_id"],
            ["increase_percent:avg", "__count"],
        )
        by_rating.sort(key=lambda row: (row[0].score_min, row[0].sequence, row[0].id))
        ratings = []
        highest = None
        for rating, mean, count in by_rating:
            inverted = highest is not None and mean < highest - 0.005
            highest = mean if highest is None else max(highest, mean)
            ratings.append(
                {"rating": rating, "count": count, "mean": mean, "inverted": inverted}
            )
        boxes = [
            {"box": box, "count": count, "mean": mean}
            for box, mean, count in Line._read_group(
                domain + [("box", "!=", 0)],
                ["box"],
                ["increase_percent:avg", "__count"],
            )
        ]
        boxes.sort(key=lambda row: row["box"])
        return {"ratings": ratings, "boxes": boxes}

    def _get_compa_ratio_distribution(self):
        """Compa-ratio by job of the reviews of ``self``: ``[{job, count,
        mean, below, within, above}]`` (head counts per band), one grouped
        query."""
        rows = {}
        for job, band, count, mean in self.env[
            "hr.compensation.review.line"
        ]._read_group(
            [("review_id", "in", self.ids), ("current_job_id", "!=", False)],
            ["current_job_id", "band"],
            ["__count", "compa_ratio:avg"],
        ):
            row = rows.setdefault(
                job.id,
                {
                    "job": job,
                    "count": 0,
                    "total": 0.0,
                    "below": 0,
                    "within": 0,
                    "above": 0,
                },
            )
            row["count"] += count
            if band:
                row[band] += count
                row["total"] += mean * count
        result = []
        for row in rows.values():
            banded = row["below"] + row["within"] + row["above"]
            row["mean"] = row.pop("total") / banded if banded else 0.0
            result.append(row)
        return sorted(result, key=lambda row: row["job"].name or "")
