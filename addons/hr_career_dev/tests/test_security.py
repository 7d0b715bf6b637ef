# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import CareerCase


@tagged("post_install", "-at_install")
class TestCareerSecurity(CareerCase):
    """Emma and Carl report to Marc, who reports to Sabine (skip level)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Goal = cls.env["hr.career.goal"]
        cls.goal_colleague = Goal.create(
            {"name": "Carl's goal", "employee_id": cls.emp_colleague.id}
        )
        cls.goal_manager = Goal.create(
            {"name": "Marc's goal", "employee_id": cls.emp_manager.id}
        )
        cls.goal_skip = Goal.create(
            {"name": "Sabine's goal", "employee_id": cls.emp_skip.id}
        )
        cls.goals_a = (
            cls.goal_lead | cls.goal_colleague | cls.goal_manager | cls.goal_skip
        )
        cls.plan = cls.env["hr.development.plan"].create(
            {"employee_id": cls.emp_employee.id}
        )
        cls.plan_colleague = cls.env["hr.development.plan"].create(
            {"employee_id": cls.emp_colleague.id}
        )
        cls.action = cls.env["hr.development.action"].create(
            {"name": "Shadow a lead", "plan_id": cls.plan.id, "action_type": "coaching"}
        )
        cls.action_colleague = cls.env["hr.development.action"].create(
            {
                "name": "Rotate",
                "plan_id": cls.plan_colleague.id,
                "action_type": "job_rotation",
            }
        )
        cls.all_goals = cls.goals_a | cls.goal_b

    def _visible(self, user, records):
        return records.with_user(user).search([("id", "in", records.ids)])

    # ------------------------------------------------------------ employee
    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_employee_cannot_read_another_employees_goal(self):
        with self.assertRaises(AccessError):
            self.goal_colleague.with_user(self.user_employee).read(["name"])
        with self.assertRaises(AccessError):
            self.goal_manager.with_user(self.user_employee).read(["name"])

    def test_employee_search_finds_only_their_own_goals(self):
        self.assertEqual(
            self._visible(self.user_employee, self.all_goals), self.goal_lead
        )

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_employee_cannot_write_another_employees_goal(self):
        with self.assertRaises(AccessError):
            self.goal_colleague.with_user(self.user_employee).write({"progress": 50})
        self.assertEqual(self.goal_colleague.progress, 0)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_employee_cannot_create_a_goal_for_a_colleague(self):
        with self.assertRaises(AccessError):
            self.env["hr.career.goal"].with_user(self.user_employee).create(
                {"name": "Carl should learn Rust", "employee_id": self.emp_colleague.id}
            )

    def test_employee_sets_a_target_job_on_their_own_goal(self):
        goal = (
            self.env["hr.career.goal"]
            .with_user(self.user_employee)
            .create(
                {
                    "name": "Lead the team",
                    "horizon": "long",
                    "target_job_id": self.job_lead.id,
                }
            )
        )
        self.assertEqual(goal.target_job_id, self.job_lead)
        with self.assertRaises(ValidationError):
            goal.write({"target_job_id": self.job_dev.id})  # her current job

    def test_employee_goal_changes_are_tracked(self):
        # as if the goal had been created in an earlier transaction: creation
        # discards the tracking of the records it creates until commit
        self.env.flush_all()
        self.env.cr.precommit.run()
        goal = self.goal_lead.with_user(self.user_employee).with_context(
            mail_notrack=False
        )
        goal.write({"progress": 30, "target_job_id": self.job_lead.id})
        goal.action_start()
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking values are written at commit
        self.goal_lead.invalidate_recordset(["message_ids"])
        tracked = self.goal_lead.message_ids.tracking_value_ids.field_id.mapped("name")
        self.assertIn("progress", tracked)
        self.assertIn("state", tracked)

    def test_manager_creates_a_goal_for_the_team(self):
        goal = (
            self.env["hr.career.goal"]
            .with_user(self.user_manager)
            .create({"name": "Mentor a junior", "employee_id": self.emp_colleague.id})
        )
        self.assertEqual(goal.employee_id, self.emp_colleague)

    def test_employee_updates_their_own_goal(self):
        goal = self.goal_lead.with_user(self.user_employee)
        goal.write({"progress": 40})
        self.assertEqual(goal.read(["progress"])[0]["progress"], 40)

    def test_employee_creates_their_own_goal(self):
        goal = (
            self.env["hr.career.goal"]
            .with_user(self.user_employee)
            .create({"name": "Speak at a meetup"})
        )
        self.assertEqual(goal.employee_id, self.emp_employee)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_employee_cannot_read_another_employees_plan_or_actions(self):
        with self.assertRaises(AccessError):
            self.plan_colleague.with_user(self.user_employee).read(["name"])
        with self.assertRaises(AccessError):
            self.action_colleague.with_user(self.user_employee).read(["name"])
        self.assertEqual(
            self._visible(self.user_employee, self.plan | self.plan_colleague),
            self.plan,
        )
        self.assertEqual(
            self._visible(self.user_employee, self.action | self.action_colleague),
            self.action,
        )

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_employee_cannot_write_their_own_development_plan(self):
        plan = self.plan.with_user(self.user_employee)
        self.assertEqual(plan.read(["name"])[0]["name"], self.plan.name)
        with self.assertRaises(AccessError):
            plan.write({"note": "<p>I decide alone</p>"})
        with self.assertRaises(AccessError):
            plan.action_activate()
        with self.assertRaises(AccessError):
            self.env["hr.development.plan"].with_user(self.user_employee).create(
                {"employee_id": self.emp_employee.id}
            )

    def test_employee_does_not_see_another_employees_competency_gaps(self):
        Gap = self.env["hr.competency.gap"].with_user(self.user_employee)
        self.assertFalse(Gap.search([("employee_id", "=", self.emp_colleague.id)]))
        self.assertEqual(
            Gap.search(
                [("employee_id", "in", (self.emp_employee | self.emp_colleague).ids)]
            ).employee_id,
            self.emp_employee,
        )
        self.assertTrue(
            self.env["hr.competency.gap"].search(
                [("employee_id", "=", self.emp_colleague.id)]
            ),
            "Carl does have gap rows",
        )

    # ------------------------------------------------------------ managers
    def test_manager_sees_the_goals_of_the_team(self):
        self.assertEqual(
            self._visible(self.user_manager, self.all_goals),
            self.goal_lead | self.goal_colleague | self.goal_manager,
        )

    def test_skip_level_manager_sees_the_goals_at_any_depth(self):
        self.assertEqual(self._visible(self.user_skip, self.all_goals), self.goals_a)
        self.goal_lead.with_user(self.user_skip).write({"progress": 10})
        self.assertEqual(self.goal_lead.progress, 10)

    def test_managers_see_the_plans_and_actions_of_the_team(self):
        for user in (self.user_manager, self.user_skip):
            with self.subTest(user=user.name):
                self.assertEqual(
                    self._visible(user, self.plan | self.plan_colleague),
                    self.plan | self.plan_colleague,
                )
                self.assertEqual(
                    self._visible(user, self.action | self.action_colleague),
                    self.action | self.action_colleague,
                )

    def test_managers_write_the_plans_of_the_team(self):
        self.plan.with_user(self.user_manager).write(
            {"mentor_id": self.emp_colleague.id}
        )
        self.assertEqual(self.plan.mentor_id, self.emp_colleague)
        self.plan.with_user(self.user_skip).action_activate()
        self.assertEqual(self.plan.state, "active")
        plan = (
            self.env["hr.development.plan"]
            .with_user(self.user_manager)
            .create({"employee_id": self.emp_colleague.id})
        )
        self.assertEqual(plan.employee_id, self.emp_colleague)

    def test_manager_plans_actions_for_the_team(self):
        self.env.flush_all()
        self.env.cr.precommit.run()  # see test_employee_goal_changes_are_tracked
        # a course suggested for Emma: it closes her Python gap (a manager
        # assigns only those, hr.development.action._check_course_suggested)
        course = self._create_courses(
            [("Python deep dive (ct)", [(self.python, self.expert)], True)]
        )
        Action = self.env["hr.development.action"].with_user(self.user_manager)
        action = Action.with_context(mail_notrack=False).create(
            {
                "name": "Learn Rust",
                "plan_id": self.plan.id,
                "channel_id": course.id,
                "mentor_id": self.emp_colleague.id,
                "skill_id": self.python.id,
            }
        )
        action.write({"mentor_id": self.emp_skip.id, "state": "in_progress"})
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.assertEqual(action.employee_id, self.emp_employee)
        self.assertEqual(self.plan.action_count, 2)
        # and Emma follows up her own action
        action.with_user(self.user_employee).action_done()
        self.assertEqual(action.state, "done")

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_manager_cannot_write_their_own_plan(self):
        plan = self.env["hr.development.plan"].create(
            {"employee_id": self.emp_manager.id}
        )
        with self.assertRaises(AccessError):
            plan.with_user(self.user_manager).write({"note": "<p>Self-serve</p>"})

    def test_manager_sees_the_competency_gaps_of_the_team(self):
        gaps = (
            self.env["hr.competency.gap"]
            .with_user(self.user_skip)
            .search(
                [("employee_id", "in", (self.emp_employee | self.emp_colleague).ids)]
            )
        )
        self.assertEqual(gaps.employee_id, self.emp_employee | self.emp_colleague)

    # ------------------------------------------------------------ HR
    def test_hr_officer_sees_every_goal_plan_and_action_of_the_company(self):
        self.assertEqual(self._visible(self.user_hr, self.all_goals), self.goals_a)
        self.assertEqual(
            self._visible(self.user_hr, self.plan | self.plan_colleague),
            self.plan | self.plan_colleague,
        )
        self.assertEqual(
            self._visible(self.user_hr, self.action | self.action_colleague),
            self.action | self.action_colleague,
        )
        self.plan_colleague.with_user(self.user_hr).write({"note": "<p>HR</p>"})

    # ------------------------------------------------------------ companies
    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_user_of_another_company_cannot_read_the_goals(self):
        with self.assertRaises(AccessError):
            self.goal_lead.with_user(self.user_b).read(["name"])
        self.assertEqual(self._visible(self.user_b, self.all_goals), self.goal_b)
        self.assertEqual(self._visible(self.user_hr, self.goal_b), self.goal_b.browse())

    def test_user_of_another_company_sees_no_gap_plan_or_action(self):
        self.assertFalse(
            self.env["hr.competency.gap"]
            .with_user(self.user_b)
            .search([("employee_id", "=", self.emp_employee.id)])
        )
        self.assertFalse(self._visible(self.user_b, self.plan | self.plan_colleague))
        self.assertFalse(
            self._visible(self.user_b, self.action | self.action_colleague)
        )
