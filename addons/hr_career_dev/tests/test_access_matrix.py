# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The access matrix of readme/USAGE.md ("Access rights"), cell by cell."""

from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import AccessMatrixMixin, CareerCase

# the columns of the matrix: (role, user attribute, target employee attribute)
ROLES = [
    ("employee_self", "user_employee", "emp_employee"),
    ("employee_other", "user_employee", "emp_colleague"),
    ("manager_of", "user_manager", "emp_employee"),
    ("manager_not_of", "user_manager", "emp_skip"),
    ("hr_officer", "user_hr", "emp_employee"),
    ("hr_manager", "user_hr_manager", "emp_employee"),
    ("portal_self", "user_portal", "emp_portal"),
    ("portal_other", "user_portal", "emp_employee"),
]

# (model, operation, one flag per role of ROLES: 1 allowed, 0 refused)
# operations: read, create, unlink, write:<field>
MATRIX = [
    ("hr.career.goal", "read", "10101110"),
    ("hr.career.goal", "create", "10101110"),
    ("hr.career.goal", "write:employee_id", "00001100"),
    ("hr.career.goal", "write:progress", "10101110"),
    ("hr.career.goal", "unlink", "10101100"),
    ("hr.development.plan", "read", "10101100"),
    ("hr.development.plan", "create", "00101100"),
    ("hr.development.plan", "write:employee_id", "00001100"),
    ("hr.development.plan", "write:mentor_id", "00101100"),
    ("hr.development.plan", "unlink", "00001100"),
    ("hr.development.action", "read", "10101100"),
    ("hr.development.action", "create", "00101100"),
    ("hr.development.action", "write:plan_id", "00001100"),
    ("hr.development.action", "write:name", "00101100"),
    ("hr.development.action", "write:state", "10101100"),
    ("hr.development.action", "unlink", "00101100"),
    ("hr.skill.evidence", "read", "10101110"),
    ("hr.skill.evidence", "create", "00001100"),
    ("hr.skill.evidence", "write:employee_id", "00001100"),
    ("hr.skill.evidence", "write:state", "00001100"),
    ("hr.skill.evidence", "unlink", "00001100"),
    ("hr.competency.gap", "read", "10101100"),
    ("hr.competency.gap", "write:employee_id", "00000000"),
    ("hr.competency.gap", "unlink", "00000000"),
    ("hr.employee.skill.log", "read", "10101100"),
    ("hr.employee.skill.log", "create", "00001100"),
    ("hr.employee.skill.log", "write:skill_level_id", "00001100"),
    ("hr.employee.skill.log", "unlink", "00000000"),
    ("hr.job.competency", "read", "11111100"),
    ("hr.job.competency", "create", "00000100"),
    ("hr.job.competency", "write:importance", "00000100"),
    ("hr.job.competency", "unlink", "00000100"),
    ("hr.career.path", "read", "11111100"),
    ("hr.career.path", "create", "00000100"),
    ("hr.career.path", "write:typical_months", "00000100"),
    ("hr.career.path", "unlink", "00000100"),
    ("slide.channel.skill", "read", "11111111"),
    ("slide.channel.skill", "create", "00000000"),
    ("slide.channel.skill", "write:level_id", "00000000"),
    ("slide.channel.skill", "unlink", "00000000"),
    ("hr.career.goal.template", "read", "00001100"),
    ("hr.career.goal.template", "create", "00001100"),
    ("hr.career.goal.template", "write:name", "00001100"),
    ("hr.career.goal.template", "unlink", "00001100"),
    ("hr.career.readiness.report", "read", "00001100"),
    ("hr.course.suggestion", "create", "00001100"),
    ("hr.career.goal.template.assign", "create", "00001100"),
    ("hr.development.plan.population", "create", "00001100"),
]


@tagged("post_install", "-at_install", "suite_upgrade")
class TestCareerAccessMatrix(AccessMatrixMixin, CareerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_hr_manager = mail_new_test_user(
            cls.env,
            login="career_hr_manager",
            name="Hanna HR Manager",
            groups="base.group_user,hr.group_hr_manager",
        )
        cls.user_portal = mail_new_test_user(
            cls.env,
            login="career_portal_matrix",
            name="Pia Portal",
            groups="base.group_portal",
        )
        cls.emp_portal = cls.env["hr.employee"].create(
            {
                "name": "Pia Portal",
                "user_id": cls.user_portal.id,
                "job_id": cls.job_dev.id,
            }
        )
        cls.emp_skip.job_id = cls.job_lead
        cls.env["hr.employee.skill"].create(
            [cls._skill_vals(cls.emp_portal, cls.sql, cls.beginner)]
        )
        cls.course = cls._create_courses(
            [("Matrix course", [(cls.python, cls.advanced)], True)]
        )
        cls.template = cls.env["hr.career.goal.template"].create(
            {"name": "Matrix template"}
        )
        cls.path = cls.env["hr.career.path"].create(
            {"from_job_id": cls.job_dev.id, "to_job_id": cls.job_lead.id}
        )
        cls.targets = cls.emp_employee | cls.emp_colleague | cls.emp_skip
        cls.targets |= cls.emp_portal
        cls.records = {}
        for employee in cls.targets:
            goal = cls.env["hr.career.goal"].create(
                {"name": f"Goal of {employee.name}", "employee_id": employee.id}
            )
            plan = cls.env["hr.development.plan"].create({"employee_id": employee.id})
            action = cls.env["hr.development.action"].create(
                {"name": "Matrix action", "plan_id": plan.id, "action_type": "other"}
            )
            evidence = cls.env["hr.skill.evidence"].create(
                {
                    "employee_id": employee.id,
                    "skill_id": cls.js.id,
                    "level_id": cls.beginner.id,
                    "source": "Matrix",
                }
            )
            cls.records[employee] = {
                "hr.career.goal": goal,
                "hr.development.plan": plan,
                "hr.development.action": action,
                "hr.skill.evidence": evidence,
                "hr.competency.gap": cls.env["hr.competency.gap"].search(
                    [("employee_id", "=", employee.id)]
                ),
                "hr.employee.skill.log": cls.env["hr.employee.skill.log"].search(
                    [("employee_id", "=", employee.id)]
                ),
            }
        cls.shared = {
            "hr.job.competency": cls.job_dev.competency_ids[:1],
            "hr.career.path": cls.path,
            "slide.channel.skill": cls.course.skill_ids,
            "hr.career.goal.template": cls.template,
        }

    # ------------------------------------------------------------ cells
    def _other_employee(self, employee):
        return self.emp_colleague if employee != self.emp_colleague else self.emp_b

    def _record(self, model, target):
        record = self.records[target].get(model) or self.shared.get(model)
        self.assertTrue(record, f"no {model} record for {target.name}")
        return record

    def _create_vals(self, model, target):
        return {
            "hr.career.goal": {"name": "Matrix goal", "employee_id": target.id},
            "hr.development.plan": {"employee_id": target.id},
            "hr.development.action": {
                "name": "Matrix new action",
                "plan_id": self.records[target]["hr.development.plan"].id,
                "action_type": "other",
            },
            "hr.skill.evidence": {
                "employee_id": target.id,
                "skill_id": self.sql.id,
                "level_id": self.expert.id,
                "source": "Matrix new",
            },
            "hr.employee.skill.log": {
                "employee_id": target.id,
                "skill_id": self.js.id,
                "skill_type_id": self.type_tech.id,
                "skill_level_id": self.beginner.id,
                "date": "2020-01-01",
            },
            "hr.job.competency": self._competency_vals(
                self.job_lead, self.js, self.beginner, "nice"
            ),
            "hr.career.path": {
                "from_job_id": self.job_lead.id,
                "to_job_id": self.job_dev.id,
            },
            "slide.channel.skill": {
                "channel_id": self.course.id,
                "skill_id": self.sql.id,
                "level_id": self.advanced.id,
            },
            "hr.career.goal.template": {"name": "Matrix new template"},
            "hr.course.suggestion": {
                "employee_id": target.id,
                "channel_id": self.course.id,
            },
            "hr.career.goal.template.assign": {
                "template_id": self.template.id,
                "assign_by": "employee",
                "employee_ids": [(6, 0, target.ids)],
            },
            "hr.development.plan.population": {"employee_ids": [(6, 0, target.ids)]},
        }[model]

    def _write_value(self, model, fname, target):
        other = self._other_employee(target)
        if model == "hr.skill.evidence":
            # one pending proposal per employee and skill: move it to someone
            # who has none (not one of the matrix's targets)
            other = self.emp_manager
        return {
            "employee_id": other.id,
            "progress": 55,
            "mentor_id": other.id,
            "plan_id": self.records[other]["hr.development.plan"].id
            if other in self.records
            else False,
            "name": "Renamed in the matrix",
            "state": "in_progress" if model == "hr.development.action" else "rejected",
            "skill_level_id": self.expert.id,
            "importance": "critical",
            "typical_months": 7,
            "level_id": self.expert.id,
        }[fname]

    def _operate(self, user, model, operation, target):
        Model = self.env[model].with_user(user)
        if operation == "create":
            Model.create(self._create_vals(model, target))
        elif operation == "read":
            if model == "hr.career.readiness.report":
                Model.search_fetch([], ["employee_id"], limit=1)
            else:
                record = self._record(model, target).with_user(user)
                # a field of the record itself (a path's name is made of job
                # names, which stock Odoo shows to HR only)
                fname = (
                    "typical_months" if model == "hr.career.path" else "display_name"
                )
                record.read([fname])
        elif operation == "unlink":
            self._record(model, target).with_user(user).unlink()
        else:
            fname = operation.split(":")[1]
            record = self._record(model, target).with_user(user)
            record.write({fname: self._write_value(model, fname, target)})

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_access_matrix(self):
        # the employee other than oneself in the "other" column is a colleague
        self.records[self.emp_b] = {
            "hr.development.plan": self.env["hr.development.plan"].create(
                {"employee_id": self.emp_b.id}
            )
        }
        self.assertAccessMatrix(MATRIX, ROLES)
