# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class HrCourseSuggestion(models.TransientModel):
    """A course suggested to an employee because it closes some of their gaps,
    shown in a list with a one-click "Enrol" button."""

    _name = "hr.course.suggestion"
    _description = "Course suggested to an employee"
    _order = "rank, id"
    _rec_name = "channel_id"

    employee_id = fields.Many2one("hr.employee", required=True, ondelete="cascade")
    channel_id = fields.Many2one(
        "slide.channel", string="Course", required=True, ondelete="cascade"
    )
    score = fields.Float(digits=(16, 2))
    rank = fields.Integer()
    reason = fields.Text(string="Why", help="The gaps this course closes.")
    is_enrolled = fields.Boolean(compute="_compute_is_enrolled")

    @api.depends("employee_id", "channel_id")
    def _compute_is_enrolled(self):
        partners = self.employee_id.user_id.partner_id
        # membership status only, of employees the HR user already reads;
        # HR officers are not necessarily course officers
        memberships = (
            self.env["slide.channel.partner"]
            # sudo: membership status only (comment above)
            .sudo()
            .search(
                [
                    ("channel_id", "in", self.channel_id.ids),
                    ("partner_id", "in", partners.ids),
                ]
            )
        )
        enrolled = {(m.channel_id.id, m.partner_id.id) for m in memberships}
        for suggestion in self:
            partner = suggestion.employee_id.user_id.partner_id
            suggestion.is_enrolled = (
                suggestion.channel_id.id,
                partner.id,
            ) in enrolled

    def action_enroll(self):
        """Enrol the employee's user in the course."""
        self.ensure_one()
        partner = self.employee_id.user_id.partner_id
        if not partner:
            raise UserError(
                self.env._(
                    "%(employee)s has no user: link the employee to a user "
                    "(the employee's HR Settings tab) before enrolling them in "
                    "“%(course)s”.",
                    employee=self.employee_id.name,
                    course=self.channel_id.name,
                )
            )
        self.channel_id._action_add_members(partner, raise_on_access=True)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(employee)s is enrolled in “%(course)s”.",
                    employee=self.employee_id.name,
                    course=self.channel_id.name,
                ),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }
