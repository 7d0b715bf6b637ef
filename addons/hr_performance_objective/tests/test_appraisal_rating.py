# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.hr_career_dev.tests.common import JsonRpcMixin

from .objective_common import ROLES, ObjectiveCase, ObjectiveRolesMixin


class AppraisalRatingData(ObjectiveCase):
    """Eve's appraisal for the objectives' period, confirmed by Mona."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.rating_objective_weight = 60
        cls.scale = cls.env["hr.performance.rating"]._scale_for(cls.company)
        (
            cls.unsatisfactory,
            cls.needs_improvement,
            cls.meets,
            cls.exceeds,
            cls.outstanding,
        ) = cls.scale
        # a draft objective of Eve's is not assessed
        cls.obj_draft = cls.env["hr.performance.objective"].create(
            {
                "name": "Someday (test)",
                "employee_id": cls.employee.id,
                "date_start": cls.date_start,
                "date_end": cls.date_end,
            }
        )
        cls.appraisal.with_user(cls.user_manager).action_confirm()
        cls.line = cls.appraisal.objective_line_ids

    def _assess_competencies(self, lines=None):
        """Assess the skill lines (all by default) at the level required, or
        the highest of their type: no suggested rating before (issue 28)."""
        if lines is None:
            lines = self.appraisal.skill_assessment_ids
        for line in lines:
            line.assessed_level_id = (
                line.required_level_id
                or line.skill_id.skill_type_id.skill_level_ids[-1]
            )


@tagged("post_install", "-at_install")
class TestAppraisalRating(AppraisalRatingData):
    def _refused(self, record, vals, error=ValidationError):
        names = list(vals)
        before = record.read(names)[0]
        with self.assertRaises(error) as caught, self.env.cr.savepoint():
            record.write(vals)
        self.env.invalidate_all()
        self.assertEqual(record.read(names)[0], before)
        return str(caught.exception)

    def test_confirming_lists_the_periods_objectives_with_their_progress(self):
        self.assertEqual(self.line.objective_id, self.obj_employee)
        self.assertEqual(self.line.achievement, 25)  # the objective's progress
        self.assertEqual(self.appraisal.objective_score, 25)

    def test_scores_and_suggested_rating(self):
        skills = {line.skill_id: line for line in self.appraisal.skill_assessment_ids}
        # required: Python Advanced (critical, 3), SQL Intermediate (important,
        # 2), Design Advanced (nice, 1)
        skills[self.python].assessed_level_id = self.advanced  # 75 of 75
        skills[self.sql].assessed_level_id = self.beginner  # 25 of 50
        skills[self.design].assessed_level_id = self.advanced  # 75 of 75
        # the job fit's formula: 100 * (1 - 2 * 25 / (3 * 75 + 2 * 50 + 1 * 75))
        # = 87.5, rounded half to even (a mean of the ratios would be 83.3)
        self.assertEqual(self.appraisal.competency_score, 88)
        # the target job's lines are assessed too, out of the score
        self._assess_competencies(
            self.appraisal.skill_assessment_ids
            - skills[self.python]
            - skills[self.sql]
            - skills[self.design]
        )
        self.assertEqual(self.appraisal.competency_score, 88)
        self.line.achievement = 90
        self.assertEqual(self.appraisal.objective_score, 90)
        # 0.6 * 90 + 0.4 * 88 = 89.2: Exceeds expectations (80)
        self.assertEqual(self.appraisal.suggested_rating_id, self.exceeds)
        self.company.rating_objective_weight = 0  # competencies only: 88
        self.assertEqual(self.appraisal.suggested_rating_id, self.exceeds)
        self.line.achievement = 10
        self.company.rating_objective_weight = 100  # objectives only: 10
        self.assertEqual(self.appraisal.suggested_rating_id, self.unsatisfactory)

    def test_competency_score_is_the_job_fit_the_assessed_levels_give(self):
        """The score and the employee form's job fit are one formula: once
        the assessed levels are applied, the form shows the appraisal's
        score."""
        skills = {line.skill_id: line for line in self.appraisal.skill_assessment_ids}
        skills[self.python].assessed_level_id = self.intermediate  # 50 of 75
        skills[self.sql].assessed_level_id = self.expert  # 100 of 50
        skills[self.design].assessed_level_id = self.beginner  # 25 of 75
        # 100 * (1 - (3 * 25 + 1 * 50) / 400) = 68.75
        self.assertEqual(self.appraisal.competency_score, 69)
        self.appraisal.action_done()
        self.employee.invalidate_recordset(["current_job_fit"])
        self.assertEqual(self.employee.current_job_fit, 69)

    def test_rating_far_from_the_suggestion_needs_a_justification(self):
        self._assess_competencies()
        self.company.rating_objective_weight = 100
        self.line.achievement = 65  # objectives only: Meets expectations
        self.assertEqual(self.appraisal.suggested_rating_id, self.meets)
        appraisal = self.appraisal.with_user(self.user_manager)
        message = self._refused(appraisal, {"rating_id": self.outstanding.id})
        self.assertIn("write a justification", message)
        self.assertFalse(self.appraisal.rating_id)
        appraisal.write({"rating_id": self.exceeds.id})  # one step: no need
        self.assertEqual(self.appraisal.rating_id, self.exceeds)
        appraisal.write(
            {
                "rating_id": self.outstanding.id,
                "rating_justification": "Led the v2 release alone.",
            }
        )
        self.assertEqual(self.appraisal.rating_id, self.outstanding)
        self._refused(appraisal, {"rating_justification": " "})

    def test_achievement_outside_0_100_is_refused(self):
        message = self._refused(
            self.line.with_user(self.user_manager), {"achievement": 120}
        )
        self.assertIn("between 0 and 100", message)
        self._refused(self.line.with_user(self.user_manager), {"achievement": -1})

    def test_employee_cannot_set_their_achievement_rating_or_potential(self):
        line = self.line.with_user(self.user_employee)
        self.assertEqual(line.achievement, 25)  # they read it
        self._refused(line, {"achievement": 100}, AccessError)
        appraisal = self.appraisal.with_user(self.user_employee)
        self._refused(appraisal, {"rating_id": self.outstanding.id}, AccessError)
        self._refused(appraisal, {"potential": "high"}, AccessError)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            appraisal.write(
                {
                    "objective_line_ids": [
                        Command.update(self.line.id, {"achievement": 99})
                    ]
                }
            )
        self.env.invalidate_all()
        self.assertEqual(self.line.achievement, 25)

    def test_manager_rates_and_records_potential(self):
        appraisal = self.appraisal.with_user(self.user_manager)
        appraisal.write(
            {
                "objective_line_ids": [
                    Command.update(self.line.id, {"achievement": 80})
                ],
                "rating_id": self.exceeds.id,
                "potential": "high",
            }
        )
        self.assertEqual(self.line.achievement, 80)
        self.assertEqual(self.appraisal.potential, "high")

    def test_rating_distribution_against_the_target(self):
        Appraisal = self.env["hr.appraisal"]
        domain = [("company_id", "=", self.company.id), ("rating_id", "!=", False)]
        total = Appraisal.search_count(domain)
        meets = Appraisal.search_count(domain + [("rating_id", "=", self.meets.id)])
        self.appraisal.with_user(self.user_manager).write(
            {"rating_id": self.meets.id, "rating_justification": "ok"}
        )
        self.env.invalidate_all()
        self.assertAlmostEqual(
            self.meets.actual_share, 100.0 * (meets + 1) / (total + 1), places=1
        )
        self.assertAlmostEqual(sum(self.scale.mapped("actual_share")), 100.0, places=0)
        self.assertEqual(self.meets.target_share, 55)


# roles: objective_common.ROLES
APPRAISAL_MATRIX = [
    # (target, operation, values, roles allowed)
    ("line", "read", None, ("self", "manager", "officer")),
    ("line", "write", {"achievement": 70}, ("manager", "officer")),
    ("line", "write", {"comment": "Great"}, ("manager", "officer")),
    ("line", "write", {"objective_id": "obj_draft"}, ("officer",)),
    ("line", "unlink", None, ("manager", "officer")),
    ("appraisal", "write", {"rating_id": "needs_improvement"}, ("manager", "officer")),
    ("appraisal", "write", {"potential": "high"}, ("manager", "officer")),
    (
        "appraisal",
        "write",
        {"rating_justification": "Because"},
        ("manager", "officer"),
    ),
]


@tagged("post_install", "-at_install", "suite_upgrade")
class TestAppraisalRatingAccessMatrix(ObjectiveRolesMixin, AppraisalRatingData):
    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models.unlink")
    def test_access_matrix(self):
        self.assertRecordMatrix(APPRAISAL_MATRIX, "achievement")

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_create_line(self):
        Line = self.env["hr.appraisal.objective"]
        self.line.unlink()
        for role in ROLES:
            with self.subTest(role=role), self.env.cr.savepoint() as savepoint:
                vals = {
                    "appraisal_id": self.appraisal.id,
                    "objective_id": self.obj_employee.id,
                }
                if role in ("manager", "officer"):
                    Line.with_user(self.users[role]).create(vals)
                else:
                    with self.assertRaises(AccessError):
                        Line.with_user(self.users[role]).create(vals)
                    self.assertFalse(self.appraisal.objective_line_ids)
                savepoint.rollback()
            self.env.invalidate_all()


@tagged("post_install", "-at_install", "suite_upgrade")
class TestAppraisalRatingRpc(JsonRpcMixin, HttpCase, AppraisalRatingData):
    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.http")
    def test_employee_cannot_set_own_achievement_or_rating_over_rpc(self):
        self.assertRpcRefused(
            "pl_employee",
            "hr.appraisal.objective",
            "write",
            [self.line.ids, {"achievement": 100}],
            error="odoo.exceptions.AccessError",
        )
        self.assertRpcRefused(
            "pl_employee",
            "hr.appraisal",
            "write",
            [self.appraisal.ids, {"rating_id": self.outstanding.id}],
            error="odoo.exceptions.AccessError",
        )
        self.assertRpcRefused(
            "pl_employee",
            "hr.appraisal",
            "write",
            [
                self.appraisal.ids,
                {"objective_line_ids": [[1, self.line.id, {"achievement": 100}]]},
            ],
            error="odoo.exceptions.AccessError",
        )
        self.env.invalidate_all()
        self.assertEqual(self.line.achievement, 25)
        self.assertFalse(self.appraisal.rating_id)

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.http")
    def test_missing_justification_is_refused_over_rpc(self):
        self._assess_competencies()
        self.company.rating_objective_weight = 100  # objectives only
        self.line.achievement = 65
        self.assertRpcRefused(
            "pl_manager",
            "hr.appraisal",
            "write",
            [self.appraisal.ids, {"rating_id": self.outstanding.id}],
            error="odoo.exceptions.ValidationError",
        )
        self.env.invalidate_all()
        self.assertFalse(self.appraisal.rating_id)
