# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged

from .common import MentoringCase


class MentoringPortalCase(MentoringCase, HttpCase):
    def _post(self, login, url, **data):
        self.authenticate(login, login)
        return self.url_open(
            url,
            data=dict(data, csrf_token=http.Request.csrf_token(self)),
            allow_redirects=False,
        )

    def _get(self, login, url="/my/career/mentoring"):
        self.authenticate(login, login)
        return self.url_open(url)


@tagged("post_install", "-at_install")
class TestMentoringPortal(MentoringPortalCase):
    def test_mentee_sees_mentors_for_her_gaps_and_requests_one(self):
        page = self._get("career_employee")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Carl Colleague", page.text)
        self.assertIn("at level Expert, 1 place left", page.text)
        # the gap by level names, as the backend shows it (not 50% → 80%)
        self.assertIn("(Intermediate → ", page.text)
        self.assertNotIn("% → ", page.text)
        response = self._post(
            "career_employee",
            "/my/career/mentoring/request",
            mentor_id=self.mentor.id,
            skill_id=self.python.id,
            message="Please",
        )
        self.assertEqual(response.status_code, 303)
        mentorship = self.env["hr.career.mentorship"].search(
            [("mentee_id", "=", self.emp_employee.id)]
        )
        self.assertEqual(mentorship.mentor_id, self.mentor)
        self.assertEqual(mentorship.message, "Please")
        # a mentor the list does not offer for that skill is refused in words
        page = self._post(
            "career_employee",
            "/my/career/mentoring/request",
            mentor_id=self.mentor.id,
            skill_id=self.sql.id,
        )
        self.assertIn("Choose one of the suggested mentors", page.text)

    def test_mentee_cannot_accept_and_others_get_404(self):
        mentorship = self._request()
        page = self._post(
            "career_employee", f"/my/career/mentoring/{mentorship.id}/accept"
        )
        self.assertIn("Only the mentor accepts", page.text)
        self.assertEqual(mentorship.state, "requested")
        for login in ("career_manager", "career_hr", "career_skip"):
            with self.subTest(login=login):
                response = self._post(
                    login, f"/my/career/mentoring/{mentorship.id}/accept"
                )
                self.assertEqual(response.status_code, 404)
        self.assertEqual(
            self._post(
                "career_employee", "/my/career/mentoring/999999/done"
            ).status_code,
            404,
        )
        mentorship.invalidate_recordset()
        self.assertEqual(mentorship.state, "requested")

    def test_manager_sees_the_mentorship_not_the_notes(self):
        mentorship = self._request()
        mentorship.action_accept()
        self.env["hr.career.mentorship.session"].create(
            {"mentorship_id": mentorship.id, "notes": "Secret worry"}
        )
        page = self._get("career_manager")
        self.assertIn("My team's mentorships", page.text)
        self.assertIn("Emma Employee", page.text)
        self.assertNotIn("Secret worry", page.text)
        self.assertIn("Secret worry", self._get("career_employee").text)
        self.assertIn("Secret worry", self._get("career_colleague").text)

    def test_bad_session_date_is_a_message(self):
        mentorship = self._request()
        mentorship.action_accept()
        page = self._post(
            "career_colleague",
            f"/my/career/mentoring/{mentorship.id}/session",
            date="9999-12-31",
            notes="Far away",
        )
        self.assertEqual(page.status_code, 200)
        self.assertIn("between 1900-01-01 and", page.text)
        page = self._post(
            "career_colleague",
            f"/my/career/mentoring/{mentorship.id}/session",
            date="not a date",
        )
        self.assertEqual(page.status_code, 200)
        self.assertFalse(mentorship.session_ids)

    def test_portal_user_is_not_led_to_the_programme(self):
        """A portal user linked to an employee reads /my/career, but the
        programme's records are internal users' only: no link to mentoring,
        and the page answers 404, not a refusal page."""
        portal = new_test_user(
            self.env,
            login="mentoring_portal",
            password="mentoring_portal",
            groups="base.group_portal",
        )
        self.env["hr.employee"].create(
            {
                "name": "Pat Portal",
                "user_id": portal.id,
                "parent_id": self.emp_manager.id,
            }
        )
        career = self._get("mentoring_portal", "/my/career")
        self.assertEqual(career.status_code, 200)
        self.assertIn("Pat Portal", career.text)
        self.assertNotIn("/my/career/mentoring", career.text)
        self.assertEqual(self._get("mentoring_portal").status_code, 404)
        # an employee with an internal account still finds it
        self.assertIn(
            "/my/career/mentoring", self._get("career_employee", "/my/career").text
        )


@tagged("post_install", "-at_install")
class TestMentoringTour(MentoringPortalCase):
    def test_request_accept_session_done_action_done_badge(self):
        settings = self.env["res.config.settings"].create(
            {"mentoring_badge_threshold": 1}
        )
        settings.execute()
        self.start_tour(
            "/my/career", "hr_career_mentoring_request_tour", login="career_employee"
        )
        mentorship = self.env["hr.career.mentorship"].search(
            [("mentee_id", "=", self.emp_employee.id)]
        )
        self.assertEqual(mentorship.state, "requested")
        mentorship.action_id = self.dev_action
        self.start_tour(
            "/my/career/mentoring",
            "hr_career_mentoring_mentor_tour",
            login="career_colleague",
        )
        mentorship.invalidate_recordset()
        self.assertEqual(mentorship.state, "done")
        self.assertEqual(mentorship.session_ids.next_step, "Refactor one module")
        self.dev_action.invalidate_recordset()
        self.assertEqual(self.dev_action.state, "done")
        award = self.env["gamification.badge.user"].search(
            [
                ("badge_id", "=", self.env.ref("hr_career_mentoring.badge_mentor").id),
                ("employee_id", "=", self.emp_colleague.id),
            ]
        )
        self.assertTrue(award, "the mentor received the badge Mentor")
