# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .hr_talent_placement import EMPLOYEE_VISIBLE_PARAM


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    checkin_cadence = fields.Selection(
        related="company_id.checkin_cadence", readonly=False, required=True
    )
    rating_objective_weight = fields.Integer(
        related="company_id.rating_objective_weight", readonly=False
    )
    feedback_employee_nominate = fields.Boolean(
        string="Employees may nominate 360° reviewers",
        config_parameter="hr_performance_link.employee_nominate_reviewers",
        help="The appraised employee may propose reviewers for their 360° "
        "feedback; the requests stay drafts until their manager sends them.",
    )

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

    def action_open_rating_scale(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_performance_link.hr_performance_rating_action"
        )
        action["domain"] = [("company_id", "=", self.company_id.id)]
        action["context"] = {"default_company_id": self.company_id.id}
        return action
