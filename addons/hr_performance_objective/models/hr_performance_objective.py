# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import SQL, date_utils

OBJECTIVE_LEVELS = [
    ("company", "Company"),
    ("department", "Department"),
    ("individual", "Individual"),
]
LEVEL_RANK = {"company": 0, "department": 1, "individual": 2}
OBJECTIVE_STATES = [
    ("draft", "Draft"),
    ("active", "Active"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]
# what the owner of an objective (the employee, or the department's manager
# for a department objective) and their managers type (hr.career.policy.mixin);
# the owner, department, company and level are fixed once created, the
# progress is the key results' (documented in readme/USAGE.md)
OBJECTIVE_INPUT = {
    "name",
    "description",
    "sequence",
    "parent_id",
    "date_start",
    "date_end",
    "weight",
    "key_result_ids",
    "state",
    "color",
}
OBJECTIVE_CREATE = OBJECTIVE_INPUT | {"employee_id", "department_id", "level"}
# the documented range of a weight (readme): a weight far above the others
# would carry its parents alone
WEIGHT_RANGE = (0.0, 100.0)
# the level of a sub-objective added from its parent
SUB_LEVEL = {"company": "department", "department": "individual"}


class HrPerformanceObjective(models.Model):
    """A measurable objective of the company, a department or a person, for a
    period, contributing to a parent objective (alignment)."""

    _name = "hr.performance.objective"
    _description = "Performance objective"
    _inherit = ["mail.thread", "mail.activity.mixin", "hr.career.policy.mixin"]
    _order = "date_start desc, level_rank, sequence, id"
    _parent_store = True
    _career_policy_employee = "career_owner_id"
    _career_policy = {
        role: {"create": OBJECTIVE_CREATE, "write": OBJECTIVE_INPUT}
        for role in ("employee", "manager")
    }
    _career_value_ranges = {"weight": WEIGHT_RANGE}

    name = fields.Char(required=True, tracking=True)
    description = fields.Html()
    sequence = fields.Integer(default=10)
    level = fields.Selection(
        OBJECTIVE_LEVELS, required=True, default="individual", tracking=True
    )
    level_rank = fields.Integer(compute="_compute_level_rank", store=True)
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        readonly=False,
        required=True,
        index=True,
        precompute=True,
        default=lambda self: self.env.company,
    )
    department_id = fields.Many2one(
        "hr.department",
        compute="_compute_department_id",
        store=True,
        readonly=False,
        index=True,
        precompute=True,
        tracking=True,
    )
    employee_id = fields.Many2one(
        "hr.employee", index=True, ondelete="cascade", tracking=True
    )
    owner_id = fields.Many2one(
        "hr.employee",
        compute="_compute_owner_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
        ondelete="set null",
        domain="[('company_id', 'in', [company_id, False])]",
        help="Who answers for the objective: the employee of an individual "
        "objective; for a company or department objective, its department's "
        "manager or the person who set it, by default.",
    )
    parent_id = fields.Many2one(
        "hr.performance.objective",
        string="Contributes To",
        index=True,
        ondelete="set null",
        tracking=True,
        domain="[('id', '!=', id), ('company_id', '=', company_id), "
        "('level', '!=', 'individual'), ('state', 'not in', ('done', 'cancelled'))]",
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many(
        "hr.performance.objective", "parent_id", string="Contributions"
    )
    child_count = fields.Integer(compute="_compute_child_count")
    date_start = fields.Date(
        required=True,
        tracking=True,
        default=lambda self: date_utils.start_of(
            fields.Date.context_today(self), "year"
        ),
    )
    date_end = fields.Date(
        required=True,
        tracking=True,
        default=lambda self: date_utils.end_of(fields.Date.context_today(self), "year"),
    )
    weight = fields.Float(default=1.0, tracking=True)
    key_result_ids = fields.One2many(
        "hr.performance.key.result", "objective_id", string="Key Results"
    )
    progress = fields.Float(
        compute="_compute_progress",
        store=True,
        recursive=True,
        aggregator="avg",
        digits=(16, 1),
        help="Weighted mean of the key results' progress, or of the contributing "
        "objectives' progress when the objective has no key result.",
    )
    expected_progress = fields.Float(
        compute="_compute_expected_progress",
        digits=(16, 1),
        help="Share of the period already elapsed.",
    )
    at_risk = fields.Boolean(
        compute="_compute_expected_progress",
        search="_search_at_risk",
        help="Active and behind the elapsed share of its period.",
    )
    state = fields.Selection(
        OBJECTIVE_STATES, required=True, default="draft", tracking=True, index=True
    )
    color = fields.Integer()
    career_owner_id = fields.Many2one(
        "hr.employee",
        compute="_compute_career_owner_id",
        compute_sudo=True,
        help="Whose objective it is for the field policy: the employee, or the "
        "department's manager for a department objective.",
    )

    @api.depends("employee_id", "department_id.manager_id", "level")
    def _compute_career_owner_id(self):
        for objective in self:
            objective.career_owner_id = objective.employee_id or (
                objective.level == "department" and objective.department_id.manager_id
            )

    @api.model
    def _career_policy_create_roles(self, vals_list, defaults):
        """The owner of a new objective: its employee, or the manager of its
        department for a department objective (company ones are HR's)."""
        # every employee reads the departments of their companies (hr's rules)
        departments = self.env["hr.department"]
        owners = []
        for vals in vals_list:
            owner = vals.get("employee_id")
            if not owner and vals.get("level") == "department":
                owner = departments.browse(vals.get("department_id")).manager_id.id
            owners.append({"career_owner_id": owner or False})
        return super()._career_policy_create_roles(owners, defaults)

    # ------------------------------------------------------------ computes
    @api.depends("level")
    def _compute_level_rank(self):
        for objective in self:
            objective.level_rank = LEVEL_RANK.get(objective.level, 9)

    @api.depends("employee_id", "department_id")
    def _compute_company_id(self):
        for objective in self:
            company = (
                objective.employee_id.company_id or objective.department_id.company_id
            )
            if company:
                objective.company_id = company
            elif not objective.company_id:
                objective.company_id = self.env.company

    @api.depends("employee_id")
    def _compute_department_id(self):
        for objective in self:
            if objective.employee_id:
                objective.department_id = objective.employee_id.department_id

    @api.depends("employee_id", "department_id")
    def _compute_owner_id(self):
        for objective in self:
            if objective.employee_id:
                objective.owner_id = objective.employee_id
            elif objective.department_id.manager_id:
                objective.owner_id = objective.department_id.manager_id
            elif not objective.owner_id:
                objective.owner_id = self.env.user.employee_id

    def _compute_child_count(self):
        counts = dict(
            self._read_group(
                [("parent_id", "in", self.ids)], ["parent_id"], ["__count"]
            )
        )
        for objective in self:
            objective.child_count = counts.get(objective, 0)

    @api.depends(
        "key_result_ids.progress",
        "key_result_ids.weight",
        "child_ids.progress",
        "child_ids.weight",
        "child_ids.state",
    )
    def _compute_progress(self):
        self._assign_progress(self._progress_by_id(self.ids))

    def _assign_progress(self, progress):
        for objective in self:
            objective.progress = progress.get(objective.id, 0.0)

    @api.model
    def _progress_by_id(self, ids):
        """Progress of the objectives ``ids``, set-based: one query for their
        sub-tree (``parent_path``), one grouped query over its key results,
        then bottom-up in memory. The query count does not depend on the
        number of objectives nor on the depth of the tree.

        The roll-up reads every contribution, also those the user who changed
        a key result may not read: it runs in the recompute of the stored
        ``progress``, as superuser (``compute_sudo``, the ORM's default for
        stored fields), the one privileged place of the roll-up; only the
        aggregated figure is stored, never a child's content."""
        ids = [i for i in ids if isinstance(i, int)]
        if not ids:
            return {}
        self.flush_model(["parent_id", "parent_path", "weight", "state"])
        self.env.cr.execute(
            SQL(
                """
                SELECT o.id, o.parent_id, o.weight, o.state
                  FROM hr_performance_objective o
                 WHERE o.parent_path LIKE ANY(
                        SELECT p.parent_path || %s
                          FROM hr_performance_objective p
                         WHERE p.id = ANY(%s))
                """,
                "%",
                ids,
            )
        )
        tree = self.env.cr.fetchall()
        key_results = {
            objective.id: (weight, weighted)
            for objective, weight, weighted in self.env[
                "hr.performance.key.result"
            ]._read_group(
                [("objective_id", "in", [row[0] for row in tree])],
                ["objective_id"],
                ["weight:sum", "weighted_progress:sum"],
            )
        }
        children = defaultdict(list)
        for oid, parent_id, weight, state in tree:
            if parent_id and state != "cancelled":
                children[parent_id].append((oid, weight or 0.0))
        progress = {}

        def compute(oid):
            # iterative post-order: deep trees do not hit the recursion limit
            stack = [(oid, False)]
            while stack:
                node, expanded = stack.pop()
                if node in progress:
                    continue
                if node in key_results:
                    weight, weighted = key_results[node]
                    progress[node] = weighted / weight if weight else 0.0
                elif not expanded:
                    stack.append((node, True))
                    stack.extend((child, False) for child, _w in children[node])
                else:
                    kids = children[node]
                    total = sum(w for _c, w in kids)
                    progress[node] = (
                        sum(progress[c] * w for c, w in kids) / total if total else 0.0
                    )

        for oid in ids:
            compute(oid)
        return {oid: round(value, 1) for oid, value in progress.items()}

    @api.depends("date_start", "date_end", "progress", "state")
    @api.depends_context("date")
    def _compute_expected_progress(self):
        today = fields.Date.context_today(self)
        for objective in self:
            objective.expected_progress = objective._elapsed_share(today)
            objective.at_risk = (
                objective.state == "active"
                and objective.progress < objective.expected_progress
            )

    def _elapsed_share(self, today):
        if not (self.date_start and self.date_end):
            return 0.0
        span = (self.date_end - self.date_start).days
        if today <= self.date_start:
            return 0.0
        if today >= self.date_end or span <= 0:
            return 100.0
        return round(100.0 * (today - self.date_start).days / span, 1)

    def _search_at_risk(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(
                self.env._("“At risk” can only be searched as true or false.")
            )
        today = fields.Date.context_today(self)
        self.flush_model(["progress", "state", "date_start", "date_end"])
        query = SQL(
            """
            (SELECT id FROM hr_performance_objective
             WHERE state = 'active' AND progress < CASE
                   WHEN %(today)s <= date_start THEN 0
                   WHEN %(today)s >= date_end OR date_end <= date_start THEN 100
                   ELSE 100.0 * (%(today)s - date_start) / (date_end - date_start)
                   END)
            """,
            today=today,
        )
        in_operator = "in" if (operator == "=") == value else "not in"
        return [("id", in_operator, query)]

    # ------------------------------------------------------------ constraints
    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for objective in self:
            if objective.date_end < objective.date_start:
                raise ValidationError(
                    self.env._(
                        "The objective “%(objective)s” ends on %(end)s, before it "
                        "starts on %(start)s: set an end date after the start date.",
                        objective=objective.name,
                        end=objective.date_end,
                        start=objective.date_start,
                    )
                )

    @api.constrains("weight")
    def _check_weight(self):
        for objective in self:
            if objective.weight <= 0:
                raise ValidationError(
                    self.env._(
                        "The weight of the objective “%(objective)s” must be "
                        "greater than 0.",
                        objective=objective.name,
                    )
                )

    @api.constrains("level", "employee_id", "department_id")
    def _check_level_owner(self):
        for objective in self:
            if objective.level == "individual" and not objective.employee_id:
                raise ValidationError(
                    self.env._(
                        "The individual objective “%(objective)s” needs an "
                        "employee.",
                        objective=objective.name,
                    )
                )
            if objective.level == "department" and not objective.department_id:
                raise ValidationError(
                    self.env._(
                        "The department objective “%(objective)s” needs a "
                        "department.",
                        objective=objective.name,
                    )
                )
            if objective.level != "individual" and objective.employee_id:
                raise ValidationError(
                    self.env._(
                        "Only an individual objective belongs to an employee: "
                        "remove the employee from “%(objective)s” or make it "
                        "individual.",
                        objective=objective.name,
                    )
                )

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if self._has_cycle():
            raise ValidationError(
                self.env._(
                    "An objective cannot contribute to itself or to one of the "
                    "objectives that contribute to it: choose another “Contributes "
                    "To” objective."
                )
            )
        # the author reads the parent (_check_parent_readable), HR every
        # objective of their companies: the parent is read with their rights
        for objective in self.filtered("parent_id"):
            parent = objective.parent_id
            if LEVEL_RANK[parent.level] > LEVEL_RANK[objective.level]:
                levels = dict(self._fields["level"]._description_selection(self.env))
                raise ValidationError(
                    self.env._(
                        "The objective “%(objective)s” (level: %(level)s) cannot "
                        "contribute to the objective “%(parent)s” (level: "
                        "%(parent_level)s): align an objective with one of the "
                        "same or a broader level.",
                        level=levels[objective.level],
                        objective=objective.name,
                        parent_level=levels[parent.level],
                        parent=parent.name,
                    )
                )
            if parent.company_id != objective.company_id:
                raise ValidationError(
                    self.env._(
                        "The objective “%(objective)s” cannot contribute to "
                        "“%(parent)s” of another company.",
                        objective=objective.name,
                        parent=parent.name,
                    )
                )

    # ------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        self._check_parent_readable(
            [vals["parent_id"] for vals in vals_list if vals.get("parent_id")]
        )
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("parent_id"):
            # the rules first: the checks below answer in words
            self.check_access("write")
            self._check_parent_readable([vals["parent_id"]])
            self._check_parent_not_below(vals["parent_id"])
        return super().write(vals)

    @api.model
    def _check_parent_readable(self, parent_ids):
        """An objective contributes to one its author may read: the refusal
        names nothing the author could not read (the checks of the parent's
        level and company, which name it, come after this one)."""
        if not parent_ids or self._career_policy_is_hr():
            return
        parents = self.browse(set(parent_ids))
        if parents - parents._filtered_access("read"):
            raise AccessError(
                self.env._(
                    "An objective contributes to an objective you can read: "
                    "choose another “Contributes To” objective."
                )
            )

    def _check_parent_not_below(self, parent_id):
        """Refuse, before anything is written, a parent that is one of the
        objectives or one of their contributions (a cycle)."""
        # the sub-tree as the user reads it: the parent is readable
        # (_check_parent_readable; HR reads every objective of their
        # companies), so it is found when it is below; the constraint
        # _check_parent_id (_has_cycle) stays the last word
        below = self.search([("id", "child_of", self.ids)])
        if parent_id in below.ids:
            raise ValidationError(
                self.env._(
                    "An objective cannot contribute to itself or to one of the "
                    "objectives that contribute to it: choose another “Contributes "
                    "To” objective."
                )
            )

    # ------------------------------------------------------------ actions
    def action_activate(self):
        self.filtered(lambda o: o.state == "draft").write({"state": "active"})

    def action_done(self):
        self.filtered(lambda o: o.state in ("draft", "active")).write({"state": "done"})

    def action_cancel(self):
        self.filtered(lambda o: o.state != "done").write({"state": "cancelled"})

    def action_draft(self):
        self.write({"state": "draft"})

    def action_add_sub_objective(self):
        """A new objective contributing to this one: one level down, in its
        department and company, for the same period."""
        self.ensure_one()
        context = {
            "default_parent_id": self.id,
            "default_level": SUB_LEVEL.get(self.level, "individual"),
            "default_company_id": self.company_id.id,
            "default_date_start": fields.Date.to_string(self.date_start),
            "default_date_end": fields.Date.to_string(self.date_end),
        }
        if self.department_id:
            context["default_department_id"] = self.department_id.id
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Sub-objective of %(objective)s", objective=self.name),
            "res_model": self._name,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": context,
        }

    def action_open_children(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_performance_objective.hr_performance_objective_action"
        )
        action["domain"] = [("parent_id", "=", self.id)]
        action["context"] = {
            "default_parent_id": self.id,
            "default_date_start": self.date_start,
            "default_date_end": self.date_end,
        }
        return action
