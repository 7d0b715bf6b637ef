# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

CHECKIN_CADENCES = [
    ("weekly", "Weekly"),
    ("biweekly", "Every two weeks"),
    ("monthly", "Monthly"),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    feedback_peer_count = fields.Integer(
        string="360° Peers per Person",
        default=3,
        help="How many peers each employee may nominate for their 360° "
        "feedback (their manager approves them); the manager is asked too.",
    )

    checkin_cadence = fields.Selection(
        CHECKIN_CADENCES,
        string="Check-in Cadence",
        default="monthly",
        required=True,
        help="How often managers hold a check-in with each of their employees.",
    )

    @api.constrains("feedback_peer_count")
    def _check_feedback_peer_count(self):
        for company in self:
            if not 0 <= company.feedback_peer_count <= 20:
                raise ValidationError(
                    self.env._(
                        "Each employee nominates from 0 to 20 peers for 360° "
                        "feedback, not %(count)s.",
                        count=company.feedback_peer_count,
                    )
                )
