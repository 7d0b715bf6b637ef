# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestInstall(TransactionCase):
    def test_addon_installed_with_its_dependencies(self):
        modules = self.env["ir.module.module"].search(
            [
                (
                    "name",
                    "in",
                    ["hr_performance_link", "hr_career_dev", "hr_appraisal_oca"],
                )
            ]
        )
        self.assertEqual(
            set(modules.mapped("state")), {"installed"}, modules.mapped("name")
        )
        self.assertEqual(len(modules), 3)


@tagged("post_install", "-at_install", "suite_upgrade")
class TestAppraisalRoles(TransactionCase):
    """HR officers and managers, the administrator included, get the Appraisals
    app through implied groups; plain employees do not. Also run on a database
    upgraded from 18.0.1.0.0 (the groups file is not ``noupdate``: ``-u``
    writes the implied groups, which adds them to the groups' users)."""

    def _visible_root(self, user):
        root = self.env.ref("hr_appraisal_oca.menu_hr_appraisal_root")
        menus = self.env["ir.ui.menu"].with_user(user)
        return root.id in menus._visible_menu_ids()

    def test_hr_officer_and_manager_get_the_appraisal_roles(self):
        officer = mail_new_test_user(
            self.env,
            login="pl_roles_officer",
            groups="base.group_user,hr.group_hr_user",
        )
        hr_manager = mail_new_test_user(
            self.env,
            login="pl_roles_manager",
            groups="base.group_user,hr.group_hr_manager",
        )
        employee = mail_new_test_user(
            self.env, login="pl_roles_employee", groups="base.group_user"
        )
        for user in (officer, hr_manager, self.env.ref("base.user_admin")):
            self.assertTrue(
                user.has_group("hr_appraisal_oca.group_appraisal_hr_officer"),
                user.login,
            )
            self.assertTrue(
                user.has_group("hr_appraisal_oca.group_appraisal_user"), user.login
            )
            self.assertTrue(self._visible_root(user), user.login)
        self.assertFalse(employee.has_group("hr_appraisal_oca.group_appraisal_user"))
        self.assertFalse(self._visible_root(employee))
