# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HrPerformanceKeyResultTemplate(models.Model):
    """What a self-tracking key result counts, named for people: "Courses
    completed", "Tasks closed"... A key result set up from a template counts
    the template's records every day. The suite ships ready ones; HR adds
    their own with the domain editor. Templates whose model is not installed
    are not offered."""

    _name = "hr.performance.key.result.template"
    _description = "Key result template"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    description = fields.Text(
        translate=True, help="What is counted, in the words of the people tracked."
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    # the model's technical name: a template of an application that is not
    # installed (e.g. Helpdesk) stays, hidden, until it is
    model = fields.Char(required=True, help="Technical name of the model counted.")
    model_id = fields.Many2one(
        "ir.model",
        string="Counted Records",
        compute="_compute_model_id",
        inverse="_inverse_model_id",
        domain="[('transient', '=', False)]",
        help="The kind of records counted.",
    )
    domain = fields.Char(
        string="Which Records",
        default="[]",
        required=True,
        help="Placeholders: employee_id, user_id, partner_id (the employee's "
        "contact), department_id, company_id, date_start and date_end (the "
        "objective's period).",
    )
    aggregate = fields.Selection(
        [("count", "Count"), ("sum", "Sum of a field")],
        default="count",
        required=True,
    )
    sum_field = fields.Char(
        string="Summed Field",
        help="Technical name of a stored numeric field of the counted model.",
    )
    is_available = fields.Boolean(
        compute="_compute_is_available",
        search="_search_is_available",
        help="The model it counts is installed.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._model_from_model_id(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._model_from_model_id(vals)
        return super().write(vals)

    @api.model
    def _model_from_model_id(self, vals):
        """The model chosen in the form (``model_id``) is stored by name."""
        if vals.get("model_id"):
            # HR officers write templates and read ir.model (the addon's ACL)
            vals["model"] = self.env["ir.model"].browse(vals["model_id"]).model

    @api.depends("model")
    def _compute_model_id(self):
        # the template form is HR's, and HR officers read ir.model (the
        # addon's ACL); the others read the template's name and description
        models_ = {
            model.model: model
            for model in self.env["ir.model"].search(
                [("model", "in", self.mapped("model"))]
            )
        }
        for template in self:
            template.model_id = models_.get(template.model, False)

    def _inverse_model_id(self):
        for template in self.filtered("model_id"):
            template.model = template.model_id.model

    @api.depends("model")
    def _compute_is_available(self):
        for template in self:
            template.is_available = template.model in self.env

    def _search_is_available(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(
                self.env._("“Available” can only be searched as true or false.")
            )
        installed = list(self.env.registry.models)
        in_operator = "in" if (operator == "=") == value else "not in"
        return [("model", in_operator, installed)]

    def _key_result_values(self):
        """The binding of a key result counting this template's records."""
        self.ensure_one()
        return {
            "source_model": self.model,
            "source_domain": self.domain or "[]",
            "source_aggregate": self.aggregate,
            "source_field": self.sum_field if self.aggregate == "sum" else False,
        }
