# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo.exceptions import UserError, ValidationError
from odoo.tests import TransactionCase

from odoo.addons.queue_job.job import Job
from odoo.addons.queue_job.tests.common import trap_jobs

from .test_review_cycle import ReviewCycleData


class TestReviewCycleFeedback(ReviewCycleData, TransactionCase):
    """The cycle's "create 360 requests" option: on launch, each appraisal
    gets the requests of the cycle's reviewer rule, once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"]
        # a peer of the four reports with no login, and Eve's intern (no login)
        cls.nologin_peer = Employee.create(
            {"name": "Nolan Nologin", "parent_id": cls.manager.id}
        )
        cls.intern = Employee.create(
            {"name": "Ivy Intern", "parent_id": cls.employee.id}
        )
        # the "every teammate" rule, kept for the cycles configured with it
        # (nominated peers are the default)
        cls.cycle.write(
            {
                "create_feedback_requests": True,
                "feedback_from_peers": True,
                "date_manager_review": cls.today + relativedelta(days=15),
            }
        )

    def _requests(self, appraisal):
        return (
            self.env["hr.feedback.request"]
            .sudo()
            .search([("appraisal_id", "=", appraisal.id)])
        )

    def _eve(self):
        return self._cycle_appraisals().filtered(
            lambda a: a.employee_id == self.employee
        )

    def test_launch_asks_manager_and_peers_with_a_login_and_counts_the_others(self):
        self._launch()
        eve = self._eve()
        requests = self._requests(eve)
        self.assertEqual(
            {(r.reviewer_id, r.relation) for r in requests},
            {
                (self.manager, "manager"),
                (self.reviewer, "peer"),
                (self.reviewer2, "peer"),
                (self.colleague, "peer"),
            },
        )
        # sent: the reviewers have them to answer, before the manager review
        self.assertEqual(set(requests.mapped("state")), {"requested"})
        self.assertEqual(
            set(requests.mapped("date_deadline")), {self.cycle.date_manager_review}
        )
        self.assertTrue(all(requests.mapped("anonymous")))
        self.assertEqual(
            requests.activity_ids.user_id,
            (self.manager | self.reviewer | self.reviewer2 | self.colleague).user_id,
        )
        # Nolan, a peer without login, is skipped and counted
        self.assertNotIn(self.nologin_peer, requests.reviewer_id)
        self.assertEqual(eve.feedback_skipped_count, 1)
        self.cycle.invalidate_recordset()
        self.assertEqual(self.cycle.feedback_request_count, 16)
        self.assertEqual(self.cycle.feedback_skipped_count, 4)

    def test_retried_chunk_and_relaunch_ask_nobody_twice(self):
        with trap_jobs() as trap:
            self.cycle.action_launch()
            jobs = list(trap.enqueued_jobs)
            trap.perform_enqueued_jobs()
        for job in jobs:
            job.perform()
        # HR widens the rule to direct reports, then launches again
        self.cycle.feedback_from_reports = True
        self._launch()
        self.cycle.invalidate_recordset()
        self.assertEqual(self.cycle.feedback_request_count, 16)
        eve = self._eve()
        self.assertEqual(len(self._requests(eve)), 4)
        # Ivy, Eve's report, has no login either
        self.assertEqual(eve.feedback_skipped_count, 2)
        self.assertEqual(self.cycle.feedback_skipped_count, 5)
        # a cancelled request is not sent again by a relaunch
        cancelled = self._requests(eve).filtered(
            lambda r: r.reviewer_id == self.reviewer
        )
        cancelled.action_cancel()
        self._launch()
        self.assertEqual(len(self._requests(eve)), 4)
        self.assertEqual(cancelled.state, "cancelled")

    def test_without_the_option_no_request_is_created(self):
        self.cycle.create_feedback_requests = False
        self._launch()
        self.assertEqual(len(self._cycle_appraisals()), 4)
        self.assertFalse(
            self.env["hr.feedback.request"]
            .sudo()
            .search([("appraisal_id", "in", self._cycle_appraisals().ids)])
        )

    def test_the_option_needs_someone_to_give_feedback(self):
        # assertRaises (not its Regex variant) rolls the savepoint back
        with self.assertRaises(ValidationError) as caught:
            self.Cycle.create(
                {
                    "name": "Nobody asked (test)",
                    "date_start": self.today,
                    "date_end": self.today,
                    "create_feedback_requests": True,
                    "feedback_from_manager": False,
                    "feedback_from_nominations": False,
                    "feedback_from_peers": False,
                    "feedback_from_reports": False,
                }
            )
        self.assertIn("choose who gives feedback", str(caught.exception))
        self.assertFalse(
            self.env["hr.review.cycle"].search([("name", "=", "Nobody asked (test)")])
        )


class TestReviewCycleRelaunchWhileRunning(ReviewCycleData, TransactionCase):
    """Jobs stored in the queue (not trapped), as the jobrunner finds them."""

    def _queued(self):
        return self.env["queue.job"].search(
            [("model_name", "=", "hr.review.cycle"), ("state", "=", "pending")]
        )

    def test_relaunch_close_or_retry_refused_in_words_while_the_launch_runs(self):
        self.cycle.action_launch()
        queued = self._queued()
        self.assertEqual(len(queued), 2)
        with self.assertRaisesRegex(
            UserError, "launch of the review cycle .* still running"
        ):
            self.cycle.action_launch()
        with self.assertRaisesRegex(UserError, "still running"):
            self.cycle.action_close()
        # one chunk is done, the other still runs: still refused
        first = Job.load(self.env, queued[0].uuid)
        first.perform()
        first.set_done()
        first.store()
        with self.assertRaisesRegex(UserError, "still running"):
            self.cycle.action_launch()
        self.assertEqual(self._queued(), queued[1:])
        self.assertEqual(self.cycle.state, "running")
        # once every job is done, a relaunch is accepted and adds nothing
        second = Job.load(self.env, queued[1].uuid)
        second.perform()
        second.set_done()
        second.store()
        self.cycle.action_launch()
        self.assertEqual(len(self._queued()), 2)
        for job in self._queued():
            Job.load(self.env, job.uuid).perform()
        self.assertEqual(len(self._cycle_appraisals()), 4)

    def test_another_cycles_jobs_do_not_hold_this_one(self):
        other = self.Cycle.create(
            {
                "name": "Other (test)",
                "date_start": self.today,
                "date_end": self.today,
                "employee_ids": [(6, 0, self.employee.ids)],
            }
        )
        other.action_launch()
        self.cycle.action_launch()
        self.assertEqual(self.cycle.state, "running")
        self.assertEqual(len(self._queued()), 3)
