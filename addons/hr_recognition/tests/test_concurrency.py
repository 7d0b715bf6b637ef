# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, api
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

BADGE_NAME = "Rec Race Badge"


@tagged("post_install", "-at_install")
class TestConcurrentAwards(TransactionCase):
    """Two transactions award the same badge to the same employee for the same
    record at the same time: the database keeps one award, the second
    transaction ends without error, without a second award and without a
    second acknowledgement. The data is committed, hence cleaned up."""

    def setUp(self):
        super().setUp()
        with self.env.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            employee = env.ref("hr.employee_admin")
            badge = env["gamification.badge"].create(
                {"name": BADGE_NAME, "rule_auth": "nobody"}
            )
            action = env["ir.actions.server"].create(
                {
                    "name": "Rec race grant",
                    "model_id": env["ir.model"]._get_id("hr.employee"),
                    "state": "grant_badge",
                    "badge_id": badge.id,
                    "badge_reason": "Race",
                }
            )
            self.data = {
                "badge_id": badge.id,
                "action_id": action.id,
                "employee_id": employee.id,
            }
            # both racing cursors must see these rows; _cleanup removes them
            cr.commit()  # pylint: disable=invalid-commit
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.env.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            self._messages(env).unlink()
            env["gamification.badge.user"].search(
                [("badge_id", "=", self.data["badge_id"])]
            ).unlink()
            env["ir.actions.server"].browse(self.data["action_id"]).unlink()
            env["gamification.badge"].browse(self.data["badge_id"]).unlink()
            cr.commit()  # pylint: disable=invalid-commit

    def _messages(self, env):
        return env["mail.message"].search([("body", "ilike", BADGE_NAME)])

    def _grant(self, env):
        action = env["ir.actions.server"].browse(self.data["action_id"])
        employee = env["hr.employee"].browse(self.data["employee_id"])
        return action._recognition_grant(employee)

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
            # both transactions start and see nothing awarded yet
            self.assertFalse(
                env1["gamification.badge.user"]._recognition_existing_keys([key])
            )
            self.assertFalse(
                env2["gamification.badge.user"]._recognition_existing_keys([key])
            )
            # the first one awards and commits
            first = self._grant(env1)
            self.assertEqual(len(first), 1)
            cr1.commit()  # pylint: disable=invalid-commit
            # the second one, whose snapshot predates that award, awards too:
            # its check sees nothing, the unique index refuses the insert, and
            # the conflict is absorbed
            second = self._grant(env2)
            self.assertFalse(second)
            cr2.commit()  # pylint: disable=invalid-commit
        with self.env.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            awards = env["gamification.badge.user"].search(
                [("badge_id", "=", self.data["badge_id"])]
            )
            self.assertEqual(len(awards), 1)
            self.assertEqual(awards.employee_id.id, self.data["employee_id"])
            # acknowledged once: one note on the employee, one channel post
            messages = self._messages(env)
            self.assertEqual(
                sorted(messages.mapped("model")), ["discuss.channel", "hr.employee"]
            )

    @mute_logger(
        "odoo.sql_db", "odoo.addons.hr_recognition.models.gamification_badge_user"
    )
    def test_two_cursors_granting_at_commit_award_once(self):
        """The same race when the awards are collected during the transactions
        and granted by their commits (what a rule does)."""
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
            envs = [api.Environment(cr, SUPERUSER_ID, {}) for cr in (cr1, cr2)]
            for env in envs:
                self.assertFalse(
                    env["gamification.badge.user"]._recognition_existing_keys([key])
                )
                action = env["ir.actions.server"].browse(self.data["action_id"])
                employee = env["hr.employee"].browse(self.data["employee_id"])
                action._recognition_grant_at_commit(employee)
            cr1.commit()  # pylint: disable=invalid-commit
            cr2.commit()  # pylint: disable=invalid-commit
        with self.env.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            awards = env["gamification.badge.user"].search(
                [("badge_id", "=", self.data["badge_id"])]
            )
            self.assertEqual(len(awards), 1)
            messages = self._messages(env)
            self.assertEqual(
                sorted(messages.mapped("model")), ["discuss.channel", "hr.employee"]
            )
