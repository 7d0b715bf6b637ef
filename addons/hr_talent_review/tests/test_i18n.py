# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.hr_career_dev.tests.i18n_common import (
    LANGS,
    CareerTranslationCase,
    po_terms,
)

MODULE = "hr_talent_review"


@tagged("post_install", "-at_install")
class TestTalentReviewTranslations(CareerTranslationCase):
    """French, German, Spanish and Dutch: every term of the talent review is
    translated (the board, the settings, the boxes, successor pools)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.module.module"]._load_module_terms(
            [MODULE], list(LANGS), overwrite=True
        )

    def test_po_files_translate_every_term_with_its_placeholders(self):
        self.assertPoComplete(MODULE)

    def test_box_names_in_each_language(self):
        box = self.env.ref(f"{MODULE}.hr_talent_box_8")
        for code, base in LANGS.items():
            with self.subTest(lang=code):
                name = box.with_context(lang=code).name
                self.assertEqual(name, po_terms(MODULE, base)["Future Star"])
                self.assertNotEqual(name, "Future Star")
