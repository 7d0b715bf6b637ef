# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 18 over JSON-RPC (``/web/dataset/call_kw``), the way the issue reached
the models as logged-in employees; after each refusal nothing changed."""

from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.hr_career_dev.tests.common import JsonRpcMixin
from odoo.addons.hr_performance_link.tests.common import AppraisalTrustData

ACCESS_ERROR = "odoo.exceptions.AccessError"


@tagged("post_install", "-at_install", "suite_upgrade")
class TestAppraisalTrustRpc(JsonRpcMixin, AppraisalTrustData, HttpCase):
    def _confirm_as_manager(self):
        self.call_kw(
            "pl_manager", "hr.appraisal", "action_confirm", [self.appraisal.ids]
        )
        return self.appraisal.skill_assessment_ids

    @mute_logger("odoo.http")
    def test_f1_colleague_appraising_a_colleague_is_refused(self):
        skills_before = self._skill_levels(self.colleague)
        self.assertRpcRefused(
            "pl_employee",
            "hr.appraisal",
            "create",
            [
                {
                    "employee_id": self.colleague.id,
                    "manager_ids": [Command.set(self.employee.ids)],
                    "date_close": str(self.today),
                }
            ],
            error=ACCESS_ERROR,
        )
        self.assertFalse(
            self.env["hr.appraisal"].search([("employee_id", "=", self.colleague.id)])
        )
        self.assertEqual(self._skill_levels(self.colleague), skills_before)

    @mute_logger("odoo.http")
    def test_f2_employee_plants_no_line_with_commands(self):
        lines = self._confirm_as_manager()
        self.assertTrue(lines)
        self.assertRpcRefused(
            "pl_employee",
            "hr.appraisal",
            "write",
            [
                self.appraisal.ids,
                {
                    "skill_assessment_ids": [
                        Command.create(
                            {
                                "skill_id": self.cobol.id,
                                "assessed_level_id": self.expert.id,
                            }
                        ),
                    ]
                },
            ],
            error=ACCESS_ERROR,
        )
        python = self._line(self.appraisal, self.python)
        self.assertRpcRefused(
            "pl_employee",
            "hr.appraisal.skill",
            "write",
            [python.ids, {"assessed_level_id": self.expert.id}],
            error=ACCESS_ERROR,
        )
        self.appraisal.invalidate_recordset()
        python.invalidate_recordset()
        self.assertEqual(self.appraisal.skill_assessment_ids, lines)
        self.assertFalse(python.assessed_level_id)
        # the employee's own part goes through
        self.call_kw(
            "pl_employee",
            "hr.appraisal",
            "write",
            [
                self.appraisal.ids,
                {
                    "skill_assessment_ids": [
                        Command.update(python.id, {"self_level_id": self.expert.id})
                    ]
                },
            ],
        )
        python.invalidate_recordset()
        self.assertEqual(python.self_level_id, self.expert)

    @mute_logger("odoo.http")
    def test_f3_colleague_completes_and_deletes_nothing(self):
        lines = self._confirm_as_manager()
        for method, args in (
            ("write", [self.appraisal.ids, {"state": "3_done"}]),
            ("action_done", [self.appraisal.ids]),
            ("unlink", [self.appraisal.ids]),
            ("read", [self.appraisal.ids, ["target_job_readiness"]]),
        ):
            with self.subTest(method=method):
                self.assertRpcRefused(
                    "pl_mallory", "hr.appraisal", method, args, error=ACCESS_ERROR
                )
        self.appraisal.invalidate_recordset()
        self.assertEqual(self.appraisal.state, "2_pending")
        self.assertEqual(self.appraisal.skill_assessment_ids, lines)

    @mute_logger("odoo.http")
    def test_f4_uninvited_reviewer_and_reopening_are_refused(self):
        Request = self.env["hr.feedback.request"]
        self.assertRpcRefused(
            "pl_mallory",
            "hr.feedback.request",
            "create",
            [
                {
                    "appraisal_id": self.appraisal.id,
                    "employee_id": self.employee.id,
                    "reviewer_id": self.colleague.id,
                    "state": "requested",
                }
            ],
            error=ACCESS_ERROR,
        )
        self.assertFalse(Request.search([("appraisal_id", "=", self.appraisal.id)]))
        # the manager asks the reviewer; a create without deadline works
        request_id = self.call_kw(
            "pl_manager",
            "hr.feedback.request",
            "create",
            [{"appraisal_id": self.appraisal.id, "reviewer_id": self.reviewer.id}],
        )
        request = Request.browse(request_id)
        self.assertEqual(request.date_deadline, self.appraisal.date_close)
        self.call_kw(
            "pl_manager", "hr.feedback.request", "action_request", [[request_id]]
        )
        answer = request.answer_ids[:1]
        # every competency is rated
        self.call_kw(
            "pl_reviewer",
            "hr.feedback.answer",
            "write",
            [request.answer_ids.ids, {"rating": 5}],
        )
        self.call_kw(
            "pl_reviewer", "hr.feedback.request", "action_submit", [[request_id]]
        )
        for model, ids, vals in (
            ("hr.feedback.request", [request_id], {"state": "requested"}),
            ("hr.feedback.request", [request_id], {"employee_id": self.colleague.id}),
            ("hr.feedback.answer", answer.ids, {"rating": 1}),
        ):
            with self.subTest(model=model, vals=vals):
                self.assertRpcRefused(
                    "pl_reviewer", model, "write", [ids, vals], error=ACCESS_ERROR
                )
        request.invalidate_recordset()
        answer.invalidate_recordset()
        self.assertEqual(request.state, "answered")
        self.assertEqual(request.employee_id, self.employee)
        self.assertEqual(answer.rating, 5)

    @mute_logger("odoo.http")
    def test_f5_colleague_files_no_checkin(self):
        self.assertRpcRefused(
            "pl_mallory",
            "hr.performance.checkin",
            "create",
            [
                {
                    "employee_id": self.employee.id,
                    "manager_id": self.colleague.id,
                    "date": str(self.today),
                }
            ],
            error=ACCESS_ERROR,
        )
        self.assertFalse(
            self.env["hr.performance.checkin"].search(
                [("employee_id", "=", self.employee.id)]
            )
        )

    def test_f6_hr_manager_confirms(self):
        self.call_kw(
            "pl_hr_manager", "hr.appraisal", "action_confirm", [self.appraisal.ids]
        )
        self.assertEqual(self.appraisal.state, "2_pending")
        self.assertEqual(len(self.appraisal.skill_assessment_ids), 4)

    def test_f7_state_written_by_the_manager_applies_once(self):
        self._confirm_as_manager()
        sql = self._line(self.appraisal, self.sql)
        self.call_kw(
            "pl_manager",
            "hr.appraisal.skill",
            "write",
            [sql.ids, {"assessed_level_id": self.intermediate.id}],
        )
        self.call_kw(
            "pl_manager",
            "hr.appraisal",
            "write",
            [self.appraisal.ids, {"state": "3_done"}],
        )
        self.assertEqual(self._skill_levels(self.employee)[self.sql], self.intermediate)
        self.appraisal.invalidate_recordset()
        self.assertTrue(self.appraisal.career_applied)
        self.assertTrue(self.appraisal.development_plan_id)
