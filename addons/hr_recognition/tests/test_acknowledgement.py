# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import RecognitionCase


@tagged("post_install", "-at_install")
class TestAcknowledgement(RecognitionCase):
    def _channel_messages(self):
        return self.channel.message_ids.filtered(
            lambda m: self.employee.name in (m.body or "")
        )

    def test_award_posted_on_employee_and_channel_and_manager_notified(self):
        goal = self._new_goal(self.employee, "Ship the recognition addon")
        goal.action_achieve()
        award = self._awards(self.badge_goal, self.employee)
        self.assertEqual(len(award), 1)

        posts = self.employee.message_ids.filtered(
            lambda m: self.badge_goal.name in (m.body or "")
        )
        self.assertEqual(len(posts), 1)
        self.assertIn(self.employee.name, posts.body)
        # public text: why, not the goal's private title
        self.assertIn("Career goal achieved", posts.body)
        self.assertNotIn("Ship the recognition addon", posts.body)
        # the manager and the employee find it in their inbox
        self.assertEqual(
            posts.notification_ids.res_partner_id,
            self.user_manager.partner_id | self.user_employee.partner_id,
        )
        self.assertEqual(
            set(posts.notification_ids.mapped("notification_type")), {"inbox"}
        )
        self.assertEqual(posts.author_id, self.env.ref("base.partner_root"))
        self.assertEqual(posts.subtype_id, self.env.ref("mail.mt_note"))  # a note
        # the employee, who may not read the employee form, reads the note
        inbox = (
            self.env["mail.message"]
            .with_user(self.user_employee)
            .search([("needaction", "=", True), ("id", "=", posts.id)])
        )
        self.assertEqual(inbox.body, posts.body)

        channel_posts = self._channel_messages()
        self.assertEqual(len(channel_posts), 1)
        self.assertIn(self.badge_goal.name, channel_posts.body)
        self.assertNotIn("Ship the recognition addon", channel_posts.body)
        self.assertEqual(channel_posts.message_type, "comment")

    def test_channel_post_can_be_switched_off(self):
        settings = self.env["res.config.settings"].create(
            {"recognition_post_in_channel": False}
        )
        settings.execute()
        self.assertFalse(self.company.recognition_post_in_channel)
        self._new_goal(self.employee).action_achieve()
        self.assertEqual(len(self._awards(self.badge_goal, self.employee)), 1)
        self.assertFalse(self._channel_messages())
        self.assertTrue(
            self.employee.message_ids.filtered(
                lambda m: self.badge_goal.name in (m.body or "")
            )
        )

    def test_no_acknowledgement_when_nothing_is_awarded(self):
        goal = self._new_goal(self.employee)
        goal.action_achieve()
        # awards of a transaction are granted at its commit (cr.flush)
        self.env.cr.flush()
        goal.action_reset()
        goal.action_achieve()
        self.env.cr.flush()
        self.assertEqual(len(self._channel_messages()), 1)
