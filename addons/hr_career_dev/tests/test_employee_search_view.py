# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree

from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestEmployeeSearchView(TransactionCase):
    """A manager without HR rights opens Employees (the suite sends them
    there): every field the search view names is a field the web client
    receives, or the screen fails with "Unknown field"."""

    def test_employees_search_view_names_only_fields_the_user_gets(self):
        user = new_test_user(self.env, login="plain_manager", groups="base.group_user")
        self.env["hr.employee"].create({"name": "Plain Manager", "user_id": user.id})
        action = self.env.ref("hr.open_view_employee_list_my")
        self.assertTrue(action.search_view_id)
        result = (
            self.env["hr.employee"]
            .with_user(user)
            .get_views([(action.search_view_id.id, "search"), (False, "kanban")])
        )
        fields = result["models"]["hr.employee"]["fields"]
        arch = etree.fromstring(result["views"]["search"]["arch"])
        names = {node.get("name") for node in arch.iter("field")}
        self.assertIn("department_id", names)
        self.assertEqual(names - set(fields), set())
