# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, api
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestConcurrentAwards(TransactionCase):
    """Two transactions award the same badge to the same employee for the same
    record at the same time: the database keeps one award, the second
    transaction ends without error and without a second award."""

    def setUp(self):
        super().setUp()
        with self.env.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            employee = env.ref("hr.employee_admin")
            badge = env["gamification.badge"].create(
                {"name": "Rec Race Badge", "rule_auth": "nobody"}
            )
            self.data = {
                "badge_id": badge.id,
                "employee_id": employee.id,
                "user_id": employee.user_id.id,
            }
            cr.commit()  # pylint: disable=invalid-commit
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.env.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["gamification.badge.user"].search(
                [("badge_id", "=", self.data["badge_id"])]
            ).unlink()
            env["gamification.badge"].browse(self.data["badge_id"]).unlink()
            cr.commit()  # pylint: disable=invalid-commit

    def _vals(self):
        return {
            "badge_id": self.data["badge_id"],
            "user_id": self.data["user_id"],
            "employee_id": self.data["employee_id"],
            "res_model": "hr.employee",
            "res_id": self.data["employee_id"],
        }

    @mute_logger(
        "odoo.sql_db", "odoo.addons.hr_recognition.models.gamification_badge_user"
    )
    def test_two_cursors_award_once(self):
        key = (
            self.data["badge_id"],
            self.data["employee_id"],
            "hr.employee",
            self.data["employee_id"],
        )
        with (
            self.env.registry.cursor() as cr1,
            self.env.registry.cursor() as cr2,
        ):
            env1 = api.Environment(cr1, SUPERUSER_ID, {})
            env2 = api.Environment(cr2, SUPERUSER_ID, {})
            BadgeUser1 = env1["gamification.badge.user"]
            BadgeUser2 = env2["gamification.badge.user"]
            # both transactions check first: nothing awarded yet
            self.assertFalse(BadgeUser1._recognition_existing_keys([key]))
            self.assertFalse(BadgeUser2._recognition_existing_keys([key]))
            # the first one awards and commits
            first = BadgeUser1._recognition_create([self._vals()])
            self.assertEqual(len(first), 1)
            cr1.commit()
            # the second one, whose snapshot predates that award, tries too
            second = BadgeUser2._recognition_create([self._vals()])
            self.assertFalse(second)
            cr2.commit()
        with self.env.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            count = env["gamification.badge.user"].search_count(
                [("badge_id", "=", self.data["badge_id"])]
            )
        self.assertEqual(count, 1)
