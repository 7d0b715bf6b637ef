# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Objectives aligned three levels deep, built without any demo record.

Company: "Grow (test)"                          (company level)
  └─ R&D: "Ship faster (test)"                  (department R&D, managed by Mona)
       ├─ Eve: "Release v2 (test)"              (individual, 2 key results)
       └─ Rita: "Fix bugs (test)"               (individual, 1 key result)
Oscar Outsider (Sales, no manager in common) has "Sell (test)".
"""

from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import AccessError

from odoo.addons.hr_performance_link.tests.common import PerformanceLinkCase
from odoo.addons.mail.tests.common import mail_new_test_user


class ObjectiveCase(PerformanceLinkCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Department = cls.env["hr.department"]
        cls.rnd = Department.create(
            {"name": "R&D (test)", "manager_id": cls.manager.id}
        )
        cls.sales = Department.create({"name": "Sales (test)"})
        (
            cls.manager | cls.employee | cls.reviewer | cls.reviewer2
        ).department_id = cls.rnd
        cls.user_outsider = mail_new_test_user(
            cls.env,
            login="pl_outsider",
            name="Oscar Outsider",
            groups="base.group_user",
        )
        cls.outsider = cls.env["hr.employee"].create(
            {
                "name": "Oscar Outsider",
                "user_id": cls.user_outsider.id,
                "department_id": cls.sales.id,
            }
        )
        cls.user_portal = mail_new_test_user(
            cls.env, login="pl_portal", name="Paula Portal", groups="base.group_portal"
        )
        cls.date_start = cls.today - relativedelta(days=45)
        cls.date_end = cls.today + relativedelta(days=45)
        Objective = cls.env["hr.performance.objective"]
        period = {"date_start": cls.date_start, "date_end": cls.date_end}
        cls.obj_company = Objective.create(
            dict(period, name="Grow (test)", level="company", state="active")
        )
        cls.obj_rnd = Objective.create(
            dict(
                period,
                name="Ship faster (test)",
                level="department",
                department_id=cls.rnd.id,
                parent_id=cls.obj_company.id,
                state="active",
            )
        )
        cls.obj_employee = Objective.create(
            dict(
                period,
                name="Release v2 (test)",
                employee_id=cls.employee.id,
                parent_id=cls.obj_rnd.id,
                state="active",
                weight=3,
                key_result_ids=[
                    Command.create(
                        {
                            "name": "Features shipped",
                            "start_value": 0,
                            "target_value": 10,
                            "current_value": 5,
                        }
                    ),
                    Command.create(
                        {
                            "name": "Docs written",
                            "metric": "boolean",
                            "start_value": 0,
                            "target_value": 1,
                            "current_value": 0,
                        }
                    ),
                ],
            )
        )
        cls.kr_features, cls.kr_docs = cls.obj_employee.key_result_ids.sorted("id")
        cls.obj_reviewer = Objective.create(
            dict(
                period,
                name="Fix bugs (test)",
                employee_id=cls.reviewer.id,
                parent_id=cls.obj_rnd.id,
                state="active",
                key_result_ids=[
                    Command.create(
                        {
                            "name": "Open bugs",
                            "start_value": 40,
                            "target_value": 0,
                            "current_value": 10,
                        }
                    )
                ],
            )
        )
        cls.kr_bugs = cls.obj_reviewer.key_result_ids
        cls.obj_outsider = Objective.create(
            dict(
                period,
                name="Sell (test)",
                employee_id=cls.outsider.id,
                state="active",
                key_result_ids=[Command.create({"name": "Deals", "target_value": 4})],
            )
        )
        cls.kr_deals = cls.obj_outsider.key_result_ids


# the roles of the objective and rating matrices: self = Eve (the owner),
# other = Oscar (another department), manager = Mona (Eve's manager, R&D's
# manager), other_manager = Nina (Oscar's manager), officer = Olga (HR
# officer), portal = Paula
ROLES = ("self", "other", "manager", "other_manager", "officer", "portal")


class ObjectiveRolesMixin:
    """The six roles of ``ROLES`` as users (``cls.users``), and a matrix of
    operations on the test's records checked from the refused side: a refused
    operation raises an AccessError and changes nothing; every cell is rolled
    back."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_other_manager = mail_new_test_user(
            cls.env, login="pl_nina", name="Nina Sales", groups="base.group_user"
        )
        cls.other_manager = cls.env["hr.employee"].create(
            {"name": "Nina Sales", "user_id": cls.user_other_manager.id}
        )
        cls.outsider.parent_id = cls.other_manager
        cls.users = {
            "self": cls.user_employee,
            "other": cls.user_outsider,
            "manager": cls.user_manager,
            "other_manager": cls.user_other_manager,
            "officer": cls.user_officer,
            "portal": cls.user_portal,
        }

    def _value(self, name, value):
        """Values of relational fields are named after the test's records."""
        return getattr(self, value).id if name.endswith("_id") else value

    def _snapshot(self, record, names):
        self.env.invalidate_all()
        if not record.exists():
            return None
        return record.read(names)[0]

    def assertRecordMatrix(self, matrix, read_field):
        """``matrix``: rows ``(record attribute, operation, values, roles
        allowed)``, operation ``read`` (of ``read_field``), ``write`` (of the
        values, named as in :meth:`_value`) or ``unlink``."""
        for target, operation, vals, allowed in matrix:
            for role in ROLES:
                with self.subTest(record=target, op=operation, vals=vals, role=role):
                    record = getattr(self, target)
                    vals_ = {k: self._value(k, v) for k, v in (vals or {}).items()}
                    names = list(vals_) or ["display_name"]
                    before = self._snapshot(record, names)
                    as_user = record.with_user(self.users[role])
                    with self.env.cr.savepoint() as savepoint:
                        if role in allowed:
                            self._operate(as_user, operation, vals_, read_field)
                        else:
                            with self.assertRaises(AccessError):
                                self._operate(as_user, operation, vals_, read_field)
                            self.assertEqual(self._snapshot(record, names), before)
                        savepoint.rollback()
                    self.env.invalidate_all()

    @staticmethod
    def _operate(record, operation, vals, read_field):
        if operation == "read":
            record.read([read_field])
        elif operation == "write":
            record.write(vals)
        elif operation == "unlink":
            record.unlink()
