# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import http
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.hr_career_dev.tests.common import JsonRpcMixin
from odoo.addons.mail.tests.common import mail_new_test_user

from .test_portal_http import PerformancePortalCase


@tagged("post_install", "-at_install")
class TestFeedbackAnswerPortal(JsonRpcMixin, PerformancePortalCase):
    """/my/career/feedback over real HTTP: save a draft, "can't judge",
    decline with a reason; nobody but the reviewer does any of it (portal
    POST, JSON-RPC)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_colleague = mail_new_test_user(
            cls.env, login="pf_colleague", name="Cora Colleague"
        )
        # Sabine's open appraisal; Ravindra works in her department
        department = cls.env["hr.department"].create({"name": "Brewing (test)"})
        (cls.subject | cls.reviewer).department_id = department
        cls.appraisal = cls.env["hr.appraisal"].create(
            {
                "employee_id": cls.subject.id,
                "date_close": cls.today + relativedelta(days=30),
            }
        )

    def _decline(self, reason, login="pf_reviewer"):
        self.authenticate(login, login)
        return self.url_open(
            f"{self._url()}/decline",
            data={"reason": reason, "csrf_token": http.Request.csrf_token(self)},
            allow_redirects=False,
        )

    def test_draft_keeps_the_answers_and_sends_nothing(self):
        zymurgy, quillwork = self._answers()
        self.authenticate("pf_reviewer", "pf_reviewer")
        response = self._post(
            {
                f"rating_{zymurgy.id}": "4",
                f"rating_{quillwork.id}": "na",
                f"comment_{zymurgy.id}": "Fine brews",
                "feedback": "Half written",
                "action": "draft",
            }
        )
        self.assertEqual(response.status_code, 303)
        self.assertIn("draft=1", response.headers["Location"])
        self.feedback_request.invalidate_recordset()
        self.assertEqual(self.feedback_request.state, "requested")
        self.assertFalse(self.feedback_request.date_answered)
        self.assertEqual(self.feedback_request.feedback, "Half written")
        self.assertEqual(zymurgy.rating, 4)
        self.assertEqual(zymurgy.comment, "Fine brews")
        self.assertTrue(quillwork.cannot_judge)
        self.assertEqual(quillwork.rating, 0)
        # the page shows the draft back, then sending it answers
        page = self.url_open(self._url()).text
        self.assertIn("Half written", page)
        self.assertIn("Can't judge", page)
        response = self._post(
            {
                f"rating_{zymurgy.id}": "4",
                f"rating_{quillwork.id}": "na",
                "feedback": "Done",
            }
        )
        self.assertEqual(response.status_code, 303)
        self.feedback_request.invalidate_recordset()
        self.assertEqual(self.feedback_request.state, "answered")

    def test_decline_without_a_reason_stores_nothing(self):
        response = self._decline("  ")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Say why you decline", response.text)
        self._assert_unanswered()
        self.assertFalse(self.feedback_request.decline_reason)

    def test_decline_with_a_reason(self):
        response = self._decline("On leave until next quarter")
        self.assertEqual(response.status_code, 303)
        self.feedback_request.invalidate_recordset()
        self.assertEqual(self.feedback_request.state, "declined")
        self.assertEqual(
            self.feedback_request.decline_reason, "On leave until next quarter"
        )
        page = self.url_open(self._url()).text
        self.assertIn("You declined this request", page)
        self.assertNotIn("o_career_feedback_decline_submit", page)

    @mute_logger("odoo.http")
    def test_nobody_else_answers_drafts_or_declines(self):
        zymurgy, _quillwork = self._answers()
        for login in ("pf_subject", "pf_other", "pf_colleague"):
            with self.subTest(login=login):
                self.assertEqual(
                    self._decline("Not mine", login=login).status_code, 404
                )
                self.authenticate(login, login)
                response = self._post({f"rating_{zymurgy.id}": "1", "action": "draft"})
                self.assertEqual(response.status_code, 404)
        self._assert_unanswered()
        self.assertFalse(self.feedback_request.decline_reason)
        # nor over JSON-RPC, as the web client would call it
        for login in ("pf_subject", "pf_colleague"):
            with self.subTest(rpc=login):
                self.assertRpcRefused(
                    login,
                    "hr.feedback.request",
                    "action_decline",
                    [self.feedback_request.ids, "Not mine"],
                    error="odoo.exceptions.AccessError",
                )
                self.assertRpcRefused(
                    login,
                    "hr.feedback.answer",
                    "write",
                    [zymurgy.ids, {"rating": 1}],
                    error="odoo.exceptions.AccessError",
                )
        self._assert_unanswered()
        self.assertFalse(self.feedback_request.decline_reason)

    def _nominate(self, login, reviewer, appraisal=None):
        self.authenticate(login, login)
        return self.url_open(
            f"/my/career/nominations/{(appraisal or self.appraisal).id}",
            data={
                "reviewer_id": str(reviewer.id),
                "note": "Brewed with me",
                "csrf_token": http.Request.csrf_token(self),
            },
            allow_redirects=False,
        )

    @mute_logger("odoo.http")
    def test_the_employee_nominates_peers_on_the_portal_and_nobody_else(self):
        Nomination = self.env["hr.feedback.nomination"]
        # another user posting on Sabine's appraisal: not found, nothing kept
        for login in ("pf_other", "pf_colleague", "pf_reviewer"):
            with self.subTest(login=login):
                response = self._nominate(login, self.reviewer)
                self.assertEqual(response.status_code, 404)
        self.assertFalse(Nomination.search([("appraisal_id", "=", self.appraisal.id)]))
        self.authenticate("pf_subject", "pf_subject")
        page = self.url_open("/my/career").text
        self.assertIn('href="/my/career/nominations"', page)
        page = self.url_open("/my/career/nominations").text
        self.assertIn("Ravindra Reviewerson", page)
        self.assertNotIn("Otto Outsider", page, "not a colleague of hers")
        # someone not offered is refused in words
        response = self._nominate("pf_subject", self.other)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Choose the colleague to nominate from the list.", response.text)
        response = self._nominate("pf_subject", self.reviewer)
        self.assertEqual(response.status_code, 303)
        nomination = Nomination.search([("appraisal_id", "=", self.appraisal.id)])
        self.assertEqual(nomination.reviewer_id, self.reviewer)
        self.assertEqual(nomination.state, "proposed")
        self.assertEqual(nomination.note, "Brewed with me")
