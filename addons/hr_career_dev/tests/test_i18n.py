# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools.translate import code_translations

from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.addons.website.tools import MockRequest

from .i18n_common import LANGS, CareerTranslationCase, po_terms

# Section titles of /my/career that only this addon writes.
MY_CAREER_TITLES = [
    "Top gaps",
    "Suggested courses",
    "My development actions",
    "Propose a self-assessment",
]
# What the Career tab of the employee form says.
CAREER_TAB = [
    "Career",
    "Current Job",
    "Next Step",
    "Career Goals",
    "Suggested Courses",
    "Suggestions & Enrolment",
]
# Labels of hr.employee fields of this addon, as the form's fields describe them.
FIELD_LABELS = {
    "current_job_fit": "Current Job Fit (%)",
    "target_job_readiness": "Target Job Readiness (%)",
}


@tagged("post_install", "-at_install")
class TestCareerTranslations(CareerTranslationCase):
    """French, German, Spanish and Dutch: every term of hr_career_dev is
    translated, and a user of each language sees the portal and the employee
    form in it."""

    def test_po_files_translate_every_term_with_its_placeholders(self):
        self.assertPoComplete("hr_career_dev")

    def test_career_widgets_speak_the_users_language(self):
        """The career map and the Career tab's widgets are drawn in the
        browser: their terms are JavaScript translations, served to the
        backend and to the portal (/my/career/paths) alike."""
        with MockRequest(self.env):
            frontend = self.env["ir.http"]._get_translation_frontend_modules_name()
        self.assertIn("hr_career_dev", frontend)
        for code, base in LANGS.items():
            with self.subTest(lang=code):
                terms = po_terms("hr_career_dev", base)
                served = {
                    message["id"]: message["string"]
                    for message in code_translations.get_web_translations(
                        "hr_career_dev", code
                    )["messages"]
                }
                for msgid in (
                    "My job today",
                    "Ready %(readiness)s %",
                    "in %(months)s months",
                    "No career path leads from",
                    "Bars: the employee's level; black mark: the level",
                    "No published course closes a gap of",
                ):
                    self.assertEqual(served.get(msgid), terms[msgid], msgid)

    def test_my_career_speaks_the_users_language(self):
        for code in LANGS:
            with self.subTest(lang=code):
                page = self.render_my_career(code)
                self.assertPageTranslated(page, "hr_career_dev", code, MY_CAREER_TITLES)

    def test_employee_form_career_tab_in_each_language(self):
        hr_officer = mail_new_test_user(
            self.env, login="career_i18n_hr", groups="base.group_user,hr.group_hr_user"
        )
        for code, base in LANGS.items():
            with self.subTest(lang=code):
                terms = po_terms("hr_career_dev", base)
                views = (
                    self.env["hr.employee"]
                    .with_user(hr_officer)
                    .with_context(lang=code)
                    .get_views([(False, "form")])
                )
                arch = etree.fromstring(views["views"]["form"]["arch"])
                tab = arch.xpath("//page[@name='career']")
                self.assertEqual(len(tab), 1, "the Career tab is in the form")
                labels = set(tab[0].xpath(".//@string")) | {tab[0].get("string")}
                for msgid in CAREER_TAB:
                    self.assertIn(terms[msgid], labels, f"{code}: {msgid!r}")
                    self.assertNotIn(
                        msgid, labels, f"{code}: {msgid!r} left in English"
                    )
                fields = views["models"]["hr.employee"]["fields"]
                for name, msgid in FIELD_LABELS.items():
                    label = fields[name]["string"]
                    self.assertEqual(label, terms[msgid], f"{code}: {name}")

    def test_duplicate_row_is_refused_in_the_users_language(self):
        """The early check of a UNIQUE constraint (hr.career.unique.mixin)
        answers with the constraint's message as the addon translates it,
        like the database's own refusal would, and saves nothing."""
        competency = self.job.competency_ids
        self.assertEqual(len(competency), 1)
        msgid = "A job lists each skill once: change the existing row instead."
        for code, base in LANGS.items():
            with self.subTest(lang=code):
                translated = po_terms("hr_career_dev", base)[msgid]
                self.assertNotEqual(translated, msgid)
                with self.assertRaises(ValidationError) as refused:
                    self.env["hr.job.competency"].with_context(lang=code).create(
                        {
                            "job_id": self.job.id,
                            "skill_id": competency.skill_id.id,
                            "required_level_id": competency.required_level_id.id,
                        }
                    )
                self.assertEqual(str(refused.exception), translated)
                self.assertEqual(self.job.competency_ids, competency)
