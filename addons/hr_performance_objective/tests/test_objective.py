# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .objective_common import ObjectiveCase


@tagged("post_install", "-at_install")
class TestObjective(ObjectiveCase):
    def _refused(self, record, vals, error=ValidationError):
        """``vals`` written on ``record`` is refused and nothing changes."""
        before = record.read(list(vals))[0]
        with self.assertRaises(error) as caught, self.env.cr.savepoint():
            record.write(vals)
        self.env.invalidate_all()
        self.assertEqual(record.read(list(vals))[0], before)
        return str(caught.exception)

    # ------------------------------------------------------------ progress
    def test_progress_is_the_weighted_mean_of_the_key_results(self):
        # features 5/10 = 50 %, docs no = 0 % (equal weights); bugs 40 -> 10
        # of 40 -> 0 = 75 %
        self.assertEqual(self.kr_features.progress, 50)
        self.assertEqual(self.kr_bugs.progress, 75)
        self.assertEqual(self.obj_employee.progress, 25)
        self.kr_features.weight = 3
        self.assertEqual(self.obj_employee.progress, 37.5)

    def test_progress_rolls_up_through_the_children_by_weight(self):
        # R&D has no key result: Eve (25 %, weight 3) and Rita (75 %, weight 1)
        self.assertEqual(self.obj_rnd.progress, 37.5)
        self.assertEqual(self.obj_company.progress, 37.5)
        self.kr_docs.current_value = 1  # Eve: 75 %
        self.assertEqual(self.obj_employee.progress, 75)
        self.assertEqual(self.obj_rnd.progress, 75)
        self.assertEqual(self.obj_company.progress, 75)

    def test_cancelled_contribution_leaves_the_rollup(self):
        self.obj_reviewer.action_cancel()
        self.assertEqual(self.obj_rnd.progress, 25)

    def test_key_result_progress_is_clamped(self):
        self.kr_features.current_value = 15
        self.assertEqual(self.kr_features.progress, 100)
        self.kr_features.current_value = -3
        self.assertEqual(self.kr_features.progress, 0)

    def test_at_risk_is_behind_the_elapsed_share_of_the_period(self):
        # half the period has elapsed: 25 % is behind, 75 % is not
        self.assertAlmostEqual(self.obj_employee.expected_progress, 50, delta=1)
        self.assertTrue(self.obj_employee.at_risk)
        self.assertFalse(self.obj_reviewer.at_risk)
        Objective = self.env["hr.performance.objective"]
        ids = (self.obj_employee | self.obj_reviewer | self.obj_rnd).ids
        self.assertEqual(
            Objective.search([("id", "in", ids), ("at_risk", "=", True)]),
            self.obj_employee | self.obj_rnd,
        )
        self.assertEqual(
            Objective.search([("id", "in", ids), ("at_risk", "=", False)]),
            self.obj_reviewer,
        )

    def test_progress_query_count_does_not_grow_with_the_tree(self):
        """Progress of the whole tree in the same number of queries for 4
        objectives and for 40 (one query for the sub-tree, one grouped query
        for its key results)."""
        Objective = self.env["hr.performance.objective"]
        roots = self.obj_company

        def measure(objectives):
            self.env.invalidate_all()
            field = Objective._fields["progress"]
            with self.assertQueryCount(3):
                field.compute_value(objectives)

        measure(Objective.search([("id", "child_of", roots.ids)]))
        period = {"date_start": self.date_start, "date_end": self.date_end}
        departments = Objective.create(
            [
                dict(
                    period,
                    name=f"Dept {i}",
                    level="department",
                    department_id=self.rnd.id,
                    parent_id=self.obj_company.id,
                )
                for i in range(6)
            ]
        )
        Objective.create(
            [
                dict(
                    period,
                    name=f"Person {i}",
                    employee_id=self.reviewer2.id,
                    parent_id=departments[i % 6].id,
                    key_result_ids=[
                        Command.create({"name": "KR", "target_value": 10 + i})
                    ],
                )
                for i in range(30)
            ]
        )
        everything = Objective.search([("id", "child_of", roots.ids)])
        self.assertEqual(len(everything), 40)
        measure(everything)

    # ------------------------------------------------------------ bad input
    def test_key_result_with_target_equal_to_start_is_refused(self):
        message = self._refused(self.kr_features, {"target_value": 0})
        self.assertIn("starts at its target", message)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.env["hr.performance.key.result"].create(
                {
                    "objective_id": self.obj_employee.id,
                    "name": "Nothing to do",
                    "start_value": 3,
                    "target_value": 3,
                }
            )
        self.assertEqual(len(self.obj_employee.key_result_ids), 2)

    def test_percent_value_outside_0_100_is_refused(self):
        self.kr_features.metric = "percent"
        message = self._refused(self.kr_features, {"current_value": 120})
        self.assertIn("between 0 and 100", message)
        self._refused(self.kr_docs, {"current_value": 2})

    def test_objective_aligned_to_its_own_descendant_is_refused(self):
        message = self._refused(self.obj_company, {"parent_id": self.obj_rnd.id})
        self.assertIn("cannot contribute to itself", message)
        self._refused(self.obj_rnd, {"parent_id": self.obj_rnd.id})

    def test_period_ending_before_it_starts_is_refused(self):
        message = self._refused(
            self.obj_employee, {"date_end": self.date_start - relativedelta(days=1)}
        )
        self.assertIn("before it starts", message)

    def test_weight_zero_and_broader_child_are_refused(self):
        self._refused(self.obj_employee, {"weight": 0})
        self._refused(self.kr_bugs, {"weight": -1})
        message = self._refused(self.obj_rnd, {"parent_id": self.obj_outsider.id})
        self.assertEqual(
            message,
            "The objective “Ship faster (test)” (level: Department) cannot "
            "contribute to the objective “Sell (test)” (level: Individual): align "
            "an objective with one of the same or a broader level.",
        )

    # ------------------------------------------------------------ career goal
    def test_career_goal_points_to_the_objectives_serving_it(self):
        goal = self.env["hr.career.goal"].create(
            {
                "name": "Become Tech Lead (test)",
                "employee_id": self.employee.id,
                "objective_ids": [Command.link(self.obj_employee.id)],
            }
        )
        self.assertEqual(goal.objective_ids, self.obj_employee)
        self.assertEqual(self.employee.objective_ids, self.obj_employee)

    def test_every_company_gets_the_default_rating_scale(self):
        company = self.env["res.company"].create({"name": "Newco (test)"})
        scale = self.env["hr.performance.rating"].search(
            [("company_id", "=", company.id)]
        )
        self.assertEqual(len(scale), 5)
        self.assertEqual(sum(scale.mapped("target_share")), 100)
        Rating = self.env["hr.performance.rating"]
        self.assertEqual(Rating._suggest(scale, 62).score_min, 60)
        self.assertEqual(Rating._suggest(scale, 3).score_min, 0)
