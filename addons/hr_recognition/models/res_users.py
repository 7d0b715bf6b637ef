# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def write(self, vals):
        res = super().write(vals)
        if "company_ids" in vals:
            # a user given a company joins its Recognition channel; read as
            # the writer, who manages users (group_erp_manager reads every
            # company) or runs as superuser (company creation, signup)
            self.company_ids.recognition_channel_id._subscribe_users_automatically()
        return res
