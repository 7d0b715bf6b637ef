# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.hr_feedback_request import RELATIONS


class HrFeedbackRequestWizard(models.TransientModel):
    _name = "hr.feedback.request.wizard"
    _description = "Request 360° feedback"

    appraisal_id = fields.Many2one("hr.appraisal", required=True, ondelete="cascade")
    employee_id = fields.Many2one(related="appraisal_id.employee_id")
    reviewer_ids = fields.Many2many(
        "hr.employee",
        string="Reviewers",
        required=True,
        domain="[('id', '!=', employee_id)]",
    )
    relation = fields.Selection(RELATIONS, required=True, default="peer")
    date_deadline = fields.Date(
        string="Deadline",
        required=True,
        default=lambda self: fields.Date.context_today(self) + relativedelta(weeks=2),
    )
    anonymous = fields.Boolean(default=True)

    @api.onchange("relation", "appraisal_id")
    def _onchange_relation(self):
        employee = self.appraisal_id.employee_id
        if self.relation == "manager" and employee.parent_id:
            self.reviewer_ids = employee.parent_id
        elif self.relation == "subordinate" and employee.child_ids:
            self.reviewer_ids = employee.child_ids

    def action_send(self):
        """Create every request in one go and send them to the reviewers."""
        self.ensure_one()
        # sudo: which reviewers already have a request (some may be hidden from
        # the user), so that nobody is asked twice
        already = (
            self.appraisal_id.sudo()
            .feedback_request_ids.filtered(
                lambda r: r.state in ("draft", "requested", "answered")
            )
            .reviewer_id
        )
        reviewers = self.reviewer_ids - already
        if not reviewers:
            raise UserError(
                self.env._("Every reviewer chosen has already been asked for feedback.")
            )
        requests = self.env["hr.feedback.request"].create(
            [
                {
                    "employee_id": self.appraisal_id.employee_id.id,
                    "reviewer_id": reviewer.id,
                    "relation": self.relation,
                    "appraisal_id": self.appraisal_id.id,
                    "date_deadline": self.date_deadline,
                    "anonymous": self.anonymous,
                }
                for reviewer in reviewers
            ]
        )
        roles = self.env["hr.appraisal"]._get_employee_roles(
            self.appraisal_id.employee_id
        )
        if roles.get(self.appraisal_id.employee_id.id) == "self":
            # nominated by the subject: drafts their manager sends
            return {"type": "ir.actions.act_window_close"}
        requests.action_request()
        return {"type": "ir.actions.act_window_close"}
