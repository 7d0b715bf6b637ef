# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import Counter

from dateutil.relativedelta import relativedelta

from odoo.exceptions import UserError, ValidationError
from odoo.tests import TransactionCase

from odoo.addons.mail.tests.common import mail_new_test_user

from .test_review_cycle import ReviewCycleData

TEAM_SIZE = 15


class TestReviewCycleNomination(ReviewCycleData, TransactionCase):
    """A team of 15 under one manager, reviewed by a cycle with the default
    360° rule: the manager plus the peers each person nominates (at most 3,
    Settings), approved by the manager. Asking every teammate gave each
    person 14 requests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        users = [
            mail_new_test_user(
                cls.env, login=f"team15_{index}", name=f"Teammate {index:02d}"
            )
            for index in range(TEAM_SIZE)
        ]
        cls.team = cls.env["hr.employee"].create(
            [
                {
                    "name": user.name,
                    "user_id": user.id,
                    "parent_id": cls.manager.id,
                    "job_id": cls.job.id,
                }
                for user in users
            ]
        )
        cls.users = {employee: employee.user_id for employee in cls.team}
        cls.team_cycle = cls.Cycle.create(
            {
                "name": "Team of 15 (test)",
                "date_start": cls.today,
                "date_end": cls.today + relativedelta(days=30),
                "date_manager_review": cls.today + relativedelta(days=20),
                "employee_ids": [(6, 0, cls.team.ids)],
                "create_feedback_requests": True,
            }
        )

    def _requests(self):
        return (
            self.env["hr.feedback.request"]
            .sudo()
            .search([("review_cycle_id", "=", self.team_cycle.id)])
        )

    def _appraisal(self, employee):
        return self._cycle_appraisals(self.team_cycle).filtered(
            lambda a: a.employee_id == employee
        )

    def _nominate(self, employee, peers):
        return (
            self.env["hr.feedback.nomination"]
            .with_user(self.users[employee])
            .create(
                [
                    {"appraisal_id": self._appraisal(employee).id, "reviewer_id": p.id}
                    for p in peers
                ]
            )
        )

    def test_default_asks_the_manager_then_up_to_three_approved_peers(self):
        self.assertTrue(self.team_cycle.feedback_from_nominations)
        self.assertFalse(self.team_cycle.feedback_from_peers)
        self._launch(self.team_cycle)
        requests = self._requests()
        # on launch: the manager only, once per person (was 14 peers each)
        self.assertEqual(len(requests), TEAM_SIZE)
        self.assertEqual(requests.reviewer_id, self.manager)
        # everyone nominates the three next teammates; a fourth is refused
        for index, employee in enumerate(self.team):
            peers = self.team[index + 1 : index + 4] or self.team[:3]
            self._nominate(employee, peers)
        with self.assertRaises(ValidationError) as caught:
            self._nominate(self.team[0], self.team[10])
        self.assertIn("may nominate up to 3 peers", str(caught.exception))
        nominations = self.env["hr.feedback.nomination"].search(
            [("appraisal_id.review_cycle_id", "=", self.team_cycle.id)]
        )
        self.assertEqual(len(nominations), 42)  # the last three nominate fewer
        nominations.with_user(self.user_manager).action_approve()
        requests = self._requests()
        per_person = Counter(request.employee_id.id for request in requests)
        self.assertEqual(max(per_person.values()), 1 + 3)
        self.assertEqual(len(per_person), TEAM_SIZE)
        per_reviewer = Counter(
            request.reviewer_id.id for request in requests if request.relation == "peer"
        )
        self.assertLessEqual(max(per_reviewer.values()), 3)
        # sent as the cycle sends its requests, labelled with the cycle
        peer_requests = requests.filtered(lambda r: r.relation == "peer")
        self.assertEqual(set(peer_requests.mapped("state")), {"requested"})
        self.assertEqual(
            set(peer_requests.mapped("date_deadline")),
            {self.team_cycle.date_manager_review},
        )
        self.assertTrue(all(peer_requests.mapped("anonymous")))
        self.assertEqual(
            peer_requests[0]
            .with_user(peer_requests[0].reviewer_id.user_id)
            .display_name,
            f"Feedback on {peer_requests[0].employee_id.name} (Team of 15 (test))",
        )

    def test_nominations_close_after_the_360_phase(self):
        self._launch(self.team_cycle)
        self._nominate(self.team[0], self.team[1])
        self.team_cycle.action_next_phase()  # 360° feedback: still open
        self._nominate(self.team[0], self.team[2])
        self.team_cycle.action_next_phase()  # manager review
        with self.assertRaises(UserError) as caught:
            self._nominate(self.team[0], self.team[3])
        self.assertIn("nominations of Teammate 00 are closed", str(caught.exception))

    def test_a_cycle_without_nominations_takes_none(self):
        self.team_cycle.feedback_from_nominations = False
        self._launch(self.team_cycle)
        with self.assertRaises(UserError):
            self._nominate(self.team[0], self.team[1])
