# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged

from odoo.addons.hr_performance_link.module_moves import declared, is_declared


@tagged("post_install", "-at_install")
class TestModuleMove(TransactionCase):
    def test_split_migration_moves_every_external_id_of_the_addon(self):
        """Each external id this addon owns on a fresh install is one the
        migration of hr_performance_link 18.0.2.0.0 moves to it from a
        database where hr_performance_link held it: none is left behind."""
        names = declared("hr_performance_objective")
        rows = self.env["ir.model.data"].search(
            [("module", "=", "hr_performance_objective")]
        )
        self.assertTrue(rows)
        missed = rows.filtered(lambda row: not is_declared(names, row))
        self.assertFalse(missed.mapped("complete_name"))
