# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.hr_career_dev.tests.i18n_common import (
    LANGS,
    CareerTranslationCase,
    po_terms,
)

MODULE = "hr_career_dashboard"


@tagged("post_install", "-at_install")
class TestCareerDashboardTranslations(CareerTranslationCase):
    """French, German, Spanish and Dutch: every term of the dashboard is
    translated, and the Dashboards app lists it in the user's language."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.module.module"]._load_module_terms(
            [MODULE], list(LANGS), overwrite=True
        )

    def test_po_files_translate_every_term_with_its_placeholders(self):
        self.assertPoComplete(MODULE)

    def test_dashboard_name_in_each_language(self):
        dashboard = self.env.ref(f"{MODULE}.spreadsheet_dashboard_career_performance")
        for code, base in LANGS.items():
            with self.subTest(lang=code):
                name = dashboard.with_context(lang=code).name
                self.assertEqual(name, po_terms(MODULE, base)["Career & Performance"])
                self.assertNotEqual(name, "Career & Performance")
