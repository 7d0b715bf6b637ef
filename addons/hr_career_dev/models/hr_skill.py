# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class HrSkill(models.Model):
    _inherit = "hr.skill"

    def _level_label(self, progress):
        """The name of the level of the skill's type for ``progress`` (0-100),
        as the backend shows levels: the highest level at or below it, or
        "none" when the person has not reached the first level."""
        self.ensure_one()
        reached = self.skill_type_id.skill_level_ids.filtered(
            lambda level: level.level_progress <= (progress or 0)
        ).sorted("level_progress")
        if not reached:
            return self.env._("none")
        return reached[-1].name
