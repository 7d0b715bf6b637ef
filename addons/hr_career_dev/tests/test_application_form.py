# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree

from odoo.tests import tagged

from .opportunity_common import OpportunityCase


@tagged("post_install", "-at_install")
class TestApplicationForm(OpportunityCase):
    """The manager's approval form: fit and skill match from the matching
    engine; "Withdraw" offered to the applicant only (issue 29, item 12)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.opportunity = cls._opportunity(
            "Data platform rotation",
            skills=[
                ("required", cls.python, cls.expert),
                ("required", cls.sql, cls.intermediate),
            ],
        )
        cls.application = cls.env["hr.career.opportunity.application"].create(
            {"opportunity_id": cls.opportunity.id, "employee_id": cls.emp_employee.id}
        )

    def test_manager_sees_fit_and_skill_match_by_level_names(self):
        application = self.application.with_user(self.user_manager)
        # Python 50 of 100 missing, SQL met: 1 - 50 / 150 of the same weight
        self.assertEqual(application.fit, 67)
        self.assertEqual(
            application.skill_match.splitlines(),
            [
                "✗ Python (career test): Intermediate (required: Expert)",
                "✓ SQL (career test): Advanced (required: Intermediate)",
            ],
        )
        # the engine's figure, never 100 while a required skill is at 0
        self.env["hr.employee.skill"].search(
            [("employee_id", "=", self.emp_employee.id)]
        ).unlink()
        application.invalidate_recordset(["fit", "skill_match"])
        self.assertEqual(application.fit, 0)
        self.assertIn(
            "✗ SQL (career test): none (required: Intermediate)",
            application.skill_match,
        )

    def test_only_the_applicant_is_offered_withdraw(self):
        for user, expected in (
            (self.user_employee, True),
            (self.user_manager, False),
            (self.user_owner, False),
            (self.user_hr, False),
        ):
            with self.subTest(user=user.name):
                self.assertEqual(
                    self.application.with_user(user).is_applicant, expected
                )
        arch = (
            self.env["hr.career.opportunity.application"]
            .with_user(self.user_manager)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        button = etree.fromstring(arch).xpath("//button[@name='action_withdraw']")[0]
        self.assertIn("not is_applicant", button.get("invisible"))
        self.assertIn(
            "fit",
            etree.fromstring(arch).xpath("//group[@name='skill_match']//field/@name"),
        )
