# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What an upgraded database must have in force: the code's versions and the
record rules exactly as the shipped files say. Run after every install and by
``./suite test --upgrade-from REV`` on a database upgraded from a release,
where rules of ``noupdate`` files only change through migration scripts."""

import re

from lxml import etree

from odoo.modules.module import get_manifest, get_module_path
from odoo.tests import TransactionCase, tagged

SUITE_MODULES = (
    "hr_career_dev",
    "hr_performance_link",
    "hr_performance_objective",
    "hr_performance_feedback",
    "hr_review_cycle",
    "hr_talent_review",
    "hr_recognition",
    "hr_recognition_appraisal",
    "hr_career_mentoring",
    "hr_compensation_review",
    "hr_career_dashboard",
)
PERMS = ("perm_read", "perm_write", "perm_create", "perm_unlink")


def _squeeze(text):
    return re.sub(r"\s+", "", text or "")


@tagged("post_install", "-at_install", "suite_upgrade")
class TestUpgradeState(TransactionCase):
    def _installed_suite_modules(self):
        return self.env["ir.module.module"].search(
            [("name", "in", SUITE_MODULES), ("state", "=", "installed")]
        )

    def test_installed_versions_are_the_code_versions(self):
        modules = self._installed_suite_modules()
        self.assertIn("hr_career_dev", modules.mapped("name"))
        for module in modules:
            with self.subTest(module=module.name):
                self.assertEqual(
                    module.latest_version, get_manifest(module.name)["version"]
                )

    def _shipped_rules(self):
        """(xml id, <record> element) of every ir.rule in our data files."""
        for module in self._installed_suite_modules():
            path = get_module_path(module.name)
            for data_file in get_manifest(module.name)["data"]:
                if not data_file.endswith(".xml"):
                    continue
                tree = etree.parse(f"{path}/{data_file}")
                for record in tree.iterfind(".//record[@model='ir.rule']"):
                    xmlid = record.get("id")
                    if "." not in xmlid:
                        xmlid = f"{module.name}.{xmlid}"
                    # another module's rule we amend: only what we set is ours
                    own = xmlid.split(".")[0] == module.name
                    yield xmlid, record, own

    def test_record_rules_in_force_are_the_shipped_ones(self):
        """Every ir.rule of our data files has, in the database, the domain,
        the operations and the groups the file gives it (a rule left behind
        by an upgrade, e.g. one that still lets employees write, fails
        here)."""
        checked = 0
        for xmlid, record, own in self._shipped_rules():
            rule = self.env.ref(xmlid)
            domain = record.find("field[@name='domain_force']")
            with self.subTest(rule=xmlid):
                if domain is not None:
                    self.assertEqual(_squeeze(rule.domain_force), _squeeze(domain.text))
                for perm in PERMS:
                    field = record.find(f"field[@name='{perm}']")
                    if field is None and not own:
                        continue
                    # a perm the file does not set is the model default: True
                    expected = field is None or field.get("eval") != "False"
                    self.assertEqual(rule[perm], expected, perm)
                groups = record.find("field[@name='groups']")
                if groups is None and not own:
                    continue
                expected_groups = (
                    {
                        self.env.ref(ref).id
                        for ref in re.findall(
                            r"ref\(['\"]([\w.]+)['\"]\)", groups.get("eval") or ""
                        )
                    }
                    if groups is not None
                    else set()
                )
                self.assertEqual(set(rule.groups.ids), expected_groups, "groups")
            checked += 1
        self.assertGreater(checked, 5)
