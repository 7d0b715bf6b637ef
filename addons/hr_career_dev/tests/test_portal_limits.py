# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Enrolment from /my/career follows the course's policy; what the portal
accepts is bounded, by the model (every path) with a message on the page."""

from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import fields, http
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from ..models.hr_career_goal import GOAL_DESCRIPTION_MAX_LENGTH, GOAL_NAME_MAX_LENGTH
from .common import CareerCase
from .test_portal_http import CareerPortalCase


class PortalPostMixin:
    def _post(self, url, data, **kwargs):
        data = dict(data, csrf_token=http.Request.csrf_token(self))
        return self.url_open(url, data=data, allow_redirects=False, **kwargs)

    def _members(self, channel):
        return self.env["slide.channel.partner"].search(
            [
                ("partner_id", "=", self.portal_user.partner_id.id),
                ("channel_id", "=", channel.id),
                ("member_status", "!=", "invited"),
            ]
        )


@tagged("post_install", "-at_install")
class TestPortalEnrolmentPolicy(PortalPostMixin, CareerPortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        mapping = [(0, 0, {"skill_id": cls.refactoring.id, "level_id": cls.expert.id})]
        cls.responsible = cls.env["res.users"].create(
            {"name": "Rita Responsible", "login": "career_course_responsible"}
        )
        cls.course_invite = cls.env["slide.channel"].create(
            {
                "name": "Refactoring Masterclass",
                "is_published": True,
                "enroll": "invite",
                "visibility": "public",
                "user_id": cls.responsible.id,
                "skill_ids": mapping,
            }
        )
        cls.course_members = cls.env["slide.channel"].create(
            {
                "name": "Refactoring for insiders",
                "is_published": True,
                "enroll": "invite",
                "visibility": "members",
                "skill_ids": mapping,
            }
        )

    def test_invite_only_course_says_to_ask_and_is_not_joined(self):
        self.authenticate("career_portal", "career_portal")
        page = self.url_open("/my/career").text
        self.assertIn("Refactoring Masterclass", page)
        self.assertIn("This course is by invitation", page)
        self.assertIn("Rita Responsible", page)
        self.assertNotIn(f'action="/my/career/enroll/{self.course_invite.id}"', page)
        self.assertIn(f'action="/my/career/enroll/{self.course.id}"', page)
        response = self._post(f"/my/career/enroll/{self.course_invite.id}", {})
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("message=enroll_invite", response.headers["Location"])
        self.assertFalse(self._members(self.course_invite))
        page = self.url_open(response.headers["Location"]).text
        self.assertIn("This course is by invitation", page)

    def test_invited_attendee_joins_the_invite_only_course(self):
        self.course_invite.sudo()._action_add_members(
            self.portal_user.partner_id, member_status="invited"
        )
        self.authenticate("career_portal", "career_portal")
        page = self.url_open("/my/career").text
        self.assertIn(f'action="/my/career/enroll/{self.course_invite.id}"', page)
        response = self._post(f"/my/career/enroll/{self.course_invite.id}", {})
        self.assertIn("message=enrolled", response.headers["Location"])
        self.assertEqual(len(self._members(self.course_invite)), 1)

    def test_course_the_user_cannot_see_answers_404(self):
        self.authenticate("career_portal", "career_portal")
        page = self.url_open("/my/career").text
        self.assertNotIn("Refactoring for insiders", page)
        response = self._post(f"/my/career/enroll/{self.course_members.id}", {})
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self._members(self.course_members))

    def test_open_course_is_joined(self):
        self.authenticate("career_portal", "career_portal")
        response = self._post(f"/my/career/enroll/{self.course.id}", {})
        self.assertIn("message=enrolled", response.headers["Location"])
        self.assertEqual(len(self._members(self.course)), 1)


@tagged("post_install", "-at_install")
class TestPortalInputLimits(PortalPostMixin, CareerPortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager_user = cls.env["res.users"].create(
            {"name": "Portal Manager", "login": "career_limits_manager"}
        )
        cls.employee.parent_id = cls.env["hr.employee"].create(
            {"name": "Portal Manager", "user_id": cls.manager_user.id}
        )

    def _new_goal(self, **values):
        data = {"name": "Bounded goal", "horizon": "short", **values}
        return self._post("/my/career/goal/new", data)

    def _goals_named(self, name):
        return self.env["hr.career.goal"].search([("name", "=", name)])

    def test_goal_title_over_the_limit_is_refused_with_a_message(self):
        self.authenticate("career_portal", "career_portal")
        name = "x" * (GOAL_NAME_MAX_LENGTH + 1)
        response = self._new_goal(name=name)
        self.assertEqual(response.status_code, 200)
        self.assertIn("at most 256 characters", response.text)
        self.assertNotIn("Traceback", response.text)
        self.assertFalse(self._goals_named(name))
        name = "y" * GOAL_NAME_MAX_LENGTH
        response = self._new_goal(name=name)
        self.assertIn(response.status_code, (302, 303))
        self.assertTrue(self._goals_named(name))

    def test_goal_description_over_the_limit_is_refused_with_a_message(self):
        self.authenticate("career_portal", "career_portal")
        response = self._new_goal(description="d" * (GOAL_DESCRIPTION_MAX_LENGTH + 1))
        self.assertEqual(response.status_code, 200)
        self.assertIn("too long", response.text)
        self.assertFalse(self._goals_named("Bounded goal"))
        # the update of an existing goal too
        response = self._post(
            f"/my/career/goal/{self.goal.id}",
            {"progress": "40", "description": "d" * (GOAL_DESCRIPTION_MAX_LENGTH + 1)},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("too long", response.text)
        self.goal.invalidate_recordset()
        self.assertEqual(self.goal.progress, 10, "nothing of the form is saved")
        self.assertFalse(self.goal.description)

    def test_target_date_in_the_past_or_out_of_bounds_is_refused(self):
        self.authenticate("career_portal", "career_portal")
        yesterday = fields.Date.today() - relativedelta(days=1)
        for target_date, message in (
            ("1900-01-01", "cannot be in the past"),
            (yesterday.isoformat(), "cannot be in the past"),
            (
                (fields.Date.today() + relativedelta(years=31)).isoformat(),
                "at most 30 years from today",
            ),
        ):
            with self.subTest(target_date=target_date):
                response = self._new_goal(target_date=target_date)
                self.assertEqual(response.status_code, 200)
                self.assertIn(message, response.text)
        self.assertFalse(self._goals_named("Bounded goal"))
        response = self._new_goal(target_date=fields.Date.today().isoformat())
        self.assertIn(response.status_code, (302, 303))
        self.assertTrue(self._goals_named("Bounded goal"))

    def _proposals(self):
        return self.env["hr.skill.evidence"].search(
            [("employee_id", "=", self.employee.id), ("skill_id", "=", self.testing.id)]
        )

    def test_one_pending_self_assessment_per_skill_and_one_todo(self):
        self.authenticate("career_portal", "career_portal")
        data = {"skill_id": self.testing.id, "level_id": self.practitioner.id}
        response = self._post("/my/career/skill/propose", data)
        self.assertIn("message=proposed", response.headers["Location"])
        for level in (self.practitioner, self.expert):
            data = {"skill_id": self.testing.id, "level_id": level.id}
            response = self._post("/my/career/skill/propose", data)
            self.assertIn("message=already_proposed", response.headers["Location"])
        page = self.url_open(response.headers["Location"]).text
        self.assertIn("already waiting for your manager", page)
        proposal = self._proposals()
        self.assertEqual(len(proposal), 1)
        self.assertEqual(proposal.level_id, self.practitioner)
        todos = self.env["mail.activity"].search(
            [("res_model", "=", "hr.skill.evidence"), ("res_id", "=", proposal.id)]
        )
        self.assertEqual(len(todos), 1)
        self.assertEqual(todos.user_id, self.manager_user)
        # decided: a new proposal is welcome
        proposal.with_user(self.manager_user).action_reject()
        response = self._post("/my/career/skill/propose", data)
        self.assertIn("message=proposed", response.headers["Location"])
        self.assertEqual(len(self._proposals()), 2)


@tagged("post_install", "-at_install")
class TestGoalAndProposalLimits(CareerCase):
    def test_goal_text_limits_hold_for_every_writer(self):
        goal = self.goal_lead.with_user(self.user_employee)
        with self.assertRaises(ValidationError):
            goal.write({"name": "n" * (GOAL_NAME_MAX_LENGTH + 1)})
        with self.assertRaises(ValidationError):
            goal.write({"description": "d" * (GOAL_DESCRIPTION_MAX_LENGTH + 1)})
        with self.assertRaises(ValidationError):
            goal.write({"description": "<b></b>" * GOAL_DESCRIPTION_MAX_LENGTH})
        with self.assertRaises(ValidationError):
            self.env["hr.career.goal"].create(
                {
                    "name": "n" * 100_000,
                    "employee_id": self.emp_employee.id,
                }
            )
        self.goal_lead.invalidate_recordset()
        self.assertEqual(self.goal_lead.name, "Become Tech Lead")
        goal.write({"description": "d" * GOAL_DESCRIPTION_MAX_LENGTH})

    def test_goal_target_date_bounds(self):
        goal = self.goal_lead.with_user(self.user_employee)
        today = fields.Date.today()
        for target_date in (
            date(1900, 1, 1),
            date(1999, 12, 31),
            today + relativedelta(years=31),
        ):
            with self.subTest(target_date=target_date):
                with self.assertRaises(ValidationError) as caught:
                    goal.write({"target_date": target_date})
                self.assertIn("Become Tech Lead", str(caught.exception))
        self.assertFalse(self.goal_lead.target_date)
        goal.write({"target_date": today + relativedelta(years=30)})
        # an open goal aims at today or later; an abandoned one may record a
        # date of the past, within bounds
        with self.assertRaisesRegex(ValidationError, "cannot be in the past"):
            goal.write({"target_date": date(2000, 1, 1)})
        self.goal_lead.state = "abandoned"
        self.goal_lead.target_date = date(2000, 1, 1)
        self.assertEqual(self.goal_lead.target_date, date(2000, 1, 1))

    def test_second_pending_self_assessment_is_refused(self):
        Evidence = self.env["hr.skill.evidence"]
        vals = {
            "employee_id": self.emp_employee.id,
            "skill_id": self.js.id,
            "level_id": self.beginner.id,
            "source": "Self-assessment",
        }
        first = Evidence.create(vals)
        with self.assertRaises(ValidationError):
            Evidence.create(dict(vals, level_id=self.expert.id))
        with self.assertRaises(ValidationError):
            Evidence.create([dict(vals, skill_id=self.sql.id)] * 2)
        self.assertEqual(
            Evidence.search_count([("employee_id", "=", self.emp_employee.id)]), 1
        )
        # another skill, or after the decision: accepted
        Evidence.create(dict(vals, skill_id=self.sql.id))
        first.action_reject()
        Evidence.create(vals)
