# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The whole loop across the three addons, on the installed database:
appraisal finds a gap → plan with the suggested course → the employee completes
the course → skill raised and logged, training action done, badges awarded."""

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import TransactionCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestCareerLoop(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        env.company.career_skill_evidence_mode = "immediate"
        cls.skill_type = env["hr.skill.type"].create(
            {
                "name": "Loop Engineering",
                "skill_ids": [Command.create({"name": "Loop Testing"})],
                "skill_level_ids": [
                    Command.create({"name": "Loop Novice", "level_progress": 20}),
                    Command.create({"name": "Loop Expert", "level_progress": 100}),
                ],
            }
        )
        cls.skill = cls.skill_type.skill_ids
        levels = cls.skill_type.skill_level_ids.sorted("level_progress")
        cls.novice, cls.expert = levels
        cls.job = env["hr.job"].create(
            {
                "name": "Loop Engineer",
                "competency_ids": [
                    Command.create(
                        {
                            "skill_id": cls.skill.id,
                            "required_level_id": cls.expert.id,
                            "importance": "critical",
                        }
                    )
                ],
            }
        )
        cls.manager_user = mail_new_test_user(
            env, login="loop_manager", groups="base.group_user", name="Lou Manager"
        )
        cls.user = mail_new_test_user(
            env, login="loop_employee", groups="base.group_user", name="Lee Loop"
        )
        cls.manager = env["hr.employee"].create(
            {"name": "Lou Manager", "user_id": cls.manager_user.id}
        )
        cls.employee = env["hr.employee"].create(
            {
                "name": "Lee Loop",
                "user_id": cls.user.id,
                "job_id": cls.job.id,
                "parent_id": cls.manager.id,
                "employee_skill_ids": [
                    Command.create(
                        {
                            "skill_id": cls.skill.id,
                            "skill_type_id": cls.skill_type.id,
                            "skill_level_id": cls.novice.id,
                        }
                    )
                ],
            }
        )
        cls.course = env["slide.channel"].create(
            {
                "name": "Loop Testing Masterclass",
                "is_published": True,
                "enroll": "public",
                "skill_ids": [
                    Command.create(
                        {"skill_id": cls.skill.id, "level_id": cls.expert.id}
                    )
                ],
                "slide_ids": [
                    Command.create(
                        {
                            "name": "Lesson 1",
                            "slide_category": "document",
                            "is_published": True,
                        }
                    )
                ],
            }
        )

    def test_appraisal_gap_to_course_to_skill_to_badges(self):
        self.assertEqual(self.employee.current_job_fit, 20)
        suggestions = self.employee._get_course_suggestions()
        self.assertEqual(suggestions[0]["channel"], self.course)

        appraisal = self.env["hr.appraisal"].create(
            {
                "employee_id": self.employee.id,
                "manager_ids": [Command.set(self.manager.ids)],
                "date_close": fields.Date.today() + relativedelta(days=7),
            }
        )
        appraisal.action_confirm()
        line = appraisal.skill_assessment_ids.filtered(
            lambda s: s.skill_id == self.skill
        )
        self.assertEqual(line.current_level_id, self.novice)
        self.assertEqual(line.required_level_id, self.expert)
        appraisal.action_done()
        plan = appraisal.development_plan_id
        training = plan.action_ids.filtered(lambda a: a.channel_id == self.course)
        self.assertEqual(training.state, "todo")

        # the employee completes the course the plan proposed
        self.course._action_add_members(self.user.partner_id)
        self.env["slide.slide"].with_user(self.user).browse(
            self.course.slide_ids.ids
        ).action_mark_completed()

        skill_line = self.employee.employee_skill_ids.filtered(
            lambda s: s.skill_id == self.skill
        )
        self.assertEqual(skill_line.skill_level_id, self.expert, "raised by evidence")
        log = self.env["hr.employee.skill.log"].search(
            [("employee_id", "=", self.employee.id), ("skill_id", "=", self.skill.id)]
        )
        self.assertIn(self.expert, log.skill_level_id)
        self.assertEqual(training.state, "done", "closed by the completed course")
        self.employee.invalidate_recordset(["current_job_fit"])
        self.assertEqual(self.employee.current_job_fit, 100)

        awards = self.env["gamification.badge.user"].search(
            [("employee_id", "=", self.employee.id)]
        )
        self.assertIn(
            self.env.ref("hr_recognition.badge_course_completed"), awards.badge_id
        )

        plan.action_done()
        awards = self.env["gamification.badge.user"].search(
            [("employee_id", "=", self.employee.id)]
        )
        self.assertIn(self.env.ref("hr_recognition.badge_plan_done"), awards.badge_id)
        count = len(awards)
        plan.write({"state": "done"})  # the rule fires again: no second award
        self.assertEqual(
            self.env["gamification.badge.user"].search_count(
                [("employee_id", "=", self.employee.id)]
            ),
            count,
        )
