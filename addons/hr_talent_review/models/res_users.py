# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _needs_appraisal_rights(self):
        """Invited calibrators of a session not closed yet keep the
        Appraisals app, where the Talent Review menu is. One query more, in
        the group's environment as the parent method (every session)."""
        needed = super()._needs_appraisal_rights()
        sessions = self.env["hr.talent.review"].search(
            [("manager_ids", "in", self.ids), ("state", "!=", "done")]
        )
        return needed | set((sessions.manager_ids & self).ids)
