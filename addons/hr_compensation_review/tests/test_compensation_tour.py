# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.queue_job.job import Job


@tagged("post_install", "-at_install")
class TestCompensationTour(HttpCase):
    def _perform_jobs(self, review):
        """Run the review's queued jobs as the job runner would (there is no
        runner in tests)."""
        jobs = self.env["queue.job"].search(
            [("model_name", "=", review._name), ("state", "=", "pending")]
        )
        self.assertTrue(jobs)
        for job in jobs:
            Job.load(self.env, job.uuid).perform()
        self.env.invalidate_all()

    def test_tour_runs_the_demo_review_end_to_end(self):
        """The demo review, in the browser: opened, a proposal, approved,
        applied to the contracts and released."""
        review = self.env.ref(
            "hr_compensation_review.hr_compensation_review_demo",
            raise_if_not_found=False,
        )
        if not review:
            self.skipTest("installed without demo data")
        review.date_effective = fields.Date.context_today(review)
        action = "hr_compensation_review.hr_compensation_review_action"
        url = f"/odoo/action-{action}/{review.id}"
        self.start_tour(url, "hr_compensation_review_open", login="admin")
        self.assertFalse(review.line_ids, "the lines come from the jobs")
        self._perform_jobs(review)
        self.assertTrue(review.line_ids)
        self.start_tour(url, "hr_compensation_review_propose_to_release", login="admin")
        self._perform_jobs(review)
        self.assertEqual(review.state, "done")
        self.assertTrue(review.released)
        self.assertEqual(set(review.line_ids.mapped("state")), {"applied"})
        proposed = review.line_ids.filtered(lambda line: line.increase_percent == 7.5)
        self.assertEqual(len(proposed), 1)
        self.assertEqual(proposed.justification, "Strong year on the platform")
        contract = self.env["hr.contract"].search(
            [("compensation_line_id", "=", proposed.id)]
        )
        self.assertEqual(contract.wage, proposed.new_wage)
        self.assertEqual(proposed.employee_id.contract_id, contract)
