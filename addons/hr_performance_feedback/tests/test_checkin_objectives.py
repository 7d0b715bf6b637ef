# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.hr_performance_objective.tests.objective_common import ObjectiveCase


@tagged("post_install", "-at_install")
class TestCheckinObjectives(ObjectiveCase):
    def _checkin(self, employee):
        return (
            self.env["hr.performance.checkin"]
            .with_user(self.user_manager)
            .create({"employee_id": employee.id, "date": self.today})
        )

    def test_checkin_lists_active_objectives_and_updates_key_results(self):
        checkin = self._checkin(self.employee)
        self.assertEqual(checkin.objective_ids, self.obj_employee)
        checkin.action_load_objectives()
        lines = checkin.key_result_line_ids
        self.assertEqual(lines.key_result_id, self.kr_features | self.kr_docs)
        feature_line = lines.filtered(
            lambda line: line.key_result_id == self.kr_features
        )
        self.assertEqual(feature_line.previous_value, 5)
        feature_line.value = 9
        self.assertEqual(self.kr_features.current_value, 5)  # not before done
        checkin.action_done()
        self.assertEqual(self.kr_features.current_value, 9)
        self.assertEqual(self.obj_employee.progress, 45)
        self.assertIn("Features shipped: 5 → 9", self.obj_employee.message_ids[0].body)
        # loading again adds nothing
        checkin.action_draft()
        checkin.action_load_objectives()
        self.assertEqual(len(checkin.key_result_line_ids), 2)

    def test_draft_and_other_periods_are_not_listed(self):
        self.obj_employee.action_draft()
        self.assertFalse(self._checkin(self.employee).objective_ids)

    def test_bad_value_in_a_checkin_is_refused(self):
        checkin = self._checkin(self.employee)
        checkin.action_load_objectives()
        docs_line = checkin.key_result_line_ids.filtered(
            lambda line: line.key_result_id == self.kr_docs
        )
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            docs_line.value = 4
        self.env.invalidate_all()
        self.assertEqual(docs_line.value, 0)

    def test_a_colleagues_key_result_cannot_be_reported(self):
        checkin = self._checkin(self.employee)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.env["hr.performance.checkin.key.result"].create(
                {"checkin_id": checkin.id, "key_result_id": self.kr_bugs.id}
            )
        self.assertFalse(checkin.key_result_line_ids)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_employee_reads_but_does_not_report_key_result_values(self):
        checkin = self._checkin(self.employee)
        checkin.action_load_objectives()
        line = checkin.key_result_line_ids[:1]
        as_employee = line.with_user(self.user_employee)
        self.assertEqual(as_employee.previous_value, line.previous_value)
        with self.assertRaises(AccessError):
            as_employee.write({"value": 99})
        with self.assertRaises(AccessError):
            self.env["hr.performance.checkin.key.result"].with_user(
                self.user_employee
            ).create({"checkin_id": checkin.id, "key_result_id": self.kr_docs.id})
        with self.assertRaises(AccessError):
            line.with_user(self.user_outsider).read(["value"])
        self.env.invalidate_all()
        self.assertEqual(line.value, line.previous_value)
        self.assertEqual(len(checkin.key_result_line_ids), 2)
