# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, models

APPRAISAL_USER_GROUP = "hr_appraisal_oca.group_appraisal_user"


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    @api.model_create_multi
    def create(self, vals_list):
        employees = super().create(vals_list)
        employees._grant_appraisal_rights()
        return employees

    def write(self, vals):
        result = super().write(vals)
        if "parent_id" in vals or "user_id" in vals:
            self._grant_appraisal_rights()
        return result

    def _grant_appraisal_rights(self):
        """Whoever manages someone (the manager of these employees, and these
        employees when they have reports) gets OCA's Appraisals user role on
        their internal user: the Appraisals app, where the suite's record
        rules show them their organisation's appraisals (the parent_id chain)
        and nothing else. One search, one write for all."""
        # sudo: the org chart and the users' groups, read to grant the app;
        # the rights given are the record rules' (their reports only)
        employees = self.sudo()
        managers = employees.parent_id | employees.filtered("child_ids")
        users = managers.user_id.filtered(lambda user: not user.share)
        if not users:
            return
        # sudo: the app's group is settings (res.groups)
        group = self.env.ref(APPRAISAL_USER_GROUP).sudo()
        missing = users - users.filtered_domain([("groups_id", "in", group.ids)])
        if missing:
            group.write({"users": [Command.link(user.id) for user in missing]})

    @api.model
    def _grant_appraisal_rights_all(self):
        """Install and update: every current manager gets the role."""
        # sudo: run by the module's data, over the whole org chart
        self.sudo().search([("child_ids", "!=", False)])._grant_appraisal_rights()
