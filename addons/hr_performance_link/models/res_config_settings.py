# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


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

    def action_open_rating_scale(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_performance_link.hr_performance_rating_action"
        )
        action["domain"] = [("company_id", "=", self.company_id.id)]
        action["context"] = {"default_company_id": self.company_id.id}
        return action
