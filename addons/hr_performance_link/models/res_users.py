# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""OCA's Appraisals user role, granted by the suite to the people who need
the app (managers; hr_talent_review adds invited calibrators) and taken back
from them when they no longer do: only from the users the suite granted it
to, never from those HR gave it by hand."""

from odoo import Command, fields, models

APPRAISAL_USER_GROUP = "hr_appraisal_oca.group_appraisal_user"


class ResUsers(models.Model):
    _inherit = "res.users"

    appraisal_rights_granted = fields.Boolean(
        string="Appraisals Role Granted by the Suite",
        readonly=True,
        copy=False,
        groups="base.group_erp_manager",
        help="The suite gave this user the Appraisals user role (they manage "
        "someone, or calibrate): it takes it back when they no longer need it. "
        "A role HR gave by hand is never taken back.",
    )

    def _grant_appraisal_rights_to_users(self):
        """The Appraisals user role for the internal users of ``self`` who
        lack it, remembered as the suite's grant. Two writes for all."""
        # sudo: the users' groups, written on behalf of the rule that needs it
        # (a manager, an invited calibrator); the rights given are the record
        # rules' (their own organisation only)
        users = self.sudo().filtered(lambda user: not user.share)
        if not users:
            return users
        group = self.env.ref(APPRAISAL_USER_GROUP).sudo()
        missing = users - users.filtered_domain([("groups_id", "in", group.ids)])
        if missing:
            group.write({"users": [Command.link(user.id) for user in missing]})
            missing.write({"appraisal_rights_granted": True})
        return missing

    def _needs_appraisal_rights(self):
        """The ids of the users of ``self`` who still need the Appraisals app:
        one of their active employees has an active report. Two queries."""
        # sudo: the org chart, read to know who still manages someone
        Employee = self.env["hr.employee"].sudo().with_context(active_test=True)
        employees = Employee.search([("user_id", "in", self.ids)])
        # the active employees and reports only (the callers may not say so)
        return {
            manager.user_id.id
            for [manager] in Employee._read_group(
                [("parent_id", "in", employees.ids)], ["parent_id"]
            )
        }

    def _revoke_appraisal_rights(self):
        """Take the Appraisals user role back from the users of ``self`` the
        suite granted it to and who no longer need it; a user who holds it
        through another group (HR officer) or was given it by hand keeps
        it."""
        # sudo: the users' groups and the suite's mark on them
        granted = self.sudo().filtered("appraisal_rights_granted")
        if not granted:
            return granted
        still_needed = granted._needs_appraisal_rights()
        group = self.env.ref(APPRAISAL_USER_GROUP).sudo()
        revoked = granted.filtered(
            lambda user: user.id not in still_needed
            and group not in (user.groups_id - group).trans_implied_ids
        )
        if revoked:
            group.write({"users": [Command.unlink(user.id) for user in revoked]})
            revoked.write({"appraisal_rights_granted": False})
        return revoked
