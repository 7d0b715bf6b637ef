# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.hr_career_dev.tests.i18n_common import (
    LANGS,
    CareerTranslationCase,
    po_terms,
)

MODULE = "hr_recognition_appraisal"


@tagged("post_install", "-at_install")
class TestRecognitionAppraisalTranslations(CareerTranslationCase):
    """French, German, Spanish and Dutch: every term of the bridge is
    translated, and HR reads the appraisal rule in their language."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.module.module"]._load_module_terms(
            [MODULE], list(LANGS), overwrite=True
        )

    def test_po_files_translate_every_term_with_its_placeholders(self):
        self.assertPoComplete(MODULE)

    def test_appraisal_rule_speaks_the_users_language(self):
        rule = self.env.ref(f"{MODULE}.automation_appraisal_done")
        grant = self.env.ref(f"{MODULE}.action_grant_appraisal_done")
        for code, base in LANGS.items():
            with self.subTest(lang=code):
                terms = po_terms(MODULE, base)
                self.assertEqual(
                    rule.with_context(lang=code).name,
                    terms["Recognition: appraisal completed"],
                )
                self.assertEqual(
                    grant.with_context(lang=code).badge_reason,
                    terms["Appraisal completed"],
                )
