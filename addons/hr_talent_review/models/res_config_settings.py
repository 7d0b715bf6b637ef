# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .hr_talent_placement import EMPLOYEE_VISIBLE_PARAM


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    talent_target_low = fields.Integer(
        related="company_id.talent_target_low", readonly=False
    )
    talent_target_medium = fields.Integer(
        related="company_id.talent_target_medium", readonly=False
    )
    talent_target_high = fields.Integer(
        related="company_id.talent_target_high", readonly=False
    )
    talent_high_potential_boxes = fields.Char(
        related="company_id.talent_high_potential_boxes", readonly=False
    )
    talent_employee_visible = fields.Boolean(
        string="Employees see their own talent placement",
        config_parameter=EMPLOYEE_VISIBLE_PARAM,
        help="Off by default: the 9-box placement is for HR and the manager "
        "chain only.",
    )

    def set_values(self):
        before = self.env["hr.talent.placement"]._employees_see_placement()
        result = super().set_values()
        after = self.env["hr.talent.placement"]._employees_see_placement()
        if before != after:
            # sudo: Settings (group_system) switch who sees the placements
            self.env["hr.talent.placement"].sudo().search(
                [("visible_to_employee", "!=", after)]
            ).write({"visible_to_employee": after})
        return result
