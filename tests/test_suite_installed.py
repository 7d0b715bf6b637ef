# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Suite-level checks, run by pytest-odoo against the test database."""

from odoo.tests import TransactionCase, tagged

SUITE = [
    "hr_career_dev",
    "hr_performance_link",
    "hr_performance_objective",
    "hr_performance_feedback",
    "hr_review_cycle",
    "hr_talent_review",
    "hr_compensation_review",
    "hr_recognition",
    "hr_career_mentoring",
    "hr_recognition_appraisal",
    "hr_career_dashboard",  # the auto_install bridge with the Dashboards app
]


@tagged("post_install", "-at_install")
class TestSuiteInstalled(TransactionCase):
    def test_addons_installed_together(self):
        states = dict(
            self.env["ir.module.module"]
            .search([("name", "in", SUITE)])
            .mapped(lambda m: (m.name, m.state))
        )
        self.assertEqual(states, dict.fromkeys(SUITE, "installed"))
