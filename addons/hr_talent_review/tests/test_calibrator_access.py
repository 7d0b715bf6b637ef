# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command

from odoo.addons.mail.tests.common import mail_new_test_user

from .talent_common import TalentReviewCase

APPRAISAL_USER = "hr_appraisal_oca.group_appraisal_user"


class TestCalibratorAccess(TalentReviewCase):
    """An invited calibrator who manages nobody: notified, a follower of the
    session, and the Talent Review menu while the session is open; the
    Appraisals role the suite gave them for it goes when they are uninvited
    or the session closes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_cleo = mail_new_test_user(
            cls.env, login="tr_cleo", name="Cleo Calibrator", groups="base.group_user"
        )
        cls.env["hr.employee"].create(
            {"name": "Cleo Calibrator", "user_id": cls.user_cleo.id}
        )
        cls.menus = (
            cls.env.ref("hr_appraisal_oca.menu_hr_appraisal_root")
            | cls.env.ref("hr_talent_review.hr_talent_review_menu_root")
            | cls.env.ref("hr_talent_review.hr_talent_review_menu")
        )

    def _visible(self, user):
        """The menus of ``self.menus`` the user reaches: visible to them,
        and so is every menu above."""
        user.invalidate_recordset(["groups_id"])
        visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
        return self.menus.filtered(
            lambda menu: all(
                int(menu_id) in visible for menu_id in menu.parent_path.split("/")[:-1]
            )
        )

    def test_invited_calibrator_is_notified_follows_and_sees_the_menu(self):
        # not invited: no menu, no session
        self.assertFalse(self._visible(self.user_cleo))
        Review = self.env["hr.talent.review"].with_user(self.user_cleo)
        self.assertFalse(Review.search([]))
        self.review.manager_ids = [Command.link(self.user_cleo.id)]
        partner = self.user_cleo.partner_id
        self.assertIn(partner, self.review.message_partner_ids)
        invitation = self.review.message_ids[0]
        self.assertIn(partner, invitation.partner_ids)
        self.assertIn("invited to calibrate", invitation.body)
        self.assertIn(partner, invitation.notification_ids.res_partner_id, "notified")
        self.assertEqual(self._visible(self.user_cleo), self.menus)
        self.assertEqual(Review.search([]), self.review)
        self.assertTrue(self.user_cleo.appraisal_rights_granted)
        # uninvited: the role and the menu go
        self.review.manager_ids = [Command.unlink(self.user_cleo.id)]
        self.assertFalse(self._visible(self.user_cleo))
        self.assertFalse(self.user_cleo.has_group(APPRAISAL_USER))

    def test_hr_officer_invites_with_their_own_rights(self):
        """Issue 27, item 7: the invitation (followers, notification) is
        HR's own doing, no sudo(); the Appraisals role is granted on the
        rule's behalf all the same."""
        officer = self.user_hr_officer
        self.review.with_user(officer).manager_ids = [Command.link(self.user_cleo.id)]
        partner = self.user_cleo.partner_id
        self.assertIn(partner, self.review.message_partner_ids)
        invitation = self.review.message_ids[0]
        self.assertIn("invited to calibrate", invitation.body)
        self.assertEqual(invitation.author_id, officer.partner_id)
        self.assertIn(partner, invitation.notification_ids.res_partner_id)
        self.assertTrue(self.user_cleo.appraisal_rights_granted)
        self.assertEqual(self._visible(self.user_cleo), self.menus)

    def test_calibrator_role_goes_when_the_session_closes_managers_keep_theirs(self):
        self.review.manager_ids = [Command.link(self.user_cleo.id)]
        # Nick manages Otis: the role the suite gave him stays after the close
        self.review.manager_ids = [Command.link(self.user_other_manager.id)]
        self._calibrating()
        self.review.action_close()
        self.assertFalse(self._visible(self.user_cleo))
        self.assertFalse(self.user_cleo.has_group(APPRAISAL_USER))
        self.user_other_manager.invalidate_recordset(["groups_id"])
        self.assertTrue(self.user_other_manager.has_group(APPRAISAL_USER))
