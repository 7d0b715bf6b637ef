# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from .test_portal_http import CareerPortalCase


@tagged("post_install", "-at_install")
class TestCareerPortalTour(CareerPortalCase):
    """The employee's walk through /my/career in a real (headless) browser."""

    def test_employee_enrols_in_suggested_course_and_updates_goal(self):
        # rendered once before the browser opens it: see the phone tour below
        self.authenticate("career_portal", "career_portal")
        self.assertEqual(self.url_open("/my/career").status_code, 200)
        self.start_tour(
            "/my/career", "hr_career_dev_portal_tour", login="career_portal"
        )
        membership = self.env["slide.channel.partner"].search(
            [
                ("partner_id", "=", self.portal_user.partner_id.id),
                ("channel_id", "=", self.course.id),
            ]
        )
        self.assertTrue(membership, "the tour's Enrol button enrolled the employee")
        self.goal.invalidate_recordset()
        self.assertEqual(self.goal.progress, 80)


@tagged("post_install", "-at_install")
class TestCareerPortalPhoneTour(CareerPortalCase):
    """/my/career on a phone (390 px wide, touch): tables become stacked
    cards, nothing is wider than the screen, buttons are reachable; the same
    on /my/career/paths, whose career map keeps every text in its box."""

    browser_size = "390x844"
    touch_enabled = True

    def test_dashboard_new_goal_form_and_paths_on_a_phone(self):
        # a skill of another type: the self-assessment offers its levels only
        languages = self.env["hr.skill.type"].create(
            {
                "name": "Languages (phone tour)",
                "skill_ids": [(0, 0, {"name": "Klingon"})],
                "skill_level_ids": [
                    (0, 0, {"name": "Basic", "level_progress": 30}),
                    (0, 0, {"name": "Fluent", "level_progress": 100}),
                ],
            }
        )
        self.env["hr.job.competency"].create(
            {
                "job_id": self.job.id,
                "skill_id": languages.skill_ids.id,
                "required_level_id": languages.skill_level_ids[-1].id,
            }
        )
        # a skill to learn for the next job: /my/career/paths lists it, with
        # the course that teaches it, as a card
        self.env["hr.job.competency"].create(
            {
                "job_id": self.next_job.id,
                "skill_id": self.refactoring.id,
                "required_level_id": self.expert.id,
                "importance": "critical",
            }
        )
        plan = self.env["hr.development.plan"].create(
            {"employee_id": self.employee.id, "state": "active"}
        )
        # set a week ago, when its date was still ahead: now overdue
        due = fields.Date.today() - relativedelta(days=3)
        with freeze_time(fields.Date.today() - relativedelta(days=7)):
            self.env["hr.development.action"].create(
                {
                    "plan_id": plan.id,
                    "name": "Read the refactoring book",
                    "action_type": "other",
                    "date_due": due,
                }
            )
        # the page once before the browser: on a loaded machine its first
        # rendering outlasts the 5 s Chrome's idle pre-connection waits in
        # tests ("Request timed out" logged at ERROR)
        self.authenticate("career_portal", "career_portal")
        self.assertEqual(self.url_open("/my/career").status_code, 200)
        self.start_tour(
            "/my/career", "hr_career_dev_portal_phone_tour", login="career_portal"
        )
        goal = self.env["hr.career.goal"].search([("name", "=", "Speak at the meetup")])
        self.assertEqual(goal.employee_id, self.employee)
        self.assertEqual((goal.horizon, goal.target_job_id), ("long", self.next_job))
        self.assertIn("Give a talk on refactoring", goal.description)
