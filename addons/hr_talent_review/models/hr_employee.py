# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .hr_talent_review_line import BOX_SELECTION


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    talent_placement_id = fields.Many2one(
        "hr.talent.placement",
        compute="_compute_talent_placement_id",
        groups="hr.group_hr_user",
        help="The 9-box placement written back by the last closed calibration session.",
    )
    talent_box_name = fields.Selection(
        BOX_SELECTION,
        string="9-Box Placement",
        compute="_compute_talent_placement_id",
        groups="hr.group_hr_user",
    )

    def _compute_talent_placement_id(self):
        current = {
            placement.employee_id.id: placement
            for placement in self.env["hr.talent.placement"].search(
                [("employee_id", "in", self.ids), ("is_current", "=", True)]
            )
        }
        for employee in self:
            placement = current.get(employee.id, False)
            employee.talent_placement_id = placement
            employee.talent_box_name = placement and placement.box_name
