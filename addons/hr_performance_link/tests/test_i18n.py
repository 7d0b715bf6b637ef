# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.hr_career_dev.tests.i18n_common import LANGS, CareerTranslationCase

# What this addon adds to /my/career for an employee with no check-in,
# objective or feedback request.
MY_CAREER_TERMS = [
    "Coming check-ins",
    "Nobody is waiting for your feedback.",
    "Feedback to give",
    "No open objective.",
]


@tagged("post_install", "-at_install")
class TestPerformanceTranslations(CareerTranslationCase):
    """French, German, Spanish and Dutch: every term of hr_performance_link is
    translated, and /my/career shows its sections in the user's language."""

    def test_po_files_translate_every_term_with_its_placeholders(self):
        self.assertPoComplete("hr_performance_link")

    def test_my_career_performance_sections_speak_the_users_language(self):
        for code in LANGS:
            with self.subTest(lang=code):
                page = self.render_my_career(code)
                self.assertPageTranslated(
                    page, "hr_performance_link", code, MY_CAREER_TERMS
                )
