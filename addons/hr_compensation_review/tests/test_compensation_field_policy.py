# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The field write policy of the review lines, generated from the
declaration as hr_career_dev's test_field_policy: every stored field, for
every role, over the ORM; the readme's table."""

from pathlib import Path

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

from odoo.addons.hr_career_dev.tests.test_field_policy import (
    MAGIC,
    POLICY_REFUSAL,
    SKIPPED_TYPES,
    FieldPolicyCase,
)

from .compensation_common import CompensationData


@tagged("post_install", "-at_install")
class TestCompensationFieldPolicy(CompensationData, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._open()

    # the helpers of hr_career_dev's generated test
    _probe_value = FieldPolicyCase._probe_value
    _try = FieldPolicyCase._try
    _snapshot = FieldPolicyCase._snapshot

    def _probed_fields(self, model):
        mail = model._career_policy_mail_fields()
        return [
            fname
            for fname, field in model._fields.items()
            if field.store
            and fname not in MAGIC
            and fname not in mail
            and field.type not in SKIPPED_TYPES
        ]

    def test_write_every_stored_field_as_every_role(self):
        """The manager sets the declared fields of their organisation's lines
        while the review is open; every other field, and every field for
        every other role, is refused and left unchanged."""
        roles = [
            ("manager on a report's line", self.user_manager, self.employee, True),
            ("manager on their own line", self.user_manager, self.manager, False),
            (
                "manager outside the chain",
                self.user_other_manager,
                self.employee,
                False,
            ),
            ("employee on their own line", self.user_employee, self.employee, False),
            ("portal user", self.user_portal, self.employee, False),
            ("another company's Compensation", self.user_b, self.employee, False),
        ]
        probed = 0
        for role, user, target, may in roles:
            line = self._cline(target)
            as_user = line.with_user(user)
            allowed = as_user._career_policy_allowed(
                as_user._career_policy_roles()[line.id], "write", line.state
            )
            self.assertEqual(bool(allowed), may, role)
            for fname in self._probed_fields(line):
                value = self._probe_value(line, fname)
                if value is None:
                    continue
                if fname in ("increase_percent", "new_wage", "justification"):
                    # stay within what the constraints accept
                    value = {
                        "increase_percent": line.guideline_min,
                        "new_wage": line.current_wage * (1 + line.guideline_max / 100),
                        "justification": "Policy probe",
                    }[fname]
                probed += 1
                with self.subTest(role=role, field=fname):
                    before = self._snapshot(line, fname)
                    error = self._try(
                        lambda r=as_user, f=fname, v=value: r.write({f: v})
                    )
                    if fname in allowed:
                        self.assertIsNone(error, f"{role} may set {fname}: {error}")
                    else:
                        self.assertIsInstance(error, AccessError, f"{role} set {fname}")
                        self.assertEqual(self._snapshot(line, fname), before)
        self.assertGreater(probed, 100)

    def test_nothing_but_the_proposal_is_declared(self):
        Line = self.env["hr.compensation.review.line"]
        self.assertEqual(
            Line._career_policy_allowed({"manager"}, "write"),
            {"increase_percent", "new_wage", "new_job_id", "justification"},
        )
        self.assertFalse(Line._career_policy_allowed({"employee"}, "write"))
        self.assertFalse(Line._career_policy_allowed({"manager"}, "create"))
        with self.assertRaisesRegex(AccessError, POLICY_REFUSAL):
            self._cline(self.employee).with_user(
                self.user_manager
            )._career_policy_check("write", [{"x_compensation_new_field": 1}])

    def test_readme_table_is_the_declaration(self):
        table = self.env["hr.career.policy.mixin"]._career_policy_markdown(
            names=["hr.compensation.review.line"]
        )
        usage = Path(__file__).parent.parent / "readme" / "USAGE.md"
        self.assertIn(
            table,
            usage.read_text(encoding="utf-8"),
            f"readme/USAGE.md must hold the generated table:\n{table}",
        )
