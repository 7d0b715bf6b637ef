# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import PerformanceLinkCase


@tagged("post_install", "-at_install")
class TestAppraisalLoop(PerformanceLinkCase):
    def _line(self, appraisal, skill):
        return appraisal.skill_assessment_ids.filtered(lambda s: s.skill_id == skill)

    def test_confirm_fills_lines_from_job_and_held_skills(self):
        self.appraisal.with_user(self.user_manager).action_confirm()
        lines = self.appraisal.skill_assessment_ids
        self.assertEqual(
            set(lines.skill_id.ids),
            {self.python.id, self.sql.id, self.design.id, self.esperanto.id},
        )
        python = self._line(self.appraisal, self.python)
        self.assertEqual(python.current_level_id, self.beginner)
        self.assertEqual(python.required_level_id, self.advanced)
        sql = self._line(self.appraisal, self.sql)
        self.assertFalse(sql.current_level_id, "the employee lacks SQL")
        self.assertEqual(sql.required_level_id, self.intermediate)
        esperanto = self._line(self.appraisal, self.esperanto)
        self.assertEqual(esperanto.current_level_id, self.lang_a2)
        self.assertFalse(esperanto.required_level_id, "not required by the job")

    def test_confirm_twice_does_not_duplicate_lines(self):
        self.appraisal.action_confirm()
        self.appraisal.action_back()
        self.appraisal.action_confirm()
        self.assertEqual(len(self.appraisal.skill_assessment_ids), 4)

    def test_done_updates_skills_logs_and_builds_plan(self):
        appraisal = self.appraisal.with_user(self.user_manager)
        appraisal.action_confirm()
        log_model = self.env["hr.employee.skill.log"]
        logs_before = log_model.search_count([("employee_id", "=", self.employee.id)])
        self._line(appraisal, self.python).assessed_level_id = self.intermediate
        self._line(appraisal, self.sql).assessed_level_id = self.intermediate

        appraisal.action_done()

        self.assertEqual(self.appraisal.state, "3_done")
        skills = {
            es.skill_id: es.skill_level_id for es in self.employee.employee_skill_ids
        }
        self.assertEqual(skills[self.python], self.intermediate, "written")
        self.assertEqual(skills[self.sql], self.intermediate, "created")
        self.assertEqual(skills[self.esperanto], self.lang_a2, "not assessed: kept")
        self.assertNotIn(self.design, skills, "not assessed: not created")
        logs = log_model.search([("employee_id", "=", self.employee.id)])
        self.assertGreater(len(logs), logs_before)
        self.assertEqual(
            logs.filtered(lambda log: log.skill_id == self.python).skill_level_id,
            self.intermediate,
        )
        self.assertIn(self.sql, logs.skill_id)

        plan = self.appraisal.development_plan_id
        self.assertTrue(plan)
        self.assertEqual(plan.state, "active")
        self.assertEqual(plan.employee_id, self.employee)
        training = plan.action_ids.filtered(lambda a: a.action_type == "training")
        self.assertEqual(training.channel_id, self.course)
        self.assertEqual(training.skill_id, self.python)
        mentoring = plan.action_ids.filtered(lambda a: a.action_type == "mentoring")
        self.assertEqual(mentoring.skill_id, self.design, "no course teaches Design")
        self.assertEqual(mentoring.mentor_id, self.reviewer)
        self.assertNotIn(self.sql, plan.action_ids.skill_id, "SQL gap is closed")

    def test_second_appraisal_reuses_plan_without_duplicate_course(self):
        self.appraisal.action_confirm()
        self.appraisal.action_done()
        plan = self.appraisal.development_plan_id
        actions_before = plan.action_ids
        second = self.appraisal.copy({"date_close": self.appraisal.date_close})
        second.action_confirm()
        second.action_done()
        self.assertEqual(second.development_plan_id, plan)
        self.assertEqual(plan.action_ids, actions_before)
        self.assertEqual(
            len(plan.action_ids.filtered(lambda a: a.channel_id == self.course)), 1
        )

    def test_done_without_gaps_creates_no_plan(self):
        self.appraisal.action_confirm()
        for skill, level in (
            (self.python, self.advanced),
            (self.sql, self.expert),
            (self.design, self.advanced),
        ):
            self._line(self.appraisal, skill).assessed_level_id = level
        self.appraisal.action_done()
        self.assertFalse(self.appraisal.development_plan_id)
        self.assertFalse(
            self.env["hr.development.plan"].search(
                [("employee_id", "=", self.employee.id)]
            )
        )

    def test_assessed_level_of_another_skill_type_is_refused(self):
        self.appraisal.action_confirm()
        python = self._line(self.appraisal, self.python)
        # assertRaises (not assertRaisesRegex) rolls back to a savepoint
        with self.assertRaises(ValidationError) as error:
            python.assessed_level_id = self.lang_a2
        self.assertIn("manager's assessment of Python (test)", str(error.exception))
        self.assertIn("is a level of Languages (test)", str(error.exception))
        python.invalidate_recordset()
        self.assertFalse(python.assessed_level_id)
        with self.assertRaises(ValidationError) as error:
            python.self_level_id = self.lang_a2
        self.assertIn("self-assessment", str(error.exception))
        python.invalidate_recordset()
        self.assertFalse(python.self_level_id)

    def test_disagreement_when_two_levels_apart(self):
        self.appraisal.action_confirm()
        python = self._line(self.appraisal, self.python)
        python.write(
            {"self_level_id": self.expert.id, "assessed_level_id": self.advanced.id}
        )
        self.assertFalse(python.disagreement)
        python.assessed_level_id = self.intermediate
        self.assertTrue(python.disagreement)
        self.assertEqual(self.appraisal.disagreement_count, 1)

    def test_employee_cannot_complete_own_appraisal(self):
        self.appraisal.action_confirm()
        with self.assertRaises(AccessError):
            self.appraisal.with_user(self.user_employee).action_done()
        self.assertEqual(self.appraisal.state, "2_pending")

    def test_goal_progress_editable_from_appraisal(self):
        goal = self.env["hr.career.goal"].create(
            {"employee_id": self.employee.id, "name": "Lead a project"}
        )
        done_goal = self.env["hr.career.goal"].create(
            {"employee_id": self.employee.id, "name": "Old", "state": "achieved"}
        )
        self.assertIn(goal, self.appraisal.career_goal_ids)
        self.assertNotIn(done_goal, self.appraisal.career_goal_ids)
        self.appraisal.with_user(self.user_manager).write(
            {"career_goal_ids": [Command.update(goal.id, {"progress": 60})]}
        )
        self.assertEqual(goal.progress, 60)

    def test_employee_self_assesses_but_cannot_set_manager_level(self):
        self.appraisal.action_confirm()
        python = self._line(self.appraisal, self.python).with_user(self.user_employee)
        python.self_level_id = self.expert
        self.assertEqual(python.self_level_id, self.expert)
        with self.assertRaises(AccessError):
            python.assessed_level_id = self.expert
        python.invalidate_recordset()
        self.assertFalse(python.assessed_level_id)

    def test_subject_and_manager_read_the_career_page(self):
        fields_to_read = [
            "career_goal_ids",
            "target_job_id",
            "current_job_fit",
            "target_job_readiness",
            "skill_assessment_ids",
            "development_plan_id",
            # with hr_performance_feedback installed
            "checkin_ids",
            "feedback_request_ids",
            "feedback_summary",
            "feedback_answered_count",
        ]
        fields_to_read = [
            name for name in fields_to_read if name in self.env["hr.appraisal"]._fields
        ]
        self.appraisal.action_confirm()
        for user in (self.user_employee, self.user_manager):
            with self.subTest(user=user.login):
                values = self.appraisal.with_user(user).read(fields_to_read)[0]
                self.assertEqual(len(values["skill_assessment_ids"]), 4)
                # Python at Beginner (25) against Advanced (75), SQL missing:
                # the fit is below 100
                self.assertLess(values["current_job_fit"], 100)
        view = (
            self.env["hr.appraisal"]
            .with_user(self.user_manager)
            .get_views([(False, "form")])
        )
        self.assertIn("skill_assessment_ids", view["views"]["form"]["arch"])
