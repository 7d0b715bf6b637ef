# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import Command, fields, http
from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.mail.tests.common import mail_new_test_user


class PerformancePortalCase(HttpCase):
    """A 360° request of Sabine's job skills to Ravindra, her check-ins."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.today = fields.Date.context_today(env["hr.employee"])
        skill_type = env["hr.skill.type"].create(
            {
                "name": "Portal Feedback Craft",
                "skill_ids": [
                    Command.create({"name": "Zymurgy"}),
                    Command.create({"name": "Quillwork"}),
                ],
                "skill_level_ids": [
                    Command.create({"name": "Basic", "level_progress": 30}),
                    Command.create({"name": "Master", "level_progress": 100}),
                ],
            }
        )
        cls.zymurgy, cls.quillwork = skill_type.skill_ids.sorted("id")
        master = skill_type.skill_level_ids.filtered(lambda lvl: lvl.name == "Master")
        job = env["hr.job"].create({"name": "Portal Brewer"})
        env["hr.job.competency"].create(
            [
                {"job_id": job.id, "skill_id": skill.id, "required_level_id": master.id}
                for skill in (cls.zymurgy, cls.quillwork)
            ]
        )
        users = {}
        for login, name, groups in (
            ("pf_subject", "Sabine Subject", "base.group_user"),
            ("pf_reviewer", "Ravindra Reviewerson", "base.group_user"),
            ("pf_other", "Otto Outsider", "base.group_portal"),
        ):
            users[login] = mail_new_test_user(
                env, login=login, name=name, groups=groups
            )
        cls.user_subject = users["pf_subject"]
        cls.user_reviewer = users["pf_reviewer"]
        cls.user_other = users["pf_other"]
        Employee = env["hr.employee"]
        cls.subject = Employee.create(
            {
                "name": "Sabine Subject",
                "user_id": cls.user_subject.id,
                "job_id": job.id,
            }
        )
        cls.reviewer = Employee.create(
            {"name": "Ravindra Reviewerson", "user_id": cls.user_reviewer.id}
        )
        cls.other = Employee.create(
            {"name": "Otto Outsider", "user_id": cls.user_other.id}
        )
        cls.feedback_request = env["hr.feedback.request"].create(
            {
                "employee_id": cls.subject.id,
                "reviewer_id": cls.reviewer.id,
                "anonymous": True,
                "date_deadline": cls.today + relativedelta(days=10),
            }
        )
        cls.feedback_request.action_request()
        # the subject's check-ins: one done last month, the next one planned
        env["hr.performance.checkin"].create(
            [
                {
                    "employee_id": cls.subject.id,
                    "date": cls.today - relativedelta(days=20),
                    "mood": "5_great",
                    "state": "done",
                },
                {
                    "employee_id": cls.other.id,
                    "date": cls.today - relativedelta(days=10),
                    "mood": "1_struggling",
                    "state": "done",
                },
            ]
        )

    def _url(self, feedback_request=None):
        return f"/my/career/feedback/{(feedback_request or self.feedback_request).id}"

    def _post(self, data, csrf=True, feedback_request=None):
        if csrf:
            data = dict(data, csrf_token=http.Request.csrf_token(self))
        return self.url_open(
            self._url(feedback_request), data=data, allow_redirects=False
        )

    def _answers(self):
        answers = self.feedback_request.answer_ids
        return (
            answers.filtered(lambda a: a.skill_id == self.zymurgy),
            answers.filtered(lambda a: a.skill_id == self.quillwork),
        )

    def _assert_unanswered(self):
        self.feedback_request.invalidate_recordset()
        self.feedback_request.answer_ids.invalidate_recordset()
        self.assertEqual(self.feedback_request.state, "requested")
        self.assertFalse(self.feedback_request.feedback)
        self.assertEqual(set(self.feedback_request.answer_ids.mapped("rating")), {0})
        self.assertFalse(any(self.feedback_request.answer_ids.mapped("comment")))


@tagged("post_install", "-at_install")
class TestPerformancePortal(PerformancePortalCase):
    """/my/career over real HTTP: check-ins and the 360° feedback a reviewer
    gives; the subject and other colleagues see none of it."""

    def test_anonymous_visitor_is_sent_to_login(self):
        for url in ("/my/career", self._url()):
            response = self.url_open(url, allow_redirects=False)
            self.assertIn(response.status_code, (302, 303))
            self.assertIn("/web/login", response.headers["Location"])

    def test_reviewer_sees_the_request_and_answers_it(self):
        self.authenticate("pf_reviewer", "pf_reviewer")
        page = self.url_open("/my/career").text
        self.assertIn("Feedback to give", page)
        self.assertIn(f'href="{self._url()}"', page)
        self.assertIn("Sabine Subject", page)

        page = self.url_open(self._url()).text
        self.assertIn("Sabine Subject", page)
        self.assertIn("Zymurgy", page)
        self.assertIn("Quillwork", page)
        zymurgy, quillwork = self._answers()
        response = self._post(
            {
                f"rating_{zymurgy.id}": "4",
                f"comment_{zymurgy.id}": "<b>Brews</b> well",
                f"rating_{quillwork.id}": "2",
                f"comment_{quillwork.id}": "",
                "feedback": "<script>alert(1)</script>Keep going",
            }
        )
        self.assertIn(response.status_code, (302, 303))
        self.feedback_request.invalidate_recordset()
        self.assertEqual(self.feedback_request.state, "answered")
        self.assertEqual(self.feedback_request.date_answered, self.today)
        self.assertEqual(zymurgy.rating, 4)
        self.assertEqual(zymurgy.comment, "<b>Brews</b> well")
        self.assertEqual(quillwork.rating, 2)
        self.assertIn("Keep going", self.feedback_request.feedback)
        self.assertFalse(
            self.env["mail.activity"].search(
                [
                    ("res_model", "=", "hr.feedback.request"),
                    ("res_id", "=", self.feedback_request.id),
                ]
            ),
            "the reviewer's activity is closed",
        )
        # answered: no longer listed, the page says it and shows no raw HTML
        page = self.url_open("/my/career").text
        self.assertNotIn(f'href="{self._url()}"', page)
        page = self.url_open(self._url()).text
        self.assertIn("already given", page)
        self.assertNotIn("<script>alert(1)</script>", page)

        # a second POST changes nothing
        response = self._post({f"rating_{zymurgy.id}": "1", "feedback": "Changed"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("already given", response.text)
        zymurgy.invalidate_recordset()
        self.feedback_request.invalidate_recordset()
        self.assertEqual(zymurgy.rating, 4)
        self.assertIn("Keep going", self.feedback_request.feedback)

    def test_cancelled_request_cannot_be_answered(self):
        self.feedback_request.action_cancel()
        self.authenticate("pf_reviewer", "pf_reviewer")
        zymurgy, _quillwork = self._answers()
        response = self._post({f"rating_{zymurgy.id}": "3", "feedback": "Late"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("cancelled", response.text)
        self.feedback_request.invalidate_recordset()
        self.assertEqual(self.feedback_request.state, "cancelled")
        self.assertFalse(self.feedback_request.feedback)
        self.assertEqual(zymurgy.rating, 0)

    def test_bad_rating_shows_an_error_and_saves_nothing(self):
        self.authenticate("pf_reviewer", "pf_reviewer")
        zymurgy, quillwork = self._answers()
        for bad in ("6", "0", "-1", "three"):
            response = self._post(
                {
                    f"rating_{zymurgy.id}": "3",
                    f"rating_{quillwork.id}": bad,
                    f"comment_{zymurgy.id}": "Fine",
                    "feedback": "<script>alert(1)</script>Text",
                }
            )
            self.assertEqual(response.status_code, 200)
            page = response.text
            self.assertIn("Rate Quillwork with a whole number from 1 to 5", page)
            self.assertNotIn("<script>alert(1)", page, "the typed text is escaped")
            self.assertIn("&lt;script&gt;alert(1)", page)
            self._assert_unanswered()

    def test_empty_form_is_not_sent(self):
        self.authenticate("pf_reviewer", "pf_reviewer")
        zymurgy, quillwork = self._answers()
        response = self._post(
            {
                f"rating_{zymurgy.id}": "",
                f"rating_{quillwork.id}": "",
                f"comment_{zymurgy.id}": "   ",
                "feedback": " ",
            }
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Rate every competency before sending", response.text)
        self.assertIn("Zymurgy", response.text)
        self._assert_unanswered()

    def test_form_shows_the_scale_and_refuses_a_partial_answer(self):
        self.authenticate("pf_reviewer", "pf_reviewer")
        page = self.url_open(self._url()).text
        self.assertIn("o_career_feedback_legend", page)
        self.assertIn("Far below expectations", page)
        self.assertIn("5 - Outstanding", page)
        self.assertIn('required="required"', page)
        zymurgy, quillwork = self._answers()
        response = self._post(
            {
                f"rating_{zymurgy.id}": "4",
                f"rating_{quillwork.id}": "",
                "feedback": "Half an answer",
            }
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Rate every competency before sending", response.text)
        self.assertIn("Quillwork", response.text)
        self._assert_unanswered()

    def test_empty_answer_is_refused_through_the_model_too(self):
        with self.assertRaisesRegex(UserError, "Rate every competency"):
            self.feedback_request.with_user(self.user_reviewer).action_submit()
        self._assert_unanswered()

    @mute_logger("odoo.http")
    def test_post_without_csrf_token_changes_nothing(self):
        self.authenticate("pf_reviewer", "pf_reviewer")
        zymurgy, _quillwork = self._answers()
        response = self._post(
            {f"rating_{zymurgy.id}": "5", "feedback": "No token"}, csrf=False
        )
        self.assertEqual(response.status_code, 400)
        self._assert_unanswered()

    def test_subject_gets_404_and_never_sees_the_reviewer(self):
        self.authenticate("pf_subject", "pf_subject")
        response = self.url_open(self._url())
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Ravindra", response.text)
        zymurgy, _quillwork = self._answers()
        response = self._post({f"rating_{zymurgy.id}": "5", "feedback": "Self"})
        self.assertEqual(response.status_code, 404)
        self._assert_unanswered()
        page = self.url_open("/my/career").text
        self.assertIn("Nobody is waiting for your feedback.", page)
        self.assertNotIn("Ravindra", page, "the anonymous reviewer's name")
        self.assertNotIn(f'href="{self._url()}"', page)

    def test_subject_sees_own_checkins_only(self):
        self.authenticate("pf_subject", "pf_subject")
        page = self.url_open("/my/career").text
        self.assertIn("Coming check-ins", page)
        self.assertIn("o_career_checkin_next", page)
        self.assertIn("Great", page)
        self.assertNotIn("Struggling", page, "another employee's check-in")

    def test_another_employee_gets_404(self):
        self.authenticate("pf_other", "pf_other")
        response = self.url_open(self._url())
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Sabine", response.text)
        zymurgy, _quillwork = self._answers()
        response = self._post({f"rating_{zymurgy.id}": "1", "feedback": "Intruder"})
        self.assertEqual(response.status_code, 404)
        self._assert_unanswered()
        self.assertNotIn("Sabine Subject", self.url_open("/my/career").text)

    def test_draft_or_missing_request_is_not_found(self):
        draft = self.env["hr.feedback.request"].create(
            {
                "employee_id": self.subject.id,
                "reviewer_id": self.reviewer.id,
                "date_deadline": self.today + relativedelta(days=5),
            }
        )
        self.authenticate("pf_reviewer", "pf_reviewer")
        self.assertEqual(self.url_open(self._url(draft)).status_code, 404)
        self.assertEqual(self.url_open("/my/career/feedback/999999").status_code, 404)
