# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class HrAppraisalSkill(models.Model):
    _inherit = "hr.appraisal.skill"

    def _career_policy_check(self, operation, vals_list):
        """The employee's level on a line is part of their self-review:
        frozen with it (hr.appraisal._check_self_review_open)."""
        super()._career_policy_check(operation, vals_list)
        if not self or self._career_policy_is_hr():
            return
        # the current levels, read with the user's rights (whoever writes a
        # line reads it), only compared with the written ones
        lines = self
        if any(
            "self_level_id" in vals
            and not all(
                self._career_equal(
                    "self_level_id", vals["self_level_id"], line.self_level_id
                )
                for line in lines
            )
            for vals in vals_list
        ):
            lines.appraisal_id._check_self_review_open({"skill_assessment_ids"})
