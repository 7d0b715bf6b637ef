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
)


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

    def test_record_rules_in_force_are_the_shipped_ones(self):
        """Every ir.rule of our data files has, in the database, the domain
        the file gives it (a rule left behind by an upgrade fails here)."""
        checked = 0
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
                    domain = record.find("field[@name='domain_force']")
                    if domain is None:
                        continue
                    rule = self.env.ref(xmlid)
                    with self.subTest(rule=xmlid):
                        self.assertEqual(
                            _squeeze(rule.domain_force), _squeeze(domain.text)
                        )
                    checked += 1
        self.assertGreater(checked, 5)
