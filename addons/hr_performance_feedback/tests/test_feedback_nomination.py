# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.hr_performance_link.tests.common import PerformanceLinkCase
from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestFeedbackNomination(PerformanceLinkCase):
    """Eve nominates the peers who give her 360° feedback, up to the number
    in Settings; Mona, her manager, approves them: each approved peer gets a
    request."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # an internal user of the company, outside Eve's team and requests
        cls.user_outsider = mail_new_test_user(
            cls.env, login="fb_outsider", name="Oscar Outsider"
        )
        users = [
            mail_new_test_user(
                cls.env, login=f"nom_peer{index}", name=f"Peer {index} (test)"
            )
            for index in range(4)
        ]
        cls.peers = cls.env["hr.employee"].create(
            [
                {
                    "name": user.name,
                    "user_id": user.id,
                    "parent_id": cls.manager.id,
                }
                for user in users
            ]
        )
        cls.Nomination = cls.env["hr.feedback.nomination"].with_user(cls.user_employee)

    def _nominate(self, peers, user=None):
        Nomination = self.Nomination.with_user(user) if user else self.Nomination
        return Nomination.create(
            [
                {"appraisal_id": self.appraisal.id, "reviewer_id": peer.id}
                for peer in peers
            ]
        )

    def test_default_is_three_peers_and_the_fourth_is_refused(self):
        self.assertEqual(self.employee.company_id.feedback_peer_count, 3)
        nominations = self._nominate(self.peers[:3])
        self.assertEqual(set(nominations.mapped("state")), {"proposed"})
        with self.assertRaises(ValidationError) as caught:
            self._nominate(self.peers[3])
        self.assertIn(
            "Eve Employee may nominate up to 3 peers for 360° feedback",
            str(caught.exception),
        )
        self.assertEqual(
            self.env["hr.feedback.nomination"].search_count(
                [("appraisal_id", "=", self.appraisal.id)]
            ),
            3,
        )
        # a rejected nomination frees its place
        nominations[0].with_user(self.user_manager).action_reject()
        self._nominate(self.peers[3])

    def test_the_number_follows_settings(self):
        self.employee.company_id.feedback_peer_count = 1
        self._nominate(self.peers[0])
        with self.assertRaises(ValidationError):
            self._nominate(self.peers[1])
        with self.assertRaises(ValidationError):
            self.employee.company_id.feedback_peer_count = 21

    def test_manager_approval_sends_one_request_per_peer(self):
        nominations = self._nominate(self.peers[:2])
        nominations.with_user(self.user_manager).action_approve()
        self.assertEqual(set(nominations.mapped("state")), {"approved"})
        requests = self.appraisal.feedback_request_ids
        self.assertEqual(requests.reviewer_id, self.peers[:2])
        self.assertEqual(set(requests.mapped("state")), {"requested"})
        self.assertEqual(set(requests.mapped("relation")), {"peer"})
        # the manager reads which request each nomination became; Eve does
        # not (the requests are hidden from their subject)
        self.assertEqual(nominations.with_user(self.user_manager).request_id, requests)
        self.assertFalse(nominations.request_id)
        self.assertEqual(
            requests.activity_ids.user_id, self.peers[:2].user_id, "peers asked"
        )

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_only_the_manager_chain_approves(self):
        nomination = self._nominate(self.peers[0])
        for user in (self.user_employee, self.user_reviewer, self.user_outsider):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    nomination.with_user(user).action_approve()
                with self.assertRaises(AccessError):
                    nomination.with_user(user).write({"state": "approved"})
        self.assertEqual(nomination.state, "proposed")
        self.assertFalse(self.appraisal.feedback_request_ids)
        # a colleague cannot nominate for Eve either
        with self.assertRaises(AccessError):
            self._nominate(self.peers[1], user=self.user_reviewer)

    def test_who_cannot_be_nominated(self):
        nologin = self.env["hr.employee"].create(
            {"name": "Nolan Nologin", "parent_id": self.manager.id}
        )
        for reviewer, words in (
            (nologin, "Nolan Nologin has no login"),
            (self.employee, "cannot give 360° feedback about themselves"),
            (self.manager, "is the manager of Eve Employee and is asked anyway"),
        ):
            with self.subTest(reviewer=reviewer.name):
                with self.assertRaises(ValidationError) as caught:
                    self._nominate(reviewer)
                self.assertIn(words, str(caught.exception))
        self._nominate(self.peers[0])
        with self.assertRaises(ValidationError) as caught:
            self._nominate(self.peers[0])
        self.assertIn("already nominated", str(caught.exception))
        # the portal offers colleagues with a login only
        candidates = self.env["hr.feedback.nomination"]._candidate_reviewers(
            self.employee
        )
        self.assertIn(self.peers[1], candidates)
        self.assertNotIn(nologin, candidates)
        self.assertNotIn(self.manager, candidates)
        self.assertNotIn(self.employee, candidates)

    def test_done_appraisal_takes_no_nomination(self):
        self.appraisal.sudo().state = "3_done"
        with self.assertRaises(UserError) as caught:
            self._nominate(self.peers[0])
        self.assertIn("nominations of Eve Employee are closed", str(caught.exception))
