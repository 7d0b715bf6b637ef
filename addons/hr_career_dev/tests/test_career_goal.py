# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import CareerCase


@tagged("post_install", "-at_install")
class TestCareerGoal(CareerCase):
    def _goal(self, **vals):
        return self.env["hr.career.goal"].create(
            {"name": "Learn to present", "employee_id": self.emp_colleague.id, **vals}
        )

    def test_goal_goes_draft_in_progress_achieved_and_back_to_draft(self):
        goal = self._goal(progress=30)
        self.assertEqual(goal.state, "draft")
        goal.action_start()
        self.assertEqual(goal.state, "in_progress")
        goal.action_achieve()
        self.assertEqual(goal.state, "achieved")
        self.assertEqual(goal.date_done, fields.Date.context_today(goal))
        goal.action_reset()
        self.assertEqual(goal.state, "draft")
        self.assertFalse(goal.date_done)

    def test_goal_can_be_abandoned_from_draft_or_in_progress(self):
        draft, started = self._goal(), self._goal(name="Second")
        started.action_start()
        (draft | started).action_abandon()
        self.assertEqual(set((draft | started).mapped("state")), {"abandoned"})
        draft.action_reset()
        self.assertEqual(draft.state, "draft")

    def test_achieving_a_goal_sets_its_progress_to_100(self):
        goal = self._goal(progress=40)
        goal.action_achieve()
        self.assertEqual(goal.progress, 100)

    def test_wrong_goal_transitions_are_refused(self):
        goal = self._goal()
        with self.assertRaises(UserError):
            goal.action_reset()  # a draft goal is not closed
        goal.action_start()
        with self.assertRaises(UserError):
            goal.action_start()
        goal.action_achieve()
        for action in (goal.action_start, goal.action_achieve, goal.action_abandon):
            with self.subTest(action=action.__name__), self.assertRaises(UserError):
                action()
        self.assertEqual(goal.state, "achieved")
        goal.action_reset()
        goal.action_abandon()
        with self.assertRaises(UserError) as caught:
            goal.action_achieve()
        self.assertEqual(
            str(caught.exception),
            f"Cannot mark the goal “{goal.display_name}” as achieved: its status "
            "is “Abandoned”.",
        )
        self.assertEqual(goal.state, "abandoned")

    def test_progress_outside_0_100_is_refused(self):
        goal = self._goal(progress=10)
        for progress in (-1, 101):
            with self.subTest(progress=progress):
                with self.assertRaises(ValidationError) as caught:
                    goal.write({"progress": progress})
                self.assertIn(goal.name, str(caught.exception))
        self.assertEqual(goal.progress, 10)
        # refused before the database: its CHECK would log an ERROR first
        with (
            self.assertNoLogs("odoo.sql_db", level="ERROR"),
            self.assertRaises(ValidationError),
        ):
            self._goal(progress=150)

    def test_target_job_equal_to_current_job_is_refused(self):
        with self.assertRaises(ValidationError) as caught:
            self._goal(horizon="long", target_job_id=self.job_dev.id)
        self.assertIn(self.emp_colleague.name, str(caught.exception))
        self.assertIn(self.job_dev.name, str(caught.exception))

    def test_target_job_follows_the_open_long_term_goal(self):
        self.assertEqual(self.emp_employee.target_job_id, self.job_lead)
        # a short-term goal with a job does not make it the target
        self._goal(target_job_id=self.job_lead.id)
        self.assertFalse(self.emp_colleague.target_job_id)
        goal = self._goal(horizon="long", target_job_id=self.job_lead.id)
        self.assertEqual(self.emp_colleague.target_job_id, self.job_lead)
        goal.action_start()
        self.assertEqual(self.emp_colleague.target_job_id, self.job_lead)

    def test_target_job_clears_when_the_goal_is_abandoned(self):
        self.goal_lead.action_abandon()
        self.assertFalse(self.emp_employee.target_job_id)
        self.goal_lead.action_reset()
        self.assertEqual(self.emp_employee.target_job_id, self.job_lead)

    def test_target_job_clears_when_the_goal_is_achieved(self):
        self.goal_lead.action_achieve()
        self.assertFalse(self.emp_employee.target_job_id)
