# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 19: owner fields fixed after creation, development actions the
employee only follows up, skill history restricted to self, managers and HR."""

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import CareerCase, JsonRpcMixin


class OwnerCase(CareerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.goal_colleague = cls.env["hr.career.goal"].create(
            {"name": "Carl's goal", "employee_id": cls.emp_colleague.id}
        )
        Plan = cls.env["hr.development.plan"]
        cls.plan = Plan.create({"employee_id": cls.emp_employee.id})
        cls.plan_colleague = Plan.create({"employee_id": cls.emp_colleague.id})
        Action = cls.env["hr.development.action"]
        cls.action = Action.create(
            {
                "name": "Shadow a lead",
                "plan_id": cls.plan.id,
                "action_type": "coaching",
                "date_due": "2030-01-31",
            }
        )
        cls.action_colleague = Action.create(
            {"name": "Rotate", "plan_id": cls.plan_colleague.id, "action_type": "other"}
        )
        cls.evidence = cls.env["hr.skill.evidence"].create(
            {
                "employee_id": cls.emp_employee.id,
                "skill_id": cls.js.id,
                "level_id": cls.intermediate.id,
                "source": "Side project",
            }
        )


@tagged("post_install", "-at_install", "suite_upgrade")
class TestOwnerFields(OwnerCase):
    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_employee_cannot_move_her_goal_to_a_colleague(self):
        goal = self.goal_lead.with_user(self.user_employee)
        with self.assertRaises(AccessError):
            goal.write({"employee_id": self.emp_colleague.id, "state": "achieved"})
        self.assertEqual(self.goal_lead.employee_id, self.emp_employee)
        self.assertEqual(self.goal_lead.state, "draft")
        self.assertFalse(
            self.env["hr.career.goal"].search(
                [
                    ("employee_id", "=", self.emp_colleague.id),
                    ("state", "=", "achieved"),
                ]
            )
        )

    def test_manager_cannot_move_a_goal_between_team_members(self):
        with self.assertRaises(AccessError):
            self.goal_lead.with_user(self.user_manager).write(
                {"employee_id": self.emp_colleague.id}
            )
        self.assertEqual(self.goal_lead.employee_id, self.emp_employee)

    def test_writing_the_same_owner_is_harmless(self):
        self.goal_lead.with_user(self.user_employee).write(
            {"employee_id": self.emp_employee.id, "progress": 20}
        )
        self.assertEqual(self.goal_lead.progress, 20)

    def test_hr_officer_moves_a_goal(self):
        self.goal_lead.with_user(self.user_hr).write(
            {"employee_id": self.emp_colleague.id}
        )
        self.assertEqual(self.goal_lead.employee_id, self.emp_colleague)

    def test_manager_cannot_move_an_action_to_another_plan(self):
        for vals in (
            {"plan_id": self.plan_colleague.id},
            {"employee_id": self.emp_colleague.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                self.action.with_user(self.user_manager).write(vals)
        self.assertEqual(self.action.plan_id, self.plan)
        self.assertEqual(self.plan.employee_id, self.emp_employee)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_employee_cannot_move_her_action_into_another_plan(self):
        with self.assertRaises(AccessError):
            self.action.with_user(self.user_employee).write(
                {"plan_id": self.plan_colleague.id}
            )
        self.assertEqual(self.action.plan_id, self.plan)
        self.assertEqual(self.plan_colleague.action_count, 1)

    def test_manager_cannot_give_a_plan_to_another_employee(self):
        with self.assertRaises(AccessError):
            self.plan.with_user(self.user_manager).write(
                {"employee_id": self.emp_colleague.id}
            )
        self.assertEqual(self.plan.employee_id, self.emp_employee)

    def test_hr_officer_moves_an_action_and_a_plan(self):
        self.action.with_user(self.user_hr).write({"plan_id": self.plan_colleague.id})
        self.assertEqual(self.action.employee_id, self.emp_colleague)
        self.plan.with_user(self.user_hr).write({"employee_id": self.emp_manager.id})
        self.assertEqual(self.plan.employee_id, self.emp_manager)

    def test_manager_cannot_move_skill_evidence(self):
        with self.assertRaises(AccessError):
            self.evidence.with_user(self.user_manager).write(
                {"employee_id": self.emp_colleague.id}
            )
        self.assertEqual(self.evidence.employee_id, self.emp_employee)


@tagged("post_install", "-at_install", "suite_upgrade")
class TestDevelopmentActionRights(OwnerCase):
    def test_employee_follows_up_the_status_of_her_action(self):
        action = self.action.with_user(self.user_employee)
        action.action_start()
        self.assertEqual(self.action.state, "in_progress")
        action.write({"state": "done"})
        self.assertEqual(self.action.state, "done")
        self.assertTrue(self.action.date_done)

    def test_employee_cannot_change_anything_else_of_her_action(self):
        course = self._create_courses([("Rust (owner test)", [], True)])
        for vals in (
            {"name": "Nap"},
            {"action_type": "other"},
            {"skill_id": self.python.id},
            {"channel_id": course.id},
            {"mentor_id": self.emp_colleague.id},
            {"date_due": "2040-01-01"},
            {"note": "Done by myself"},
            {"state": "done", "date_due": "2040-01-01"},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                self.action.with_user(self.user_employee).write(vals)
        self.assertRecordValues(
            self.action,
            [
                {
                    "name": "Shadow a lead",
                    "action_type": "coaching",
                    "skill_id": False,
                    "mentor_id": False,
                    "state": "todo",
                    "note": False,
                }
            ],
        )
        self.assertEqual(str(self.action.date_due), "2030-01-31")

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_employee_cannot_create_or_delete_actions_in_her_plan(self):
        Action = self.env["hr.development.action"].with_user(self.user_employee)
        with self.assertRaises(AccessError):
            Action.create(
                {"name": "Self-made", "plan_id": self.plan.id, "action_type": "other"}
            )
        with self.assertRaises(AccessError):
            self.action.with_user(self.user_employee).unlink()
        self.assertTrue(self.action.exists())
        self.assertEqual(self.plan.action_count, 1)

    def test_manager_plans_edits_and_deletes_actions_of_the_team(self):
        Action = self.env["hr.development.action"].with_user(self.user_manager)
        action = Action.create(
            {"name": "Pair program", "plan_id": self.plan.id, "action_type": "other"}
        )
        action.write({"name": "Pair program weekly", "date_due": "2031-01-01"})
        self.assertEqual(action.name, "Pair program weekly")
        action.unlink()
        self.assertFalse(action.exists())
        self.action.with_user(self.user_skip).write({"mentor_id": self.emp_skip.id})
        self.assertEqual(self.action.mentor_id, self.emp_skip)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_manager_cannot_edit_the_actions_of_his_own_plan(self):
        plan = self.env["hr.development.plan"].create(
            {"employee_id": self.emp_manager.id}
        )
        action = self.env["hr.development.action"].create(
            {"name": "Lead a retro", "plan_id": plan.id, "action_type": "other"}
        )
        with self.assertRaises(AccessError):
            action.with_user(self.user_manager).write({"name": "Skip it"})
        action.with_user(self.user_manager).action_done()
        self.assertRecordValues(action, [{"name": "Lead a retro", "state": "done"}])


@tagged("post_install", "-at_install", "suite_upgrade")
class TestSkillLogAccess(CareerCase):
    def _logs(self, user, employee):
        return (
            self.env["hr.employee.skill.log"]
            .with_user(user)
            .search([("employee_id", "=", employee.id)])
        )

    def test_colleague_does_not_read_the_skill_history(self):
        logs = self.env["hr.employee.skill.log"].search(
            [("employee_id", "=", self.emp_employee.id)]
        )
        self.assertTrue(logs, "Emma's skills were logged")
        self.assertFalse(self._logs(self.user_colleague, self.emp_employee))
        with (
            mute_logger("odoo.addons.base.models.ir_rule"),
            self.assertRaises(AccessError),
        ):
            logs.with_user(self.user_colleague).read(["skill_level_id"])

    def test_self_managers_and_hr_read_the_skill_history(self):
        logs = self.env["hr.employee.skill.log"].search(
            [("employee_id", "=", self.emp_employee.id)]
        )
        for user in (
            self.user_employee,
            self.user_manager,
            self.user_skip,
            self.user_hr,
        ):
            with self.subTest(user=user.name):
                self.assertEqual(self._logs(user, self.emp_employee), logs)

    def test_manager_updates_a_team_skill_and_its_history(self):
        line = self.env["hr.employee.skill"].search(
            [
                ("employee_id", "=", self.emp_employee.id),
                ("skill_id", "=", self.python.id),
            ]
        )
        line.with_user(self.user_hr).write({"skill_level_id": self.expert.id})
        self.assertIn(
            self.expert, self._logs(self.user_manager, self.emp_employee).skill_level_id
        )


@tagged("post_install", "-at_install", "suite_upgrade")
class TestOwnerFieldsRpc(JsonRpcMixin, HttpCase, OwnerCase):
    def setUp(self):
        super().setUp()
        # refused calls are logged as warnings by the HTTP layer
        self.enterContext(mute_logger("odoo.http"))

    def test_employee_cannot_move_her_goal_over_json_rpc(self):
        self.assertRpcRefused(
            "career_employee",
            "hr.career.goal",
            "write",
            [self.goal_lead.ids, {"employee_id": self.emp_colleague.id}],
            error="odoo.exceptions.AccessError",
        )
        self.assertRpcRefused(
            "career_employee",
            "hr.career.goal",
            "write",
            [
                self.goal_lead.ids,
                {"employee_id": self.emp_colleague.id, "state": "achieved"},
            ],
            error="odoo.exceptions.AccessError",
        )
        self.goal_lead.invalidate_recordset()
        self.assertEqual(self.goal_lead.employee_id, self.emp_employee)
        self.assertEqual(self.goal_lead.state, "draft")

    def test_employee_cannot_move_or_rename_her_action_over_json_rpc(self):
        for vals in ({"plan_id": self.plan_colleague.id}, {"name": "Nap"}):
            with self.subTest(vals=vals):
                self.assertRpcRefused(
                    "career_employee",
                    "hr.development.action",
                    "write",
                    [self.action.ids, vals],
                    error="odoo.exceptions.AccessError",
                )
        self.action.invalidate_recordset()
        self.assertRecordValues(
            self.action, [{"plan_id": self.plan.id, "name": "Shadow a lead"}]
        )
        self.call_kw(
            "career_employee",
            "hr.development.action",
            "write",
            [self.action.ids, {"state": "in_progress"}],
        )
        self.action.invalidate_recordset()
        self.assertEqual(self.action.state, "in_progress")
