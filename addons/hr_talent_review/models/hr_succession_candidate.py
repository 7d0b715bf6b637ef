# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .hr_talent_review_line import BOX_SELECTION


class HrSuccessionCandidate(models.TransientModel):
    _inherit = "hr.succession.candidate"

    talent_box_name = fields.Selection(
        BOX_SELECTION,
        string="Talent Placement",
        compute="_compute_talent_box_name",
        help="The candidate's current 9-box placement (last closed talent "
        "review), when the user may see it.",
    )

    def _compute_talent_box_name(self):
        # as the user: the placement rules decide whose placement is shown
        current = {
            placement.employee_id.id: placement.box_name
            for placement in self.env["hr.talent.placement"].search(
                [
                    ("employee_id", "in", self.employee_id.ids),
                    ("is_current", "=", True),
                ]
            )
        }
        for candidate in self:
            candidate.talent_box_name = current.get(candidate.employee_id.id, False)
