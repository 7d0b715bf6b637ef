# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import tagged

# the module, not the class: a test class imported here would run twice
from odoo.addons.hr_career_dev.tests import test_matching


@tagged("post_install", "-at_install")
class TestSameNumberTalentBoard(test_matching.TestSameNumber):
    """hr_career_dev's same-number test (inherited: the employee form,
    /my/career, the open role, its candidates and succession), with the
    screen of this addon: the talent board's card shows Emma's readiness for
    Tech Lead as they do."""

    # Odoo's loader runs the methods a class defines; this one runs the
    # inherited screens too, on this addon's database
    allow_inherited_tests_method = True

    def test_talent_board_card_shows_the_same_number(self):
        emma = self.emp_employee
        department = self.env["hr.department"].create({"name": "Same number (test)"})
        emma.department_id = department
        review = self.env["hr.talent.review"].create(
            {
                "name": "Calibration (same number)",
                "department_ids": [Command.set(department.ids)],
                "line_ids": [
                    Command.create(
                        {
                            "employee_id": emma.id,
                            "performance": "medium",
                            "potential": "high",
                        }
                    )
                ],
            }
        )
        cards = review.with_user(self.user_hr).get_board_data()["cards"]
        (card,) = [card for card in cards if card["employee_id"] == emma.id]
        self.assertEqual(card["target_job"], self.job_lead.name)
        self.assertEqual(card["readiness"], self.readiness)
