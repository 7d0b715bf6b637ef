# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models

from ..models.hr_review_cycle_close import CLOSE_DECISIONS

# default extension of the appraisals not signed off when a cycle closes
EXTENSION_DAYS = 14


class HrReviewCycleClose(models.TransientModel):
    """HR's decisions about the appraisals nobody signed off when a review
    cycle closes, in bulk or one by one; the counts show what will happen."""

    _name = "hr.review.cycle.close"
    _description = "Close a review cycle"

    cycle_id = fields.Many2one("hr.review.cycle", required=True, ondelete="cascade")
    decision = fields.Selection(
        CLOSE_DECISIONS,
        string="For All",
        default="extend",
        required=True,
        help="Applied to every appraisal listed; change it line by line below.",
    )
    date_extended = fields.Date(
        string="Extended Until",
        default=lambda self: fields.Date.context_today(self)
        + relativedelta(days=EXTENSION_DAYS),
    )
    line_ids = fields.One2many("hr.review.cycle.close.line", "wizard_id")
    signed_off_count = fields.Integer(string="Signed Off", compute="_compute_counts")
    extend_count = fields.Integer(string="To Extend", compute="_compute_counts")
    cancel_count = fields.Integer(string="To Cancel", compute="_compute_counts")
    complete_count = fields.Integer(
        string="To Complete Unreviewed", compute="_compute_counts"
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        cycle = self.env["hr.review.cycle"].browse(values.get("cycle_id"))
        if "line_ids" in fields_list and cycle:
            decision = values.get("decision") or "extend"
            values["line_ids"] = [
                Command.create({"appraisal_id": appraisal.id, "decision": decision})
                for appraisal in cycle._get_unreviewed_appraisals()
            ]
        return values

    @api.depends("cycle_id", "line_ids.decision")
    def _compute_counts(self):
        signed = {
            cycle.id: count
            for cycle, count in self.env["hr.appraisal"]._read_group(
                [
                    ("review_cycle_id", "in", self.cycle_id.ids),
                    ("signed_off", "=", True),
                ],
                ["review_cycle_id"],
                ["__count"],
            )
        }
        for wizard in self:
            decisions = wizard.line_ids.mapped("decision")
            wizard.signed_off_count = signed.get(wizard.cycle_id.id, 0)
            wizard.extend_count = decisions.count("extend")
            wizard.cancel_count = decisions.count("cancel")
            wizard.complete_count = decisions.count("complete")

    @api.onchange("decision")
    def _onchange_decision(self):
        for line in self.line_ids:
            line.decision = self.decision

    def action_confirm(self):
        self.ensure_one()
        chosen = {
            decision: self.line_ids.filtered(
                lambda line, d=decision: line.decision == d
            ).appraisal_id
            for decision, _label in CLOSE_DECISIONS
        }
        self.cycle_id._close_decide(
            chosen["extend"],
            chosen["cancel"],
            chosen["complete"],
            date_extended=self.date_extended,
        )
        return {"type": "ir.actions.act_window_close"}


class HrReviewCycleCloseLine(models.TransientModel):
    _name = "hr.review.cycle.close.line"
    _description = "Close a review cycle: one appraisal not signed off"

    wizard_id = fields.Many2one(
        "hr.review.cycle.close", required=True, ondelete="cascade"
    )
    appraisal_id = fields.Many2one("hr.appraisal", required=True, ondelete="cascade")
    employee_id = fields.Many2one(related="appraisal_id.employee_id")
    date_close = fields.Date(related="appraisal_id.date_close")
    decision = fields.Selection(CLOSE_DECISIONS, required=True, default="extend")
