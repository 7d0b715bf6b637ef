# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 28, item 5: a suggested rating only once the competencies are
assessed and the objectives have an achievement; objective lines follow the
objective's check-ins until sign-off, a typed achievement stays."""

from odoo import Command
from odoo.tests import tagged

from .test_appraisal_rating import AppraisalRatingData


@tagged("post_install", "-at_install")
class TestSuggestedRatingReady(AppraisalRatingData):
    def test_no_suggestion_before_the_competencies_are_assessed(self):
        self.assertTrue(self.appraisal.skill_assessment_ids)
        self.assertEqual(self.line.achievement, 25)  # the objective's progress
        # nothing assessed: no "Unsatisfactory" from a competency score of 0
        self.assertFalse(self.appraisal.suggested_rating_id)
        self.assertIn("competencies", self.appraisal.suggested_rating_note)
        self._assess_competencies(self.appraisal.skill_assessment_ids[:1])
        self.assertFalse(self.appraisal.suggested_rating_id)  # not all of them
        self._assess_competencies()
        self.assertTrue(self.appraisal.suggested_rating_id)
        self.assertFalse(self.appraisal.suggested_rating_note)

    def test_objective_without_an_achievement_holds_the_suggestion(self):
        self._assess_competencies()
        # the only measured key result goes back to its start: 0% progress
        self.kr_features.with_user(self.user_employee).current_value = 0
        self.assertEqual(self.line.achievement, 0)
        self.assertFalse(self.appraisal.suggested_rating_id)
        self.assertIn(self.obj_employee.name, self.appraisal.suggested_rating_note)
        # the manager judges it: a typed achievement counts, even 0 later on
        self.line.with_user(self.user_manager).achievement = 30
        self.assertTrue(self.appraisal.suggested_rating_id)
        self.line.with_user(self.user_manager).achievement = 0
        self.assertTrue(self.appraisal.suggested_rating_id)
        self.assertFalse(self.appraisal.suggested_rating_note)

    def test_check_in_refreshes_the_achievement_until_sign_off(self):
        # a check-in on a key result: 10 of 10 features, the objective at 50%
        self.kr_features.with_user(self.user_employee).current_value = 10
        self.assertEqual(self.obj_employee.progress, 50)
        self.assertEqual(self.line.achievement, 50)
        self.assertEqual(self.appraisal.objective_score, 50)
        self.assertFalse(self.line.achievement_manual)
        self.appraisal.with_user(self.user_manager).action_done()
        self.assertTrue(self.appraisal.signed_off)
        # after the sign-off the line keeps what was signed
        self.kr_docs.with_user(self.user_employee).current_value = 1
        self.assertEqual(self.obj_employee.progress, 100)
        self.assertEqual(self.line.achievement, 50)
        self.assertEqual(self.appraisal.objective_score, 50)

    def test_typed_achievement_is_kept(self):
        other = self.env["hr.performance.objective"].create(
            {
                "name": "Mentor a junior (test)",
                "employee_id": self.employee.id,
                "date_start": self.date_start,
                "date_end": self.date_end,
                "state": "active",
                "key_result_ids": [
                    Command.create(
                        {"name": "Sessions", "target_value": 4, "current_value": 1}
                    )
                ],
            }
        )
        other_line = self.appraisal._fill_objective_lines()
        self.assertEqual(other_line.achievement, 25)
        # the manager types the first line's achievement in the form
        self.appraisal.with_user(self.user_manager).write(
            {"objective_line_ids": [Command.update(self.line.id, {"achievement": 80})]}
        )
        self.assertTrue(self.line.achievement_manual)
        self.assertFalse(other_line.achievement_manual)
        self.kr_features.with_user(self.user_employee).current_value = 2
        other.key_result_ids.with_user(self.user_employee).current_value = 3
        self.assertEqual(self.line.achievement, 80)  # typed: kept
        self.assertEqual(other_line.achievement, 75)  # follows its objective

    def _check_in_queries(self, value):
        """Queries of one check-in on Eve's objective, its refresh included."""
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        self.kr_features.current_value = value
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_check_in_refreshes_every_open_line_set_based(self):
        one = self._check_in_queries(6)
        # the same objective on eight more open appraisals of Eve
        appraisals = self.env["hr.appraisal"].create(
            [
                {
                    "employee_id": self.employee.id,
                    "manager_ids": [Command.set(self.manager.ids)],
                    "date_close": self.today,
                }
                for _i in range(8)
            ]
        )
        lines = self.env["hr.appraisal.objective"].create(
            [
                {"appraisal_id": appraisal.id, "objective_id": self.obj_employee.id}
                for appraisal in appraisals
            ]
        )
        many = self._check_in_queries(8)
        self.assertEqual((self.line | lines).mapped("achievement"), [40.0] * 9)
        self.assertEqual(appraisals.mapped("objective_score"), [40.0] * 8)
        # no query per line nor per appraisal (eight more of each): a
        # constant few more at most, e.g. one UPDATE of several values
        self.assertLessEqual(many, one + 2)
