# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The shipped "career goal achieved" rule awards its badge on the confirmation
of the achievement by a manager or HR, never on the employee's own say-so."""

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.hr_career_dev.tests.common import JsonRpcMixin

from .common import RecognitionCase


class GoalAwardCase(RecognitionCase):
    def _channel_posts(self, goal):
        return self.channel.message_ids.filtered(lambda m: goal.name in (m.body or ""))

    def _confirm_todos(self, goal):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "hr.career.goal"),
                ("res_id", "=", goal.id),
                (
                    "activity_type_id",
                    "=",
                    self.env.ref("hr_career_dev.mail_activity_type_goal_confirm").id,
                ),
            ]
        )

    def _own_goal(self, name):
        goal = self._new_goal(self.employee, name)
        goal.with_user(self.user_employee).action_start()
        goal.with_user(self.user_employee).action_achieve()
        self.assertEqual(goal.state, "achieved")
        return goal


@tagged("post_install", "-at_install", "suite_upgrade")
class TestGoalConfirmationAward(GoalAwardCase):
    def test_shipped_rule_waits_for_the_confirmation(self):
        self.assertIn("achievement_confirmed_by_id", self.rule_goal.filter_domain)
        self.assertIn("achievement_confirmed_by_id", self.rule_goal.filter_pre_domain)
        self.assertIn(
            "achievement_confirmed_by_id",
            self.rule_goal.trigger_field_ids.mapped("name"),
        )

    def test_own_achievement_awards_nothing_until_the_manager_confirms(self):
        goals = [self._own_goal(f"Throwaway goal {i}") for i in range(3)]
        self.assertFalse(self._awards(self.badge_goal, self.employee))
        self.assertFalse(self._channel_posts(goals[0]))
        todo = self._confirm_todos(goals[0])
        self.assertEqual(todo.user_id, self.user_manager)

        goals[0].with_user(self.user_manager).action_confirm_achievement()
        award = self._awards(self.badge_goal, self.employee)
        self.assertEqual(len(award), 1)
        self.assertEqual(award.source_ref, goals[0])
        self.assertFalse(self._confirm_todos(goals[0]))
        # reopened, achieved and confirmed again: still one award
        goals[0].with_user(self.user_employee).action_reset()
        goals[0].with_user(self.user_employee).action_achieve()
        self.assertEqual(len(self._awards(self.badge_goal, self.employee)), 1)
        goals[0].with_user(self.user_manager).action_confirm_achievement()
        self.assertEqual(len(self._awards(self.badge_goal, self.employee)), 1)

    def test_hr_officer_confirms_and_awards(self):
        goal = self._own_goal("Mentor two juniors")
        goal.with_user(self.user_officer).action_confirm_achievement()
        self.assertEqual(len(self._awards(self.badge_goal, self.employee)), 1)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_employee_cannot_confirm_and_nothing_is_awarded(self):
        goal = self._own_goal("Self-congratulation")
        mine = goal.with_user(self.user_employee)
        with self.assertRaises(AccessError):
            mine.action_confirm_achievement()
        with self.assertRaises(AccessError):
            mine.write({"achievement_confirmed_by_id": self.user_manager.id})
        with self.assertRaises(AccessError):
            mine.sudo().write(
                {
                    "achievement_confirmed_by_id": self.user_employee.id,
                    "achievement_confirmed_date": "2026-01-01",
                }
            )
        with self.assertRaises(AccessError):
            self.env["hr.career.goal"].with_user(self.user_employee).create(
                {
                    "name": "Born achieved",
                    "employee_id": self.employee.id,
                    "state": "achieved",
                    "achievement_confirmed_by_id": self.user_employee.id,
                }
            )
        # a colleague is not a manager of the employee
        with self.assertRaises(AccessError):
            goal.with_user(self.user_other).action_confirm_achievement()
        self.assertFalse(goal.achievement_confirmed_by_id)
        self.assertFalse(self._awards(self.badge_goal, self.employee))
        self.assertFalse(self._channel_posts(goal))


@tagged("post_install", "-at_install", "suite_upgrade")
class TestGoalConfirmationAwardRpc(JsonRpcMixin, HttpCase, GoalAwardCase):
    @mute_logger("odoo.http")
    def test_employee_cannot_confirm_over_json_rpc_and_nothing_is_awarded(self):
        goal = self._own_goal("Award myself")
        login = self.user_employee.login
        self.assertRpcRefused(
            login,
            "hr.career.goal",
            "action_confirm_achievement",
            [[goal.id]],
            error="odoo.exceptions.AccessError",
        )
        self.assertRpcRefused(
            login,
            "hr.career.goal",
            "write",
            [[goal.id], {"achievement_confirmed_by_id": self.user_manager.id}],
            error="odoo.exceptions.AccessError",
        )
        self.assertRpcRefused(
            login,
            "hr.career.goal",
            "create",
            [
                {
                    "name": "Born achieved",
                    "employee_id": self.employee.id,
                    "state": "achieved",
                    "achievement_confirmed_by_id": self.user_employee.id,
                }
            ],
            error="odoo.exceptions.AccessError",
        )
        goal.invalidate_recordset()
        self.assertFalse(goal.achievement_confirmed_by_id)
        self.assertFalse(self._awards(self.badge_goal, self.employee))
        # the manager confirms from the web client: awarded once
        self.call_kw(
            self.user_manager.login,
            "hr.career.goal",
            "action_confirm_achievement",
            [[goal.id]],
        )
        self.assertEqual(len(self._awards(self.badge_goal, self.employee)), 1)
