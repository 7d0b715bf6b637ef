# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from itertools import product

from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.tests import TransactionCase

from .test_review_cycle import ReviewCycleData


class TestReviewCycleLaunchOptions(ReviewCycleData, TransactionCase):
    """Each option of the cycle's form decides what its launch puts in the
    appraisals: the period's objectives (*Include Objectives*) and the 360°
    requests (*Create 360° Requests*), on and off in every combination. The
    skill lines and the open career goals come in any case."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Eve has an objective of the cycle's period and an open career goal
        cls.objective = cls.env["hr.performance.objective"].create(
            {
                "name": "Release v2 (options test)",
                "employee_id": cls.employee.id,
                "date_start": cls.today - relativedelta(months=6),
                "date_end": cls.today + relativedelta(days=10),
                "state": "active",
            }
        )
        cls.goal = cls.env["hr.career.goal"].create(
            {"name": "Learn SQL (options test)", "employee_id": cls.employee.id}
        )

    def _launched_cycle(self, include_objectives, create_feedback_requests):
        cycle = self.Cycle.create(
            {
                "name": f"Options {include_objectives}/{create_feedback_requests}",
                "date_start": self.today - relativedelta(months=11),
                "date_end": self.today + relativedelta(days=20),
                "employee_ids": [Command.set(self.reports.ids)],
                "include_objectives": include_objectives,
                "create_feedback_requests": create_feedback_requests,
            }
        )
        self._launch(cycle)
        return self._cycle_appraisals(cycle)

    def test_each_launch_option_on_and_off(self):
        for include_objectives, create_feedback_requests in product(
            (True, False), repeat=2
        ):
            with self.subTest(
                include_objectives=include_objectives,
                create_feedback_requests=create_feedback_requests,
            ):
                appraisals = self._launched_cycle(
                    include_objectives, create_feedback_requests
                )
                self.assertEqual(appraisals.employee_id, self.reports)
                eve = appraisals.filtered(lambda a: a.employee_id == self.employee)
                # objectives: Eve's objective of the period, or none at all
                self.assertEqual(
                    appraisals.objective_line_ids.objective_id,
                    self.objective
                    if include_objectives
                    else self.env["hr.performance.objective"],
                )
                if include_objectives:
                    self.assertEqual(
                        eve.objective_line_ids.objective_id, self.objective
                    )
                # 360°: the manager and the peers of each report, or nobody
                requests = (
                    self.env["hr.feedback.request"]
                    .sudo()
                    .search([("appraisal_id", "in", appraisals.ids)])
                )
                if create_feedback_requests:
                    self.assertEqual(requests.appraisal_id, appraisals)
                    self.assertIn(
                        self.manager,
                        requests.filtered(
                            lambda r, e=eve: r.appraisal_id == e
                        ).reviewer_id,
                    )
                else:
                    self.assertFalse(requests)
                # whatever the options: the skills to assess and the goals
                self.assertEqual(
                    set(eve.skill_assessment_ids.skill_id.ids),
                    {self.python.id, self.sql.id, self.design.id, self.esperanto.id},
                )
                self.assertIn(self.goal, eve.career_goal_ids)
