# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.tests import tagged

from odoo.addons.hr_career_dev.tests.common import UniqueRefusalMixin
from odoo.addons.hr_performance_objective.tests.objective_common import ObjectiveCase


@tagged("post_install", "-at_install")
class TestDuplicateLines(UniqueRefusalMixin, ObjectiveCase):
    """A line twice on an appraisal, a check-in, a 360° request or a rating
    scale is refused in words before the database sees it: the user reads the
    constraint's message, nothing is saved, and no ERROR is logged."""

    def _checkin(self, **vals):
        return self.env["hr.performance.checkin"].create(
            {"employee_id": self.employee.id, "date": self.today, **vals}
        )

    def test_same_skill_twice_on_an_appraisal_is_refused(self):
        self.appraisal.with_user(self.user_manager).action_confirm()
        lines = self.appraisal.skill_assessment_ids
        python = lines.filtered(lambda line: line.skill_id == self.python)
        self.assertEqual(len(python), 1)
        self.assertDuplicateRefused(
            "An appraisal assesses each skill once.",
            lambda: self.appraisal.write(
                {"skill_assessment_ids": [Command.create({"skill_id": self.python.id})]}
            ),
        )
        self.env.invalidate_all()
        self.assertEqual(self.appraisal.skill_assessment_ids, lines)

    def test_same_skill_twice_on_a_feedback_request_is_refused(self):
        request = self.env["hr.feedback.request"].create(
            {
                "appraisal_id": self.appraisal.id,
                "employee_id": self.employee.id,
                "reviewer_id": self.reviewer.id,
                "date_deadline": self.today + relativedelta(days=5),
            }
        )
        request.action_request()
        answers = request.answer_ids
        self.assertIn(self.python, answers.skill_id)
        self.assertDuplicateRefused(
            "A feedback request rates each skill once.",
            lambda: self.env["hr.feedback.answer"].create(
                {"request_id": request.id, "skill_id": self.python.id}
            ),
        )
        self.env.invalidate_all()
        self.assertEqual(request.answer_ids, answers)

    def test_same_goal_twice_on_a_new_checkin_is_refused(self):
        goal = self.env["hr.career.goal"].create(
            {"employee_id": self.employee.id, "name": "Lead a project (dup)"}
        )
        Checkin = self.env["hr.performance.checkin"]
        before = Checkin.search_count([("employee_id", "=", self.employee.id)])
        self.assertDuplicateRefused(
            "A check-in reports each goal once.",
            lambda: self._checkin(
                goal_line_ids=[
                    Command.create({"goal_id": goal.id, "progress": 20}),
                    Command.create({"goal_id": goal.id, "progress": 30}),
                ]
            ),
        )
        self.assertEqual(
            Checkin.search_count([("employee_id", "=", self.employee.id)]), before
        )

    def test_same_key_result_twice_on_a_checkin_is_refused(self):
        checkin = self._checkin()
        checkin.action_load_objectives()
        lines = checkin.key_result_line_ids
        self.assertIn(self.kr_docs, lines.key_result_id)
        self.assertDuplicateRefused(
            "A check-in reports each key result once.",
            lambda: self.env["hr.performance.checkin.key.result"].create(
                {"checkin_id": checkin.id, "key_result_id": self.kr_docs.id}
            ),
        )
        self.env.invalidate_all()
        self.assertEqual(checkin.key_result_line_ids, lines)

    def test_same_objective_twice_on_an_appraisal_is_refused(self):
        self.appraisal.with_user(self.user_manager).action_confirm()
        lines = self.appraisal.objective_line_ids
        self.assertIn(self.obj_employee, lines.objective_id)
        self.assertDuplicateRefused(
            "An appraisal assesses each objective once.",
            lambda: self.env["hr.appraisal.objective"].create(
                {
                    "appraisal_id": self.appraisal.id,
                    "objective_id": self.obj_employee.id,
                }
            ),
        )
        self.env.invalidate_all()
        self.assertEqual(self.appraisal.objective_line_ids, lines)

    def test_two_rating_steps_at_the_same_score_are_refused(self):
        company = self.env["res.company"].create({"name": "Scale twice (test)"})
        Rating = self.env["hr.performance.rating"].with_company(company)
        scale = Rating.search([("company_id", "=", company.id)])
        self.assertIn(60, scale.mapped("score_min"))
        message = "Two steps of a rating scale cannot start at the same score."
        # a new step at a score taken (the company comes from the default)
        self.assertDuplicateRefused(
            message, lambda: Rating.create({"name": "Solid", "score_min": 60})
        )
        # two new steps at the same free score, in one save
        self.assertDuplicateRefused(
            message,
            lambda: Rating.create(
                [
                    {"name": "Good", "score_min": 70, "company_id": company.id},
                    {"name": "Very good", "score_min": 70, "company_id": company.id},
                ]
            ),
        )
        # an existing step moved onto another's score
        meets = scale.filtered(lambda step: step.score_min == 60)
        self.assertDuplicateRefused(message, lambda: meets.write({"score_min": 80}))
        self.env.invalidate_all()
        self.assertEqual(Rating.search([("company_id", "=", company.id)]), scale)
        self.assertEqual(meets.score_min, 60)
        # archived steps still hold their score (the constraint sees them)
        meets.active = False
        self.assertDuplicateRefused(
            message, lambda: Rating.create({"name": "Back", "score_min": 60})
        )
