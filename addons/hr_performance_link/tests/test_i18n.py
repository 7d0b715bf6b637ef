# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.hr_career_dev.tests.i18n_common import (
    LANGS,
    CareerTranslationCase,
    po_terms,
)

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

    def test_duplicate_rating_step_is_refused_in_the_users_language(self):
        """This addon's UNIQUE constraints, checked early by hr_career_dev's
        mixin, answer with this addon's translation of their message."""
        msgid = "Two steps of a rating scale cannot start at the same score."
        Rating = self.env["hr.performance.rating"]
        scale = Rating.search([("company_id", "=", self.env.company.id)])
        taken = scale[:1].score_min
        for code, base in LANGS.items():
            with self.subTest(lang=code):
                translated = po_terms("hr_performance_link", base)[msgid]
                self.assertNotEqual(translated, msgid)
                with self.assertRaises(ValidationError) as refused:
                    Rating.with_context(lang=code).create(
                        {"name": "Twice", "score_min": taken}
                    )
                self.assertEqual(str(refused.exception), translated)
                self.assertEqual(
                    Rating.search([("company_id", "=", self.env.company.id)]), scale
                )
