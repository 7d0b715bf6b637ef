# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

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
        """The demo review, in the browser: HR opens it; the manager of the
        R&D people, with no HR rights, proposes an increase for one of them
        from the Proposals menu; HR approves, applies it to the contracts
        and releases it. (The suite's demo makes Marc Demo's user an
        appraisal officer, hence an HR officer: his employee gets a login of
        an employee only, ``rd_manager``.)"""
        review = self.env.ref(
            "hr_compensation_review.hr_compensation_review_demo",
            raise_if_not_found=False,
        )
        if not review:
            self.skipTest("installed without demo data")
        manager = new_test_user(self.env, login="rd_manager", groups="base.group_user")
        self.env.ref("hr.employee_qdp").user_id = manager
        self.assertFalse(manager.has_group("hr.group_hr_user"), "no HR rights")
        self.assertFalse(
            manager.has_group("hr_compensation_review.group_compensation_manager")
        )
        review.date_effective = fields.Date.context_today(review)
        action = "hr_compensation_review.hr_compensation_review_action"
        url = f"/odoo/action-{action}/{review.id}"
        self.start_tour(url, "hr_compensation_review_open", login="admin")
        self.assertFalse(review.line_ids, "the lines come from the jobs")
        self._perform_jobs(review)
        self.assertTrue(review.line_ids)
        self.start_tour(
            "/odoo", "hr_compensation_review_manager_proposes", login="rd_manager"
        )
        proposed = review.line_ids.filtered(lambda line: line.increase_percent == 7.5)
        self.assertEqual(len(proposed), 1)
        self.assertEqual(proposed.write_uid, manager, "the manager proposed it")
        self.assertEqual(proposed.justification, "Strong year on the platform")
        self.assertNotEqual(proposed.employee_id, manager.employee_id)
        roles = (
            self.env["hr.career.role"]
            .with_user(manager)
            ._get_roles(proposed.employee_id)
        )
        self.assertEqual(roles[proposed.employee_id.id], "manager", "one of theirs")
        self.start_tour(url, "hr_compensation_review_approve_to_release", login="admin")
        self._perform_jobs(review)
        self.assertEqual(review.state, "done")
        self.assertTrue(review.released)
        self.assertEqual(set(review.line_ids.mapped("state")), {"applied"})
        contract = self.env["hr.contract"].search(
            [("compensation_line_id", "=", proposed.id)]
        )
        self.assertEqual(contract.wage, proposed.new_wage)
        self.assertEqual(proposed.employee_id.contract_id, contract)
