# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import CareerCase


@tagged("post_install", "-at_install")
class TestSkillEvidence(CareerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Emma: Python Intermediate (50), SQL Advanced (80), no Communication
        cls.course, cls.other_course = cls._create_courses(
            [
                (
                    "Lead developer track (ct)",
                    [
                        (cls.python, cls.advanced),
                        (cls.sql, cls.beginner),
                        (cls.communication, cls.good),
                    ],
                    True,
                ),
                ("Unrelated course (ct)", [], True),
            ]
        )
        cls.env["slide.slide"].create(
            [
                {
                    "name": f"Lesson {i}",
                    "channel_id": channel.id,
                    "slide_category": "document",
                    "is_published": True,
                }
                for channel in (cls.course, cls.other_course)
                for i in range(2)
            ]
        )
        cls.plan = cls.env["hr.development.plan"].create(
            {"employee_id": cls.emp_employee.id, "state": "active"}
        )
        cls.training, cls.other_training = cls.env["hr.development.action"].create(
            [
                {"name": "Lead track", "plan_id": cls.plan.id, "channel_id": c.id}
                for c in (cls.course, cls.other_course)
            ]
        )
        cls.colleague_training = cls.env["hr.development.action"].create(
            {
                "name": "Lead track",
                "plan_id": cls.env["hr.development.plan"]
                .create({"employee_id": cls.emp_colleague.id})
                .id,
                "channel_id": cls.course.id,
            }
        )

    def _complete(self, course, user):
        """The learner joins the course and marks every lesson as done."""
        course._action_add_members(user.partner_id)
        # browsed anew: the lessons of other courses must not share the prefetch
        slides = self.env["slide.slide"].with_user(user).browse(course.slide_ids.ids)
        slides.action_mark_completed()
        membership = self.env["slide.channel.partner"].search(
            [("channel_id", "=", course.id), ("partner_id", "=", user.partner_id.id)]
        )
        self.assertEqual(membership.member_status, "completed")
        return membership

    def _evidences(self, employee=None):
        return self.env["hr.skill.evidence"].search(
            [("employee_id", "=", (employee or self.emp_employee).id)]
        )

    def _validate_mode(self):
        self.company_a.career_skill_evidence_mode = "validate"

    # ------------------------------------------------------- immediate mode
    def test_completing_a_course_raises_the_employee_skills(self):
        self._complete(self.course, self.user_employee)
        self.assertEqual(
            self._employee_level(self.emp_employee, self.python), self.advanced
        )
        self.assertEqual(
            self._employee_level(self.emp_employee, self.communication), self.good
        )
        evidences = self._evidences()
        self.assertEqual(evidences.skill_id, self.python | self.communication)
        self.assertEqual(set(evidences.mapped("state")), {"applied"})
        python_evidence = evidences.filtered(lambda e: e.skill_id == self.python)
        self.assertEqual(python_evidence.previous_level_id, self.intermediate)
        self.assertEqual(python_evidence.channel_id, self.course)

    def test_completing_a_course_never_lowers_a_skill(self):
        self._complete(self.course, self.user_employee)
        # the course teaches SQL Beginner (20), Emma is Advanced (80)
        self.assertEqual(
            self._employee_level(self.emp_employee, self.sql), self.advanced
        )
        self.assertNotIn(self.sql, self._evidences().skill_id)

    def test_new_skill_level_is_logged(self):
        self._complete(self.course, self.user_employee)
        logs = self.env["hr.employee.skill.log"].search(
            [
                ("employee_id", "=", self.emp_employee.id),
                ("skill_id", "in", (self.python | self.communication).ids),
            ]
        )
        self.assertEqual(
            {(log.skill_id, log.skill_level_id) for log in logs},
            {(self.python, self.advanced), (self.communication, self.good)},
        )

    def test_completing_again_creates_no_second_evidence(self):
        membership = self._complete(self.course, self.user_employee)
        evidences = self._evidences()
        membership._recompute_completion()
        self.assertEqual(self._evidences(), evidences)

    def test_completion_recomputed_on_a_membership_applies_the_skills(self):
        membership = self.env["slide.channel.partner"].create(
            {
                "channel_id": self.course.id,
                "partner_id": self.user_colleague.partner_id.id,
            }
        )
        self.assertFalse(self._evidences(self.emp_colleague))
        membership.member_status = "completed"
        membership._recompute_completion()
        self.assertEqual(
            self._employee_level(self.emp_colleague, self.communication), self.good
        )
        # Carl is Expert in Python: not lowered to Advanced
        self.assertEqual(
            self._employee_level(self.emp_colleague, self.python), self.expert
        )

    def test_training_action_is_done_when_its_course_is_completed(self):
        self._complete(self.course, self.user_employee)
        self.assertEqual(self.training.state, "done")
        self.assertTrue(self.training.date_done)
        self.assertEqual(self.other_training.state, "todo")
        self.assertEqual(self.colleague_training.state, "todo")
        self.assertAlmostEqual(self.plan.progress, 50.0)

    def test_training_action_of_a_course_without_skills_is_done_too(self):
        self._complete(self.other_course, self.user_employee)
        self.assertEqual(self.other_training.state, "done")
        self.assertEqual(self.training.state, "todo")
        self.assertFalse(self._evidences())

    # ------------------------------------------------------- validation mode
    def test_validation_mode_waits_for_the_manager(self):
        self._validate_mode()
        self._complete(self.course, self.user_employee)
        evidences = self._evidences()
        self.assertEqual(evidences.skill_id, self.python | self.communication)
        self.assertEqual(set(evidences.mapped("state")), {"pending"})
        self.assertEqual(
            self._employee_level(self.emp_employee, self.python), self.intermediate
        )
        self.assertFalse(self._employee_level(self.emp_employee, self.communication))
        activities = self.env["mail.activity"].search(
            [("res_model", "=", "hr.skill.evidence"), ("res_id", "in", evidences.ids)]
        )
        self.assertEqual(len(activities), 2)
        self.assertEqual(activities.user_id, self.user_manager)
        # closing the training action does not wait for the validation
        self.assertEqual(self.training.state, "done")

    def test_manager_approval_applies_the_level(self):
        self._validate_mode()
        self._complete(self.course, self.user_employee)
        evidences = self._evidences()
        evidences.with_user(self.user_manager).action_approve()
        self.assertEqual(set(evidences.mapped("state")), {"applied"})
        self.assertEqual(
            self._employee_level(self.emp_employee, self.python), self.advanced
        )
        self.assertEqual(
            self._employee_level(self.emp_employee, self.communication), self.good
        )
        self.assertFalse(
            self.env["mail.activity"].search(
                [
                    ("res_model", "=", "hr.skill.evidence"),
                    ("res_id", "in", evidences.ids),
                ]
            ),
            "the manager's to-do is done",
        )

    def test_approval_never_lowers_a_level_raised_meanwhile(self):
        self._validate_mode()
        self._complete(self.course, self.user_employee)
        skill = self.env["hr.employee.skill"].search(
            [
                ("employee_id", "=", self.emp_employee.id),
                ("skill_id", "=", self.python.id),
            ]
        )
        skill.skill_level_id = self.expert  # assessed meanwhile
        self._evidences().with_user(self.user_manager).action_approve()
        self.assertEqual(
            self._employee_level(self.emp_employee, self.python), self.expert
        )
        self.assertEqual(
            self._employee_level(self.emp_employee, self.communication), self.good
        )

    def test_skip_level_manager_can_approve(self):
        self._validate_mode()
        self._complete(self.course, self.user_employee)
        python_evidence = self._evidences().filtered(
            lambda e: e.skill_id == self.python
        )
        python_evidence.with_user(self.user_skip).action_approve()
        self.assertFalse(
            self.env["mail.activity"].search(
                [
                    ("res_model", "=", "hr.skill.evidence"),
                    ("res_id", "=", python_evidence.id),
                ]
            ),
            "Marc's to-do is closed when Sabine decides",
        )
        self.assertEqual(
            self._employee_level(self.emp_employee, self.python), self.advanced
        )
        self.assertFalse(self._employee_level(self.emp_employee, self.communication))

    def test_manager_rejection_leaves_the_skill_unchanged(self):
        self._validate_mode()
        self._complete(self.course, self.user_employee)
        evidences = self._evidences()
        evidences.with_user(self.user_manager).action_reject()
        self.assertEqual(set(evidences.mapped("state")), {"rejected"})
        self.assertFalse(
            self.env["mail.activity"].search(
                [
                    ("res_model", "=", "hr.skill.evidence"),
                    ("res_id", "in", evidences.ids),
                ]
            )
        )
        self.assertEqual(
            self._employee_level(self.emp_employee, self.python), self.intermediate
        )
        self.assertFalse(self._employee_level(self.emp_employee, self.communication))

    def test_colleague_cannot_approve(self):
        self._validate_mode()
        self._complete(self.course, self.user_employee)
        evidences = self._evidences()
        with self.assertRaises(AccessError):
            evidences.with_user(self.user_colleague).action_approve()
        self.assertEqual(set(evidences.mapped("state")), {"pending"})

    def test_employee_cannot_approve_their_own_evidence(self):
        self._validate_mode()
        self._complete(self.course, self.user_employee)
        evidences = self._evidences()
        with self.assertRaises(AccessError):
            evidences.with_user(self.user_employee).action_approve()
        with self.assertRaises(AccessError):
            evidences.with_user(self.user_employee).action_reject()
        self.assertEqual(set(evidences.mapped("state")), {"pending"})
        self.assertEqual(
            self._employee_level(self.emp_employee, self.python), self.intermediate
        )

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_colleague_cannot_read_the_evidence(self):
        self._complete(self.course, self.user_employee)
        evidences = self._evidences()
        with self.assertRaises(AccessError):
            evidences.with_user(self.user_colleague).read(["state"])
        self.assertEqual(
            evidences.with_user(self.user_employee).search(
                [("id", "in", evidences.ids)]
            ),
            evidences,
        )

    def test_hr_officer_can_approve(self):
        self._validate_mode()
        self._complete(self.course, self.user_employee)
        self._evidences().with_user(self.user_hr).action_approve()
        self.assertEqual(
            self._employee_level(self.emp_employee, self.python), self.advanced
        )
