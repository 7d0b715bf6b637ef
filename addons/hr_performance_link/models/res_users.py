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

    def _appraisal_user_group(self):
        """OCA's Appraisals user group, to grant and take back the role on
        behalf of the rule that decides (a manager, an invited calibrator);
        the rights given are the record rules' (their own organisation)."""
        # sudo: the group and its members are settings HR cannot write
        return self.env.ref(APPRAISAL_USER_GROUP).sudo()

    def _grant_appraisal_rights_to_users(self):
        """The Appraisals user role for the internal users of ``self`` who
        lack it, remembered as the suite's grant. Two writes for all."""
        group = self._appraisal_user_group()
        members = group.with_context(active_test=False).users
        missing = {user.id for user in self if not user.share} - set(members.ids)
        if not missing:
            return
        group.write({"users": [Command.link(user_id) for user_id in missing]})
        # the new members, in the group's environment
        group.users.filtered(lambda user: user.id in missing).write(
            {"appraisal_rights_granted": True}
        )

    def _needs_appraisal_rights(self):
        """The ids of the users of ``self`` who still need the Appraisals app:
        one of their active employees has an active report. Two queries.
        Called on the group's members (_revoke_appraisal_rights), in its
        environment: the whole org chart is read."""
        Employee = self.env["hr.employee"].with_context(active_test=True)
        employees = Employee.search([("user_id", "in", self.ids)])
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
        if not self:
            return
        group = self._appraisal_user_group()
        asked = set(self.ids)
        granted = group.users.filtered(
            lambda user: user.id in asked and user.appraisal_rights_granted
        )
        if not granted:
            return
        still_needed = granted._needs_appraisal_rights()
        revoked = granted.filtered(
            lambda user: user.id not in still_needed
            and group not in (user.groups_id - group).trans_implied_ids
        )
        if revoked:
            group.write({"users": [Command.unlink(user.id) for user in revoked]})
            revoked.write({"appraisal_rights_granted": False})
