# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

# who manages whom changes with these fields: the Appraisals role follows
CHART_FIELDS = {"parent_id", "user_id", "active"}


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    @api.model_create_multi
    def create(self, vals_list):
        employees = super().create(vals_list)
        employees._grant_appraisal_rights()
        return employees

    def write(self, vals):
        before = self.env["res.users"]
        if CHART_FIELDS & set(vals):
            # the managers and users before the change (HR writes the chart),
            # whose role is taken back below when they no longer manage anyone
            chart = self.with_context(active_test=False)
            before = chart.parent_id.user_id | chart.user_id
        result = super().write(vals)
        if CHART_FIELDS & set(vals):
            self._grant_appraisal_rights()
            before._revoke_appraisal_rights()
        return result

    def unlink(self):
        # as in write(), the managers and users of the deleted employees
        chart = self.with_context(active_test=False)
        before = chart.parent_id.user_id | chart.user_id
        result = super().unlink()
        before._revoke_appraisal_rights()
        return result

    def _grant_appraisal_rights(self):
        """Whoever manages someone (the manager of these employees, and these
        employees when they have reports) gets OCA's Appraisals user role on
        their internal user: the Appraisals app, where the suite's record
        rules show them their organisation's appraisals (the parent_id chain)
        and nothing else. Archived employees manage nobody. One search, two
        writes for all."""
        # the org chart as HR (who writes it) reads it; the role is granted
        # in res.users' _grant_appraisal_rights_to_users
        employees = self.filtered("active")
        managers = employees.parent_id.filtered("active") | employees.filtered(
            "child_ids"
        )
        managers.user_id._grant_appraisal_rights_to_users()

    @api.model
    def _grant_appraisal_rights_all(self):
        """Install and update: every current manager gets the role. Run by
        the module's data, as the superuser (over the whole org chart)."""
        self.search([("child_ids", "!=", False)])._grant_appraisal_rights()
