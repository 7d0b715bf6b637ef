# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.hr_career_dev.tests.i18n_common import LANGS, CareerTranslationCase

# The badges section of /my/career for an employee who has none yet.
MY_CAREER_TERMS = [
    "My badges",
    "No badge yet: finish a course or reach a goal to earn one.",
]


@tagged("post_install", "-at_install")
class TestRecognitionTranslations(CareerTranslationCase):
    """French, German, Spanish and Dutch: every term of hr_recognition is
    translated, and /my/career shows the badges section in the user's language."""

    def test_po_files_translate_every_term_with_its_placeholders(self):
        self.assertPoComplete("hr_recognition")

    def test_my_career_badges_speak_the_users_language(self):
        for code in LANGS:
            with self.subTest(lang=code):
                page = self.render_my_career(code)
                self.assertPageTranslated(page, "hr_recognition", code, MY_CAREER_TERMS)
