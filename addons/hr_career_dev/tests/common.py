# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Data shared by the tests of hr_career_dev, built without any demo record.

Organisation (company A = the main company):

    Sabine Skip (skip-level manager)
      └─ Marc Manager
           ├─ Emma Employee   Developer, Python Intermediate (50), SQL Advanced (80)
           └─ Carl Colleague  Developer, Python Expert (100), SQL Intermediate (50)
    Hector HR: HR officer, no employee.   Bruno B: HR officer of company B only.

Competency matrix (weights: critical 3, important 2, nice 1):

    Developer: Python Advanced 80 critical, SQL Intermediate 50 important,
               JavaScript Intermediate 50 nice
    Tech Lead: Python Expert 100 critical, Communication Good 75 important,
               SQL Advanced 80 nice

Emma has an open long-term goal "Become Tech Lead" (her target job).
"""

from functools import partial

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import TransactionCase
from odoo.tests.common import JsonRpcException

from odoo.addons.mail.tests.common import mail_new_test_user


class _Rollback(Exception):
    """Undo an allowed operation: every cell starts from the same data."""


class AccessMatrixMixin:
    """An access matrix of a readme ("Access rights"), checked cell by cell:
    each operation runs as the role's user in a savepoint that is rolled back
    whatever happens, so that every cell starts from the same data."""

    def _cell_allowed(self, operate):
        """Run ``operate()``: False when it raises an AccessError, or when it
        returns False (allowed but shown nothing, e.g. a field read empty);
        True otherwise. Nothing it did is kept."""
        try:
            with self.env.cr.savepoint():
                shown = operate()
                self.env.flush_all()
                raise _Rollback(shown)
        except _Rollback as done:
            return done.args[0] is not False
        except AccessError:
            return False
        finally:
            self.env.clear()

    def assertAccessMatrix(self, matrix, roles):
        """``matrix``: rows ``(model, operation, flags)`` with one flag per
        role of ``roles`` ("1" allowed, "0" refused). A role is ``(name, user
        attribute, target attributes...)``: each cell runs
        ``self._operate(user, model, operation, *targets)`` through
        :meth:`_cell_allowed`."""
        for model, operation, flags in matrix:
            for (role, user_attr, *target_attrs), flag in zip(
                roles, flags, strict=True
            ):
                user = getattr(self, user_attr)
                targets = [getattr(self, attr) for attr in target_attrs]
                with self.subTest(role=role, model=model, operation=operation):
                    self.assertEqual(
                        self._cell_allowed(
                            partial(self._operate, user, model, operation, *targets)
                        ),
                        flag == "1",
                        f"{role} {operation} on {model}: expected "
                        f"{'allowed' if flag == '1' else 'refused'}",
                    )


class UniqueRefusalMixin:
    """A duplicate a user can make from a form is refused in words before the
    database sees it: no failed query logged at ERROR level."""

    def assertDuplicateRefused(self, message, action):
        """``action`` raises a ValidationError saying ``message``, logs no
        database error, and leaves nothing behind (run in a savepoint, as the
        request of a form would be rolled back)."""
        with (
            self.assertNoLogs("odoo.sql_db", level="ERROR"),
            self.assertRaises(ValidationError) as caught,
            self.env.cr.savepoint(),
        ):
            action()
            self.env.flush_all()
        self.assertEqual(caught.exception.args[0], message)


class CareerCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(
            context=dict(cls.env.context, mail_create_nolog=True, mail_notrack=True)
        )
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Career Test B"})

        # ---------------------------------------------------------- users
        def user(login, name, groups="base.group_user", **kwargs):
            return mail_new_test_user(
                cls.env,
                login=login,
                name=name,
                email=f"{login}@example.com",
                groups=groups,
                company_id=kwargs.pop("company_id", cls.company_a.id),
                notification_type="inbox",
                **kwargs,
            )

        cls.user_skip = user("career_skip", "Sabine Skip")
        cls.user_manager = user("career_manager", "Marc Manager")
        cls.user_employee = user("career_employee", "Emma Employee")
        cls.user_colleague = user("career_colleague", "Carl Colleague")
        cls.user_hr = user(
            "career_hr", "Hector HR", groups="base.group_user,hr.group_hr_user"
        )
        cls.user_b = user(
            "career_b",
            "Bruno B",
            groups="base.group_user,hr.group_hr_user",
            company_id=cls.company_b.id,
        )

        # ---------------------------------------------------------- skills
        cls.type_tech = cls.env["hr.skill.type"].create(
            {
                "name": "Career Test Programming",
                "skill_ids": [
                    Command.create({"name": "Python (career test)"}),
                    Command.create({"name": "SQL (career test)"}),
                    Command.create({"name": "JavaScript (career test)"}),
                ],
                "skill_level_ids": [
                    Command.create({"name": "Beginner", "level_progress": 20}),
                    Command.create({"name": "Intermediate", "level_progress": 50}),
                    Command.create({"name": "Advanced", "level_progress": 80}),
                    Command.create({"name": "Expert", "level_progress": 100}),
                ],
            }
        )
        cls.type_soft = cls.env["hr.skill.type"].create(
            {
                "name": "Career Test Soft Skills",
                "skill_ids": [Command.create({"name": "Communication (career test)"})],
                "skill_level_ids": [
                    Command.create({"name": "Basic", "level_progress": 25}),
                    Command.create({"name": "Good", "level_progress": 75}),
                ],
            }
        )
        skills = {s.name.split()[0]: s for s in cls.type_tech.skill_ids}
        cls.python, cls.sql, cls.js = (
            skills["Python"],
            skills["SQL"],
            skills["JavaScript"],
        )
        cls.communication = cls.type_soft.skill_ids
        levels = {lvl.name: lvl for lvl in cls.type_tech.skill_level_ids}
        cls.beginner = levels["Beginner"]
        cls.intermediate = levels["Intermediate"]
        cls.advanced = levels["Advanced"]
        cls.expert = levels["Expert"]
        soft_levels = {lvl.name: lvl for lvl in cls.type_soft.skill_level_ids}
        cls.basic, cls.good = soft_levels["Basic"], soft_levels["Good"]

        # ---------------------------------------------------------- jobs
        cls.job_dev, cls.job_lead = cls.env["hr.job"].create(
            [
                {"name": "Developer (career test)", "company_id": cls.company_a.id},
                {"name": "Tech Lead (career test)", "company_id": cls.company_a.id},
            ]
        )
        cls.job_b = cls.env["hr.job"].create(
            {"name": "Analyst (career test B)", "company_id": cls.company_b.id}
        )
        cls.env["hr.job.competency"].create(
            [
                cls._competency_vals(cls.job_dev, cls.python, cls.advanced, "critical"),
                cls._competency_vals(
                    cls.job_dev, cls.sql, cls.intermediate, "important"
                ),
                cls._competency_vals(cls.job_dev, cls.js, cls.intermediate, "nice"),
                cls._competency_vals(cls.job_lead, cls.python, cls.expert, "critical"),
                cls._competency_vals(
                    cls.job_lead, cls.communication, cls.good, "important"
                ),
                cls._competency_vals(cls.job_lead, cls.sql, cls.advanced, "nice"),
            ]
        )

        # ---------------------------------------------------------- employees
        Employee = cls.env["hr.employee"]
        cls.emp_skip = Employee.create(
            {"name": "Sabine Skip", "user_id": cls.user_skip.id}
        )
        cls.emp_manager = Employee.create(
            {
                "name": "Marc Manager",
                "user_id": cls.user_manager.id,
                "parent_id": cls.emp_skip.id,
            }
        )
        cls.emp_employee, cls.emp_colleague = Employee.create(
            [
                {
                    "name": "Emma Employee",
                    "user_id": cls.user_employee.id,
                    "parent_id": cls.emp_manager.id,
                    "job_id": cls.job_dev.id,
                },
                {
                    "name": "Carl Colleague",
                    "user_id": cls.user_colleague.id,
                    "parent_id": cls.emp_manager.id,
                    "job_id": cls.job_dev.id,
                },
            ]
        )
        cls.emp_b = Employee.create(
            {
                "name": "Bruno B",
                "user_id": cls.user_b.id,
                "company_id": cls.company_b.id,
                "job_id": cls.job_b.id,
            }
        )
        cls.env["hr.employee.skill"].create(
            [
                cls._skill_vals(cls.emp_employee, cls.python, cls.intermediate),
                cls._skill_vals(cls.emp_employee, cls.sql, cls.advanced),
                cls._skill_vals(cls.emp_colleague, cls.python, cls.expert),
                cls._skill_vals(cls.emp_colleague, cls.sql, cls.intermediate),
                cls._skill_vals(cls.emp_manager, cls.python, cls.advanced),
                cls._skill_vals(cls.emp_skip, cls.python, cls.expert),
            ]
        )

        # ---------------------------------------------------------- goals
        cls.goal_lead = cls.env["hr.career.goal"].create(
            {
                "name": "Become Tech Lead",
                "employee_id": cls.emp_employee.id,
                "horizon": "long",
                "target_job_id": cls.job_lead.id,
            }
        )
        cls.goal_b = cls.env["hr.career.goal"].create(
            {"name": "Goal in company B", "employee_id": cls.emp_b.id}
        )

    # -------------------------------------------------------------- helpers
    @classmethod
    def _competency_vals(cls, job, skill, level, importance):
        return {
            "job_id": job.id,
            "skill_id": skill.id,
            "required_level_id": level.id,
            "importance": importance,
        }

    @classmethod
    def _skill_vals(cls, employee, skill, level):
        return {
            "employee_id": employee.id,
            "skill_id": skill.id,
            "skill_type_id": skill.skill_type_id.id,
            "skill_level_id": level.id,
        }

    @classmethod
    def _create_courses(cls, specs):
        """Courses from ``[(name, [(skill, level), ...], published)]``, in order
        (ids increase in the order given)."""
        return cls.env["slide.channel"].create(
            [
                {
                    "name": name,
                    "channel_type": "training",
                    "enroll": "public",
                    "visibility": "public",
                    "is_published": published,
                    "skill_ids": [
                        Command.create({"skill_id": skill.id, "level_id": level.id})
                        for skill, level in mapping
                    ],
                }
                for name, mapping, published in specs
            ]
        )

    def _employee_level(self, employee, skill):
        return (
            self.env["hr.employee.skill"]
            .search([("employee_id", "=", employee.id), ("skill_id", "=", skill.id)])
            .skill_level_id
        )


class JsonRpcMixin:
    """Reach a model method as a logged-in user would from the web client:
    ``/web/dataset/call_kw`` over real HTTP (for ``HttpCase`` subclasses).

    Test users made by ``mail_new_test_user`` have their login as password.
    """

    def call_kw(self, login, model, method, args, kwargs=None, password=None):
        """Return the call's result; an error answer raises ``JsonRpcException``
        whose message is the exception's class path (e.g.
        ``odoo.exceptions.AccessError``)."""
        self.authenticate(login, password or login)
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def assertRpcRefused(self, login, model, method, args, kwargs=None, error=None):
        """The call answers an error (``error`` names the exception class
        path when given, e.g. ``odoo.exceptions.AccessError``)."""
        with self.assertRaises(JsonRpcException) as caught:
            self.call_kw(login, model, method, args, kwargs)
        if error:
            self.assertEqual(caught.exception.args[0], error)
        return caught.exception
