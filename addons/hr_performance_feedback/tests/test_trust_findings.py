# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 27, findings 2, 5 and 9 on appraisals, 360° requests, check-ins and
assessment lines, tried from the refused side (ORM and JSON-RPC)."""

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.hr_career_dev.tests.common import JsonRpcMixin
from odoo.addons.hr_performance_link.tests.common import (
    AppraisalTrustCase,
    AppraisalTrustData,
)

from ..models.hr_appraisal import NOMINATE_PARAM


class FeedbackFindingsData(AppraisalTrustData):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Findings B (test)"})
        cls.appraisal.action_confirm()
        cls.line = cls.appraisal.skill_assessment_ids[:1]
        cls.request = cls.env["hr.feedback.request"].create(
            {
                "appraisal_id": cls.appraisal.id,
                "reviewer_id": cls.reviewer.id,
                "anonymous": True,
            }
        )
        cls.checkin = cls.env["hr.performance.checkin"].create(
            {"employee_id": cls.employee.id, "manager_id": cls.manager.id}
        )


@tagged("post_install", "-at_install", "suite_upgrade")
class TestFeedbackTrustFindings(FeedbackFindingsData, AppraisalTrustCase):
    def test_finding2_manager_moves_nothing_to_another_company(self):
        for record in (self.appraisal, self.request, self.checkin, self.line):
            with self.subTest(model=record._name):
                self.assertTrue(record)
                with self.assertRaises(AccessError):
                    with self.env.cr.savepoint():
                        record.with_user(self.user_manager).write(
                            {"company_id": self.company_b.id}
                        )
                        self.env.flush_all()
                self.env.invalidate_all()
                self.assertEqual(record.company_id, self.company)

    def test_finding5_nomination_does_not_tell_who_was_asked(self):
        """Rita is already asked, anonymously; Rob is not. Eve nominates
        both: the same answer for each, naming nobody."""
        self.env["ir.config_parameter"].set_param(NOMINATE_PARAM, "1")
        self.request.action_request()
        Request = self.env["hr.feedback.request"].with_user(self.user_employee)
        outcomes = {}
        for reviewer in (self.reviewer, self.reviewer2):
            try:
                with self.env.cr.savepoint():
                    Request.create(
                        {"appraisal_id": self.appraisal.id, "reviewer_id": reviewer.id}
                    )
                    self.env.flush_all()
                outcomes[reviewer.name] = "accepted"
            except Exception as error:  # the message is what is compared
                self.assertNotIn("Rita Reviewer", str(error))
                outcomes[reviewer.name] = type(error).__name__
        self.assertEqual(outcomes["Rita Reviewer"], outcomes["Rob Reviewer"])


@tagged("post_install", "-at_install", "suite_upgrade")
class TestFeedbackTrustFindingsRpc(JsonRpcMixin, FeedbackFindingsData, HttpCase):
    @mute_logger("odoo.http")
    def test_finding2_over_rpc(self):
        self.assertRpcRefused(
            "pl_manager",
            "hr.appraisal",
            "write",
            [[self.appraisal.id], {"company_id": self.company_b.id}],
            error="odoo.exceptions.AccessError",
        )
        self.appraisal.invalidate_recordset()
        self.assertEqual(self.appraisal.company_id, self.company)

    @mute_logger("odoo.http")
    def test_finding9_checkin_in_year_9999_is_a_message(self):
        for vals in ({"date": "9999-12-31"}, {"date": "1899-12-31"}):
            with self.subTest(vals=vals):
                self.assertRpcRefused(
                    "pl_manager",
                    "hr.performance.checkin",
                    "write",
                    [[self.checkin.id], vals],
                    error="odoo.exceptions.ValidationError",
                )
        self.assertRpcRefused(
            "pl_manager",
            "hr.performance.checkin",
            "create",
            [{"employee_id": self.employee.id, "date": "9999-12-31"}],
            error="odoo.exceptions.ValidationError",
        )
        self.checkin.invalidate_recordset()
        self.assertEqual(self.checkin.date, self.today)
