# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HrRecognitionAwardExisting(models.TransientModel):
    """Dry run, then confirmation, of awarding a new or edited recognition rule
    to those who already qualify: counts only (no list), so that it answers as
    fast for 10,000 employees as for 10; the awards are made by jobs."""

    _name = "hr.recognition.award.existing"
    _description = "Award a recognition rule to those who already qualify"

    automation_id = fields.Many2one(
        "base.automation", required=True, readonly=True, ondelete="cascade"
    )
    rule_name = fields.Char(string="Rule", readonly=True)
    matching_count = fields.Integer(
        string="Matching Records",
        readonly=True,
        help="Records that satisfy the rule's condition now.",
    )
    employee_count = fields.Integer(
        string="Employees Who Qualify",
        readonly=True,
        help="Employees who would receive a badge now (and do not have it yet).",
    )
    award_count = fields.Integer(
        string="Awards",
        readonly=True,
        help="Badges that would be awarded now: one per badge, employee and "
        "record it is awarded for.",
    )
    no_user_count = fields.Integer(
        string="Employees Without User",
        readonly=True,
        help="They match the rule but cannot receive a badge: they have no user.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        self.env["gamification.badge.user"]._recognition_check_hr()
        return super().create(vals_list)

    def action_confirm(self):
        """Award in background jobs, by chunks; the rule shows the jobs that
        still run or failed."""
        self.ensure_one()
        count = self.automation_id._recognition_award_existing_enqueue()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "info",
                "message": self.env._(
                    "%(rule)s: the badges of the %(count)s matching records are "
                    "being awarded in background jobs.",
                    rule=self.rule_name,
                    count=count,
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
