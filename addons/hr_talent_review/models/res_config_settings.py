# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .hr_talent_placement import EMPLOYEE_VISIBLE_PARAM


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # the three shares are written together (set_values): one at a time,
    # 10/70/20 -> 20/60/20 would be refused on its way (110%)
    talent_target_low = fields.Integer(
        string="Low (%)",
        compute="_compute_talent_targets",
        store=True,
        readonly=False,
        help="Share of the people expected at the low level.",
    )
    talent_target_medium = fields.Integer(
        string="Medium (%)",
        compute="_compute_talent_targets",
        store=True,
        readonly=False,
        help="Share of the people expected at the medium level.",
    )
    talent_target_high = fields.Integer(
        string="High (%)",
        compute="_compute_talent_targets",
        store=True,
        readonly=False,
        help="Share of the people expected at the high level.",
    )
    talent_high_potential_box_ids = fields.Many2many(
        related="company_id.talent_high_potential_box_ids", readonly=False
    )
    talent_employee_visible = fields.Boolean(
        string="Employees see their own talent placement",
        config_parameter=EMPLOYEE_VISIBLE_PARAM,
        help="Off by default: the 9-box placement is for HR and the manager "
        "chain only.",
    )

    @api.depends("company_id")
    def _compute_talent_targets(self):
        for settings in self:
            company = settings.company_id
            settings.talent_target_low = company.talent_target_low
            settings.talent_target_medium = company.talent_target_medium
            settings.talent_target_high = company.talent_target_high

    @api.constrains("talent_target_low", "talent_target_medium", "talent_target_high")
    def _check_talent_targets(self):
        # refused when Settings are saved, before anything is written
        for settings in self:
            self.env["res.company"]._talent_check_target_shares(
                settings.talent_target_low,
                settings.talent_target_medium,
                settings.talent_target_high,
            )

    def set_values(self):
        before = self.env["hr.talent.placement"]._employees_see_placement()
        result = super().set_values()
        targets = {
            name: self[name]
            for name in (
                "talent_target_low",
                "talent_target_medium",
                "talent_target_high",
            )
        }
        company = self.company_id
        if any(company[name] != value for name, value in targets.items()):
            company.write(targets)
        after = self.env["hr.talent.placement"]._employees_see_placement()
        if before != after:
            # sudo: Settings (group_system) switch who sees the placements
            self.env["hr.talent.placement"].sudo().search(
                [("visible_to_employee", "!=", after)]
            ).write({"visible_to_employee": after})
        return result
