# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..models.hr_feedback_request import RELATIONS


class HrFeedbackRequestWizardLine(models.TransientModel):
    _name = "hr.feedback.request.wizard.line"
    _description = "Reviewer of a 360° feedback request"

    wizard_id = fields.Many2one(
        "hr.feedback.request.wizard", required=True, ondelete="cascade"
    )
    employee_id = fields.Many2one(related="wizard_id.employee_id")
    reviewer_id = fields.Many2one(
        "hr.employee",
        required=True,
        domain="[('user_id', '!=', False), ('id', '!=', employee_id)]",
    )
    relation = fields.Selection(
        RELATIONS,
        required=True,
        compute="_compute_relation",
        store=True,
        readonly=False,
        precompute=True,
        help="From the organisation chart (their manager up the chain, one of "
        "their reports, else a peer); change it when it is another one.",
    )
    has_user = fields.Boolean(compute="_compute_has_user")

    @api.depends("reviewer_id", "wizard_id.employee_id")
    def _compute_relation(self):
        # the managers up the chain (parent_of: the ORM walks it)
        chains = self.env["hr.appraisal"]._get_manager_chains(
            self.wizard_id.employee_id
        )
        for line in self:
            employee, reviewer = line.wizard_id.employee_id, line.reviewer_id
            if reviewer and reviewer.id in chains.get(employee.id, ()):
                line.relation = "manager"
            elif reviewer and reviewer.parent_id == employee:
                line.relation = "subordinate"
            else:
                line.relation = "peer"

    @api.depends("reviewer_id.user_id")
    def _compute_has_user(self):
        for line in self:
            line.has_user = bool(line.reviewer_id.user_id)
