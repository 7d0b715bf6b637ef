# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The access matrix of the objectives (readme, section "Access to
objectives"), one cell per row of ``MATRIX``, checked from the refused side:
a refused operation raises and changes nothing."""

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.hr_career_dev.tests.common import JsonRpcMixin
from odoo.addons.mail.tests.common import mail_new_test_user

from .objective_common import ObjectiveCase

# roles: self = Eve (the owner), other = Oscar (another department),
# manager = Mona (Eve's manager, R&D's manager), other_manager = Nina
# (Oscar's manager), officer = Olga (HR officer), portal = Paula
ALL = ("self", "other", "manager", "other_manager", "officer", "portal")
# (record, operation, values, roles allowed)
MATRIX = [
    ("obj_company", "read", None, ALL[:5]),
    ("obj_company", "write", {"name": "Grow more"}, ("officer",)),
    ("obj_rnd", "read", None, ALL[:5]),
    ("obj_rnd", "write", {"name": "Ship much faster"}, ("manager", "officer")),
    ("obj_employee", "read", None, ("self", "manager", "officer")),
    ("obj_employee", "write", {"name": "Release v3"}, ("self", "manager", "officer")),
    ("obj_employee", "write", {"weight": 2}, ("self", "manager", "officer")),
    ("obj_employee", "write", {"employee_id": "reviewer"}, ("officer",)),
    ("obj_employee", "write", {"department_id": "sales"}, ("officer",)),
    ("obj_employee", "unlink", None, ("self", "manager", "officer")),
    ("kr_features", "read", None, ("self", "manager", "officer")),
    ("kr_features", "write", {"current_value": 7}, ("self", "manager", "officer")),
    ("kr_features", "write", {"objective_id": "obj_reviewer"}, ("officer",)),
    ("kr_features", "unlink", None, ("self", "manager", "officer")),
    ("kr_deals", "write", {"current_value": 1}, ("other", "other_manager", "officer")),
    ("rating", "read", None, ALL[:5]),
    ("rating", "write", {"target_share": 7}, ()),
]
CREATE_MATRIX = [
    # (level, owner, roles allowed)
    ("company", None, ("officer",)),
    ("department", "rnd", ("manager", "officer")),
    ("individual", "employee", ("self", "manager", "officer")),
    ("individual", "outsider", ("other", "other_manager", "officer")),
]


@tagged("post_install", "-at_install", "suite_upgrade")
class TestObjectiveAccessMatrix(ObjectiveCase):
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
        cls.rating = cls.env["hr.performance.rating"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
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

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models.unlink")
    def test_access_matrix(self):
        for target, operation, vals, allowed in MATRIX:
            for role in ALL:
                with self.subTest(record=target, op=operation, vals=vals, role=role):
                    record = getattr(self, target)
                    vals_ = {k: self._value(k, v) for k, v in (vals or {}).items()}
                    names = list(vals_) or ["display_name"]
                    before = self._snapshot(record, names)
                    as_user = record.with_user(self.users[role])
                    with self.env.cr.savepoint() as savepoint:
                        if role in allowed:
                            self._do(as_user, operation, vals_)
                        else:
                            with self.assertRaises(AccessError):
                                self._do(as_user, operation, vals_)
                            self.assertEqual(self._snapshot(record, names), before)
                        savepoint.rollback()
                    self.env.invalidate_all()

    def _do(self, record, operation, vals):
        if operation == "read":
            record.read(["name"])
        elif operation == "write":
            record.write(vals)
        elif operation == "unlink":
            record.unlink()

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_create_matrix(self):
        Objective = self.env["hr.performance.objective"]
        for level, owner, allowed in CREATE_MATRIX:
            vals = {
                "name": f"New {level} objective",
                "level": level,
                "date_start": self.date_start,
                "date_end": self.date_end,
            }
            if level == "department":
                vals["department_id"] = getattr(self, owner).id
            elif level == "individual":
                vals["employee_id"] = getattr(self, owner).id
            for role in ALL:
                with self.subTest(level=level, owner=owner, role=role):
                    count = Objective.search_count([])
                    with self.env.cr.savepoint() as savepoint:
                        as_user = Objective.with_user(self.users[role])
                        if role in allowed:
                            as_user.create(vals)
                        else:
                            with self.assertRaises(AccessError):
                                as_user.create(vals)
                            self.assertEqual(Objective.search_count([]), count)
                        savepoint.rollback()

    def test_search_shows_company_department_and_own_objectives(self):
        Objective = self.env["hr.performance.objective"]
        ids = (
            self.obj_company
            | self.obj_rnd
            | self.obj_employee
            | self.obj_reviewer
            | self.obj_outsider
        ).ids
        self.assertEqual(
            Objective.with_user(self.user_employee).search([("id", "in", ids)]),
            self.obj_company | self.obj_rnd | self.obj_employee,
        )
        self.assertEqual(
            Objective.with_user(self.user_manager).search([("id", "in", ids)]),
            self.obj_company | self.obj_rnd | self.obj_employee | self.obj_reviewer,
        )

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_other_company_objectives_are_out_of_reach(self):
        company_b = self.env["res.company"].create({"name": "Company B (test)"})
        self.user_officer.company_ids = [(4, company_b.id)]
        objective_b = (
            self.env["hr.performance.objective"]
            .with_company(company_b)
            .create(
                {
                    "name": "B's goal",
                    "level": "company",
                    "company_id": company_b.id,
                    "date_start": self.date_start,
                    "date_end": self.date_end,
                }
            )
        )
        with self.assertRaises(AccessError):
            objective_b.with_user(self.user_employee).read(["name"])
        # the officer reads it only with company B among the allowed companies
        officer = self.env(
            user=self.user_officer,
            context={"allowed_company_ids": [self.company.id]},
        )
        with self.assertRaises(AccessError):
            objective_b.with_env(officer).read(["name"])


@tagged("post_install", "-at_install", "suite_upgrade")
class TestObjectiveAccessRpc(JsonRpcMixin, HttpCase, ObjectiveCase):
    """The same refusals over /web/dataset/call_kw, as the web client sends them."""

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.http")
    def test_employee_cannot_edit_someone_elses_objective(self):
        self.assertRpcRefused(
            "pl_outsider",
            "hr.performance.objective",
            "write",
            [self.obj_employee.ids, {"name": "Hijacked"}],
            error="odoo.exceptions.AccessError",
        )
        self.assertRpcRefused(
            "pl_outsider",
            "hr.performance.key.result",
            "write",
            [self.kr_features.ids, {"current_value": 10}],
            error="odoo.exceptions.AccessError",
        )
        self.assertEqual(self.obj_employee.name, "Release v2 (test)")
        self.assertEqual(self.kr_features.current_value, 5)

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.http")
    def test_employee_cannot_move_or_create_objectives_out_of_reach(self):
        self.assertRpcRefused(
            "pl_employee",
            "hr.performance.objective",
            "write",
            [self.obj_employee.ids, {"employee_id": self.reviewer.id}],
            error="odoo.exceptions.AccessError",
        )
        self.assertRpcRefused(
            "pl_employee",
            "hr.performance.objective",
            "create",
            [
                {
                    "name": "Rita must",
                    "employee_id": self.reviewer.id,
                    "date_start": str(self.date_start),
                    "date_end": str(self.date_end),
                }
            ],
            error="odoo.exceptions.AccessError",
        )
        self.env.invalidate_all()
        self.assertEqual(self.obj_employee.employee_id, self.employee)
        self.assertFalse(
            self.env["hr.performance.objective"].search([("name", "=", "Rita must")])
        )

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.http")
    def test_portal_user_reaches_no_objective(self):
        self.assertRpcRefused(
            "pl_portal",
            "hr.performance.objective",
            "read",
            [self.obj_company.ids, ["name"]],
            error="odoo.exceptions.AccessError",
        )
