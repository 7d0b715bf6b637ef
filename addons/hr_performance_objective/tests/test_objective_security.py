# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The access matrix of the objectives (readme, section "Access to
objectives"), one cell per row of ``MATRIX``, checked from the refused side:
a refused operation raises and changes nothing."""

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.hr_career_dev.tests.common import JsonRpcMixin

from .objective_common import ROLES, ObjectiveCase, ObjectiveRolesMixin

# roles: objective_common.ROLES; (record, operation, values, roles allowed)
MATRIX = [
    ("obj_company", "read", None, ROLES[:5]),
    ("obj_company", "write", {"name": "Grow more"}, ("officer",)),
    ("obj_rnd", "read", None, ROLES[:5]),
    ("obj_rnd", "write", {"name": "Ship much faster"}, ("manager", "officer")),
    ("obj_rnd", "write", {"owner_id": "reviewer"}, ("officer",)),
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
    ("rating", "read", None, ROLES[:5]),
    ("rating", "write", {"target_share": 7}, ()),
    ("courses_template", "read", None, ROLES[:5]),
    ("courses_template", "write", {"name": "Courses done"}, ("officer",)),
]
CREATE_MATRIX = [
    # (level, owner, roles allowed)
    ("company", None, ("officer",)),
    ("department", "rnd", ("manager", "officer")),
    ("individual", "employee", ("self", "manager", "officer")),
    ("individual", "outsider", ("other", "other_manager", "officer")),
]


@tagged("post_install", "-at_install", "suite_upgrade")
class TestObjectiveAccessMatrix(ObjectiveRolesMixin, ObjectiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rating = cls.env["hr.performance.rating"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.courses_template = cls.env.ref(
            "hr_performance_objective.key_result_template_courses"
        )

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models.unlink")
    def test_access_matrix(self):
        self.assertRecordMatrix(MATRIX, "name")

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
            for role in ROLES:
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
