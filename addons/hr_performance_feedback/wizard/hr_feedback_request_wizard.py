# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class HrFeedbackRequestWizard(models.TransientModel):
    _name = "hr.feedback.request.wizard"
    _description = "Request 360° feedback"

    appraisal_id = fields.Many2one("hr.appraisal", required=True, ondelete="cascade")
    employee_id = fields.Many2one(related="appraisal_id.employee_id")
    line_ids = fields.One2many(
        "hr.feedback.request.wizard.line",
        "wizard_id",
        string="Reviewers",
        help="One line per reviewer, with how they work with the employee.",
    )
    no_login_names = fields.Char(
        compute="_compute_no_login_names",
        help="Reviewers without a user: they could never answer, they are " "skipped.",
    )
    date_deadline = fields.Date(
        string="Deadline",
        required=True,
        default=lambda self: fields.Date.context_today(self) + relativedelta(weeks=2),
    )
    anonymous = fields.Boolean(default=True)

    @api.depends("line_ids.reviewer_id")
    def _compute_no_login_names(self):
        for wizard in self:
            wizard.no_login_names = ", ".join(
                wizard.line_ids.reviewer_id.filtered(lambda r: not r.user_id).mapped(
                    "name"
                )
            )

    def action_send(self):
        """Create every request in one go and send them to the reviewers who
        can answer; those without a user are skipped with a warning."""
        self.ensure_one()
        lines = self.line_ids.filtered("reviewer_id")
        skipped = lines.filtered(lambda line: not line.reviewer_id.user_id)
        lines -= skipped
        if not lines:
            raise UserError(
                self.env._(
                    "Nobody to ask: choose reviewers with a user (%(names)s "
                    "cannot log in to answer).",
                    names=", ".join(skipped.reviewer_id.mapped("name")),
                )
                if skipped
                else self.env._("Choose at least one reviewer.")
            )
        # sudo: which reviewers already have a request (some may be hidden from
        # the user), so that nobody is asked twice
        roles = self.env["hr.appraisal"]._get_employee_roles(
            self.appraisal_id.employee_id
        )
        nominating = roles.get(self.appraisal_id.employee_id.id) == "self"
        already = (
            # sudo: requests hidden from the user count too (comment above)
            self.appraisal_id.sudo()
            .feedback_request_ids.filtered(
                lambda r: r.state in ("draft", "requested", "answered", "declined")
            )
            .reviewer_id
        )
        lines = lines.filtered(lambda line: line.reviewer_id not in already)
        if not lines and nominating:
            # the subject learns nothing of who else was asked (anonymously
            # perhaps): those already asked are left out without a word
            return {"type": "ir.actions.act_window_close"}
        if not lines:
            raise UserError(
                self.env._("Every reviewer chosen has already been asked for feedback.")
            )
        requests = self.env["hr.feedback.request"].create(
            [
                {
                    "employee_id": self.appraisal_id.employee_id.id,
                    "reviewer_id": line.reviewer_id.id,
                    "relation": line.relation,
                    "appraisal_id": self.appraisal_id.id,
                    "date_deadline": self.date_deadline,
                    "anonymous": self.anonymous,
                }
                for line in lines
            ]
        )
        if not nominating:
            # (nominated by the subject: drafts their manager sends)
            requests.action_request()
        close = {"type": "ir.actions.act_window_close"}
        if not skipped:
            return close
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "warning",
                "sticky": True,
                "message": self.env._(
                    "%(count)s requests sent. Skipped, without a user to answer "
                    "with: %(names)s.",
                    count=len(requests),
                    names=", ".join(skipped.reviewer_id.mapped("name")),
                ),
                "next": close,
            },
        }
