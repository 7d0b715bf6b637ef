# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .test_portal_http import CareerPortalCase


@tagged("post_install", "-at_install")
class TestCareerPortalTour(CareerPortalCase):
    """The employee's walk through /my/career in a real (headless) browser."""

    def test_employee_enrols_in_suggested_course_and_updates_goal(self):
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
