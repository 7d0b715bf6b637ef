# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged

from odoo.addons.hr_career_dev.tests.i18n_common import (
    LANGS,
    placeholders,
    po_terms,
    pot_terms,
)

from .compensation_common import CompensationData

MODULE = "hr_compensation_review"


@tagged("post_install", "-at_install")
class TestCompensationTranslations(CompensationData, TransactionCase):
    def test_po_files_translate_every_term_with_its_placeholders(self):
        template = pot_terms(MODULE)
        self.assertGreater(len(template), 100)
        for base in LANGS.values():
            with self.subTest(lang=base):
                terms = po_terms(MODULE, base)
                missing = sorted(src for src in template if not terms.get(src))
                self.assertFalse(missing, f"{base}.po does not translate {missing}")
                broken = [
                    src
                    for src in template
                    if placeholders(src) != placeholders(terms[src])
                ]
                self.assertFalse(broken, f"{base}.po changes placeholders: {broken}")

    def test_a_proposal_outside_the_guideline_is_refused_in_french(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(
            [MODULE], ["fr_FR"], overwrite=True
        )
        self._open()
        eve = self._cline(self.employee).with_context(lang="fr_FR")
        with self.assertRaisesRegex(ValidationError, "sort de la recommandation"):
            with self.env.cr.savepoint():
                eve.write({"increase_percent": eve.guideline_max + 5})
                self.env.flush_all()
