# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Confidentiality from the refused side: ORM, JSON-RPC, portal."""

import json

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.hr_career_dev.tests.common import JsonRpcMixin

from .compensation_common import CompensationData


class TestCompensationSecurity(CompensationData, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._open()

    def _visible(self, user):
        return (
            self.env["hr.compensation.review.line"]
            .with_user(user)
            .search([("review_id", "=", self.comp_review.id)])
            .employee_id
        )

    def test_a_manager_sees_their_organisation_never_a_peer_nor_themselves(self):
        self.assertEqual(
            self._visible(self.user_manager),
            self.employee | self.colleague | self.reviewer | self.reviewer2,
        )
        self.assertEqual(self._visible(self.user_other_manager), self.other_report)
        self.assertFalse(self._visible(self.user_employee))
        otis = self._cline(self.other_report).with_user(self.user_manager)
        with self.assertRaises(AccessError):
            otis.read(["current_wage"])
        mona = self._cline(self.manager).with_user(self.user_manager)
        with self.assertRaises(AccessError):
            mona.read(["current_wage"])

    def test_a_manager_proposes_for_their_organisation_only_while_open(self):
        eve = self._cline(self.employee)
        eve.with_user(self.user_manager).write(
            {"increase_percent": eve.guideline_max, "justification": "Strong year"}
        )
        self.assertEqual(eve.increase_percent, eve.guideline_max)
        otis = self._cline(self.other_report)
        with self.assertRaises(AccessError):
            otis.with_user(self.user_manager).write({"increase_percent": 1.0})
        own = self._cline(self.manager)
        with self.assertRaises(AccessError):
            own.with_user(self.user_manager).write({"increase_percent": 50.0})
        # the facts of the line are HR's
        with self.assertRaisesRegex(AccessError, "Only HR officers can set"):
            eve.with_user(self.user_manager).write({"current_wage": 9000})
        self.comp_review.action_submit()
        with self.assertRaises(AccessError):
            eve.with_user(self.user_manager).write({"increase_percent": 0.0})
        eve.invalidate_recordset()
        self.assertEqual(eve.current_wage, 3400)
        self.assertEqual(eve.increase_percent, eve.guideline_max)

    def test_a_manager_reads_the_review_but_never_runs_it(self):
        review = self.comp_review.with_user(self.user_manager)
        self.assertEqual(review.name, "Merit review (test)")
        for action in ("action_submit", "action_approve", "action_release"):
            with self.subTest(action=action), self.assertRaises(AccessError):
                getattr(review, action)()
        with self.assertRaises(AccessError):
            self.comp_review.with_user(self.user_other_report).read(["name"])

    def test_wages_bands_and_matrices_are_hr_and_compensation_only(self):
        for user in (self.user_manager, self.user_employee, self.user_portal):
            for model in (
                "hr.job.salary.band",
                "hr.compensation.matrix",
            ):
                with self.subTest(user=user.login, model=model):
                    with self.assertRaises(AccessError):
                        self.env[model].with_user(user).search([])
        with self.assertRaises(AccessError):
            self.env["hr.compensation.review.line"].with_user(self.user_portal).search(
                []
            )
        # HR officers read bands but do not change them
        band = self.band.with_user(self.user_hr_officer)
        self.assertEqual(band.wage_mid, 4000)
        with self.assertRaises(AccessError):
            band.write({"wage_mid": 4100})
        # HR officers read reviews but the Compensation group runs them
        with self.assertRaises(AccessError):
            self.comp_review.with_user(self.user_hr_officer).action_submit()
        self.comp_review.with_user(self.user_compensation).action_submit()
        self.assertEqual(self.comp_review.state, "approval")

    def test_another_company_sees_nothing(self):
        for model in (
            "hr.job.salary.band",
            "hr.compensation.matrix",
            "hr.compensation.review",
            "hr.compensation.review.line",
        ):
            with self.subTest(model=model):
                records = (
                    self.env[model]
                    .with_user(self.user_b)
                    .search([("company_id", "=", self.company.id)])
                )
                self.assertFalse(records)
        with self.assertRaises(AccessError):
            self.comp_review.with_user(self.user_b).read(["name"])

    def test_the_employee_reads_no_line_over_the_orm_even_released(self):
        """A line holds the rating and the 9-box: the employee reads their
        outcome on the portal only (TestCompensationSecurityHttp), never a
        line over the ORM, before or after the release."""
        eve = self._cline(self.employee)
        with self.assertRaises(AccessError):
            eve.with_user(self.user_employee).read(["new_wage"])
        self.comp_review.action_submit()
        self.comp_review.action_approve()
        self.comp_review.action_release()
        for fname in ("new_wage", "box", "rating_id"):
            with self.subTest(field=fname), self.assertRaises(AccessError):
                eve.with_user(self.user_employee).read([fname])
        self.assertFalse(self._visible(self.user_employee))
        with self.assertRaises(AccessError):
            eve.with_user(self.user_employee).write({"justification": "More"})
        with self.assertRaises(AccessError):
            self.comp_review.with_user(self.user_employee).read(["name"])
        # once done, managers no longer see their people's lines
        self.assertFalse(self._visible(self.user_manager))


@tagged("post_install", "-at_install")
class TestCompensationSecurityHttp(JsonRpcMixin, CompensationData, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._open()

    def test_json_rpc_refuses_a_peer_line_and_the_facts(self):
        otis = self._cline(self.other_report)
        eve = self._cline(self.employee)
        for login, args in (
            (
                "pl_manager",
                [[otis.id], {"increase_percent": 9.0, "justification": "x"}],
            ),
            ("pl_manager", [[eve.id], {"current_wage": 9000}]),
            ("pl_manager", [[eve.id], {"employee_id": self.other_report.id}]),
            ("pl_employee", [[eve.id], {"justification": "Give me more"}]),
        ):
            with self.subTest(login=login, args=args):
                self.assertRpcRefused(
                    login,
                    "hr.compensation.review.line",
                    "write",
                    args,
                    error="odoo.exceptions.AccessError",
                )
        self.assertRpcRefused(
            "pl_employee",
            "hr.compensation.review.line",
            "read",
            [[eve.id], ["new_wage"]],
            error="odoo.exceptions.AccessError",
        )
        # the ACL's refusal names the model in the server log: expected here
        with mute_logger("odoo.http"):
            self.assertRpcRefused(
                "pl_manager",
                "hr.compensation.review",
                "action_approve",
                [[self.comp_review.id]],
                error="odoo.exceptions.AccessError",
            )
        otis.invalidate_recordset()
        eve.invalidate_recordset()
        self.assertEqual(eve.current_wage, 3400)
        self.assertEqual(eve.employee_id, self.employee)
        self.assertNotEqual(otis.justification, "x")

    def test_a_manager_lists_the_proposals_as_the_web_client_does(self):
        """The list of Proposals over /web/dataset/call_kw: the manager's
        organisation only, with its related names (jobs, employees, ratings)
        readable though the manager is no HR officer."""
        spec = {
            name: {"fields": {"display_name": {}}}
            for name in (
                "review_id",
                "employee_id",
                "manager_id",
                "current_job_id",
                "rating_id",
                "new_job_id",
                "suggested_job_id",
            )
        }
        for name in ("increase_percent", "new_wage", "budget_warning", "review_state"):
            spec[name] = {}
        result = self.call_kw(
            "pl_manager",
            "hr.compensation.review.line",
            "web_search_read",
            [],
            {
                "domain": [["review_id", "=", self.comp_review.id]],
                "specification": spec,
            },
        )
        records = result["records"]
        names = {record["employee_id"]["display_name"] for record in records}
        self.assertEqual(
            names,
            {
                self.employee.name,
                self.colleague.name,
                self.reviewer.name,
                self.reviewer2.name,
            },
        )
        jobs = {record["current_job_id"]["display_name"] for record in records}
        self.assertEqual(jobs, {self.job.name})

    def _compensation_tile_count(self):
        response = self.url_open(
            "/my/counters",
            data=json.dumps({"params": {"counters": ["compensation_count"]}}),
            headers={"Content-Type": "application/json"},
        )
        return response.json()["result"]["compensation_count"]

    def test_portal_letter_only_once_released_and_only_ones_own(self):
        eve = self._cline(self.employee)
        mallory = self._cline(self.colleague)
        self.authenticate("pl_employee", "pl_employee")
        response = self.url_open(f"/my/compensation/{eve.id}/letter")
        self.assertEqual(response.status_code, 404, "not before the release")
        response = self.url_open("/my/compensation")
        self.assertEqual(response.status_code, 200)
        self.assertIn("No review has been released to you yet", response.text)
        self.assertEqual(self._compensation_tile_count(), 0, "no /my tile yet")
        self.comp_review.action_submit()
        self.comp_review.action_approve()
        self.comp_review.action_release()
        # the /my tile counts her released outcome and leads to it
        self.assertEqual(self._compensation_tile_count(), 1)
        self.assertIn('href="/my/compensation"', self.url_open("/my/home").text)
        response = self.url_open("/my/compensation")
        self.assertIn("Merit review (test)", response.text)
        self.assertIn(f"/my/compensation/{eve.id}/letter", response.text)
        self.assertNotIn(f"/my/compensation/{mallory.id}/letter", response.text)
        response = self.url_open(f"/my/compensation/{eve.id}/letter")
        self.assertEqual(response.status_code, 200)
        self.assertIn(b"Eve", response.content)
        response = self.url_open(f"/my/compensation/{mallory.id}/letter")
        self.assertEqual(response.status_code, 404, "never another's")
        # a portal user gets nothing
        self.authenticate("pl_portal", "pl_portal")
        response = self.url_open(f"/my/compensation/{eve.id}/letter")
        self.assertEqual(response.status_code, 404)
