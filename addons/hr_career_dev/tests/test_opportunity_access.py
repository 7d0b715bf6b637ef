# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The access matrix of readme/USAGE.md ("Internal opportunities: access
rights"), cell by cell, and the JSON-RPC refusals."""

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import AccessMatrixMixin, JsonRpcMixin
from .opportunity_common import OpportunityCase

# columns: Emma (applicant), Carl (another employee), Marc (the applicant's
# manager), Olga (the opportunity's owner), Sabine (the owner's manager and
# the applicant's skip-level manager), Hector (HR officer), Pia (portal)
ROLES = [
    ("applicant", "user_employee"),
    ("other_employee", "user_colleague"),
    ("applicant_manager", "user_manager"),
    ("owner", "user_owner"),
    ("owner_manager", "user_skip"),
    ("hr_officer", "user_hr"),
    ("portal", "user_portal"),
]
MATRIX = [
    ("opportunity", "read open", "1111110"),
    ("opportunity", "read draft", "0001110"),
    ("opportunity", "create", "0001110"),
    ("opportunity", "write name", "0001110"),
    ("opportunity", "write owner", "0000010"),
    ("opportunity", "unlink", "0001110"),
    ("opportunity skill", "write level", "0001110"),
    ("application", "read motivation", "1011110"),
    ("application", "create for the applicant", "1000010"),
    ("application", "write motivation", "1000010"),
    ("application", "write employee", "0000010"),
    ("application", "approve", "0010110"),
    ("application", "unlink", "0000010"),
]


@tagged("post_install", "-at_install", "suite_upgrade")
class TestOpportunityAccessMatrix(AccessMatrixMixin, OpportunityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_portal = mail_new_test_user(
            cls.env,
            login="career_portal_opportunity",
            name="Pia Portal",
            groups="base.group_portal",
        )
        cls.opportunity = cls._opportunity(
            "Matrix rotation", skills=[("required", cls.python, cls.beginner)]
        )
        cls.draft = cls._opportunity("Matrix draft", state="draft")
        cls.application = cls.env["hr.career.opportunity.application"].create(
            {
                "opportunity_id": cls.opportunity.id,
                "employee_id": cls.emp_employee.id,
                "motivation": "Private motivation",
            }
        )
        cls.other_opportunity = cls._opportunity("Matrix second rotation")

    def _operate(self, user, model, operation):
        env = self.env(user=user)
        if model == "opportunity skill":
            self.opportunity.skill_ids.with_env(env).write(
                {"level_id": self.advanced.id}
            )
        elif model == "opportunity":
            record = self.opportunity.with_env(env)
            if operation == "read open":
                record.read(["name"])
            elif operation == "read draft":
                self.draft.with_env(env).read(["name"])
            elif operation == "create":
                env["hr.career.opportunity"].create(
                    {"name": "Matrix new", "owner_id": self.emp_owner.id}
                )
            elif operation == "write name":
                record.write({"name": "Renamed"})
            elif operation == "write owner":
                record.write({"owner_id": self.emp_colleague.id})
            else:
                record.unlink()
        else:
            record = self.application.with_env(env)
            if operation == "read motivation":
                record.read(["motivation"])
            elif operation == "create for the applicant":
                env["hr.career.opportunity.application"].create(
                    {
                        "opportunity_id": self.other_opportunity.id,
                        "employee_id": self.emp_employee.id,
                    }
                )
            elif operation == "write motivation":
                record.write({"motivation": "Changed"})
            elif operation == "write employee":
                record.write({"employee_id": self.emp_colleague.id})
            elif operation == "approve":
                record.action_approve()
            else:
                record.unlink()

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_access_matrix(self):
        self.assertAccessMatrix(MATRIX, ROLES)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_other_employee_finds_no_application(self):
        Application = self.env["hr.career.opportunity.application"]
        self.assertFalse(Application.with_user(self.user_colleague).search([]))
        self.assertEqual(
            Application.with_user(self.user_manager).search([]), self.application
        )
        with self.assertRaises(AccessError):
            self.application.with_user(self.user_colleague).read(["motivation"])


@tagged("post_install", "-at_install", "suite_upgrade")
class TestOpportunityRpc(JsonRpcMixin, OpportunityCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.opportunity = cls._opportunity("RPC rotation")
        cls.application = cls.env["hr.career.opportunity.application"].create(
            {
                "opportunity_id": cls.opportunity.id,
                "employee_id": cls.emp_employee.id,
                "motivation": "Private motivation",
            }
        )

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_rule")
    def test_rpc_refusals_change_nothing(self):
        model = "hr.career.opportunity.application"
        self.assertRpcRefused(
            "career_owner",
            model,
            "action_approve",
            [self.application.ids],
            error="odoo.exceptions.AccessError",
        )
        self.assertRpcRefused(
            "career_employee",
            model,
            "write",
            [self.application.ids, {"state": "approved"}],
            error="odoo.exceptions.AccessError",
        )
        self.assertRpcRefused(
            "career_colleague",
            model,
            "read",
            [self.application.ids, ["motivation"]],
            error="odoo.exceptions.AccessError",
        )
        self.assertRpcRefused(
            "career_employee",
            model,
            "create",
            [
                {
                    "opportunity_id": self.opportunity.id,
                    "employee_id": self.emp_colleague.id,
                }
            ],
            error="odoo.exceptions.AccessError",
        )
        self.assertRpcRefused(
            "career_employee",
            "hr.career.opportunity",
            "write",
            [self.opportunity.ids, {"seats": 9}],
            error="odoo.exceptions.AccessError",
        )
        self.env.invalidate_all()
        self.assertEqual(self.application.state, "interested")
        self.assertEqual(self.opportunity.seats, 1)
        self.assertEqual(
            self.env[model].search_count(
                [("opportunity_id", "=", self.opportunity.id)]
            ),
            1,
        )
        # the manager approves over RPC
        self.call_kw("career_manager", model, "action_approve", [self.application.ids])
        self.env.invalidate_all()
        self.assertEqual(self.application.state, "approved")
