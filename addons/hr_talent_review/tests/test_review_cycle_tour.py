# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.queue_job.job import Job

CYCLE_ACTION = "hr_review_cycle.hr_review_cycle_action"
REVIEW_ACTION = "hr_talent_review.hr_talent_review_action"


@tagged("post_install", "-at_install")
class TestReviewCycleTour(HttpCase):
    """A whole review cycle in the browser on the demo data (issue 28): HR
    launches, Lena writes her self-review and answers a 360° request on the
    portal, her manager Owen rates and signs her off from "My Team's
    Reviews", calibration moves her and her rating follows, HR closes with
    the others extended, releases, and Lena reads her rating on the portal.
    One tour per role step (static/tests/tours/review_cycle_tour.js); the
    queue's jobs are performed between them (there is no job runner in
    tests) and what each user would notice is checked here."""

    def _perform_jobs(self, cycle):
        """Run the cycle's queued jobs as the job runner would."""
        jobs = self.env["queue.job"].search(
            [("model_name", "=", cycle._name), ("state", "=", "pending")]
        )
        jobs = jobs.filtered(lambda job: cycle.id in job.records.ids)
        self.assertTrue(jobs, "the launch and the close run in jobs")
        for job in jobs:
            loaded = Job.load(self.env, job.uuid)
            loaded.perform()
            loaded.set_done()
            loaded.store()
        self.env.invalidate_all()

    def _employee_levels(self, employees):
        return {
            (skill.employee_id.id, skill.skill_id.id): skill.skill_level_id.id
            for skill in self.env["hr.employee.skill"].search(
                [("employee_id", "in", employees.ids)]
            )
        }

    def test_tour_runs_a_whole_cycle_on_the_demo_data(self):
        lena = self.env.ref(
            "hr_career_dev.employee_lena_demo", raise_if_not_found=False
        )
        if not lena:
            self.skipTest("installed without demo data")
        owen = self.env.ref("hr_career_dev.employee_owen_demo")
        tomas = self.env.ref("hr_career_dev.employee_tomas_demo")
        kwame = self.env.ref("hr_career_dev.employee_kwame_demo")
        engineering = self.env.ref("hr_career_dev.dep_engineering_demo")
        python = self.env.ref("hr_career_dev.skill_py_demo")
        Cycle = self.env["hr.review.cycle"]

        def python_line(appraisal):
            return appraisal.skill_assessment_ids.filtered(
                lambda line: line.skill_id == python
            )

        today = fields.Date.context_today(Cycle)

        # 1. HR launches a new cycle of the engineering department (UI)
        self.start_tour("/odoo", "hr_talent_review_cycle_launch", login="admin")
        cycle = Cycle.search([("name", "=", "Engineering 2027")])
        self.assertEqual(len(cycle), 1)
        self.assertEqual(cycle.state, "running")
        self.assertEqual(cycle.date_start, today + timedelta(days=45))
        self.assertEqual(cycle.date_end, today + timedelta(days=410))
        self.assertTrue(cycle.create_feedback_requests)
        self.assertFalse(cycle.appraisal_ids, "the appraisals come from the jobs")
        self._perform_jobs(cycle)
        population = self.env["hr.employee"].search(
            [("department_id", "child_of", engineering.id)]
        )
        self.assertEqual(cycle.appraisal_ids.employee_id, population)
        self.assertEqual(
            (cycle.done_count, cycle.total_count), (len(population), len(population))
        )
        self.assertEqual(cycle.signed_off_count, 0)
        self.assertEqual(cycle.review_progress, 0)
        self.assertEqual(cycle.not_started_count, len(population))
        self.assertEqual(set(cycle.appraisal_ids.mapped("state")), {"2_pending"})
        appraisal_of = {a.employee_id: a for a in cycle.appraisal_ids}
        lena_appraisal = appraisal_of[lena]
        self.assertEqual(lena_appraisal.manager_ids, owen)
        # 360° from nominated peers (the cycle's default): Tomás has no
        # login, so his manager nominates Lena for him and approves; the
        # approval sends her the request
        self.assertTrue(cycle.feedback_from_nominations)
        nomination = (
            self.env["hr.feedback.nomination"]
            .with_user(owen.user_id)
            .create(
                {
                    "appraisal_id": appraisal_of[tomas].id,
                    "reviewer_id": lena.id,
                    "note": "Pairs with him on the database work",
                }
            )
        )
        nomination.action_approve()
        request = self.env["hr.feedback.request"].search(
            [
                ("appraisal_id", "=", appraisal_of[tomas].id),
                ("reviewer_id", "=", lena.id),
            ]
        )
        self.assertEqual(nomination.request_id, request)
        self.assertEqual(request.state, "requested")
        self.assertEqual(request.date_deadline, today + timedelta(days=330))

        # 2. Lena on the portal: her self-review, then her 360° answer on
        # Tomás
        self.start_tour(
            "/my/career",
            "hr_talent_review_cycle_self_review",
            login="lena.fischer.career",
        )
        self.env.invalidate_all()
        self.assertTrue(lena_appraisal.employee_feedback_published)
        self.assertIn(
            "I moved the billing service to the new platform",
            lena_appraisal.employee_feedback,
        )
        self.assertEqual(python_line(lena_appraisal).self_level_id.name, "Expert")
        # Owen's 360° answer on her is awaited
        self.assertEqual(lena_appraisal.review_status, "feedback")
        self.start_tour(
            "/my/career", "hr_talent_review_cycle_feedback", login="lena.fischer.career"
        )
        self.env.invalidate_all()
        self.assertEqual(request.state, "answered")
        self.assertEqual(
            request.feedback, "Tomás unblocks the whole team on SQL questions"
        )
        self.assertTrue(request.answer_ids)
        self.assertEqual(set(request.answer_ids.mapped("rating")), {4})

        # 3. Owen, her manager without HR rights, rates and signs her off
        self.assertFalse(owen.user_id.has_group("hr.group_hr_user"))
        levels_before = self._employee_levels(tomas | kwame)
        self.start_tour(
            "/odoo", "hr_talent_review_cycle_manager_review", login="owen.park.career"
        )
        self.env.invalidate_all()
        self.assertEqual(lena_appraisal.state, "3_done")
        self.assertEqual(lena_appraisal.review_status, "signed_off")
        self.assertTrue(lena_appraisal.signed_off)
        meets = lena_appraisal.rating_id
        self.assertEqual(meets.name, "Meets expectations")
        self.assertEqual(lena_appraisal.potential, "medium")
        expert = python_line(lena_appraisal).assessed_level_id
        self.assertEqual(expert.name, "Expert")
        # signed off: the assessed level is Lena's now
        self.assertEqual(self._employee_levels(lena)[(lena.id, python.id)], expert.id)
        self.assertEqual(cycle.signed_off_count, 1)

        # 4. HR calibrates over the cycle's people: Lena moves to high
        # performance, her rating follows
        session = self.env["hr.talent.review"].create(
            {"name": "Engineering 2027 calibration", "cycle_id": cycle.id}
        )
        session.action_populate()
        session.action_start()
        self.assertEqual(session.line_ids.employee_id, lena, "the only one rated")
        self.start_tour(
            f"/odoo/action-{REVIEW_ACTION}/{session.id}",
            "hr_talent_review_cycle_calibrate",
            login="admin",
        )
        self.env.invalidate_all()
        line = session.line_ids
        self.assertEqual((line.box, line.previous_box), (6, 5))
        self.assertEqual(line.reason, "Carried the billing migration alone")
        self.assertEqual(lena_appraisal.rating_id.name, "Exceeds expectations")
        self.assertIn(
            "Carried the billing migration alone", lena_appraisal.rating_justification
        )

        # 5. HR closes the cycle: the others are extended, not completed
        cycle_url = f"/odoo/action-{CYCLE_ACTION}/{cycle.id}"
        self.start_tour(cycle_url, "hr_talent_review_cycle_close", login="admin")
        self.env.invalidate_all()
        self.assertEqual(cycle.state, "done")
        extended = appraisal_of[tomas] | appraisal_of[kwame]
        for appraisal in extended:
            self.assertEqual(appraisal.close_decision, "extend")
            self.assertEqual(appraisal.state, "2_pending")
            self.assertFalse(appraisal.signed_off)
            self.assertFalse(appraisal.career_applied)
            self.assertFalse(appraisal.development_plan_id)
            self.assertEqual(appraisal.date_close, today + timedelta(days=14))
        # nobody else signed off: every other review was extended too
        self.assertEqual(
            set((cycle.appraisal_ids - lena_appraisal).mapped("close_decision")),
            {"extend"},
        )
        # no level of theirs changed
        self.assertEqual(self._employee_levels(tomas | kwame), levels_before)
        self.assertEqual(
            cycle.appraisal_ids.filtered(lambda a: a.state == "3_done"), lena_appraisal
        )
        self.assertEqual(lena_appraisal.review_status, "signed_off")
        self.assertFalse(lena_appraisal.close_decision)

        # before the release, Lena does not read her rating on the portal
        self.start_tour(
            "/my/career",
            "hr_talent_review_cycle_results_hidden",
            login="lena.fischer.career",
        )
        self.authenticate("lena.fischer.career", "lena")
        page = self.url_open("/my/career").text
        self.assertIn("Results not released yet", page)
        self.assertNotIn("Exceeds expectations", page)
        self.assertNotIn("Carried the billing migration alone", page)

        # 6. HR releases the results
        self.start_tour(cycle_url, "hr_talent_review_cycle_release", login="admin")
        self.env.invalidate_all()
        self.assertTrue(cycle.released)

        # 7. Lena reads her released rating on the portal
        self.start_tour(
            "/my/career", "hr_talent_review_cycle_results", login="lena.fischer.career"
        )
