# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The write policy of the mentoring models, generated from their
declarations (the pattern of hr_career_dev's test_field_policy): every stored
field, for each role, over the ORM; the refused side over JSON-RPC."""

from pathlib import Path

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from odoo.addons.hr_career_dev.tests.common import JsonRpcMixin
from odoo.addons.hr_career_dev.tests.test_field_policy import (
    POLICY_REFUSAL,
    FieldPolicyCase,
)

from .common import MentoringCase

MODELS = ("hr.career.mentor", "hr.career.mentorship", "hr.career.mentorship.session")


class MentoringPolicyCase(MentoringCase):
    _probe_value = FieldPolicyCase._probe_value
    _probed_fields = FieldPolicyCase._probed_fields
    _try = FieldPolicyCase._try
    _snapshot = FieldPolicyCase._snapshot

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mentor.capacity = 2
        cls.requested = cls._request(mentee=cls.emp_manager)
        cls.active = cls._request()
        cls.active.action_accept()
        cls.mentoring_session = cls.env["hr.career.mentorship.session"].create(
            {"mentorship_id": cls.active.id, "notes": "Session one"}
        )


@tagged("post_install", "-at_install")
class TestMentoringFieldPolicy(MentoringPolicyCase):
    def _cases(self):
        """(role, user, record)."""
        return [
            ("mentor on own profile", self.user_colleague, self.mentor),
            ("colleague on a profile", self.user_employee, self.mentor),
            ("mentee on a requested mentorship", self.user_manager, self.requested),
            ("mentee on an active mentorship", self.user_employee, self.active),
            ("mentor on a mentorship", self.user_colleague, self.active),
            ("mentee's manager on a mentorship", self.user_manager, self.active),
            ("outsider on a mentorship", self.user_skip, self.requested),
            ("mentee on a session", self.user_employee, self.mentoring_session),
            ("mentor on a session", self.user_colleague, self.mentoring_session),
            ("manager on a session", self.user_manager, self.mentoring_session),
        ]

    def test_write_every_stored_field_as_every_role(self):
        probed = 0
        for role, user, record in self._cases():
            as_user = record.with_user(user)
            roles = as_user._career_policy_roles()[record.id]
            state = record.sudo()["state"] if "state" in record._fields else None
            allowed = as_user._career_policy_allowed(roles, "write", state)
            for fname in self._probed_fields(record):
                value = self._probe_value(record, fname)
                if value is None:
                    continue
                probed += 1
                with self.subTest(role=role, model=record._name, field=fname):
                    before = self._snapshot(record, fname)
                    error = self._try(
                        lambda r=as_user, f=fname, v=value: r.write({f: v})
                    )
                    if fname in allowed:
                        self.assertFalse(
                            isinstance(error, AccessError)
                            and POLICY_REFUSAL in str(error),
                            f"{role} may set {fname}: {error}",
                        )
                    else:
                        self.assertIsInstance(
                            error, AccessError, f"{role} set {record._name}.{fname}"
                        )
                        self.assertEqual(self._snapshot(record, fname), before)
        self.assertGreater(probed, 100)

    def test_create_with_an_undeclared_field_is_refused(self):
        cases = [
            (
                self.user_skip,
                "hr.career.mentorship",
                {"mentor_id": self.mentor.id, "mentee_id": self.emp_skip.id},
            ),
            (
                self.user_employee,
                "hr.career.mentorship.session",
                {"mentorship_id": self.active.id, "notes": "Mine"},
            ),
            (
                self.user_colleague,
                "hr.career.mentorship.session",
                {"mentorship_id": self.active.id, "notes": "Mentor's"},
            ),
        ]
        for user, model_name, vals in cases:
            Model = self.env[model_name].with_user(user)
            self.assertIsNone(self._try(lambda M=Model, v=vals: M.create(v)))
            for fname, value in (
                ("company_id", self.company_b.id),
                ("state", "active"),
                ("date_start", "2031-01-01"),
            ):
                if fname not in Model._fields:
                    continue
                with self.subTest(model=model_name, field=fname):
                    error = self._try(
                        lambda M=Model, v=dict(vals, **{fname: value}): M.create(v)
                    )
                    self.assertIsInstance(error, AccessError)

    def test_readme_table_is_the_declaration(self):
        table = self.env["hr.career.policy.mixin"]._career_policy_markdown(
            module="hr_career_mentoring"
        )
        for model in MODELS:
            self.assertIn(f"`{model}`", table)
        usage = Path(__file__).parent.parent / "readme" / "USAGE.md"
        self.assertIn(table, usage.read_text(encoding="utf-8"), f"readme:\n{table}")


@tagged("post_install", "-at_install")
class TestMentoringPolicyRpc(JsonRpcMixin, MentoringPolicyCase, HttpCase):
    def test_mentee_cannot_accept_nor_read_notes_over_rpc(self):
        self.assertRpcRefused(
            "career_manager",
            "hr.career.mentorship",
            "action_accept",
            [[self.requested.id]],
            error="odoo.exceptions.AccessError",
        )
        self.assertRpcRefused(
            "career_manager",
            "hr.career.mentorship",
            "write",
            [[self.requested.id], {"state": "active"}],
            error="odoo.exceptions.AccessError",
        )
        self.assertRpcRefused(
            "career_hr",
            "hr.career.mentorship.session",
            "read",
            [[self.mentoring_session.id], ["notes"]],
            error="odoo.exceptions.AccessError",
        )
        counts = self.call_kw(
            "career_hr",
            "hr.career.mentorship",
            "read",
            [[self.active.id], ["session_count", "session_ids"]],
        )
        self.assertEqual(counts[0]["session_count"], 1)
        self.assertEqual(counts[0]["session_ids"], [])
        self.requested.invalidate_recordset()
        self.assertEqual(self.requested.state, "requested")
        self.call_kw(
            "career_colleague",
            "hr.career.mentorship",
            "action_accept",
            [[self.requested.id]],
        )
        self.requested.invalidate_recordset()
        self.assertEqual(self.requested.state, "active")
