# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 27, item 7: the paths that lost their ``sudo()`` work with the rights
each role already has (role service, public profiles, plain reads, the mail
rules that follow the document), and refuse what they refused before."""

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import CareerCase
from .opportunity_common import OpportunityCase
from .test_goal_confirmation import GoalConfirmationCase


@tagged("post_install", "-at_install")
class TestGoalWithoutSudo(GoalConfirmationCase):
    def test_hr_and_skip_level_confirming_close_the_managers_todo(self):
        """The to-do is Marc's: Sabine and Hector close it by confirming, as
        writers of the goal."""
        other = self.goal.copy({"name": "Write the onboarding guide"})
        (self.goal | other).with_user(self.user_employee).action_achieve()
        for goal in (self.goal, other):
            self.assertEqual(self._confirm_activities(goal).user_id, self.user_manager)
        self.goal.with_user(self.user_skip).action_confirm_achievement()
        self.assertFalse(self._confirm_activities(self.goal))
        other.with_user(self.user_hr).action_confirm_achievement()
        self.assertFalse(self._confirm_activities(other))

    def test_can_confirm_follows_the_role_service(self):
        self.goal.with_user(self.user_employee).action_achieve()
        for user, expected in (
            (self.user_employee, False),
            (self.user_manager, True),
            (self.user_skip, True),
            (self.user_hr, True),
        ):
            with self.subTest(user=user.login):
                goal = self.goal.with_user(user)
                goal.invalidate_recordset(["can_confirm_achievement"])
                self.assertEqual(goal.can_confirm_achievement, expected)

    def test_hr_officer_does_not_confirm_their_own_goal(self):
        hr_employee = self.env["hr.employee"].create(
            {"name": "Hector HR", "user_id": self.user_hr.id}
        )
        goal = self.env["hr.career.goal"].create(
            {"name": "Own goal", "employee_id": hr_employee.id, "state": "achieved"}
        )
        self.assertFalse(goal.with_user(self.user_hr).can_confirm_achievement)
        with self.assertRaises(AccessError):
            goal.with_user(self.user_hr).action_confirm_achievement()

    def test_employee_is_told_the_job_in_words_though_jobs_are_hrs(self):
        Goal = self.env["hr.career.goal"].with_user(self.user_employee)
        with self.assertRaises(ValidationError) as caught:
            Goal.create(
                {
                    "name": "Stay where I am",
                    "employee_id": self.emp_employee.id,
                    "horizon": "long",
                    "target_job_id": self.job_dev.id,
                }
            )
        self.assertIn("Emma Employee", str(caught.exception))
        self.assertIn(self.job_dev.name, str(caught.exception))
        with self.assertRaises(ValidationError) as caught:
            Goal.create(
                {
                    "name": "Lead by Friday",
                    "employee_id": self.emp_employee.id,
                    "horizon": "short",
                    "target_job_id": self.job_lead.id,
                }
            )
        self.assertIn(self.job_lead.name, str(caught.exception))


@tagged("post_install", "-at_install")
class TestApplicationWithoutSudo(OpportunityCase):
    def _apply(self, opportunity, user=None, employee=None):
        return (
            self.env["hr.career.opportunity.application"]
            .with_user(user or self.user_employee)
            .create(
                {
                    "opportunity_id": opportunity.id,
                    "employee_id": (employee or self.emp_employee).id,
                }
            )
        )

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_applying_to_an_opportunity_one_cannot_read_names_nothing(self):
        """Emma reads open opportunities only: a draft or closed one of Olga's
        is refused in words, without its name."""
        for state in ("draft", "closed"):
            opportunity = self._opportunity(f"Secret plan ({state})", state=state)
            with self.subTest(state=state):
                self.assertFalse(
                    opportunity.with_user(self.user_employee).has_access("read")
                )
                with self.assertRaises(ValidationError) as caught:
                    self._apply(opportunity)
                self.assertIn("not open for applications", str(caught.exception))
                self.assertNotIn("Secret plan", str(caught.exception))
                self.assertFalse(opportunity.application_ids)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_manager_approves_after_the_opportunity_closed(self):
        """Marc cannot read Olga's closed opportunity; approving his report's
        application still names it in Olga's to-do (the application's own
        many2one, a plain read)."""
        opportunity = self._opportunity("Night shift rotation")
        application = self._apply(opportunity)
        opportunity.with_user(self.user_owner).action_close()
        with self.assertRaises(AccessError):
            opportunity.with_user(self.user_manager).check_access("read")
        application.with_user(self.user_manager).action_approve()
        self.assertEqual(application.state, "approved")
        todo = application.sudo().activity_ids
        self.assertEqual(todo.user_id, self.user_owner)
        self.assertIn("Night shift rotation", str(todo.note))

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_only_the_owner_accepts_not_the_owners_manager(self):
        """Sabine manages Olga (the owner) and Emma (the applicant): the owner
        role of the role service is Olga's alone."""
        opportunity = self._opportunity("Shadow the CTO", kind="shadowing")
        application = self._apply(opportunity)
        application.with_user(self.user_manager).action_approve()
        with self.assertRaisesRegex(AccessError, "owner"):
            application.with_user(self.user_skip).action_accept()
        self.assertEqual(application.state, "approved")
        application.with_user(self.user_owner).action_accept()
        self.assertEqual(application.state, "accepted")
        self.assertTrue(application.development_action_id)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_colleague_cannot_close_the_flow_todos(self):
        """The to-dos of an application close with the rights on it: a
        colleague who may not write it closes nothing."""
        opportunity = self._opportunity("Data rotation")
        application = self._apply(opportunity)
        with self.assertRaises(AccessError):
            application.with_user(self.user_colleague)._feedback_activities()
        self.assertEqual(application.sudo().activity_ids.user_id, self.user_manager)


@tagged("post_install", "-at_install")
class TestPlanWithoutSudo(CareerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.env["hr.development.plan"].create(
            {"employee_id": cls.emp_employee.id, "state": "active"}
        )

    def test_manager_activating_a_second_plan_is_told_in_words(self):
        Plan = self.env["hr.development.plan"].with_user(self.user_manager)
        other = Plan.create({"employee_id": self.emp_employee.id})
        with self.assertRaises(ValidationError) as caught:
            other.action_activate()
        self.assertIn("Emma Employee", str(caught.exception))
        self.assertEqual(other.state, "draft")

    def test_manager_told_the_name_of_a_course_they_cannot_see(self):
        hidden = self._create_courses([("Hidden knitting (career test)", [], False)])
        hidden.visibility = "members"
        self.assertFalse(hidden.with_user(self.user_manager).has_access("read"))
        Action = self.env["hr.development.action"].with_user(self.user_manager)
        with self.assertRaisesRegex(ValidationError, "Hidden knitting"):
            Action.create(
                {
                    "name": "Take a course",
                    "plan_id": self.plan.id,
                    "channel_id": hidden.id,
                }
            )
