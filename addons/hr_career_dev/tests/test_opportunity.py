# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import UniqueRefusalMixin
from .opportunity_common import OpportunityCase

SKILL_TWICE = (
    "An opportunity lists each skill once as required and once as developed: "
    "change the existing row instead."
)


@tagged("post_install", "-at_install")
class TestOpportunityInput(UniqueRefusalMixin, OpportunityCase):
    """Bad input: a clear error, nothing changed."""

    def test_same_skill_twice_as_required_is_refused_in_words(self):
        python = ("required", self.python, self.advanced)
        self.assertDuplicateRefused(
            SKILL_TWICE,
            lambda: self._opportunity("Python twice", skills=[python, python]),
        )
        self.assertFalse(
            self.env["hr.career.opportunity"].search([("name", "=", "Python twice")])
        )

    def test_same_skill_required_and_developed_is_accepted_not_thrice(self):
        opportunity = self._opportunity(
            "Python both ways",
            skills=[
                ("required", self.python, self.intermediate),
                ("developed", self.python, self.expert),
            ],
        )
        self.assertEqual(len(opportunity.skill_ids), 2)
        self.assertDuplicateRefused(
            SKILL_TWICE,
            lambda: self.env["hr.career.opportunity.skill"].create(
                {
                    "opportunity_id": opportunity.id,
                    "kind": "developed",
                    "skill_id": self.python.id,
                    "level_id": self.advanced.id,
                }
            ),
        )
        self.assertEqual(len(opportunity.skill_ids), 2)

    def test_dates_reversed_refused(self):
        with self.assertRaisesRegex(ValidationError, "cannot end"):
            self._opportunity(
                "Backwards",
                date_start=self.today,
                date_end=self.today - timedelta(days=1),
            )
        opportunity = self._opportunity("Forwards", date_start=self.today)
        with (
            self.assertRaisesRegex(ValidationError, "cannot end"),
            self.env.cr.savepoint(),
        ):
            opportunity.write({"date_end": self.today - timedelta(days=3)})
        self.assertFalse(opportunity.date_end)

    def test_seats_below_one_refused(self):
        with self.assertRaisesRegex(ValidationError, "at least one seat"):
            self._opportunity("No seat", seats=0)
        opportunity = self._opportunity("One seat")
        with (
            self.assertRaisesRegex(ValidationError, "at least one seat"),
            self.env.cr.savepoint(),
        ):
            opportunity.write({"seats": -2})
        self.assertEqual(opportunity.seats, 1)

    def test_open_role_needs_job(self):
        with self.assertRaisesRegex(ValidationError, "needs a job position"):
            self._opportunity("Role without job", kind="open_role")

    def test_apply_twice_refused(self):
        opportunity = self._opportunity("Twice")
        Application = self.env["hr.career.opportunity.application"].with_user(
            self.user_employee
        )
        Application.create(
            {"opportunity_id": opportunity.id, "employee_id": self.emp_employee.id}
        )
        with self.assertRaisesRegex(ValidationError, "already exists"):
            Application.create(
                {"opportunity_id": opportunity.id, "employee_id": self.emp_employee.id}
            )
        self.assertEqual(len(opportunity.application_ids), 1)

    def test_apply_to_closed_or_draft_refused(self):
        for state in ("closed", "draft"):
            opportunity = self._opportunity(f"Not open ({state})", state=state)
            with self.assertRaisesRegex(ValidationError, "not open for applications"):
                self.env["hr.career.opportunity.application"].create(
                    {
                        "opportunity_id": opportunity.id,
                        "employee_id": self.emp_employee.id,
                    }
                )
            self.assertFalse(opportunity.application_ids)

    def test_apply_to_full_refused(self):
        opportunity = self._opportunity("Full")
        self.env["hr.career.opportunity.application"].create(
            {
                "opportunity_id": opportunity.id,
                "employee_id": self.emp_colleague.id,
                "state": "accepted",
            }
        )
        self.assertTrue(opportunity.is_full)
        with self.assertRaisesRegex(ValidationError, "is full"):
            self.env["hr.career.opportunity.application"].with_user(
                self.user_employee
            ).create(
                {"opportunity_id": opportunity.id, "employee_id": self.emp_employee.id}
            )
        self.assertEqual(len(opportunity.application_ids), 1)

    def test_apply_to_own_refused(self):
        opportunity = self._opportunity("Mine")
        with self.assertRaisesRegex(ValidationError, "you posted it"):
            self.env["hr.career.opportunity.application"].with_user(
                self.user_owner
            ).create(
                {"opportunity_id": opportunity.id, "employee_id": self.emp_owner.id}
            )
        self.assertFalse(opportunity.application_ids)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_apply_for_someone_else_refused(self):
        opportunity = self._opportunity("For Carl")
        with self.assertRaises(AccessError):
            self.env["hr.career.opportunity.application"].with_user(
                self.user_employee
            ).create(
                {"opportunity_id": opportunity.id, "employee_id": self.emp_colleague.id}
            )
        self.assertFalse(opportunity.application_ids)


@tagged("post_install", "-at_install")
class TestOpportunityFlow(OpportunityCase):
    def _apply(self, opportunity, user=None, employee=None):
        return (
            self.env["hr.career.opportunity.application"]
            .with_user(user or self.user_employee)
            .create(
                {
                    "opportunity_id": opportunity.id,
                    "employee_id": (employee or self.emp_employee).id,
                    "motivation": "I want to learn.",
                }
            )
        )

    def _activity_users(self, application):
        return application.sudo().activity_ids.user_id

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_rotation_approved_by_manager_accepted_by_owner_adds_action(self):
        opportunity = self._opportunity(
            "Data team rotation",
            kind="rotation",
            date_end=self.today + timedelta(days=90),
            skills=[("developed", self.js, self.intermediate)],
        )
        application = self._apply(opportunity)
        self.assertEqual(application.state, "interested")
        self.assertEqual(self._activity_users(application), self.user_manager)

        # neither the owner nor a colleague approves in the manager's place
        with self.assertRaisesRegex(AccessError, "manager"):
            application.with_user(self.user_owner).action_approve()
        with self.assertRaises(AccessError):
            application.with_user(self.user_colleague).action_approve()
        # the applicant does not approve themselves, nor accept
        with self.assertRaises(AccessError):
            application.with_user(self.user_employee).action_approve()
        self.assertEqual(application.state, "interested")

        application.with_user(self.user_manager).action_approve()
        self.assertEqual(application.state, "approved")
        self.assertEqual(self._activity_users(application), self.user_owner)

        # the manager does not accept in the owner's place
        with self.assertRaisesRegex(AccessError, "owner"):
            application.with_user(self.user_manager).action_accept()
        self.assertEqual(application.state, "approved")
        self.assertFalse(
            self.env["hr.development.plan"].search(
                [("employee_id", "=", self.emp_employee.id)]
            )
        )

        application.with_user(self.user_owner).action_accept()
        self.assertEqual(application.state, "accepted")
        self.assertFalse(application.sudo().activity_ids)
        plan = self.env["hr.development.plan"].search(
            [("employee_id", "=", self.emp_employee.id), ("state", "=", "active")]
        )
        self.assertEqual(len(plan), 1, "a plan is created and activated")
        action = application.development_action_id
        self.assertEqual(action.plan_id, plan)
        self.assertEqual(action.action_type, "job_rotation")
        self.assertEqual(action.skill_id, self.js)
        self.assertEqual(action.date_due, opportunity.date_end)
        self.assertEqual(action.name, "Data team rotation")

    def test_mentoring_goes_to_existing_active_plan(self):
        plan = self.env["hr.development.plan"].create(
            {"employee_id": self.emp_employee.id, "state": "active"}
        )
        opportunity = self._opportunity("Mentoring by Olga", kind="mentoring")
        application = self._apply(opportunity)
        application.with_user(self.user_manager).action_approve()
        application.with_user(self.user_owner).action_accept()
        action = application.development_action_id
        self.assertEqual(action.plan_id, plan)
        self.assertEqual(action.action_type, "mentoring")
        self.assertEqual(action.mentor_id, self.emp_owner)

    def test_open_role_accepted_proposes_job_change_to_hr(self):
        opportunity = self._opportunity(
            "Tech Lead opening", kind="open_role", job_id=self.job_lead.id
        )
        application = self._apply(opportunity)
        application.with_user(self.user_manager).action_approve()
        application.with_user(self.user_owner).action_accept()
        self.assertFalse(application.development_action_id)
        activity = application.sudo().activity_ids
        self.assertEqual(len(activity), 1)
        self.assertTrue(activity.user_id.has_group("hr.group_hr_user"))
        self.assertEqual(self.emp_employee.job_id, self.job_dev, "only proposed")
        with self.assertRaises(AccessError):
            application.with_user(self.user_owner).action_apply_job_change()
        self.assertEqual(self.emp_employee.job_id, self.job_dev)
        application.with_user(self.user_hr).action_apply_job_change()
        self.assertEqual(self.emp_employee.job_id, self.job_lead)

    def test_no_manager_goes_to_owner(self):
        opportunity = self._opportunity("For Sabine")
        application = self._apply(opportunity, self.user_skip, self.emp_skip)
        self.assertEqual(application.state, "approved")
        self.assertEqual(self._activity_users(application), self.user_owner)

    def test_accept_beyond_seats_refused(self):
        opportunity = self._opportunity("One seat project", kind="project")
        first = self._apply(opportunity)
        second = self._apply(opportunity, self.user_colleague, self.emp_colleague)
        (first | second).with_user(self.user_manager).action_approve()
        first.with_user(self.user_owner).action_accept()
        with self.assertRaisesRegex(ValidationError, "is full"):
            second.with_user(self.user_owner).action_accept()
        self.assertEqual(second.state, "approved")

    def test_applicant_withdraws_and_state_cannot_jump(self):
        opportunity = self._opportunity("Shadow Olga", kind="shadowing")
        application = self._apply(opportunity)
        with self.assertRaises(UserError):
            application.with_user(self.user_employee).write({"state": "accepted"})
        with self.assertRaises(AccessError):
            application.with_user(self.user_manager).action_withdraw()
        self.assertEqual(application.state, "interested")
        application.with_user(self.user_employee).action_withdraw()
        self.assertEqual(application.state, "withdrawn")
        self.assertFalse(application.sudo().activity_ids)
        # a withdrawn application does not block applying again
        self.assertEqual(self._apply(opportunity).state, "interested")
