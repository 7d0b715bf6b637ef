# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.hr_career_dev.tests.common import JsonRpcMixin
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import AppraisalTrustCase, AppraisalTrustData

APPRAISAL_USER = "hr_appraisal_oca.group_appraisal_user"


class TestEmployeeAppraisalButton(AppraisalTrustCase):
    """The Appraisals button of the employee form: HR and the employee's
    managers open the employee's appraisals; nobody else."""

    def _public(self, user, employee=None):
        return (
            self.env["hr.employee.public"]
            .with_user(user)
            .browse((employee or self.employee).id)
        )

    def test_hr_and_managers_open_the_employees_appraisals(self):
        # HR, on the employee form
        as_hr = self.employee.with_user(self.user_hr_officer)
        self.assertTrue(as_hr.can_open_appraisals)
        self.assertEqual(as_hr.open_appraisal_count, 1)
        action = as_hr.action_open_appraisals()
        self.assertEqual(
            self.env["hr.appraisal"].search(action["domain"]), self.appraisal
        )
        # Mona, Eve's manager without HR rights, on the public form she is
        # served: the same button, her report's appraisals
        mona = self._public(self.user_manager)
        self.assertTrue(mona.can_open_appraisals)
        self.assertEqual(mona.open_appraisal_count, 1)
        action = mona.action_open_appraisals()
        found = (
            self.env["hr.appraisal"]
            .with_user(self.user_manager)
            .search(action["domain"])
        )
        self.assertEqual(found, self.appraisal)
        arch = (
            self.env["hr.employee"]
            .with_user(self.user_manager)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn('name="action_open_appraisals"', arch)
        # a completed appraisal is not counted as open
        self.appraisal.state = "3_done"
        self.env.invalidate_all()
        self.assertEqual(self._public(self.user_manager).open_appraisal_count, 0)

    def test_others_get_no_button_and_are_refused(self):
        for user in (
            self.user_colleague,  # a colleague
            self.user_other_manager,  # the manager of another team
            self.user_employee,  # Eve herself: her appraisals are in her menu
        ):
            record = self._public(user)
            self.assertFalse(record.can_open_appraisals, user.name)
            self.assertEqual(record.open_appraisal_count, 0, user.name)
            with self.assertRaises(AccessError):
                record.action_open_appraisals()


@tagged("post_install", "-at_install")
class TestEmployeeAppraisalButtonRpc(JsonRpcMixin, AppraisalTrustData, HttpCase):
    @mute_logger("odoo.http")
    def test_a_colleague_cannot_open_them_over_json_rpc(self):
        self.assertRpcRefused(
            "pl_mallory",
            "hr.employee.public",
            "action_open_appraisals",
            [self.employee.ids],
            error="odoo.exceptions.AccessError",
        )
        action = self.call_kw(
            "pl_manager",
            "hr.employee.public",
            "action_open_appraisals",
            [self.employee.ids],
        )
        self.assertEqual(action["res_model"], "hr.appraisal")


class TestAppraisalRoleRevoked(AppraisalTrustCase):
    """The Appraisals role the suite grants to managers goes when they no
    longer manage anyone; a role HR gave by hand stays."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_nora = mail_new_test_user(
            cls.env, login="pl_nora", name="Nora Newlead", groups="base.group_user"
        )
        cls.nora = cls.env["hr.employee"].create(
            {"name": "Nora Newlead", "user_id": cls.user_nora.id}
        )

    def _has_role(self, user):
        user.invalidate_recordset(["groups_id"])
        return user.has_group(APPRAISAL_USER)

    def test_role_goes_when_the_last_report_moves_away(self):
        self.colleague.parent_id = self.nora
        self.assertTrue(self._has_role(self.user_nora))
        self.assertTrue(self.user_nora.appraisal_rights_granted)
        self.colleague.parent_id = self.manager
        self.assertFalse(self._has_role(self.user_nora))
        self.assertFalse(self.user_nora.appraisal_rights_granted)
        self.assertFalse(
            self.env.ref("hr_appraisal_oca.menu_hr_appraisal_root").id
            in self.env["ir.ui.menu"].with_user(self.user_nora)._visible_menu_ids()
        )

    def test_role_goes_when_the_report_is_archived_or_the_user_changes(self):
        self.colleague.parent_id = self.nora
        self.colleague.active = False
        self.assertFalse(self._has_role(self.user_nora))
        self.colleague.active = True
        self.assertTrue(self._has_role(self.user_nora))
        # Nora's employee gets another user: the new one manages, not hers
        user_new = mail_new_test_user(
            self.env, login="pl_nora2", name="Nora Second", groups="base.group_user"
        )
        self.nora.user_id = user_new
        self.assertFalse(self._has_role(self.user_nora))
        self.assertTrue(self._has_role(user_new))
        # the manager archived: his own user loses it too
        self.nora.active = False
        self.assertFalse(self._has_role(user_new))

    def test_role_given_by_hand_is_never_taken_back(self):
        group = self.env.ref(APPRAISAL_USER)
        # HR gives Nora the app by hand before she manages anyone
        self.user_nora.groups_id = [Command.link(group.id)]
        self.colleague.parent_id = self.nora
        self.assertFalse(self.user_nora.appraisal_rights_granted)
        self.colleague.parent_id = self.manager
        self.assertTrue(self._has_role(self.user_nora))
        # an HR officer holds it through their HR role: kept as well
        user_hr = mail_new_test_user(
            self.env, login="pl_hr_lead", name="Hal HR", groups="base.group_user"
        )
        hal = self.env["hr.employee"].create({"name": "Hal", "user_id": user_hr.id})
        self.colleague.parent_id = hal
        self.assertTrue(user_hr.appraisal_rights_granted)
        user_hr.groups_id = [Command.link(self.env.ref("hr.group_hr_user").id)]
        self.colleague.parent_id = self.manager
        self.assertTrue(self._has_role(user_hr))


class TestPortalEmployeeConfirmation(AppraisalTrustCase):
    def test_a_portal_employee_gets_no_backend_todo(self):
        paula = self.env["hr.employee"].create(
            {
                "name": "Paula Portal",
                "user_id": self.user_portal.id,
                "parent_id": self.manager.id,
            }
        )
        appraisal = self.env["hr.appraisal"].create(
            {
                "employee_id": paula.id,
                "manager_ids": [Command.set(self.manager.ids)],
                "date_close": self.today,
            }
        )
        appraisal.action_confirm()
        # Mona has hers; Paula, who cannot open the backend, none
        self.assertIn(self.user_manager, appraisal.activity_ids.user_id)
        self.assertNotIn(self.user_portal, appraisal.activity_ids.user_id)
