# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .demo_common import DemoCase


@tagged("post_install", "-at_install")
class TestDemoPortal(DemoCase):
    """Every demo login finds a full /my/career: a target job with its
    readiness, gaps and suggested courses, goals, and an active development
    plan whose actions are in several states, one a training on a course."""

    def test_demo_users_exist(self):
        logins = set(self.demo_users().mapped("login"))
        self.assertLessEqual(
            {"owen.park.career", "lena.fischer.career"},
            logins,
            "Owen Park and Lena Fischer are the demo logins",
        )

    def test_each_demo_user_sees_a_full_career_page(self):
        for user in self.demo_users():
            with self.subTest(login=user.login):
                employee = user.employee_id
                self.assertTrue(employee, f"{user.login} has an employee")
                page = self.open_page(user, "/my/career")

                long_goals = employee.career_goal_ids.filtered(
                    lambda g: g.horizon == "long" and g.state == "in_progress"
                )
                self.assertTrue(long_goals.target_job_id, "a goal aims at a job")
                self.assertGreater(min(long_goals.mapped("progress")), 0)
                self.assertEqual(
                    self.section_text(page, "o_career_target_job"),
                    employee.target_job_id.name,
                )
                self.assertTrue(page.find_class("o_career_gaps"), "top gaps")
                self.assertTrue(
                    page.find_class("o_career_suggestion"), "suggested courses"
                )

                goals = self.section_text(page, "o_career_goals")
                for goal in employee.career_goal_ids:
                    self.assertIn(goal.name, goals)

                plan = employee.development_plan_ids.filtered(
                    lambda p: p.state == "active"
                )
                self.assertEqual(len(plan), 1, "one active development plan")
                self.assertLessEqual(
                    {"todo", "in_progress", "done"},
                    set(plan.action_ids.mapped("state")),
                    "actions to do, in progress and done",
                )
                training = plan.action_ids.filtered(
                    lambda a: a.action_type == "training"
                )
                self.assertTrue(training, "a training action")
                self.assertTrue(
                    all(training.channel_id.mapped("is_published")), "on a course"
                )
                actions = self.section_text(page, "o_career_actions")
                for action in plan.action_ids:
                    self.assertIn(action.name, actions)
