# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The field write policy (hr.career.policy.mixin), generated from the
declarations: every stored field of every model of hr_career_dev, for each
role, over the ORM; a sample over JSON-RPC; the readme's table."""

from pathlib import Path

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import JsonRpcMixin
from .opportunity_common import OpportunityCase

POLICY_REFUSAL = "Only HR officers can set"
SKIPPED_TYPES = ("binary", "reference", "properties", "properties_definition")
MAGIC = {"id", "create_uid", "create_date", "write_uid", "write_date"}


class _Rollback(Exception):
    pass


class FieldPolicyCase(OpportunityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_portal = mail_new_test_user(
            cls.env,
            login="career_policy_portal",
            name="Paula Portal",
            groups="base.group_portal",
        )
        cls.records = {cls.emp_employee: cls._suite_records(cls.emp_employee)}
        cls.records[cls.emp_skip] = cls._suite_records(cls.emp_skip)

    @classmethod
    def _suite_records(cls, employee):
        """One record of each model with a policy, belonging to ``employee``."""
        goal = cls.env["hr.career.goal"].create(
            {"name": f"Policy goal {employee.name}", "employee_id": employee.id}
        )
        plan = cls.env["hr.development.plan"].create({"employee_id": employee.id})
        action = cls.env["hr.development.action"].create(
            {"name": "Policy action", "plan_id": plan.id, "action_type": "other"}
        )
        opportunity = cls.env["hr.career.opportunity"].create(
            {
                "name": f"Policy opportunity {employee.name}",
                "owner_id": employee.id,
                "state": "open",
                "skill_ids": [
                    Command.create(
                        {"skill_id": cls.sql.id, "level_id": cls.advanced.id}
                    )
                ],
            }
        )
        applied_to = cls._opportunity(f"Policy rotation for {employee.name}")
        application = cls.env["hr.career.opportunity.application"].create(
            {"opportunity_id": applied_to.id, "employee_id": employee.id}
        )
        evidence = cls.env["hr.skill.evidence"].create(
            {
                "employee_id": employee.id,
                "skill_id": cls.js.id,
                "level_id": cls.beginner.id,
                "source": "Policy",
            }
        )
        return {
            "hr.career.goal": goal,
            "hr.development.plan": plan,
            "hr.development.action": action,
            "hr.career.opportunity": opportunity,
            "hr.career.opportunity.skill": opportunity.skill_ids,
            "hr.career.opportunity.application": application,
            "hr.skill.evidence": evidence,
        }

    # ------------------------------------------------------------ values
    def _probe_value(self, record, fname):
        """A value of ``fname`` different from ``record``'s (sudo), or None
        when the field cannot be probed."""
        field = record._fields[fname]
        current = record.sudo()[fname]
        if field.type in ("char", "text", "html"):
            return "Policy probe"
        if field.type == "integer":
            return (current or 0) + 1
        if field.type in ("float", "monetary"):
            return (current or 0.0) + 1.5
        if field.type == "boolean":
            return not current
        if field.type == "date":
            return "2031-03-03"
        if field.type == "datetime":
            return "2031-03-03 10:00:00"
        if field.type == "selection":
            keys = [
                key
                for key, _label in field._description_selection(self.env)
                if key != current
            ]
            return keys[0] if keys else None
        if field.type in ("many2one", "many2many"):
            other = (
                self.env[field.comodel_name]
                .sudo()
                .with_context(active_test=False)
                .search([("id", "not in", current.ids)], limit=1, order="id desc")
            )
            if not other:
                return None
            return other.id if field.type == "many2one" else [Command.set(other.ids)]
        if field.type == "one2many":
            return [Command.clear()]
        return None

    def _probed_fields(self, model):
        """The stored fields of ``model``, but followers, activities and
        messages (the mail rules decide, not this policy)."""
        mail = model._career_policy_mail_fields()
        return [
            fname
            for fname, field in model._fields.items()
            if field.store
            and fname not in MAGIC
            and fname not in mail
            and field.type not in SKIPPED_TYPES
        ]

    def _try(self, operate):
        """The exception ``operate()`` raises (None when it succeeds); rolled
        back either way."""
        try:
            with self.env.cr.savepoint():
                operate()
                self.env.flush_all()
                raise _Rollback()
        except _Rollback:
            return None
        except Exception as error:  # the caller tells which ones count
            return error
        finally:
            self.env.invalidate_all()

    def _snapshot(self, record, fname):
        record.invalidate_recordset()
        value = record.sudo()[fname]
        return value.ids if hasattr(value, "ids") else value


@tagged("post_install", "-at_install")
class TestFieldPolicy(FieldPolicyCase):
    def _roles(self):
        """(role, user, target employee, policy roles of the user there)."""
        return [
            ("employee on own record", self.user_employee, self.emp_employee),
            ("manager on a report's record", self.user_manager, self.emp_employee),
            ("manager outside the chain", self.user_manager, self.emp_skip),
            ("portal user", self.user_portal, self.emp_employee),
            ("another company's HR officer", self.user_b, self.emp_employee),
        ]

    def test_write_every_stored_field_as_every_role(self):
        """Every declared field is allowed to its role; every other stored
        field is refused with an AccessError and left unchanged."""
        probed = 0
        for role, user, target in self._roles():
            for model_name, record in self.records[target].items():
                record = record[:1]
                as_user = record.with_user(user)
                # the declaration's answer: only the own/organisation roles
                # have any field, whatever the user's other rights
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
        self.assertGreater(probed, 300)

    def test_create_with_an_undeclared_field_is_refused(self):
        """The employee and the manager create with the declared fields; one
        more field, any of them, is refused and named."""
        base = {
            "hr.career.goal": {"name": "Created goal"},
            "hr.development.action": {"name": "Created action", "action_type": "other"},
            "hr.career.opportunity": {"name": "Created opportunity"},
        }
        for role, user, policy_role in (
            ("employee", self.user_employee, "employee"),
            ("manager", self.user_manager, "manager"),
        ):
            target = self.emp_employee
            links = {
                "hr.career.goal": {"employee_id": target.id},
                "hr.development.action": {
                    "plan_id": self.records[target]["hr.development.plan"].id
                },
                "hr.career.opportunity": {"owner_id": target.id},
            }
            for model_name, vals in base.items():
                Model = self.env[model_name].with_user(user)
                declared = Model._career_policy_allowed({policy_role}, "create")
                vals = dict(vals, **links[model_name])
                if not set(vals) <= declared:
                    continue  # this role does not create these (rules say so)
                self.assertIsNone(
                    self._try(lambda M=Model, v=vals: M.create(v)),
                    f"{role} cannot create a {model_name} with the declared fields",
                )
                record = self.records[target][model_name]
                defaults = Model.default_get(list(Model._fields))
                for fname in self._probed_fields(Model):
                    if fname in declared or fname in vals:
                        continue
                    value = self._probe_value(record, fname)
                    if value is None or value == defaults.get(fname):
                        continue
                    with self.subTest(role=role, model=model_name, field=fname):
                        error = self._try(
                            lambda M=Model, v=dict(vals, **{fname: value}): M.create(v)
                        )
                        self.assertIsInstance(error, AccessError)
                        label = Model._fields[fname]._description_string(self.env)
                        self.assertIn(label, str(error))

    def test_never_writable_whatever_the_declaration(self):
        """company_id and stored computed fields without an inverse are
        HR-only on every model, even if a declaration named them."""
        for name in self.env["hr.career.policy.mixin"]._career_policy_models():
            model = self.env[name]
            never = model._career_policy_never()
            if "company_id" in model._fields:
                self.assertIn("company_id", never, name)
            computed = {
                fname
                for fname, field in model._fields.items()
                if field.store
                and field.compute
                and not field.inverse
                and field.readonly
            }
            self.assertLessEqual(computed, never, name)
            every = set(model._fields)
            allowed = model._career_policy_allowed(
                set(model._career_policy) | {"employee", "manager"}, "write"
            ) | model._career_policy_allowed(
                set(model._career_policy) | {"employee", "manager"}, "create"
            )
            self.assertFalse(allowed & never, name)
            self.assertLessEqual(allowed, every, f"{name} declares unknown fields")

    def test_a_field_without_a_policy_line_is_refused_and_named(self):
        """A field added later (here a name no declaration knows) is refused
        to the employee on her own goal and to her manager, in words naming
        it; the fields of each model that no line allows are HR-only."""
        goal = self.records[self.emp_employee]["hr.career.goal"]
        for user in (self.user_employee, self.user_manager):
            with self.assertRaisesRegex(AccessError, "x_career_new_field"):
                goal.with_user(user)._career_policy_check(
                    "write", [{"x_career_new_field": 1}]
                )
        for name in self.env["hr.career.policy.mixin"]._career_policy_models():
            model = self.env[name]
            declared = model._career_policy_declared()
            undeclared = set(self._probed_fields(model)) - declared
            allowed = (
                model._career_policy_allowed(
                    set(model._career_policy) | {"employee", "manager"}, "write"
                )
                - model._career_policy_mail_fields()
            )
            self.assertFalse(undeclared & allowed, name)

    def test_host_model_fields_are_not_written_by_non_hr(self):
        """hr_career_dev's stored fields on host models (hr.employee,
        res.company): nobody but HR writes them, whatever the role."""
        fields_data = self.env["ir.model.data"].search(
            [("module", "=", "hr_career_dev"), ("model", "=", "ir.model.fields")]
        )
        suite = set(self.env["hr.career.policy.mixin"]._career_policy_models())
        host_fields = [
            field
            for field in self.env["ir.model.fields"].browse(
                fields_data.mapped("res_id")
            )
            if field.store
            and field.model not in suite
            and field.model in ("hr.employee", "res.company")
        ]
        self.assertTrue(host_fields)
        records = {"hr.employee": self.emp_employee, "res.company": self.company_a}
        for role, user, _target in self._roles():
            for field in host_fields:
                record = records[field.model]
                value = self._probe_value(record, field.name)
                if value is None:
                    continue
                with self.subTest(role=role, field=f"{field.model}.{field.name}"):
                    before = self._snapshot(record, field.name)
                    as_user = record.with_user(user)
                    error = self._try(
                        lambda r=as_user, f=field.name, v=value: r.write({f: v})
                    )
                    self.assertIsInstance(error, AccessError)
                    self.assertEqual(self._snapshot(record, field.name), before)

    def test_readme_table_is_the_declaration(self):
        table = self.env["hr.career.policy.mixin"]._career_policy_markdown(
            "hr_career_dev"
        )
        usage = Path(__file__).parent.parent / "readme" / "USAGE.md"
        self.assertIn(
            table,
            usage.read_text(encoding="utf-8"),
            f"readme/USAGE.md must hold the generated table:\n{table}",
        )
        self.assertIn("| `hr.development.action` | `state` | ✗ | ✓ |", table)


@tagged("post_install", "-at_install")
class TestFieldPolicyRpc(JsonRpcMixin, FieldPolicyCase, HttpCase):
    """A sample over /web/dataset/call_kw: the web client's path."""

    def test_employee_sets_her_progress_not_her_company(self):
        goal = self.records[self.emp_employee]["hr.career.goal"]
        self.call_kw(
            "career_employee", "hr.career.goal", "write", [[goal.id], {"progress": 40}]
        )
        goal.invalidate_recordset()
        self.assertEqual(goal.progress, 40)
        for vals in (
            {"company_id": self.company_b.id},
            {"state_sequence": 5},
            {"employee_id": self.emp_colleague.id},
        ):
            with self.subTest(vals=vals):
                self.assertRpcRefused(
                    "career_employee",
                    "hr.career.goal",
                    "write",
                    [[goal.id], vals],
                    error="odoo.exceptions.AccessError",
                )
        goal.invalidate_recordset()
        self.assertEqual(goal.company_id, self.company_a)
        self.assertEqual(goal.employee_id, self.emp_employee)

    def test_manager_plans_but_does_not_move_a_plan(self):
        plan = self.records[self.emp_employee]["hr.development.plan"]
        self.call_kw(
            "career_manager",
            "hr.development.plan",
            "write",
            [[plan.id], {"note": "<p>Quarterly review</p>"}],
        )
        for vals in ({"progress": 100.0}, {"employee_id": self.emp_colleague.id}):
            with self.subTest(vals=vals):
                self.assertRpcRefused(
                    "career_manager",
                    "hr.development.plan",
                    "write",
                    [[plan.id], vals],
                    error="odoo.exceptions.AccessError",
                )
        plan.invalidate_recordset()
        self.assertEqual(plan.employee_id, self.emp_employee)
        self.assertEqual(plan.progress, 0.0)

    def test_employee_only_follows_up_her_action(self):
        action = self.records[self.emp_employee]["hr.development.action"]
        self.call_kw(
            "career_employee",
            "hr.development.action",
            "write",
            [[action.id], {"state": "in_progress"}],
        )
        self.assertRpcRefused(
            "career_employee",
            "hr.development.action",
            "write",
            [[action.id], {"date_due": "2030-01-01"}],
            error="odoo.exceptions.AccessError",
        )
        action.invalidate_recordset()
        self.assertEqual(action.state, "in_progress")
        self.assertFalse(action.date_due)


@tagged("post_install", "-at_install")
class TestTypedBounds(FieldPolicyCase):
    """Bounds on what a person types (value_checks.check_typed_bounds):
    refused in words, nothing kept, at the limit accepted."""

    def _refused(self, record, vals, words):
        before = {name: self._snapshot(record, name) for name in vals}
        with self.assertRaisesRegex(ValidationError, words):
            with self.env.cr.savepoint():
                record.write(vals)
                self.env.flush_all()
        self.env.invalidate_all()
        for name, value in before.items():
            self.assertEqual(self._snapshot(record, name), value, name)

    def test_a_manager_types_within_bounds(self):
        action = self.records[self.emp_employee]["hr.development.action"]
        plan = self.records[self.emp_employee]["hr.development.plan"]
        action = action.with_user(self.user_manager)
        plan = plan.with_user(self.user_manager)
        self._refused(action, {"name": "x" * 257}, "limited to 256 characters")
        self._refused(action, {"note": "x" * 10_001}, "limited to 10000 characters")
        self._refused(
            plan, {"note": "<p>" + "x" * 110_000 + "</p>"}, "limited to 100000 bytes"
        )
        for day in ("9999-12-31", "2201-01-01"):
            with self.subTest(day=day):
                self._refused(action, {"date_due": day}, "between 1900-01-01 and")
        # typed dates are checked before anything is computed (the model's own
        # past-due rule would refuse it too)
        self._refused(action, {"date_due": "1899-12-31"}, "between 1900-01-01 and")
        self._refused(plan, {"date_start": "1899-12-31"}, "between 1900-01-01 and")
        self._refused(plan, {"date_end": "9999-12-31"}, "between 1900-01-01 and")
        action.write({"name": "y" * 256, "date_due": "2200-12-31"})
        self.assertEqual(len(action.name), 256)

    def test_create_out_of_bounds_stores_nothing(self):
        Opportunity = self.env["hr.career.opportunity"].with_user(self.user_employee)
        with self.assertRaisesRegex(ValidationError, "Description"):
            with self.env.cr.savepoint():
                Opportunity.create(
                    {
                        "name": "Too long",
                        "owner_id": self.emp_employee.id,
                        "description": "x" * 10_001,
                    }
                )
        self.assertFalse(
            self.env["hr.career.opportunity"].search([("name", "=", "Too long")])
        )


@tagged("post_install", "-at_install")
class TestTypedBoundsRpc(JsonRpcMixin, FieldPolicyCase, HttpCase):
    def test_a_date_in_year_9999_is_a_message_not_a_500(self):
        action = self.records[self.emp_employee]["hr.development.action"]
        self.assertRpcRefused(
            "career_manager",
            "hr.development.action",
            "write",
            [[action.id], {"date_due": "9999-12-31"}],
            error="odoo.exceptions.ValidationError",
        )
        action.invalidate_recordset()
        self.assertFalse(action.date_due)
