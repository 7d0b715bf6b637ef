# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.hr_career_dev.tests.i18n_common import (
    LANGS,
    CareerTranslationCase,
    po_terms,
)

# What the performance addons add to /my/career for an employee with no
# check-in, objective or feedback request, by the addon that holds the term.
MY_CAREER_TERMS = {
    "hr_performance_feedback": [
        "Coming check-ins",
        "Nobody is waiting for your feedback.",
        "Feedback to give",
    ],
    "hr_performance_objective": ["No open objective."],
}
# the addons split out of hr_performance_link (18.0.2.0.0) and it
PERFORMANCE_ADDONS = (
    "hr_performance_link",
    "hr_performance_objective",
    "hr_performance_feedback",
    "hr_review_cycle",
    "hr_talent_review",
)


@tagged("post_install", "-at_install")
class TestPerformanceTranslations(CareerTranslationCase):
    """French, German, Spanish and Dutch: every term of the performance addons
    is translated, and /my/career shows their sections in the user's
    language."""

    def test_po_files_translate_every_term_with_its_placeholders(self):
        installed = self.env["ir.module.module"].search(
            [("name", "in", PERFORMANCE_ADDONS), ("state", "=", "installed")]
        )
        self.assertIn("hr_performance_feedback", installed.mapped("name"))
        for module in installed.mapped("name"):
            with self.subTest(module=module):
                self.assertPoComplete(module)

    def test_my_career_performance_sections_speak_the_users_language(self):
        for code in LANGS:
            with self.subTest(lang=code):
                page = self.render_my_career(code)
                for module, terms in MY_CAREER_TERMS.items():
                    self.assertPageTranslated(page, module, code, terms)

    def test_duplicate_rating_step_is_refused_in_the_users_language(self):
        """This addon's UNIQUE constraints, checked early by hr_career_dev's
        mixin, answer with this addon's translation of their message."""
        msgid = "Two steps of a rating scale cannot start at the same score."
        Rating = self.env["hr.performance.rating"]
        scale = Rating.search([("company_id", "=", self.env.company.id)])
        taken = scale[:1].score_min
        for code, base in LANGS.items():
            with self.subTest(lang=code):
                translated = po_terms("hr_performance_objective", base)[msgid]
                self.assertNotEqual(translated, msgid)
                with self.assertRaises(ValidationError) as refused:
                    Rating.with_context(lang=code).create(
                        {"name": "Twice", "score_min": taken}
                    )
                self.assertEqual(str(refused.exception), translated)
                self.assertEqual(
                    Rating.search([("company_id", "=", self.env.company.id)]), scale
                )
