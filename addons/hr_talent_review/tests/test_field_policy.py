# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The field write policy (hr.career.policy.mixin) of the performance addons,
generated from the declarations: every stored field of every model of
hr_performance_link, hr_performance_objective, hr_performance_feedback,
hr_review_cycle and hr_talent_review that declares a policy (the suite's
models and the hr.appraisal extension), for each role, over the ORM; a
sample over JSON-RPC. A field added later without a policy line is refused
to non-HR and the test names it."""

from pathlib import Path

from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.hr_career_dev.tests.common import JsonRpcMixin
from odoo.addons.hr_career_dev.tests.test_field_policy import (
    MAGIC,
    POLICY_REFUSAL,
    FieldPolicyCase,
)
from odoo.addons.mail.tests.common import mail_new_test_user

from .talent_common import TalentReviewCase, TalentReviewData

PERFORMANCE_ADDONS = (
    "hr_performance_link",
    "hr_performance_objective",
    "hr_performance_feedback",
    "hr_review_cycle",
    "hr_talent_review",
)


class PerformancePolicyData(TalentReviewData):
    """Eve's records of every model with a policy; Nick (another team's
    manager) invited to the talent review as a calibrator; an HR officer of
    another company."""

    # the probing helpers of hr_career_dev's generated test
    _probe_value = FieldPolicyCase._probe_value
    _probed_fields = FieldPolicyCase._probed_fields
    _try = FieldPolicyCase._try
    _snapshot = FieldPolicyCase._snapshot

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Policy B (test)"})
        cls.user_b_officer = mail_new_test_user(
            cls.env,
            login="pl_b_officer",
            name="Bea B-Officer",
            groups="base.group_user,hr.group_hr_user",
            company_id=cls.company_b.id,
            company_ids=[Command.set(cls.company_b.ids)],
        )
        cls.review.manager_ids = [Command.link(cls.user_other_manager.id)]
        cls.records = cls._policy_records()

    @classmethod
    def _policy_records(cls):
        """One record of each model with a policy, belonging to Eve."""
        env = cls.env
        appraisal = cls.appraisal
        # the objective line below moves the suggested rating away from Eve's
        appraisal.rating_justification = "Policy test"
        appraisal.action_confirm()
        goal = env["hr.career.goal"].create(
            {"name": "Policy goal", "employee_id": cls.employee.id}
        )
        objective = env["hr.performance.objective"].create(
            {
                "name": "Policy objective",
                "employee_id": cls.employee.id,
                "date_start": cls.today - relativedelta(days=30),
                "date_end": cls.today + relativedelta(days=30),
                "state": "active",
                "key_result_ids": [
                    Command.create({"name": "Policy KR", "target_value": 10})
                ],
            }
        )
        key_result = objective.key_result_ids
        appraisal_objective = env["hr.appraisal.objective"].create(
            {"appraisal_id": appraisal.id, "objective_id": objective.id}
        )
        checkin = env["hr.performance.checkin"].create(
            {
                "employee_id": cls.employee.id,
                "manager_id": cls.manager.id,
                "goal_line_ids": [Command.create({"goal_id": goal.id})],
                "key_result_line_ids": [
                    Command.create({"key_result_id": key_result.id})
                ],
            }
        )
        request = env["hr.feedback.request"].create(
            {"appraisal_id": appraisal.id, "reviewer_id": cls.reviewer.id}
        )
        answer = env["hr.feedback.answer"].create(
            {"request_id": request.id, "skill_id": cls.python.id}
        )
        nomination = env["hr.feedback.nomination"].create(
            {"appraisal_id": appraisal.id, "reviewer_id": cls.reviewer2.id}
        )
        cls._calibrating_data()
        line = cls.review.line_ids.filtered(lambda ln: ln.employee_id == cls.employee)
        placement = env["hr.talent.placement"].create(
            {
                "employee_id": cls.employee.id,
                "review_id": cls.review.id,
                "date": cls.today,
                "company_id": cls.company.id,
                "performance": "medium",
                "potential": "medium",
            }
        )
        cycle = env["hr.review.cycle"].create(
            {
                "name": "Policy cycle",
                "date_start": cls.today,
                "date_end": cls.today + relativedelta(days=60),
            }
        )
        failure = env["hr.review.cycle.failure"].create(
            {
                "cycle_id": cycle.id,
                "employee_id": cls.employee.id,
                "operation": "launch",
                "reason": "Policy",
            }
        )
        return {
            "hr.appraisal": appraisal,
            "hr.appraisal.skill": appraisal.skill_assessment_ids[:1],
            "hr.appraisal.objective": appraisal_objective,
            "hr.performance.objective": objective,
            "hr.performance.key.result": key_result,
            "hr.performance.checkin": checkin,
            "hr.performance.checkin.goal": checkin.goal_line_ids,
            "hr.performance.checkin.key.result": checkin.key_result_line_ids,
            "hr.feedback.request": request,
            "hr.feedback.answer": answer,
            "hr.feedback.nomination": nomination,
            "hr.talent.review": cls.review,
            "hr.talent.review.line": line,
            "hr.talent.placement": placement,
            "hr.talent.pool": env["hr.talent.pool"].create(
                {"name": "Policy pool", "company_id": cls.company.id}
            ),
            "hr.review.cycle": cycle,
            "hr.review.cycle.failure": failure,
        }

    @classmethod
    def _calibrating_data(cls):
        cls.review.action_populate()
        cls.review.action_start()

    @classmethod
    def _performance_models(cls):
        """The models of the performance addons with a policy."""
        Mixin = cls.env["hr.career.policy.mixin"]
        return sorted(
            name
            for addon in PERFORMANCE_ADDONS
            for name in Mixin._career_policy_models(addon)
        )


@tagged("post_install", "-at_install", "suite_upgrade")
class TestPerformanceFieldPolicy(PerformancePolicyData, TalentReviewCase):
    def _roles(self):
        """(role, user): on Eve's records."""
        return [
            ("employee on own record", self.user_employee),
            ("manager on a report's record", self.user_manager),
            ("manager outside the chain", self.user_other_manager),
            ("invited calibrator outside the chain", self.user_other_manager),
            ("portal user", self.user_portal),
            ("another company's HR officer", self.user_b_officer),
        ]

    def test_every_performance_model_is_walked(self):
        """Every suite model of the performance addons, and the hr.appraisal
        extension, declares a policy and has a record here."""
        self.assertEqual(sorted(self.records), self._performance_models())

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_write_every_stored_field_as_every_role(self):
        """Every declared field is allowed to its role (the record rules may
        still refuse it); every other stored field is refused with an
        AccessError and left unchanged."""
        probed = 0
        for role, user in self._roles():
            for model_name, record in self.records.items():
                record = record[:1]
                self.assertTrue(record, model_name)
                as_user = record.with_user(user)
                roles = as_user._career_policy_roles()[record.id]
                allowed = as_user._career_policy_allowed(
                    roles,
                    "write",
                    record.sudo()["state"] if "state" in record._fields else None,
                )
                for fname in self._probed_fields(record):
                    value = self._probe_value(record, fname)
                    if value is None:
                        continue
                    probed += 1
                    with self.subTest(role=role, model=model_name, field=fname):
                        before = self._snapshot(record, fname)
                        error = self._try(
                            lambda r=as_user, f=fname, v=value: r.write({f: v})
                        )
                        if fname in allowed:
                            self.assertFalse(
                                isinstance(error, AccessError)
                                and POLICY_REFUSAL in str(error),
                                f"{role} may set {model_name}.{fname}: {error}",
                            )
                        else:
                            self.assertIsInstance(
                                error,
                                AccessError,
                                f"{role} set {model_name}.{fname}, which the "
                                "policy does not allow",
                            )
                            self.assertEqual(self._snapshot(record, fname), before)
        self.assertGreater(probed, 500)

    def test_never_writable_whatever_the_declaration(self):
        """company_id and the stored computed fields without an inverse
        (progress, weighted progress, is_bound, scores, suggested rating,
        box, ...) are HR-only on every model."""
        for name in self._performance_models():
            model = self.env[name]
            never = model._career_policy_never()
            roles = set(model._career_policy) | {"employee", "manager"}
            allowed = model._career_policy_allowed(roles, "write")
            allowed |= model._career_policy_allowed(roles, "create")
            for state in set(
                key
                for by_role in model._career_policy_states.values()
                for by_op in by_role.values()
                for key in by_op
            ):
                allowed |= model._career_policy_allowed(roles, "write", state)
            with self.subTest(model=name):
                self.assertFalse(allowed & never)
                self.assertLessEqual(allowed, set(model._fields), "unknown fields")
        for name, fname in (
            ("hr.performance.objective", "progress"),
            ("hr.performance.key.result", "weighted_progress"),
            ("hr.performance.key.result", "is_bound"),
            ("hr.appraisal", "objective_score"),
            ("hr.appraisal", "competency_score"),
            ("hr.appraisal", "suggested_rating_id"),
            ("hr.talent.review.line", "box"),
            ("hr.appraisal", "company_id"),
            ("hr.feedback.request", "company_id"),
        ):
            self.assertIn(fname, self.env[name]._career_policy_never(), name)

    def test_a_field_without_a_policy_line_is_refused_and_named(self):
        """A field added later (a name no declaration knows) is refused to
        each role, named; the stored fields no line declares are HR-only."""
        for model_name, record in self.records.items():
            for _role, user in self._roles()[:3]:
                with self.subTest(model=model_name, user=user.login):
                    with self.assertRaisesRegex(AccessError, "x_policy_new_field"):
                        record[:1].with_user(user)._career_policy_check(
                            "write", [{"x_policy_new_field": 1}]
                        )
        for name in self._performance_models():
            model = self.env[name]
            undeclared = (
                set(self._probed_fields(model)) - model._career_policy_declared()
            )
            roles = set(model._career_policy) | {"employee", "manager"}
            allowed = (
                model._career_policy_allowed(roles, "write")
                - model._career_policy_mail_fields()
            )
            self.assertFalse(undeclared & allowed, name)

    def test_readme_tables_are_the_declaration(self):
        """Each addon's readme/USAGE.md holds the table of its models'
        policy, generated from the declarations."""
        Mixin = self.env["hr.career.policy.mixin"]
        addons_path = Path(__file__).parent.parent.parent
        for addon in PERFORMANCE_ADDONS:
            table = Mixin._career_policy_markdown(addon)
            if not Mixin._career_policy_models(addon):
                continue
            with self.subTest(addon=addon):
                usage = addons_path / addon / "readme" / "USAGE.md"
                self.assertIn(
                    table,
                    usage.read_text(encoding="utf-8"),
                    f"{addon}/readme/USAGE.md must hold the generated table:\n"
                    f"<<<{addon}\n{table}>>>",
                )

    def test_magic_fields_are_never_declared(self):
        for name in self._performance_models():
            self.assertFalse(
                MAGIC & self.env[name]._career_policy_declared(), f"{name} declares"
            )


@tagged("post_install", "-at_install", "suite_upgrade")
class TestPerformanceFieldPolicyRpc(JsonRpcMixin, PerformancePolicyData, HttpCase):
    """A sample over /web/dataset/call_kw, the web client's path."""

    @mute_logger("odoo.http")
    def test_manager_rates_but_sets_no_score_nor_company(self):
        appraisal = self.records["hr.appraisal"]
        self.call_kw(
            "pl_manager",
            "hr.appraisal",
            "write",
            [[appraisal.id], {"potential": "high"}],
        )
        for vals in (
            {"competency_score": 100.0},
            {"company_id": self.company_b.id},
            {"review_cycle_id": self.records["hr.review.cycle"].id},
        ):
            with self.subTest(vals=vals):
                self.assertRpcRefused(
                    "pl_manager",
                    "hr.appraisal",
                    "write",
                    [[appraisal.id], vals],
                    error="odoo.exceptions.AccessError",
                )
        appraisal.invalidate_recordset()
        self.assertEqual(appraisal.potential, "high")
        self.assertEqual(appraisal.company_id, self.company)
        self.assertFalse(appraisal.review_cycle_id)

    @mute_logger("odoo.http")
    def test_employee_updates_her_key_result_not_its_progress(self):
        key_result = self.records["hr.performance.key.result"]
        self.call_kw(
            "pl_employee",
            "hr.performance.key.result",
            "write",
            [[key_result.id], {"current_value": 4}],
        )
        for vals in (
            {"progress": 100.0},
            {"is_bound": True},
            {"source_model": "res.users"},
        ):
            with self.subTest(vals=vals):
                self.assertRpcRefused(
                    "pl_employee",
                    "hr.performance.key.result",
                    "write",
                    [[key_result.id], vals],
                    error="odoo.exceptions.AccessError",
                )
        key_result.invalidate_recordset()
        self.assertEqual(key_result.current_value, 4)
        self.assertEqual(key_result.progress, 40.0)
        self.assertFalse(key_result.is_bound)
