# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""An achieved goal counts (badges, recognition) only once someone other than
the employee confirmed it: the manager chain or HR."""

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import CareerCase, JsonRpcMixin
from .test_portal_http import CareerPortalCase

CONFIRM_TYPE = "hr_career_dev.mail_activity_type_goal_confirm"


class GoalConfirmationCase(CareerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.confirm_type = cls.env.ref(CONFIRM_TYPE)
        cls.goal = cls.env["hr.career.goal"].create(
            {
                "name": "Present at the tech meetup",
                "employee_id": cls.emp_employee.id,
                "state": "in_progress",
            }
        )

    def _confirm_activities(self, goal):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "hr.career.goal"),
                ("res_id", "=", goal.id),
                ("activity_type_id", "=", self.confirm_type.id),
            ]
        )

    def assertUnconfirmed(self, goal):
        goal.invalidate_recordset()
        self.assertFalse(goal.achievement_confirmed_by_id)
        self.assertFalse(goal.achievement_confirmed_date)


@tagged("post_install", "-at_install", "suite_upgrade")
class TestGoalConfirmation(GoalConfirmationCase):
    def test_employee_achieves_own_goal_and_the_manager_gets_one_todo(self):
        self.goal.with_user(self.user_employee).action_achieve()
        self.assertEqual(self.goal.state, "achieved")
        self.assertUnconfirmed(self.goal)
        todo = self._confirm_activities(self.goal)
        self.assertEqual(len(todo), 1)
        self.assertEqual(todo.user_id, self.user_manager)
        # reopened and achieved again: still one to-do for this goal
        self.goal.with_user(self.user_employee).action_reset()
        self.assertFalse(self._confirm_activities(self.goal))
        self.goal.with_user(self.user_employee).action_start()
        self.goal.with_user(self.user_employee).action_achieve()
        self.goal.with_user(self.user_employee).write({"state": "achieved"})
        self.assertEqual(len(self._confirm_activities(self.goal)), 1)

    def test_manager_confirms_and_the_todo_is_done(self):
        self.goal.with_user(self.user_employee).action_achieve()
        goal = self.goal.with_user(self.user_manager)
        self.assertTrue(goal.can_confirm_achievement)
        goal.action_confirm_achievement()
        self.assertEqual(self.goal.achievement_confirmed_by_id, self.user_manager)
        self.assertEqual(
            self.goal.achievement_confirmed_date, fields.Date.context_today(goal)
        )
        self.assertFalse(self._confirm_activities(self.goal))
        with self.assertRaises(UserError):
            goal.action_confirm_achievement()  # nothing left to confirm
        self.assertEqual(self.goal.achievement_confirmed_by_id, self.user_manager)

    def test_skip_level_manager_and_hr_may_confirm(self):
        other = self.goal.copy({"name": "Write the onboarding guide"})
        (self.goal | other).with_user(self.user_employee).action_achieve()
        self.goal.with_user(self.user_skip).action_confirm_achievement()
        other.with_user(self.user_hr).action_confirm_achievement()
        self.assertEqual(self.goal.achievement_confirmed_by_id, self.user_skip)
        self.assertEqual(other.achievement_confirmed_by_id, self.user_hr)

    def test_manager_marking_a_team_goal_achieved_confirms_it(self):
        self.goal.with_user(self.user_manager).action_achieve()
        self.assertEqual(self.goal.achievement_confirmed_by_id, self.user_manager)
        self.assertFalse(self._confirm_activities(self.goal))

    def test_confirmation_stays_while_the_goal_stays_achieved(self):
        self.goal.with_user(self.user_employee).action_achieve()
        self.goal.with_user(self.user_manager).action_confirm_achievement()
        self.goal.with_user(self.user_employee).write(
            {"state": "achieved", "description": "<p>Slides shared</p>"}
        )
        self.env.flush_all()
        self.env.invalidate_all()
        self.assertEqual(self.goal.achievement_confirmed_by_id, self.user_manager)
        self.assertTrue(self.goal.achievement_confirmed_date)
        self.assertFalse(self._confirm_activities(self.goal))

    def test_reopening_clears_the_confirmation(self):
        self.goal.with_user(self.user_manager).action_achieve()
        self.goal.with_user(self.user_employee).action_reset()
        self.assertUnconfirmed(self.goal)
        self.goal.with_user(self.user_employee).write({"state": "achieved"})
        self.assertUnconfirmed(self.goal)
        self.assertEqual(len(self._confirm_activities(self.goal)), 1)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_employee_cannot_confirm_their_own_achievement(self):
        self.goal.with_user(self.user_employee).action_achieve()
        goal = self.goal.with_user(self.user_employee)
        self.assertFalse(goal.can_confirm_achievement)
        with self.assertRaises(AccessError):
            goal.action_confirm_achievement()
        for vals in (
            {"achievement_confirmed_by_id": self.user_manager.id},
            {"achievement_confirmed_by_id": self.user_employee.id},
            {"achievement_confirmed_date": fields.Date.today()},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                goal.write(vals)
        # not through sudo either (the portal writes goals with sudo)
        with self.assertRaises(AccessError):
            goal.sudo().write({"achievement_confirmed_by_id": self.user_manager.id})
        with self.assertRaises(AccessError):
            goal.create(
                {
                    "name": "Already done",
                    "employee_id": self.emp_employee.id,
                    "state": "achieved",
                    "achievement_confirmed_by_id": self.user_manager.id,
                    "achievement_confirmed_date": fields.Date.today(),
                }
            )
        self.assertUnconfirmed(self.goal)
        self.assertEqual(len(self._confirm_activities(self.goal)), 1)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_colleague_cannot_confirm(self):
        self.goal.with_user(self.user_employee).action_achieve()
        with self.assertRaises(AccessError):
            self.goal.with_user(self.user_colleague).action_confirm_achievement()
        self.assertUnconfirmed(self.goal)

    def test_manager_cannot_confirm_for_someone_else_or_an_open_goal(self):
        self.goal.with_user(self.user_employee).action_achieve()
        with self.assertRaises(AccessError):
            self.goal.with_user(self.user_manager).write(
                {
                    "achievement_confirmed_by_id": self.user_hr.id,
                    "achievement_confirmed_date": fields.Date.today(),
                }
            )
        self.assertUnconfirmed(self.goal)
        open_goal = self.goal.copy({"name": "Still open"})
        with self.assertRaises(UserError):
            open_goal.with_user(self.user_manager).action_confirm_achievement()
        with self.assertRaises(ValidationError):
            open_goal.with_user(self.user_manager).write(
                {
                    "achievement_confirmed_by_id": self.user_manager.id,
                    "achievement_confirmed_date": fields.Date.today(),
                }
            )
        self.assertUnconfirmed(open_goal)

    def test_goal_to_confirm_filter(self):
        self.goal.with_user(self.user_employee).action_achieve()
        to_confirm = (
            self.env["hr.career.goal"]
            .with_user(self.user_manager)
            .search([("achievement_to_confirm", "=", True)])
        )
        self.assertEqual(to_confirm, self.goal)


@tagged("post_install", "-at_install", "suite_upgrade")
class TestGoalConfirmationRpc(JsonRpcMixin, HttpCase, GoalConfirmationCase):
    @mute_logger("odoo.http")
    def test_employee_cannot_confirm_over_json_rpc(self):
        self.goal.with_user(self.user_employee).action_achieve()
        login = self.user_employee.login
        self.assertRpcRefused(
            login,
            "hr.career.goal",
            "action_confirm_achievement",
            [[self.goal.id]],
            error="odoo.exceptions.AccessError",
        )
        self.assertRpcRefused(
            login,
            "hr.career.goal",
            "write",
            [
                [self.goal.id],
                {
                    "achievement_confirmed_by_id": self.user_manager.id,
                    "achievement_confirmed_date": "2026-01-01",
                },
            ],
            error="odoo.exceptions.AccessError",
        )
        self.assertUnconfirmed(self.goal)

    def test_manager_confirms_over_json_rpc(self):
        self.goal.with_user(self.user_employee).action_achieve()
        self.call_kw(
            self.user_manager.login,
            "hr.career.goal",
            "action_confirm_achievement",
            [[self.goal.id]],
        )
        self.goal.invalidate_recordset()
        self.assertEqual(self.goal.achievement_confirmed_by_id, self.user_manager)


@tagged("post_install", "-at_install")
class TestGoalConfirmationPortal(CareerPortalCase):
    def test_portal_goal_page_says_it_waits_for_the_manager(self):
        manager_user = self.env["res.users"].create(
            {"name": "Portal Manager", "login": "career_portal_manager"}
        )
        manager = self.env["hr.employee"].create(
            {"name": "Portal Manager", "user_id": manager_user.id}
        )
        self.employee.parent_id = manager
        self.goal.with_user(self.portal_user).sudo().action_achieve()
        self.assertFalse(self.goal.achievement_confirmed_by_id)
        self.authenticate("career_portal", "career_portal")
        page = self.url_open(f"/my/career/goal/{self.goal.id}").text
        self.assertIn("Waiting for your manager", page)
        dashboard = self.url_open("/my/career").text
        self.assertIn("waiting for your manager's confirmation", dashboard)
        self.goal.with_user(manager_user).action_confirm_achievement()
        page = self.url_open(f"/my/career/goal/{self.goal.id}").text
        self.assertNotIn("Waiting for your manager", page)
        self.assertIn("Confirmed by Portal Manager", page)
