# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 27, finding 4: a move's reason is read by HR and the person's
managers, not by every manager invited to the session."""

from odoo import Command
from odoo.tests import tagged

from .talent_common import TalentReviewCase


@tagged("post_install", "-at_install", "suite_upgrade")
class TestTalentTrustFindings(TalentReviewCase):
    def test_finding4_move_reason_stays_with_the_persons_managers(self):
        """Nick, invited too, manages Otis, not Eve: the session's chatter
        tells him nothing of Eve's move; Mona and HR read its reason."""
        self.review.manager_ids = [Command.link(self.user_other_manager.id)]
        self._calibrating()
        eve = self._line(self.review, self.employee)
        eve.with_user(self.user_manager).move_to(
            potential="high", reason="Leads the platform migration"
        )
        self.env.invalidate_all()
        as_nick = self.review.with_user(self.user_other_manager)
        bodies = " ".join(str(body) for body in as_nick.message_ids.mapped("body"))
        self.assertNotIn("Leads the platform migration", bodies)
        self.assertNotIn("Eve Employee", bodies)
        # the web client's read of the chatter: the same
        messages = (
            self.env["mail.message"]
            .with_user(self.user_other_manager)
            .search([("body", "ilike", "platform migration")])
        )
        self.assertFalse(messages)
        for user in (self.user_manager, self.user_hr_officer):
            with self.subTest(user=user.login):
                found = (
                    self.env["mail.message"]
                    .with_user(user)
                    .search([("body", "ilike", "Leads the platform migration")])
                )
                self.assertTrue(found)
