# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The role service (``hr.career.role``) answers for appraisals too: who acts
as HR on them and who the user is to each appraisal, so that every guard of
the appraisal addons asks it instead of reading owners or groups itself."""

from odoo import api, models

from odoo.addons.hr_career_dev.models.hr_career_role import MANAGER, SELF

# Group whose members act as HR on every appraisal of their allowed companies,
# besides the suite's HR officers (who imply it, with HR managers).
APPRAISAL_HR_GROUP = "hr_appraisal_oca.group_appraisal_hr_officer"
# the appraisal guards' names of the roles (hr.appraisal._get_employee_roles)
APPRAISAL_ROLES = {SELF: "self", MANAGER: "manager"}


class HrCareerRole(models.AbstractModel):
    _inherit = "hr.career.role"

    @api.model
    def _is_appraisal_hr(self):
        """HR on appraisals: the suite's HR officers (hence HR managers, the
        superuser and ``sudo()``) and OCA's Appraisals HR officers, on every
        appraisal of their allowed companies (record rules keep the others
        out)."""
        return self._is_hr_officer() or self.env.user.has_group(APPRAISAL_HR_GROUP)

    @api.model
    def _get_appraisal_roles(self, records, path="employee_id"):
        """``{record id: role}`` of the current user on each of ``records``
        (appraisals, or their lines with ``path`` ``appraisal_id.employee_id``),
        in the appraisal guards' names: ``'hr'`` (``_is_appraisal_hr``),
        ``'self'``, ``'manager'`` (the ``parent_id`` chain, any depth), or
        ``False``. Never from the appraisal's ``manager_ids``."""
        if not records:
            return {}
        if self._is_appraisal_hr():
            return dict.fromkeys(records.ids, "hr")
        roles = self._get_record_roles(records, path)
        return {
            record_id: APPRAISAL_ROLES.get(role, False)
            for record_id, role in roles.items()
        }
