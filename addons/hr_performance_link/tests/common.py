# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import TransactionCase

from odoo.addons.mail.tests.common import mail_new_test_user


class PerformanceLinkData:
    """A small company: a manager, the appraised developer, two colleagues who
    review and mentor; a job requiring three coding skills; one course.
    A mixin for ``TransactionCase`` and ``HttpCase`` alike."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.today = fields.Date.context_today(cls.env["hr.employee"])
        cls.company = cls.env.company
        if "checkin_cadence" in cls.company._fields:  # hr_performance_feedback
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


class PerformanceLinkCase(PerformanceLinkData, TransactionCase):
    """The small company of ``PerformanceLinkData`` in a ``TransactionCase``."""


class AppraisalTrustData(PerformanceLinkData):
    """The small company plus the people of issue 18's attempts: plain
    employees (group Employee only), a manager of another team, an HR officer
    and an HR manager outside OCA's appraisal groups, a portal user.

    Eve (the appraised employee), Mallory (her colleague) and Mona (their
    manager) are in group Employee only here."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        plain = "base.group_user"
        # Eve and Mona as most of a company's staff are: group Employee only
        (cls.user_employee | cls.user_manager).write(
            {
                "groups_id": [
                    Command.unlink(
                        cls.env.ref("hr_appraisal_oca.group_appraisal_user").id
                    )
                ]
            }
        )
        cls.user_colleague = mail_new_test_user(
            cls.env, login="pl_mallory", name="Mallory Colleague", groups=plain
        )
        cls.user_other_manager = mail_new_test_user(
            cls.env, login="pl_nick", name="Nick Othermanager", groups=plain
        )
        cls.user_other_report = mail_new_test_user(
            cls.env, login="pl_otis", name="Otis Otherreport", groups=plain
        )
        cls.user_hr_officer = mail_new_test_user(
            cls.env,
            login="pl_hr_officer",
            name="Hana HR Officer",
            groups="base.group_user,hr.group_hr_user",
        )
        cls.user_hr_manager = mail_new_test_user(
            cls.env,
            login="pl_hr_manager",
            name="Hugo HR Manager",
            groups="base.group_user,hr.group_hr_manager,base.group_system",
        )
        cls.user_portal = mail_new_test_user(
            cls.env, login="pl_portal", name="Paula Portal", groups="base.group_portal"
        )
        Employee = cls.env["hr.employee"]
        cls.colleague = Employee.create(
            {
                "name": "Mallory Colleague",
                "user_id": cls.user_colleague.id,
                "parent_id": cls.manager.id,
                "job_id": cls.job.id,
            }
        )
        cls.other_manager = Employee.create(
            {"name": "Nick Othermanager", "user_id": cls.user_other_manager.id}
        )
        cls.other_report = Employee.create(
            {
                "name": "Otis Otherreport",
                "user_id": cls.user_other_report.id,
                "parent_id": cls.other_manager.id,
            }
        )
        Employee.create(
            [
                {"name": "Hana HR Officer", "user_id": cls.user_hr_officer.id},
                {"name": "Hugo HR Manager", "user_id": cls.user_hr_manager.id},
            ]
        )
        # a skill nobody holds and no job requires
        cls.cobol = cls.env["hr.skill"].create(
            {"name": "Cobol (test)", "skill_type_id": cls.coding.id}
        )
        # the colleague's skills, which issue 18 saw rewritten by Mallory
        cls.env["hr.employee.skill"].create(
            [
                {
                    "employee_id": cls.colleague.id,
                    "skill_id": skill.id,
                    "skill_type_id": cls.coding.id,
                    "skill_level_id": cls.advanced.id,
                }
                for skill in (cls.python, cls.sql, cls.design)
            ]
        )

    def _skill_levels(self, employee):
        employee.invalidate_recordset()
        self.env["hr.employee.skill"].invalidate_model()
        return {
            es.skill_id: es.skill_level_id
            for es in self.env["hr.employee.skill"].search(
                [("employee_id", "=", employee.id)]
            )
        }

    def _line(self, appraisal, skill):
        return appraisal.skill_assessment_ids.filtered(lambda s: s.skill_id == skill)


class AppraisalTrustCase(AppraisalTrustData, TransactionCase):
    """``AppraisalTrustData`` in a ``TransactionCase``."""
