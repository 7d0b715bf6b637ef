# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase

from odoo.addons.mail.tests.common import mail_new_test_user


class RecognitionCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.company = cls.env.company
        cls.company.recognition_post_in_channel = True
        cls.user_officer = mail_new_test_user(
            cls.env,
            login="rec_officer",
            name="Olivia Officer",
            groups="base.group_user,hr.group_hr_user",
        )
        cls.user_manager = mail_new_test_user(
            cls.env, login="rec_manager", name="Mona Manager", groups="base.group_user"
        )
        cls.user_employee = mail_new_test_user(
            cls.env,
            login="rec_employee",
            name="Eric Employee",
            groups="base.group_user",
        )
        cls.user_other = mail_new_test_user(
            cls.env, login="rec_other", name="Otto Other", groups="base.group_user"
        )
        Job = cls.env["hr.job"]
        cls.job_junior = Job.create({"name": "Rec Junior Developer"})
        cls.job_senior = Job.create({"name": "Rec Senior Developer"})
        cls.job_lead = Job.create({"name": "Rec Team Lead"})
        # the moves up: a promotion follows a career path marked as one
        cls.env["hr.career.path"].create(
            [
                {"from_job_id": cls.job_junior.id, "to_job_id": cls.job_senior.id},
                {"from_job_id": cls.job_senior.id, "to_job_id": cls.job_lead.id},
            ]
        )
        Employee = cls.env["hr.employee"]
        cls.manager = Employee.create(
            {"name": "Mona Manager", "user_id": cls.user_manager.id}
        )
        cls.employee = Employee.create(
            {
                "name": "Eric Employee",
                "user_id": cls.user_employee.id,
                "parent_id": cls.manager.id,
                "job_id": cls.job_junior.id,
            }
        )
        cls.other = Employee.create(
            {"name": "Otto Other", "user_id": cls.user_other.id}
        )
        cls.employee_nouser = Employee.create(
            {"name": "Nora Nouser", "parent_id": cls.manager.id}
        )
        cls.channel = cls.env.ref("hr_recognition.channel_recognition")
        cls.badge_course = cls.env.ref("hr_recognition.badge_course_completed")
        cls.badge_skill = cls.env.ref("hr_recognition.badge_skill_level")
        cls.badge_goal = cls.env.ref("hr_recognition.badge_goal_achieved")
        cls.badge_promotion = cls.env.ref("hr_recognition.badge_promotion")
        cls.badge_plan = cls.env.ref("hr_recognition.badge_plan_done")
        cls.rule_goal = cls.env.ref("hr_recognition.automation_goal_achieved")
        cls.action_goal = cls.env.ref("hr_recognition.action_grant_goal_achieved")
        cls.action_promotion = cls.env.ref("hr_recognition.action_grant_promotion")

    def _awards(self, badge, employee):
        return self.env["gamification.badge.user"].search(
            [("badge_id", "=", badge.id), ("employee_id", "=", employee.id)]
        )

    def _new_goal(self, employee, name="Lead the mobile team"):
        return self.env["hr.career.goal"].create(
            {"employee_id": employee.id, "name": name}
        )
