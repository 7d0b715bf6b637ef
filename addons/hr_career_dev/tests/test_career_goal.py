# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
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

    # ------------------------------------------------------------ issue 20
    def test_short_term_goal_refuses_a_target_job_in_the_users_words(self):
        with self.assertRaises(ValidationError) as caught:
            self._goal(horizon="short", target_job_id=self.job_lead.id)
        self.assertIn("short-term goal", str(caught.exception))
        self.assertIn(self.job_lead.name, str(caught.exception))
        with self.assertRaises(ValidationError):
            self.goal_lead.write({"horizon": "short"})
        self.assertEqual(self.goal_lead.horizon, "long")
        self.assertEqual(self.emp_employee.target_job_id, self.job_lead)

    def test_switching_a_goal_to_short_term_in_the_form_drops_its_job(self):
        goal = self.env["hr.career.goal"].new(
            {"name": "x", "horizon": "long", "target_job_id": self.job_lead.id}
        )
        goal.horizon = "short"
        goal._onchange_horizon()
        self.assertFalse(goal.target_job_id)

    def test_past_target_date_is_refused_and_a_late_goal_is_overdue(self):
        """The backend refuses a past target date on an open goal, as the
        portal does (one rule: hr.career.goal._check_target_date)."""
        today = fields.Date.context_today(self.goal_lead)
        past = today - relativedelta(days=3)
        with (
            self.assertRaisesRegex(ValidationError, "cannot be in the past"),
            self.env.cr.savepoint(),
        ):
            self._goal(name="Too late", target_date=past)
        with (
            self.assertRaisesRegex(ValidationError, "Become Tech Lead"),
            self.env.cr.savepoint(),
        ):
            self.goal_lead.target_date = past
        self.goal_lead.target_date = today  # today is fine

        # goals set a week ago, when their date was still ahead
        with freeze_time(today - relativedelta(days=7)):
            late = self._goal(target_date=past)
            late_done = self._goal(name="Done late", target_date=past)
        future = self._goal(name="Later", target_date=today + relativedelta(days=3))
        late_done.action_achieve()
        self.assertEqual(
            (late | future | late_done).mapped("is_overdue"), [True, False, False]
        )
        Goal = self.env["hr.career.goal"]
        mine = [("employee_id", "=", self.emp_colleague.id)]
        self.assertEqual(Goal.search(mine + [("is_overdue", "=", True)]), late)
        self.assertEqual(
            Goal.search(mine + [("is_overdue", "=", False)]), future | late_done
        )

    def test_past_due_date_of_an_open_action_is_refused(self):
        """The backend refuses a past due date on an open action, as the
        portal does; a done action may record one."""
        plan = self.env["hr.development.plan"].create(
            {"employee_id": self.emp_employee.id}
        )
        yesterday = fields.Date.today() - relativedelta(days=1)
        vals = {"name": "Read the book", "plan_id": plan.id, "action_type": "other"}
        with (
            self.assertRaisesRegex(ValidationError, "is already past"),
            self.env.cr.savepoint(),
        ):
            self.env["hr.development.action"].create(dict(vals, date_due=yesterday))
        action = self.env["hr.development.action"].create(vals)
        with self.assertRaisesRegex(ValidationError, "Read the book"):
            action.date_due = yesterday
        action.action_done()
        action.date_due = yesterday  # when it was done
        self.assertEqual(action.date_due, yesterday)

    def test_employee_chooses_which_long_term_goal_is_the_target(self):
        # Emma's second long-term goal aims at another job than Tech Lead
        job_arch = self.env["hr.job"].create({"name": "Architect (career test)"})
        newer = self.env["hr.career.goal"].create(
            {
                "name": "Become Architect",
                "employee_id": self.emp_employee.id,
                "horizon": "long",
                "target_job_id": job_arch.id,
            }
        )
        # the newest open long-term goal sets the target until one is chosen
        self.assertEqual(self.emp_employee.target_job_id, job_arch)
        self.assertEqual(self.emp_employee._get_career_target_goal(), newer)
        self.goal_lead.with_user(self.user_employee).action_make_main_target()
        self.assertEqual(self.emp_employee.target_job_id, self.job_lead)
        self.assertTrue(self.goal_lead.is_main_target)
        newer.action_make_main_target()
        self.assertEqual(self.emp_employee.target_job_id, job_arch)
        self.assertFalse(self.goal_lead.is_main_target, "one main target only")
        # the chosen target abandoned: the other open one takes over
        newer.action_abandon()
        self.assertEqual(self.emp_employee.target_job_id, self.job_lead)
        with self.assertRaises(UserError):
            newer.action_make_main_target()
        short = self._goal(name="Present twice")
        with self.assertRaises(UserError):
            short.action_make_main_target()

    def test_colleague_cannot_choose_someone_elses_target(self):
        with self.assertRaises(AccessError):
            self.goal_lead.with_user(self.user_colleague).action_make_main_target()
        self.assertFalse(self.goal_lead.is_main_target)
