# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class DiscussChannel(models.Model):
    _inherit = "discuss.channel"

    def _subscribe_users_automatically_get_members(self):
        """A company's Recognition channel subscribes the users of that company
        only (its auto-subscription group is every internal user)."""
        new_members = super()._subscribe_users_automatically_get_members()
        # sudo: which company owns the channel, whoever adds the members
        companies = (
            self.env["res.company"]
            .sudo()
            .search([("recognition_channel_id", "in", self.ids)])
        )
        for company in companies:
            channel_id = company.recognition_channel_id.id
            partner_ids = new_members.get(channel_id)
            if not partner_ids:
                continue
            # the users about to be subscribed, of that company: internal
            # users (the channel's group), whom every internal user reads
            users = self.env["res.users"].search(
                [
                    ("partner_id", "in", partner_ids),
                    ("company_ids", "in", company.ids),
                ]
            )
            allowed = set(users.partner_id.ids)
            new_members[channel_id] = [p for p in partner_ids if p in allowed]
        return new_members
