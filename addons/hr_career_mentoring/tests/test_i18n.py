# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.hr_career_dev.tests.i18n_common import (
    LANGS,
    CareerTranslationCase,
    po_terms,
)

MODULE = "hr_career_mentoring"


@tagged("post_install", "-at_install")
class TestMentoringTranslations(CareerTranslationCase):
    """French, German, Spanish and Dutch: every term of the addon is
    translated, and the badge and the explanation of a suggestion speak the
    user's language."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.module.module"]._load_module_terms(
            [MODULE], list(LANGS), overwrite=True
        )

    def test_po_files_translate_every_term_with_its_placeholders(self):
        self.assertPoComplete(MODULE)

    def test_badge_and_rule_speak_the_users_language(self):
        badge = self.env.ref(f"{MODULE}.badge_mentor")
        rule = self.env.ref(f"{MODULE}.automation_mentor_badge")
        for code, base in LANGS.items():
            with self.subTest(lang=code):
                terms = po_terms(MODULE, base)
                self.assertEqual(badge.with_context(lang=code).name, terms["Mentor"])
                self.assertEqual(
                    rule.with_context(lang=code).name, terms["Recognition: mentor"]
                )
