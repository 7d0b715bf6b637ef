# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Suite-level checks, run by pytest-odoo against the test database."""

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestSuiteInstalled(TransactionCase):
    def test_suite_addons_installed_together(self):
        states = dict(
            self.env["ir.module.module"]
            .search(
                [
                    (
                        "name",
                        "in",
                        [
                            "hr_career_dev",
                            "hr_performance_link",
                            "hr_recognition",
                            "hr_career_dashboard",
                        ],
                    )
                ]
            )
            .mapped(lambda m: (m.name, m.state))
        )
        self.assertEqual(
            states,
            {
                "hr_career_dev": "installed",
                "hr_performance_link": "installed",
                "hr_recognition": "installed",
                # the auto_install bridge comes with the Dashboards app
                "hr_career_dashboard": "installed",
            },
        )
