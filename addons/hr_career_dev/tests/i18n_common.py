# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""French, German, Spanish and Dutch as a company installs them: the language
activated, the suite's terms loaded from the addons' i18n/<lang>.po, and one
portal employee per language (no demo record) to render /my/career with.

Shared by the translation tests of the three addons."""

import html
import re

from odoo import Command
from odoo.tests import HttpCase
from odoo.tools.misc import file_path
from odoo.tools.translate import TRANSLATED_ATTRS, PoFileReader

from odoo.addons.mail.tests.common import mail_new_test_user

SUITE = (
    "hr_career_dev",
    "hr_performance_link",
    "hr_performance_objective",
    "hr_performance_feedback",
    "hr_review_cycle",
    "hr_talent_review",
    "hr_recognition",
)
# language code -> base name of the .po file
LANGS = {"fr_FR": "fr", "de_DE": "de", "es_ES": "es", "nl_NL": "nl"}

# What a translation must keep exactly: Python placeholders, inline QWeb
# expressions and the HTML tags of template terms (their translatable
# attributes, e.g. title="...", are compared without their value).
_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%%|%[sd]|\{\{.*?\}\}|<[^<>]+>")
_ATTRS = "|".join(map(re.escape, sorted(TRANSLATED_ATTRS, key=len, reverse=True)))
_TRANSLATED_ATTR = re.compile(rf"""(\s(?:{_ATTRS}))=("[^"]*"|'[^']*')""")


def placeholders(text):
    """The sorted placeholders of a msgid or msgstr."""
    found = _PLACEHOLDER.findall(text)
    return sorted(_TRANSLATED_ATTR.sub(r'\1=""', p) for p in found)


def po_terms(module, lang_base):
    """{msgid: msgstr} of ``module/i18n/<lang_base>.po``, read as Odoo reads it
    (PoFileReader merges the module's .pot: a term the .po lacks comes back
    with an empty msgstr)."""
    return {
        entry["src"]: entry["value"]
        for entry in PoFileReader(file_path(f"{module}/i18n/{lang_base}.po"))
    }


def pot_terms(module):
    """The msgids of ``module/i18n/<module>.pot``."""
    pot = file_path(f"{module}/i18n/{module}.pot")
    return {entry["src"] for entry in PoFileReader(pot)}


class CareerTranslationCase(HttpCase):
    """Languages active, the installed suite addons' terms loaded, the website
    speaking them; ``cls.portal_users[code]`` is a portal user whose language
    is ``code``, linked to an employee with a job, one competency gap and a
    career goal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        langs = env["res.lang"]
        for code in LANGS:
            langs |= env["res.lang"]._activate_lang(code)
        installed = (
            env["ir.module.module"]
            .search([("name", "in", SUITE), ("state", "=", "installed")])
            .mapped("name")
        )
        env["ir.module.module"]._load_module_terms(
            installed, list(LANGS), overwrite=True
        )
        env["website"].search([]).write(
            {"language_ids": [Command.link(lang.id) for lang in langs]}
        )

        skill_type = env["hr.skill.type"].create(
            {
                "name": "Glassblowing",
                "skill_ids": [Command.create({"name": "Annealing"})],
                "skill_level_ids": [
                    Command.create({"name": "Apprentice", "level_progress": 20}),
                    Command.create({"name": "Master", "level_progress": 100}),
                ],
            }
        )
        apprentice, master = skill_type.skill_level_ids.sorted("level_progress")
        cls.job = env["hr.job"].create({"name": "Glassblower"})
        env["hr.job.competency"].create(
            {
                "job_id": cls.job.id,
                "skill_id": skill_type.skill_ids.id,
                "required_level_id": master.id,
                "importance": "critical",
            }
        )
        cls.portal_users = {}
        for code in LANGS:
            login = f"career_i18n_{code.lower()}"
            user = mail_new_test_user(
                env, login=login, groups="base.group_portal", name=login, lang=code
            )
            employee = env["hr.employee"].create(
                {
                    "name": f"Glassblower {code}",
                    "user_id": user.id,
                    "job_id": cls.job.id,
                }
            )
            env["hr.employee.skill"].create(
                {
                    "employee_id": employee.id,
                    "skill_id": skill_type.skill_ids.id,
                    "skill_type_id": skill_type.id,
                    "skill_level_id": apprentice.id,
                }
            )
            env["hr.career.goal"].create(
                {"employee_id": employee.id, "name": "Blow a vase", "horizon": "short"},
            )
            cls.portal_users[code] = user

    def assertPoComplete(self, module):
        """Every msgid of the module's .pot has a msgstr in each language's .po,
        with the msgid's placeholders and tags, no more, no fewer."""
        template = pot_terms(module)
        self.assertTrue(template, f"{module}/i18n/{module}.pot has no term")
        for code, base in LANGS.items():
            with self.subTest(lang=code):
                terms = po_terms(module, base)
                missing = sorted(src for src in template if not terms.get(src))
                self.assertFalse(
                    missing,
                    f"{module}/i18n/{base}.po does not translate {len(missing)} "
                    f"term(s) of {module}.pot (msgmerge the .po with the .pot, "
                    "then translate):\n" + "\n".join(f"  - {src!r}" for src in missing),
                )
                broken = [
                    f"  - {src!r}\n    -> {terms[src]!r}"
                    for src in sorted(template)
                    if placeholders(src) != placeholders(terms[src])
                ]
                self.assertFalse(
                    broken,
                    f"{module}/i18n/{base}.po changes the placeholders or tags of "
                    f"{len(broken)} term(s):\n" + "\n".join(broken),
                )

    def render_my_career(self, code):
        """/my/career as the portal user whose language is ``code``."""
        user = self.portal_users[code]
        self.authenticate(user.login, user.login)
        response = self.url_open("/my/career")
        self.assertEqual(response.status_code, 200, f"/my/career in {code}")
        return response.text

    def assertPageTranslated(self, page, module, code, msgids):
        """Each msgid (a term of ``module`` shown on the page) appears in its
        ``code`` translation and not in English; no raw placeholder is left."""
        terms = po_terms(module, LANGS[code])
        for msgid in msgids:
            self.assertTrue(terms.get(msgid), f"{msgid!r}: not a term of {module}")
            self.assertIn(
                html.escape(terms[msgid], quote=False), page, f"{code}: {msgid!r}"
            )
            self.assertNotIn(msgid, page, f"{code}: {msgid!r} left in English")
        self.assertNotRegex(
            page, r"%\(\w+\)[sd]", f"{code}: a placeholder was not filled"
        )
