# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools.safe_eval import safe_eval

METRICS = [
    ("number", "Number"),
    ("percent", "Percent"),
    ("boolean", "Yes / No"),
]
# the objective's values a bound domain may use, per placeholder name
ENTITY_PLACEHOLDERS = (
    "employee_id",
    "user_id",
    "partner_id",
    "department_id",
    "company_id",
)
SOURCE_FIELDS = (
    "source_model",
    "source_domain",
    "source_aggregate",
    "source_field",
)
# what the objective's owner and their managers type (hr.career.policy.mixin);
# the binding (SOURCE_FIELDS) is HR's, the progress is computed
KEY_RESULT_INPUT = {
    "name",
    "sequence",
    "metric",
    "start_value",
    "target_value",
    "current_value",
    "weight",
}
# the documented ranges (readme): values a person types, weights as objectives'
VALUE_RANGE = (-1e12, 1e12)
WEIGHT_RANGE = (0.0, 100.0)


class _Placeholder(str):
    """A marker standing for one objective's value in a bound domain."""

    __slots__ = ()


class HrPerformanceKeyResult(models.Model):
    """A measurable result of an objective: from a start value to a target,
    updated by hand (check-ins, portal) or from Odoo data (HR binding)."""

    _name = "hr.performance.key.result"
    _description = "Key result"
    _order = "objective_id, sequence, id"
    _inherit = ["hr.career.policy.mixin"]
    _career_policy_employee = "objective_id.career_owner_id"
    _career_policy = {
        role: {"create": KEY_RESULT_INPUT | {"objective_id"}, "write": KEY_RESULT_INPUT}
        for role in ("employee", "manager")
    }
    _career_value_ranges = {
        "start_value": VALUE_RANGE,
        "target_value": VALUE_RANGE,
        "current_value": VALUE_RANGE,
        "weight": WEIGHT_RANGE,
    }

    objective_id = fields.Many2one(
        "hr.performance.objective", required=True, index=True, ondelete="cascade"
    )
    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    employee_id = fields.Many2one(related="objective_id.employee_id", store=True)
    department_id = fields.Many2one(related="objective_id.department_id", store=True)
    company_id = fields.Many2one(
        related="objective_id.company_id", store=True, index=True
    )
    level = fields.Selection(related="objective_id.level", store=True)
    metric = fields.Selection(METRICS, required=True, default="number")
    start_value = fields.Float(string="Start")
    target_value = fields.Float(string="Target", default=1.0)
    current_value = fields.Float(string="Current")
    weight = fields.Float(default=1.0)
    progress = fields.Float(
        compute="_compute_progress",
        store=True,
        aggregator="avg",
        digits=(16, 1),
        help="From start (0%) to target (100%), clamped to 0-100.",
    )
    weighted_progress = fields.Float(compute="_compute_progress", store=True)
    # binding to Odoo data: defined by HR officers only, from a template
    template_id = fields.Many2one(
        "hr.performance.key.result.template",
        string="What to Count",
        domain="[('is_available', '=', True)]",
        ondelete="set null",
        help="Counted every day from Odoo data: courses completed, tasks "
        "closed, opportunities won... Leave empty to update the value by hand.",
    )
    source_model = fields.Char(
        string="Tracked Model",
        help="Technical name of the model the current value is counted from by "
        "the daily job (set from the template).",
    )
    source_model_name = fields.Char(
        string="Counted Records", compute="_compute_source_model_name"
    )
    source_domain = fields.Char(
        string="Tracked Records",
        default="[]",
        help="Domain on the tracked model. Placeholders: employee_id, user_id, "
        "partner_id (the employee's contact), department_id, company_id, "
        "date_start and date_end (the objective's period).",
    )
    source_aggregate = fields.Selection(
        [("count", "Count"), ("sum", "Sum of a field")],
        string="Aggregate",
        default="count",
    )
    source_field = fields.Char(
        string="Summed Field",
        help="Technical name of a stored numeric field of the tracked model.",
    )
    is_bound = fields.Boolean(compute="_compute_is_bound", store=True)
    can_edit_binding = fields.Boolean(compute="_compute_can_edit_binding")
    date_refreshed = fields.Datetime(string="Refreshed On", readonly=True)

    # ------------------------------------------------------------ computes
    @api.depends("start_value", "target_value", "current_value", "weight")
    def _compute_progress(self):
        for key_result in self:
            span = key_result.target_value - key_result.start_value
            done = key_result.current_value - key_result.start_value
            progress = 100.0 * done / span if span else 0.0
            key_result.progress = round(min(max(progress, 0.0), 100.0), 1)
            key_result.weighted_progress = key_result.progress * key_result.weight

    @api.depends("source_model")
    def _compute_source_model_name(self):
        names = {
            model.model: model.name
            for model in self.env["ir.model"]
            .sudo()  # sudo: the model's name, shown beside the binding
            .search([("model", "in", list(set(self.mapped("source_model"))))])
        }
        for key_result in self:
            key_result.source_model_name = names.get(key_result.source_model, "")

    @api.onchange("template_id")
    def _onchange_template_id(self):
        if self.template_id:
            self.update(self.template_id._key_result_values())
            if not self.name:
                self.name = self.template_id.name

    @api.depends("source_model")
    def _compute_is_bound(self):
        for key_result in self:
            key_result.is_bound = bool(key_result.source_model)

    @api.depends_context("uid")
    def _compute_can_edit_binding(self):
        self.can_edit_binding = self._career_policy_is_hr()

    # ------------------------------------------------------------ constraints
    @api.constrains("start_value", "target_value", "metric")
    def _check_values(self):
        for key_result in self:
            if key_result.start_value == key_result.target_value:
                raise ValidationError(
                    self.env._(
                        "The key result “%(name)s” starts at its target "
                        "(%(value)s): set a target different from the start value, "
                        "otherwise its progress cannot be measured.",
                        name=key_result.name,
                        value=key_result.target_value,
                    )
                )
            key_result._check_metric_value(key_result.start_value)
            key_result._check_metric_value(key_result.target_value)

    @api.constrains("current_value", "metric")
    def _check_current_value(self):
        for key_result in self:
            key_result._check_metric_value(key_result.current_value)

    def _check_metric_value(self, value):
        if self.metric == "percent" and not 0 <= value <= 100:
            raise ValidationError(
                self.env._(
                    "The key result “%(name)s” is a percentage: %(value)s is not "
                    "between 0 and 100.",
                    name=self.name,
                    value=value,
                )
            )
        if self.metric == "boolean" and value not in (0, 1):
            raise ValidationError(
                self.env._(
                    "The key result “%(name)s” is a yes/no result: its values "
                    "are 0 (no) or 1 (yes), not %(value)s.",
                    name=self.name,
                    value=value,
                )
            )

    @api.constrains("weight")
    def _check_weight(self):
        for key_result in self:
            if key_result.weight <= 0:
                raise ValidationError(
                    self.env._(
                        "The weight of the key result “%(name)s” must be greater "
                        "than 0.",
                        name=key_result.name,
                    )
                )

    @api.constrains(*SOURCE_FIELDS)
    def _check_source(self):
        for key_result in self.filtered("source_model"):
            key_result._source_query_parts()

    # ------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        # a template's binding; template_id and the source fields are HR's
        # (no line of the field policy names them for anyone else)
        for vals in vals_list:
            self._apply_template(vals)
        return super().create(vals_list)

    def _apply_template(self, vals):
        """The binding of the template chosen in ``vals`` (none when the
        template is removed)."""
        if "template_id" not in vals:
            return
        template = self.env["hr.performance.key.result.template"].browse(
            vals["template_id"]
        )
        if template:
            vals.update(template._key_result_values())
            vals.setdefault("name", template.name)
        else:
            vals["source_model"] = False

    def write(self, vals):
        if "current_value" in vals and not self._career_policy_is_hr():
            # who writes a key result reads it (record rules)
            bound = self.filtered("is_bound")
            if bound:
                raise UserError(
                    self.env._(
                        "The current value of “%(name)s” is counted from Odoo "
                        "data every day: it cannot be changed by hand.",
                        name=bound[0].name,
                    )
                )
        self._apply_template(vals)
        before = (
            {kr: kr.current_value for kr in self} if "current_value" in vals else {}
        )
        res = super().write(vals)
        if before:
            self._log_value_changes(before)
        return res

    def _log_value_changes(self, before):
        """History on the objective's chatter: one note per objective."""
        lines = defaultdict(list)
        for key_result, old in before.items():
            if key_result.current_value != old:
                lines[key_result.objective_id].append(
                    self.env._(
                        "%(name)s: %(old)s → %(new)s",
                        name=key_result.name,
                        old=key_result._format_value(old),
                        new=key_result._format_value(key_result.current_value),
                    )
                )
        if not lines:
            return
        objectives = self.env["hr.performance.objective"].concat(*lines)
        # the note is the value change the user just made on a record they may
        # write: _message_log_batch creates the log itself (as mail does for
        # its logs), no right on the objective's chatter is needed
        objectives._message_log_batch(
            {
                objective.id: Markup("<br/>").join(
                    [Markup("%s") % line for line in lines[objective]]
                )
                for objective in objectives
            }
        )

    def _format_value(self, value):
        if self.metric == "boolean":
            return self.env._("yes") if value else self.env._("no")
        if self.metric == "percent":
            return f"{value:g}%"
        return f"{value:g}"

    # ------------------------------------------------------------ binding
    def _source_query_parts(self):
        """Check the binding and return (model, domain with placeholders,
        {placeholder: field name grouped on}, aggregate spec); the model is
        read with superuser rights, for aggregated numbers only."""
        self.ensure_one()
        model_name = self.source_model
        if model_name not in self.env:
            raise ValidationError(
                self.env._(
                    "The tracked model %(model)s is not installed.", model=model_name
                )
            )
        # sudo: the tracked model as the HR officer bound it: its domain is
        # validated below and only aggregated numbers are read (_read_group),
        # stored on the key result, never the records
        Model = self.env[model_name].sudo()
        if Model._abstract or Model._transient or not Model._auto:
            raise ValidationError(
                self.env._(
                    "%(model)s cannot be tracked: choose a model with stored "
                    "records.",
                    model=model_name,
                )
            )
        markers = {name: _Placeholder(f"__{name}__") for name in ENTITY_PLACEHOLDERS}
        # the period placeholders, with sample dates to check the domain
        context = dict(markers, date_start="2000-01-01", date_end="2000-12-31")
        try:
            domain = safe_eval(self.source_domain or "[]", context)
            domain = expression.normalize_domain(domain)
        except Exception as error:
            raise ValidationError(
                self.env._(
                    "The tracked records of “%(name)s” are not a valid domain: "
                    "%(error)s",
                    name=self.name,
                    error=error,
                )
            ) from error
        grouped = {}
        for leaf in domain:
            if not expression.is_leaf(leaf) or not isinstance(leaf[2], _Placeholder):
                continue
            path, operator, marker = leaf
            field = Model._fields.get(path)
            if operator != "=" or not field or not field.store or "." in path:
                raise ValidationError(
                    self.env._(
                        "In the tracked records of “%(name)s”, the placeholder "
                        "%(placeholder)s must be compared with “=” to a stored "
                        "field of %(model)s (here: %(leaf)s).",
                        name=self.name,
                        placeholder=marker.strip("_"),
                        model=model_name,
                        leaf=str(tuple(leaf)),
                    )
                )
            grouped[marker.strip("_")] = path
        try:
            # validates the HR officer's domain on its model; nothing is returned
            Model._search(self._source_domain_for(domain, grouped, {}))
        except Exception as error:
            raise ValidationError(
                self.env._(
                    "The tracked records of “%(name)s” are not a valid domain on "
                    "%(model)s: %(error)s",
                    name=self.name,
                    model=model_name,
                    error=error,
                )
            ) from error
        aggregate = "__count"
        if self.source_aggregate == "sum":
            field = Model._fields.get(self.source_field or "")
            if (
                not field
                or field.type not in ("integer", "float", "monetary")
                or not field.store
            ):
                raise ValidationError(
                    self.env._(
                        "“%(name)s” sums a field: enter the technical name of a "
                        "stored numeric field of %(model)s.",
                        name=self.name,
                        model=model_name,
                    )
                )
            aggregate = f"{field.name}:sum"
        return Model, domain, grouped, aggregate

    @api.model
    def _source_domain_for(self, domain, grouped, values):
        """Replace each placeholder leaf by ``field in values`` (all the
        objectives of one group of key results at once)."""
        out = []
        for leaf in domain:
            if expression.is_leaf(leaf) and isinstance(leaf[2], _Placeholder):
                out.append((leaf[0], "in", values.get(leaf[2].strip("_"), [])))
            else:
                out.append(leaf)
        return out

    def _placeholder_values(self):
        employee = self.objective_id.employee_id
        return {
            "employee_id": employee.id,
            "user_id": employee.user_id.id,
            "partner_id": (employee.user_id.partner_id or employee.work_contact_id).id,
            "department_id": self.objective_id.department_id.id,
            "company_id": self.objective_id.company_id.id,
        }

    def action_refresh_now(self):
        """Count the current value of these bound key results now, as the
        daily job does."""
        # the user may change these key results (record rules)
        self.check_access("write")
        # sudo: writes the counted values, which no user may set by hand
        self.filtered("is_bound").sudo()._refresh_bound_values()
        return True

    @api.model
    def _cron_refresh_bound_values(self):
        """Recount the current value of every bound key result of the draft
        and active objectives: one grouped query per definition (model,
        domain, aggregate, period), whatever the number of objectives."""
        # not a button: the scheduler and HR managers only (AccessError)
        self.env["hr.career.role"]._check_scheduled_run()
        key_results = self.search(
            [
                ("is_bound", "=", True),
                ("source_model", "!=", False),
                ("objective_id.state", "in", ("draft", "active")),
            ]
        )
        # the scheduler (superuser) or an HR manager, who writes bound values
        # (HR bypasses the field policy); the tracked records are read in
        # _count_bound_values
        return key_results._refresh_bound_values()

    def _refresh_bound_values(self):
        totals = self._count_bound_values()
        by_value = defaultdict(lambda: self.browse())
        for key_result, total in totals.items():
            by_value[total] |= key_result
        now = fields.Datetime.now()
        for total, key_results in by_value.items():
            changed = key_results.filtered(lambda kr, t=total: kr.current_value != t)
            changed.write({"current_value": total})
            key_results.write({"date_refreshed": now})
        return True

    def _count_bound_values(self):
        """{key result: counted value}: one grouped query per definition
        (model, domain, aggregate, field, period)."""
        definitions = defaultdict(lambda: self.browse())
        for key_result in self.filtered("is_bound"):
            objective = key_result.objective_id
            key = (
                key_result.source_model,
                key_result.source_domain or "[]",
                key_result.source_aggregate,
                key_result.source_field,
                objective.date_start,
                objective.date_end,
            )
            definitions[key] |= key_result
        result = {}
        for key, group in definitions.items():
            domain_text, date_start, date_end = key[1], key[4], key[5]
            Model, _domain, grouped, aggregate = group[0]._source_query_parts()
            # the period is the group's: evaluate once with its dates
            markers = {n: _Placeholder(f"__{n}__") for n in ENTITY_PLACEHOLDERS}
            domain = expression.normalize_domain(
                safe_eval(
                    domain_text,
                    dict(
                        markers,
                        date_start=fields.Date.to_string(date_start),
                        date_end=fields.Date.to_string(date_end),
                    ),
                )
            )
            # prefetch the placeholders' sources for the whole group at once
            employees = group.objective_id.employee_id
            employees.fetch(["user_id", "work_contact_id", "department_id"])
            employees.user_id.fetch(["partner_id"])
            values = {kr: kr._placeholder_values() for kr in group}
            names = sorted(grouped)
            wanted = {
                name: sorted({v[name] for v in values.values() if v[name]})
                for name in names
            }
            # HR officers defined the binding (Model: _source_query_parts);
            # only the aggregated number is stored, never the records
            rows = Model._read_group(
                self._source_domain_for(domain, grouped, wanted),
                [grouped[name] for name in names],
                [aggregate],
            )
            totals = {}
            for row in rows:
                *keys, total = row
                totals[tuple(getattr(k, "id", k) for k in keys)] = total or 0
            for key_result, vals in values.items():
                total = totals.get(tuple(vals[name] for name in names), 0)
                result[key_result] = float(total)
        return result
