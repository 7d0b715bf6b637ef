# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import TransactionCase

from odoo.addons.mail.tests.common import mail_new_test_user


class PerformanceLinkCase(TransactionCase):
    """A small company: a manager, the appraised developer, two colleagues who
    review and mentor; a job requiring three coding skills; one course."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.today = fields.Date.context_today(cls.env["hr.employee"])
        cls.company = cls.env.company
        cls.company.checkin_cadence = "monthly"

        # --- skills
        cls.coding = cls.env["hr.skill.type"].create(
            {
                "name": "Coding (test)",
                "skill_ids": [
                    Command.create({"name": "Python (test)"}),
                    Command.create({"name": "SQL (test)"}),
                    Command.create({"name": "Design (test)"}),
                ],
                "skill_level_ids": [
                    Command.create({"name": "Beginner", "level_progress": 25}),
                    Command.create({"name": "Intermediate", "level_progress": 50}),
                    Command.create({"name": "Advanced", "level_progress": 75}),
                    Command.create({"name": "Expert", "level_progress": 100}),
                ],
            }
        )
        cls.python, cls.sql, cls.design = cls.coding.skill_ids.sorted("id")
        levels = {lvl.name: lvl for lvl in cls.coding.skill_level_ids}
        cls.beginner = levels["Beginner"]
        cls.intermediate = levels["Intermediate"]
        cls.advanced = levels["Advanced"]
        cls.expert = levels["Expert"]
        cls.languages = cls.env["hr.skill.type"].create(
            {
                "name": "Languages (test)",
                "skill_ids": [Command.create({"name": "Esperanto (test)"})],
                "skill_level_ids": [
                    Command.create({"name": "A2", "level_progress": 30}),
                    Command.create({"name": "C1", "level_progress": 90}),
                ],
            }
        )
        cls.esperanto = cls.languages.skill_ids
        cls.lang_a2 = cls.languages.skill_level_ids.filtered(
            lambda lvl: lvl.name == "A2"
        )

        # --- job and its competency matrix
        cls.job = cls.env["hr.job"].create({"name": "Developer (test)"})
        cls.env["hr.job.competency"].create(
            [
                {
                    "job_id": cls.job.id,
                    "skill_id": cls.python.id,
                    "required_level_id": cls.advanced.id,
                    "importance": "critical",
                },
                {
                    "job_id": cls.job.id,
                    "skill_id": cls.sql.id,
                    "required_level_id": cls.intermediate.id,
                    "importance": "important",
                },
                {
                    "job_id": cls.job.id,
                    "skill_id": cls.design.id,
                    "required_level_id": cls.advanced.id,
                    "importance": "nice",
                },
            ]
        )

        # --- people
        appraisal_user = "base.group_user,hr_appraisal_oca.group_appraisal_user"
        cls.user_manager = mail_new_test_user(
            cls.env, login="pl_manager", name="Mona Manager", groups=appraisal_user
        )
        cls.user_employee = mail_new_test_user(
            cls.env, login="pl_employee", name="Eve Employee", groups=appraisal_user
        )
        cls.user_reviewer = mail_new_test_user(
            cls.env, login="pl_reviewer", name="Rita Reviewer", groups=appraisal_user
        )
        cls.user_reviewer2 = mail_new_test_user(
            cls.env, login="pl_reviewer2", name="Rob Reviewer", groups=appraisal_user
        )
        cls.user_officer = mail_new_test_user(
            cls.env,
            login="pl_officer",
            name="Olga Officer",
            groups="base.group_user,hr.group_hr_user,"
            "hr_appraisal_oca.group_appraisal_hr_officer",
        )
        Employee = cls.env["hr.employee"]
        cls.manager = Employee.create(
            {"name": "Mona Manager", "user_id": cls.user_manager.id}
        )
        cls.employee = Employee.create(
            {
                "name": "Eve Employee",
                "user_id": cls.user_employee.id,
                "parent_id": cls.manager.id,
                "job_id": cls.job.id,
            }
        )
        cls.reviewer = Employee.create(
            {
                "name": "Rita Reviewer",
                "user_id": cls.user_reviewer.id,
                "parent_id": cls.manager.id,
            }
        )
        cls.reviewer2 = Employee.create(
            {
                "name": "Rob Reviewer",
                "user_id": cls.user_reviewer2.id,
                "parent_id": cls.manager.id,
            }
        )
        # the reviewer is the only colleague who masters Design: the mentor
        cls.env["hr.employee.skill"].create(
            [
                {
                    "employee_id": cls.employee.id,
                    "skill_id": cls.python.id,
                    "skill_type_id": cls.coding.id,
                    "skill_level_id": cls.beginner.id,
                },
                {
                    "employee_id": cls.employee.id,
                    "skill_id": cls.esperanto.id,
                    "skill_type_id": cls.languages.id,
                    "skill_level_id": cls.lang_a2.id,
                },
                {
                    "employee_id": cls.reviewer.id,
                    "skill_id": cls.design.id,
                    "skill_type_id": cls.coding.id,
                    "skill_level_id": cls.expert.id,
                },
            ]
        )

        # --- a course that brings Python to Expert
        cls.course = cls.env["slide.channel"].create(
            {
                "name": "Python Deep Dive (test)",
                "is_published": True,
                "skill_ids": [
                    Command.create(
                        {"skill_id": cls.python.id, "level_id": cls.expert.id}
                    )
                ],
            }
        )

        cls.appraisal = cls.env["hr.appraisal"].create(
            {
                "employee_id": cls.employee.id,
                "manager_ids": [Command.set(cls.manager.ids)],
                "date_close": cls.today + relativedelta(days=30),
            }
        )
