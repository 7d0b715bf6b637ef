# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import CareerCase


@tagged("post_install", "-at_install")
class TestDevelopmentPlan(CareerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.course = cls._create_courses(
            [("Python for leads (career test)", [(cls.python, cls.expert)], True)]
        )
        cls.plan = cls.env["hr.development.plan"].create(
            {"employee_id": cls.emp_employee.id, "mentor_id": cls.emp_colleague.id}
        )
        cls.today = fields.Date.context_today(cls.plan)

    def _actions(self, plan, count, **vals):
        return self.env["hr.development.action"].create(
            [
                {
                    "name": f"Action {i}",
                    "plan_id": plan.id,
                    "action_type": "mentoring",
                    **vals,
                }
                for i in range(count)
            ]
        )

    def test_plan_is_named_after_the_employee(self):
        self.assertIn(self.emp_employee.name, self.plan.name)

    def test_second_active_plan_of_an_employee_is_refused(self):
        self.plan.action_activate()
        other = self.env["hr.development.plan"].create(
            {"employee_id": self.emp_employee.id}
        )
        with self.assertRaises(ValidationError) as caught:
            other.action_activate()
        self.assertIn(self.emp_employee.name, str(caught.exception))
        self.assertEqual(other.state, "draft")

    def test_creating_a_second_active_plan_is_refused(self):
        self.plan.action_activate()
        with self.assertRaises(ValidationError) as caught:
            self.env["hr.development.plan"].create(
                {"employee_id": self.emp_employee.id, "state": "active"}
            )
        self.assertIn(self.emp_employee.name, str(caught.exception))

    def test_two_plans_activated_together_for_one_employee_are_refused(self):
        other = self.env["hr.development.plan"].create(
            {"employee_id": self.emp_employee.id}
        )
        with self.assertRaises(ValidationError) as caught:
            (self.plan | other).action_activate()
        self.assertIn(self.emp_employee.name, str(caught.exception))

    def test_other_employees_and_closed_plans_do_not_clash(self):
        self.plan.action_activate()
        self.plan.action_done()
        again = self.env["hr.development.plan"].create(
            {"employee_id": self.emp_employee.id}
        )
        colleague = self.env["hr.development.plan"].create(
            {"employee_id": self.emp_colleague.id}
        )
        (again | colleague).action_activate()
        self.assertEqual(set((again | colleague).mapped("state")), {"active"})

    def test_get_or_create_active_plan_reuses_the_active_plan(self):
        self.plan.action_activate()
        Plan = self.env["hr.development.plan"]
        by_employee = Plan._get_or_create_active_plan(
            self.emp_employee | self.emp_colleague
        )
        self.assertEqual(by_employee[self.emp_employee.id], self.plan)
        new_plan = by_employee[self.emp_colleague.id]
        self.assertEqual(
            (new_plan.employee_id, new_plan.state), (self.emp_colleague, "active")
        )
        self.assertEqual(
            Plan._get_or_create_active_plan(self.emp_colleague)[self.emp_colleague.id],
            new_plan,
        )

    def test_completing_a_plan_ends_it_today(self):
        self.plan.date_start = self.today - timedelta(days=30)
        self.plan.action_activate()
        self.plan.action_done()
        self.assertEqual((self.plan.state, self.plan.date_end), ("done", self.today))

    def test_completing_a_plan_that_has_not_started_yet_is_possible(self):
        plan = self.env["hr.development.plan"].create(
            {
                "employee_id": self.emp_colleague.id,
                "date_start": self.today + timedelta(days=10),
                "date_end": self.today + timedelta(days=40),
            }
        )
        plan.action_activate()
        plan.action_done()
        self.env.flush_all()
        self.assertEqual(plan.state, "done")
        self.assertGreaterEqual(plan.date_end, plan.date_start)

    def test_wrong_plan_transitions_are_refused(self):
        with self.assertRaises(UserError):
            self.plan.action_done()
        with self.assertRaises(UserError):
            self.plan.action_reset_draft()
        self.plan.action_cancel()
        with self.assertRaises(UserError) as caught:
            self.plan.action_activate()
        self.assertEqual(
            str(caught.exception),
            f"Cannot activate the development plan “{self.plan.display_name}”: its "
            "status is “Cancelled”.",
        )
        self.plan.action_reset_draft()
        self.assertEqual(self.plan.state, "draft")

    def test_progress_counts_done_actions_and_ignores_cancelled_ones(self):
        actions = self._actions(self.plan, 5)
        self.assertEqual(self.plan.progress, 0)
        actions[0].action_done()
        actions[1].action_start()
        actions[2].action_cancel()
        # 1 done out of 4 (the cancelled one does not count)
        self.assertEqual(self.plan.action_count, 4)
        self.assertEqual(self.plan.action_done_count, 1)
        self.assertAlmostEqual(self.plan.progress, 25.0)
        (actions[1] | actions[3] | actions[4]).action_done()
        self.assertAlmostEqual(self.plan.progress, 100.0)
        self.assertEqual(actions[0].date_done, self.today)
        self.assertFalse(actions[2].date_done)

    def test_plan_without_open_actions_has_zero_progress(self):
        self._actions(self.plan, 2).action_cancel()
        self.assertEqual(self.plan.action_count, 0)
        self.assertEqual(self.plan.progress, 0)

    def test_cancelling_a_plan_cancels_its_open_actions(self):
        todo, started, done = self._actions(self.plan, 3)
        started.action_start()
        done.action_done()
        self.plan.action_activate()
        self.plan.action_cancel()
        self.assertEqual(self.plan.state, "cancelled")
        self.assertEqual(
            (todo | started | done).mapped("state"),
            ["cancelled", "cancelled", "done"],
        )

    def test_training_action_without_course_is_refused(self):
        with self.assertRaises(ValidationError) as caught:
            self.env["hr.development.action"].create(
                {"name": "Some training", "plan_id": self.plan.id}
            )
        self.assertIn("Some training", str(caught.exception))
        action = self.env["hr.development.action"].create(
            {
                "name": "Python course",
                "plan_id": self.plan.id,
                "channel_id": self.course.id,
            }
        )
        self.assertEqual(action.action_type, "training")
        self.assertEqual(action.employee_id, self.emp_employee)

    def test_manager_assigns_only_a_suggested_course_hr_any(self):
        """One rule for the backend and the portal: a manager picks a course
        suggested for the employee (it closes one of Emma's gaps); a course
        that closes none is refused in words; HR may assign any course."""
        # a published course that teaches none of the skills Emma's jobs ask
        unrelated = self._create_courses([("Knitting (career test)", [], True)])
        Action = self.env["hr.development.action"].with_user(self.user_manager)
        vals = {"name": "Take a course", "plan_id": self.plan.id}
        with (
            self.assertRaisesRegex(
                ValidationError, "Choose one of the courses suggested for Emma"
            ),
            self.env.cr.savepoint(),
        ):
            Action.create(dict(vals, channel_id=unrelated.id))
        action = Action.create(dict(vals, channel_id=self.course.id))
        self.assertEqual(action.channel_id, self.course)
        with self.assertRaisesRegex(ValidationError, "Knitting"):
            action.channel_id = unrelated
        hr_action = (
            self.env["hr.development.action"]
            .with_user(self.user_hr)
            .create(dict(vals, channel_id=unrelated.id))
        )
        self.assertEqual(hr_action.channel_id, unrelated)

    def test_employee_cannot_be_their_own_mentor(self):
        with self.assertRaises(ValidationError):
            self.plan.mentor_id = self.emp_employee
        with self.assertRaises(ValidationError):
            self._actions(self.plan, 1, mentor_id=self.emp_employee.id)

    def test_plan_ending_before_it_starts_is_refused(self):
        # refused before the database: its CHECK would log an ERROR first
        with (
            self.assertNoLogs("odoo.sql_db", level="ERROR"),
            self.assertRaises(ValidationError),
        ):
            self.env["hr.development.plan"].create(
                {
                    "employee_id": self.emp_colleague.id,
                    "date_start": self.today,
                    "date_end": self.today - timedelta(days=1),
                }
            )
        date_end = self.plan.date_end
        with (
            self.assertNoLogs("odoo.sql_db", level="ERROR"),
            self.assertRaises(ValidationError),
        ):
            self.plan.date_end = self.plan.date_start - timedelta(days=1)
        self.assertEqual(self.plan.date_end, date_end)

    def test_overdue_is_computed_and_searchable(self):
        late, future, late_done = self._actions(self.plan, 3)
        with freeze_time(self.today - timedelta(days=7)):  # set a week ago
            late.date_due = late_done.date_due = self.today - timedelta(days=2)
        future.date_due = self.today + timedelta(days=2)
        late_done.action_done()
        self.assertEqual(
            (late | future | late_done).mapped("is_overdue"), [True, False, False]
        )
        Action = self.env["hr.development.action"]
        self.assertEqual(
            Action.search([("plan_id", "=", self.plan.id), ("is_overdue", "=", True)]),
            late,
        )
        self.assertEqual(
            Action.search([("plan_id", "=", self.plan.id), ("is_overdue", "!=", True)]),
            future | late_done,
        )

    def test_overdue_reminder_creates_one_activity_per_overdue_action_once(self):
        colleague_plan = self.env["hr.development.plan"].create(
            {"employee_id": self.emp_colleague.id}
        )
        with freeze_time(self.today - timedelta(days=7)):  # set a week ago
            late = self._actions(self.plan, 2, date_due=self.today - timedelta(days=3))
            late |= self._actions(
                colleague_plan, 1, date_due=self.today - timedelta(days=1)
            )
        due_today, cancelled = self._actions(self.plan, 2, date_due=self.today)
        cancelled.action_cancel()
        cancelled.date_due = self.today - timedelta(days=3)
        not_late = due_today | cancelled
        Activity = self.env["mail.activity"]
        domain = [
            ("res_model", "=", "hr.development.action"),
            ("res_id", "in", (late | not_late).ids),  # demo data may have others
        ]
        before = Activity.search(domain)

        self.env["hr.development.action"]._cron_remind_overdue()
        created = Activity.search(domain) - before
        self.assertEqual(sorted(created.mapped("res_id")), sorted(late.ids))
        by_action = {a.res_id: a for a in created}
        self.assertEqual(by_action[late[0].id].user_id, self.user_employee)
        self.assertEqual(by_action[late[2].id].user_id, self.user_colleague)
        self.assertFalse(set(created.mapped("res_id")) & set(not_late.ids))

        self.env["hr.development.action"]._cron_remind_overdue()
        self.assertEqual(Activity.search(domain) - before, created)

    def test_overdue_reminder_cron_is_registered(self):
        cron = self.env.ref("hr_career_dev.ir_cron_development_action_overdue")
        self.assertEqual(cron.model_id.model, "hr.development.action")
        self.assertIn("_cron_remind_overdue", cron.code)

    def test_plan_from_gaps_holds_the_company_number_of_actions_most_important_first(
        self,
    ):
        """Emma lacks Python (critical, towards Tech Lead), Communication
        (important) and JavaScript (nice): with two actions per plan, the plan
        gets Python and Communication; JavaScript gets its action once one of
        them is done and its gap closed."""
        self.company_a.career_plan_gap_actions = 2
        Plan = self.env["hr.development.plan"]
        plans = Plan._plan_from_gaps(self.emp_employee)
        plan = plans[self.emp_employee.id]
        self.assertEqual(plan.action_ids.skill_id, self.python | self.communication)
        # the Python gap is closed by the course, the other by mentoring
        python_action = plan.action_ids.filtered(lambda a: a.skill_id == self.python)
        self.assertEqual(python_action.channel_id, self.course)
        # again: the plan is full, nothing added
        Plan._plan_from_gaps(self.emp_employee)
        self.assertEqual(len(plan.action_ids), 2)
        # the course is done and Emma's Python has reached the Tech Lead level
        python_action.state = "done"
        self.env["hr.employee.skill"].search(
            [
                ("employee_id", "=", self.emp_employee.id),
                ("skill_id", "=", self.python.id),
            ]
        ).skill_level_id = self.expert
        Plan._plan_from_gaps(self.emp_employee)
        self.assertEqual(
            plan.action_ids.filtered(lambda a: a.state == "todo").skill_id,
            self.communication | self.js,
        )

    def test_plan_from_gaps_without_limit_covers_every_gap(self):
        self.company_a.career_plan_gap_actions = 0
        plan = self.env["hr.development.plan"]._plan_from_gaps(self.emp_employee)[
            self.emp_employee.id
        ]
        self.assertEqual(
            plan.action_ids.skill_id, self.python | self.communication | self.js
        )

    def test_negative_number_of_actions_per_plan_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.company_a.career_plan_gap_actions = -1
