# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The suite's scheduled actions are not buttons (issue 27, item 6 and
finding 8): only the cron's user and HR managers run them; the weekly digest
mails each person at most once a week."""

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import JsonRpcMixin
from .opportunity_common import OpportunityCase


class ScheduledActionCase(OpportunityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.new = cls._opportunity(
            "Digest: SQL rotation", skills=[("required", cls.sql, cls.intermediate)]
        )
        cls.cron = cls.env.ref("hr_career_dev.ir_cron_opportunity_digest")

    def _digests(self):
        return self.env["mail.mail"].search(
            [("subject", "like", "New internal opportunities for you")]
        )


@tagged("post_install", "-at_install", "suite_upgrade")
class TestScheduledActions(ScheduledActionCase):
    def test_digest_twice_in_a_week_mails_each_person_once(self):
        Opportunity = self.env["hr.career.opportunity"]
        Opportunity._cron_send_digest()
        first = self._digests()
        self.assertTrue(first)
        Opportunity._cron_send_digest()
        mails = self._digests()
        self.assertEqual(mails, first, "the second run of the week mails nobody")
        per_partner = {}
        for mail in mails:
            for partner in mail.recipient_ids:
                per_partner[partner] = per_partner.get(partner, 0) + 1
        self.assertEqual(set(per_partner.values()), {1})

    def test_digest_is_not_a_button_for_employees(self):
        """Finding 8 over the ORM: the employee's run is refused, nobody is
        mailed; an HR manager runs it."""
        for user in (self.user_employee, self.user_manager, self.user_hr):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.cron.ir_actions_server_id.with_user(user).run()
            self.assertFalse(self._digests())
        self.user_hr.groups_id += self.env.ref("hr.group_hr_manager")
        self.cron.ir_actions_server_id.with_user(self.user_hr).run()
        self.assertTrue(self._digests())


@tagged("post_install", "-at_install", "suite_upgrade")
class TestScheduledActionsRpc(JsonRpcMixin, ScheduledActionCase, HttpCase):
    def test_employee_runs_no_digest_over_rpc(self):
        """Finding 8 as found: ``ir.actions.server.run`` over JSON-RPC."""
        self.assertRpcRefused(
            "career_employee",
            "ir.actions.server",
            "run",
            [[self.cron.ir_actions_server_id.id]],
            error="odoo.exceptions.AccessError",
        )
        self.assertFalse(self._digests())
