# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestInstall(TransactionCase):
    def test_addon_installed_with_its_dependencies(self):
        modules = self.env["ir.module.module"].search(
            [
                (
                    "name",
                    "in",
                    [
                        "hr_career_dev",
                        "hr_skills",
                        "website_slides",
                        "hr_skills_slides",
                        "portal",
                    ],
                )
            ]
        )
        self.assertEqual(
            set(modules.mapped("state")), {"installed"}, modules.mapped("name")
        )
        self.assertEqual(len(modules), 5)
