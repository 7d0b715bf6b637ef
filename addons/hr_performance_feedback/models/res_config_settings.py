# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .hr_appraisal import NOMINATE_PARAM


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    checkin_cadence = fields.Selection(
        related="company_id.checkin_cadence", readonly=False, required=True
    )
    feedback_peer_count = fields.Integer(
        related="company_id.feedback_peer_count", readonly=False
    )
    feedback_employee_nominate = fields.Boolean(
        string="Employees may nominate 360° reviewers",
        config_parameter=NOMINATE_PARAM,
        help="The appraised employee may propose reviewers for their 360° "
        "feedback; the requests stay drafts until their manager sends them.",
    )
