# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 27, findings 1, 6, 7 and 9 on objectives, key results and the
appraisal's rating, tried from the refused side (ORM and JSON-RPC)."""

import math

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged

from odoo.addons.hr_career_dev.tests.common import JsonRpcMixin

from .objective_common import ObjectiveCase

COMPLETED = "[('partner_id', '=', partner_id), ('member_status', '=', 'completed')]"


class TrustFindingsMixin:
    def _refused(self, record, vals, errors=(AccessError, ValidationError)):
        """``record.write(vals)`` raises one of ``errors``; nothing is kept."""
        before = record.sudo().read(list(vals))[0] if record else None
        caught = None
        try:
            with self.env.cr.savepoint():
                record.write(vals)
                self.env.flush_all()
        except errors as error:
            caught = error
        self.env.invalidate_all()
        self.assertIsNotNone(caught, f"{record} accepted {vals}")
        if record:
            self.assertEqual(record.sudo().read(list(vals))[0], before)
        return caught


@tagged("post_install", "-at_install", "suite_upgrade")
class TestObjectiveTrustFindings(TrustFindingsMixin, ObjectiveCase):
    def test_finding1_employee_cannot_break_the_roll_up(self):
        """Her own objective's weight 1.7e308, a key result's weighted
        progress or ``is_bound`` by hand: refused; every key result still
        updates and the recount job runs."""
        objective = self.obj_employee.with_user(self.user_employee)
        key_result = self.kr_features.with_user(self.user_employee)
        for record, vals in (
            (objective, {"weight": 1.7e308}),
            (key_result, {"weight": 1.7e308}),
            (key_result, {"weighted_progress": 1.7e308}),
            (key_result, {"progress": float("nan")}),
            (key_result, {"is_bound": True}),
        ):
            with self.subTest(model=record._name, vals=vals):
                self._refused(record, vals)
        self.kr_bugs.with_user(self.user_reviewer).write({"current_value": 5})
        self.env["hr.performance.key.result"]._cron_refresh_bound_values()
        for objective in self.obj_company | self.obj_rnd | self.obj_employee:
            self.assertFalse(math.isnan(objective.progress), objective.name)
            self.assertLessEqual(objective.progress, 100.0, objective.name)

    def test_finding6_employee_sets_no_progress_nor_binding(self):
        objective = self.obj_employee.with_user(self.user_employee)
        self._refused(objective, {"progress": 100.0}, AccessError)
        # a weight of 1e9 would carry the department and the company
        self._refused(objective, {"weight": 1e9}, ValidationError)
        bound = self.env["hr.performance.key.result"].create(
            {
                "objective_id": self.obj_employee.id,
                "name": "Courses completed",
                "target_value": 3,
                "source_model": "slide.channel.partner",
                "source_domain": COMPLETED,
            }
        )
        as_eve = bound.with_user(self.user_employee)
        self._refused(as_eve, {"is_bound": False}, AccessError)
        self._refused(as_eve, {"current_value": 3}, (AccessError, UserError))
        self._refused(
            as_eve, {"is_bound": False, "current_value": 3}, (AccessError, UserError)
        )
        self.assertTrue(bound.is_bound)

    def test_finding6_manager_cannot_skip_the_justification(self):
        appraisal = self.appraisal.with_user(self.user_manager)
        rating = self.env["hr.performance.rating"].search(
            [("company_id", "=", self.company.id)], limit=1
        )
        for vals in (
            {"objective_score": 100.0},
            {"competency_score": 100.0},
            {"suggested_rating_id": rating.id},
        ):
            with self.subTest(vals=vals):
                self._refused(appraisal, vals, AccessError)

    def test_finding7_parent_names_no_unreadable_objective(self):
        """Oscar's individual objective is not Eve's to read: pointing hers
        at it is refused without its name."""
        objective = self.obj_employee.with_user(self.user_employee)
        with self.assertRaises(AccessError):
            self.obj_outsider.with_user(self.user_employee).read(["name"])
        error = self._refused(objective, {"parent_id": self.obj_outsider.id})
        self.assertNotIn("Sell (test)", str(error))
        try:
            with self.env.cr.savepoint():
                self.env["hr.performance.objective"].with_user(
                    self.user_employee
                ).create(
                    {
                        "name": "Mine",
                        "employee_id": self.employee.id,
                        "date_start": self.date_start,
                        "date_end": self.date_end,
                        "parent_id": self.obj_outsider.id,
                    }
                )
        except (AccessError, ValidationError) as error:
            self.assertNotIn("Sell (test)", str(error))
        else:
            self.fail("an objective contributes to one its author cannot read")

    def test_finding9_rating_justification_is_bounded(self):
        appraisal = self.appraisal.with_user(self.user_manager)
        error = self._refused(
            appraisal, {"rating_justification": "x" * 2_000_000}, ValidationError
        )
        self.assertIn("10000", str(error))
        appraisal.write({"rating_justification": "x" * 10_000})
        self.assertEqual(len(self.appraisal.rating_justification), 10_000)


@tagged("post_install", "-at_install", "suite_upgrade")
class TestObjectiveTrustFindingsRpc(JsonRpcMixin, ObjectiveCase, HttpCase):
    def test_finding9_enormous_weight_is_a_message(self):
        """Over JSON-RPC: a ValidationError in words, never an OverflowError,
        and nothing stored."""
        for model, record, vals in (
            ("hr.performance.objective", self.obj_employee, {"weight": 1e308}),
            ("hr.performance.key.result", self.kr_features, {"weight": 1e308}),
            ("hr.performance.key.result", self.kr_features, {"current_value": 1e308}),
        ):
            with self.subTest(model=model, vals=vals):
                self.assertRpcRefused(
                    "pl_employee",
                    model,
                    "write",
                    [[record.id], vals],
                    error="odoo.exceptions.ValidationError",
                )
        self.env.invalidate_all()
        self.assertEqual(self.obj_employee.weight, 3.0)
        self.assertEqual(self.kr_features.weight, 1.0)
        self.assertEqual(self.kr_features.current_value, 5.0)
