# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import MentoringCase


@tagged("post_install", "-at_install")
class TestMentorship(MentoringCase):
    def test_mentee_requests_mentor_accepts_logs_and_ends(self):
        mentorship = self._request(
            user=self.user_employee,
            message="Help me with Python services",
            action_id=self.dev_action.id,
        )
        self.assertEqual(mentorship.state, "requested")
        self.assertEqual(mentorship.gap_skill_ids, self.python, "Emma lacks Python")
        mentorship.with_user(self.user_colleague).action_accept()
        self.assertEqual(mentorship.state, "active")
        self.assertTrue(mentorship.date_start)
        self.assertEqual(self.mentor.active_count, 1)
        self.assertEqual(self.mentor.places_left, 0)
        Session = self.env["hr.career.mentorship.session"]
        Session.with_user(self.user_employee).create(
            {"mentorship_id": mentorship.id, "notes": "Mentee's note"}
        )
        Session.with_user(self.user_colleague).create(
            {"mentorship_id": mentorship.id, "notes": "Mentor's note"}
        )
        self.assertEqual(mentorship.session_count, 2)
        # the mentee reached the level during the mentorship
        self.env["hr.employee.skill"].search(
            [
                ("employee_id", "=", self.emp_employee.id),
                ("skill_id", "=", self.python.id),
            ]
        ).skill_level_id = self.advanced
        mentorship.with_user(self.user_employee).action_done()
        self.assertEqual(mentorship.state, "done")
        self.assertEqual(self.dev_action.state, "done", "the action is done with it")
        self.assertEqual(mentorship.closed_skill_ids, self.python)
        self.assertEqual(self.mentor.done_count, 1)
        self.assertEqual(self.mentor.places_left, 1)

    def test_mentee_cannot_accept_for_the_mentor(self):
        mentorship = self._request(user=self.user_employee)
        with self.assertRaises(AccessError):
            mentorship.with_user(self.user_employee).action_accept()
        with self.assertRaises(AccessError):
            mentorship.with_user(self.user_employee).write({"state": "active"})
        with self.assertRaises(AccessError):
            mentorship.with_user(self.user_manager).action_accept()
        with self.assertRaises(AccessError):
            mentorship.with_user(self.user_employee).action_decline()
        self.assertEqual(mentorship.state, "requested")
        mentorship.with_user(self.user_colleague).action_decline()
        self.assertEqual(mentorship.state, "declined")
        with self.assertRaises(UserError):
            mentorship.with_user(self.user_colleague).action_accept()

    def test_capacity_is_enforced(self):
        first = self._request()
        second = self._request(mentee=self.emp_manager)
        first.with_user(self.user_colleague).action_accept()
        with self.assertRaisesRegex(ValidationError, "no place left"):
            second.with_user(self.user_colleague).action_accept()
        self.assertEqual(second.state, "requested")
        self.assertEqual(self.mentor.active_count, 1)

    def test_paused_mentor_takes_no_request(self):
        self.mentor.with_user(self.user_colleague).action_pause()
        with self.assertRaisesRegex(ValidationError, "takes no new mentee"):
            self._request(user=self.user_employee)

    def test_skills_offered_are_the_mentors_own_at_the_minimum_level(self):
        # Carl holds SQL at intermediate (50): allowed at 50, refused at 60
        self.mentor.with_user(self.user_colleague).skill_ids = [
            Command.set((self.python | self.sql).ids)
        ]
        self.env["ir.config_parameter"].set_param(
            "hr_career_mentoring.min_progress", "60"
        )
        with self.assertRaisesRegex(ValidationError, "SQL"):
            self.mentor.with_user(self.user_colleague).skill_ids = [
                Command.set((self.sql | self.js).ids)
            ]
        with self.assertRaisesRegex(ValidationError, "JavaScript"):
            self.mentor.with_user(self.user_colleague).skill_ids = [
                Command.set(self.js.ids)
            ]

    def test_hr_and_managers_never_read_the_notes(self):
        mentorship = self._request()
        mentorship.action_accept()
        session = (
            self.env["hr.career.mentorship.session"]
            .with_user(self.user_employee)
            .create({"mentorship_id": mentorship.id, "notes": "Private worry"})
        )
        for user in (self.user_hr, self.user_manager, self.user_skip):
            with self.subTest(user=user.login):
                self.env.invalidate_all()
                as_user = mentorship.with_user(user)
                # the mentorship exists for them, with its dates and counts
                self.assertEqual(as_user.state, "active")
                self.assertEqual(as_user.session_count, 1)
                self.assertEqual(as_user.date_last_session, session.date)
                self.assertFalse(as_user.session_ids, "no session through the list")
                with self.assertRaises(AccessError):
                    session.with_user(user).read(["notes"])
                self.assertFalse(
                    self.env["hr.career.mentorship.session"]
                    .with_user(user)
                    .search([("notes", "ilike", "worry")])
                )
        with self.assertRaises(AccessError):
            mentorship.with_user(self.user_b).read(["state"])
        for user in (self.user_employee, self.user_colleague):
            self.assertEqual(session.with_user(user).notes, "Private worry")

    def test_manager_sees_the_mentorship_not_to_write_it(self):
        mentorship = self._request()
        self.assertEqual(
            mentorship.with_user(self.user_manager).mentee_id, self.emp_employee
        )
        with self.assertRaises(AccessError):
            mentorship.with_user(self.user_manager).write({"message": "Mine"})
        with self.assertRaises(AccessError):
            self.env["hr.career.mentorship.session"].with_user(
                self.user_manager
            ).create({"mentorship_id": mentorship.id, "notes": "Not mine to log"})

    def test_hr_invites_a_mentor_who_opens_the_profile(self):
        profile = (
            self.env["hr.career.mentor"]
            .with_user(self.user_hr)
            .create({"employee_id": self.emp_manager.id})
        )
        self.assertEqual(profile.state, "paused", "invited: waits for Marc")
        self.assertEqual(profile.activity_ids.user_id, self.user_manager)
        profile.with_user(self.user_manager).action_open()
        self.assertEqual(profile.state, "open")
        with self.assertRaises(AccessError):
            profile.with_user(self.user_employee).action_pause()
        with self.assertRaises(AccessError):
            self.env["hr.career.mentor"].with_user(self.user_employee).create(
                {"employee_id": self.emp_skip.id}
            )

    def test_mentor_badge_after_the_threshold(self):
        settings = self.env["res.config.settings"].create(
            {"mentoring_badge_threshold": 2}
        )
        settings.execute()
        badge = self.env.ref("hr_career_mentoring.badge_mentor")
        self.mentor.capacity = 2
        for mentee in (self.emp_employee, self.emp_manager):
            mentorship = self._request(mentee=mentee)
            mentorship.action_accept()
            mentorship.action_done()
            self.env.flush_all()
            awards = self.env["gamification.badge.user"].search(
                [
                    ("badge_id", "=", badge.id),
                    ("employee_id", "=", self.emp_colleague.id),
                ]
            )
            self.assertEqual(len(awards), 0 if mentee == self.emp_employee else 1)

    def test_bad_input_is_refused_in_words(self):
        with self.assertRaisesRegex(ValidationError, "own mentor"):
            self._request(mentee=self.emp_colleague)
        self._request()
        with self.assertRaisesRegex(ValidationError, "already has a request"):
            self._request()
        with self.assertRaisesRegex(ValidationError, "mentee's own"):
            self._request(mentee=self.emp_manager, goal_id=self.goal_lead.id)
