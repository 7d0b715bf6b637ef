# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class HrCareerReminderMixin(models.AbstractModel):
    """Reminders sent as mail activities by a cron: never two open ones of the
    same type on a record."""

    _name = "hr.career.reminder.mixin"
    _description = "Career reminders as activities"

    def _without_open_activity(self, activity_type):
        """The records of ``self`` with no open activity of ``activity_type``
        (one query)."""
        if not self:
            return self
        reminded = {
            res_id
            for (res_id,) in self.env["mail.activity"]._read_group(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("activity_type_id", "=", activity_type.id),
                ],
                ["res_id"],
            )
        }
        return self.filtered(lambda record: record.id not in reminded)
