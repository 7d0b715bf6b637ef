# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.hr_career_dev.tests.demo_common import DemoCase


@tagged("post_install", "-at_install")
class TestDemoPortal(DemoCase):
    """Every demo login finds a badge with its certificate on /my/career."""

    def test_each_demo_user_sees_a_badge_with_its_certificate(self):
        users = self.demo_users()
        self.assertTrue(users)
        for user in users:
            with self.subTest(login=user.login):
                awards = self.env["gamification.badge.user"].search(
                    [
                        ("employee_id", "=", user.employee_id.id),
                        ("is_recognition", "=", True),
                    ]
                )
                self.assertTrue(awards, "a recognition award")
                page = self.open_page(user, "/my/career")
                badges = self.section_text(page, "o_career_badges")
                for award in awards:
                    self.assertIn(award.badge_id.name, badges)
                links = {
                    link.get("href") for link in page.find_class("o_career_certificate")
                }
                self.assertEqual(
                    links, {f"/my/career/certificate/{award.id}" for award in awards}
                )
