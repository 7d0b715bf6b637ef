# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.hr_career_dev.tests.common import JsonRpcMixin
from odoo.addons.hr_performance_link.tests.common import AppraisalTrustData
from odoo.addons.queue_job.tests.common import trap_jobs

from ..models.hr_review_cycle import CHUNK_PARAM


class ReviewCycleData(AppraisalTrustData):
    """A cycle of Mona's four reports, two employees per job, created by an
    HR officer outside OCA's appraisal groups."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].sudo().set_param(CHUNK_PARAM, "2")
        cls.reports = (
            cls.employee | cls.reviewer | cls.reviewer2 | cls.colleague
        ).sorted("id")
        cls.Cycle = cls.env["hr.review.cycle"].with_user(cls.user_hr_officer)
        cls.cycle = cls.Cycle.create(
            {
                "name": "Annual review (test)",
                "date_start": cls.today - relativedelta(months=11),
                "date_end": cls.today + relativedelta(days=20),
                "employee_ids": [(6, 0, cls.reports.ids)],
            }
        )

    def _launch(self, cycle=None):
        cycle = cycle or self.cycle
        with trap_jobs() as trap:
            cycle.action_launch()
            trap.perform_enqueued_jobs()

    def _cycle_of_new_reports(self, count, name):
        """A draft cycle of ``count`` new reports of Mona's, in the job."""
        people = self.env["hr.employee"].create(
            [
                {
                    "name": f"{name} {index}",
                    "parent_id": self.manager.id,
                    "job_id": self.job.id,
                }
                for index in range(count)
            ]
        )
        cycle = self.Cycle.create(
            {
                "name": name,
                "date_start": self.today,
                "date_end": self.today,
                "employee_ids": [(6, 0, people.ids)],
            }
        )
        return cycle, people

    def _cycle_appraisals(self, cycle=None):
        return (
            self.env["hr.appraisal"]
            .sudo()
            .search([("review_cycle_id", "=", (cycle or self.cycle).id)])
        )


class TestReviewCycle(ReviewCycleData, TransactionCase):
    def test_launch_enqueues_chunks_then_creates_appraisals_with_skill_lines(self):
        cycle = self.cycle
        first, second = self.reports.ids[:2], self.reports.ids[2:]
        with trap_jobs() as trap:
            cycle.action_launch()
            trap.assert_jobs_count(2, only=cycle._job_launch)
            trap.assert_enqueued_job(cycle._job_launch, args=(first,))
            trap.assert_enqueued_job(cycle._job_launch, args=(second,))
            # nothing is created in the click: the jobs do it
            self.assertEqual(cycle.state, "running")
            self.assertEqual(cycle.appraisal_count, 0)
            self.assertEqual((cycle.done_count, cycle.total_count), (0, 4))
            self.assertEqual(cycle.progress, 0)
            trap.perform_enqueued_jobs()
        cycle.invalidate_recordset()
        appraisals = self._cycle_appraisals()
        self.assertEqual(appraisals.employee_id, self.reports)
        self.assertEqual(set(appraisals.mapped("state")), {"2_pending"})
        self.assertEqual(set(appraisals.mapped("date_close")), {cycle.date_end})
        eve = appraisals.filtered(lambda a: a.employee_id == self.employee)
        self.assertEqual(
            set(eve.skill_assessment_ids.skill_id.ids),
            {self.python.id, self.sql.id, self.design.id, self.esperanto.id},
        )
        self.assertEqual(eve.manager_ids, self.manager)
        self.assertEqual((cycle.done_count, cycle.total_count), (4, 4))
        self.assertEqual(cycle.progress, 100)
        self.assertEqual(cycle.failure_count, 0)

    def test_launching_twice_or_retrying_a_chunk_creates_nothing_twice(self):
        with trap_jobs() as trap:
            self.cycle.action_launch()
            jobs = list(trap.enqueued_jobs)
            trap.perform_enqueued_jobs()
        # a chunk retried by the queue after it had done its work
        for job in jobs:
            job.perform()
        # launched again: only what is missing would be created
        self._launch()
        appraisals = self._cycle_appraisals()
        self.assertEqual(len(appraisals), 4)
        self.assertEqual(appraisals.employee_id, self.reports)
        lines = appraisals.skill_assessment_ids
        pairs = {(line.appraisal_id.id, line.skill_id.id) for line in lines}
        self.assertEqual(len(lines), len(pairs))
        eve = appraisals.filtered(lambda a: a.employee_id == self.employee)
        self.assertEqual(len(eve.skill_assessment_ids), 4)

    def test_employee_without_manager_is_reviewed_and_listed_not_failed(self):
        self.cycle.employee_ids = [(4, self.other_manager.id)]
        self._launch()
        self.cycle.invalidate_recordset()
        self.assertEqual(self.cycle.failure_count, 0)
        nick = self._cycle_appraisals().filtered(
            lambda a: a.employee_id == self.other_manager
        )
        self.assertTrue(nick)
        self.assertFalse(nick.manager_ids)
        # listed for HR to assign a reviewer, and the jobs' work is done
        self.assertEqual(self.cycle.no_reviewer_count, 1)
        self.assertEqual((self.cycle.done_count, self.cycle.total_count), (5, 5))
        with self.assertRaises(UserError):
            self.cycle.action_retry_failures()

    def test_appraisal_period_follows_the_cycle(self):
        self._launch()
        appraisals = self._cycle_appraisals()
        self.assertEqual(
            set(appraisals.mapped("date_period_start")), {self.cycle.date_start}
        )

    def test_overlapping_cycle_warns_or_is_refused_per_settings(self):
        self._launch()
        second = self.Cycle.create(
            {
                "name": "Mid-year (test)",
                "date_start": self.today,
                "date_end": self.today + relativedelta(days=30),
                "employee_ids": [(6, 0, self.employee.ids)],
            }
        )
        self.env["ir.config_parameter"].set_param(
            "hr_review_cycle.overlap_policy", "refuse"
        )
        with trap_jobs() as trap:
            with self.assertRaisesRegex(UserError, "already have an appraisal"):
                second.action_launch()
            trap.assert_jobs_count(0)
        self.assertEqual(second.state, "draft")
        self.env["ir.config_parameter"].set_param(
            "hr_review_cycle.overlap_policy", "warn"
        )
        self._launch(second)
        self.assertIn("already have an appraisal", second.message_ids[0].body)
        self.assertIn(self.employee.name, second.message_ids[0].body)
        self.assertEqual(len(self._cycle_appraisals(second)), 1)

    def test_closing_four_employees_costs_the_queries_of_one(self):
        """Completion is set-based: appraisals, plans, links and chatter notes
        of a chunk in the same statements whatever its size."""
        counts = []
        for count, name in ((1, "Warm-up"), (1, "One"), (4, "Four")):
            cycle, people = self._cycle_of_new_reports(count, name)
            self._launch(cycle)
            cycle.state = "closing"
            self._cycle_appraisals(cycle).close_decision = "complete"
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            cycle._job_close(people.ids)
            self.env.flush_all()
            counts.append(self.cr.sql_log_count - before)
            appraisals = self._cycle_appraisals(cycle)
            self.assertEqual(set(appraisals.mapped("state")), {"3_done"})
            # completed unreviewed: no plan, and the cycle's note says so
            self.assertFalse(appraisals.development_plan_id, counts)
            self.assertFalse(any(appraisals.mapped("signed_off")))
            self.assertTrue(
                all(
                    "no skill level, development plan" in a.message_ids[:1].body
                    for a in appraisals
                )
            )
        self.assertLessEqual(counts[2], counts[1] + 2, counts)

    def test_launching_four_employees_costs_the_queries_of_one(self):
        """A launch chunk is set-based: the appraisals, their managers, skill
        lines and activities of a chunk in the same statements whatever its
        size (a query per appraisal made the launch of 100,000 slower)."""
        counts = []
        for count, name in ((1, "Warm-up"), (1, "One"), (4, "Four")):
            cycle, people = self._cycle_of_new_reports(count, name)
            cycle.write({"state": "running", "employee_total": count})
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            cycle._job_launch(people.ids)
            self.env.flush_all()
            counts.append(self.cr.sql_log_count - before)
            appraisals = self._cycle_appraisals(cycle)
            self.assertEqual(appraisals.employee_id, people)
            self.assertEqual(appraisals.manager_ids, self.manager)
            self.assertTrue(all(a.skill_assessment_ids for a in appraisals))
        self.assertEqual(counts[2], counts[1], counts)

    def test_close_of_a_cycle_not_launched_is_refused(self):
        with trap_jobs() as trap:
            with self.assertRaisesRegex(UserError, "launch it before closing"):
                self.cycle.action_close()
            trap.assert_jobs_count(0)
        self.assertEqual(self.cycle.state, "draft")

    def test_launch_of_a_cycle_with_nobody_is_refused(self):
        empty = self.env["hr.department"].create({"name": "Nobody here (test)"})
        cycle = self.Cycle.create(
            {
                "name": "Empty (test)",
                "date_start": self.today,
                "date_end": self.today,
                "department_ids": [(6, 0, empty.ids)],
            }
        )
        with trap_jobs() as trap:
            with self.assertRaisesRegex(UserError, "Nobody is in the review cycle"):
                cycle.action_launch()
            trap.assert_jobs_count(0)
        self.assertEqual(cycle.state, "draft")
        self.assertEqual(cycle.employee_total, 0)

    def test_period_ending_before_it_starts_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "cannot end before it starts"):
            self.Cycle.create(
                {
                    "name": "Reversed (test)",
                    "date_start": self.today,
                    "date_end": self.today - relativedelta(days=1),
                }
            )
        with self.assertRaisesRegex(ValidationError, "cannot end before it starts"):
            self.cycle.date_end = self.cycle.date_start - relativedelta(days=1)

    def test_phase_reminders_once_per_person_before_the_deadline(self):
        self._launch()
        self.cycle.date_self_assessment = self.today + relativedelta(days=2)
        self.cycle.date_manager_review = self.today + relativedelta(days=20)
        Cycle = self.env["hr.review.cycle"]
        # every report writes their self-assessment: the launch gave each
        # their to-do, which the reminder does not double; the review is not
        # due yet
        self.assertFalse(Cycle._cron_phase_reminders())
        activities = self.env["mail.activity"].search(
            [
                ("res_model", "=", "hr.appraisal"),
                ("res_id", "in", self._cycle_appraisals().ids),
            ]
        )
        self.assertEqual(
            set(activities.mapped("user_id").ids),
            set(self.reports.user_id.ids),
        )
        self.assertEqual(len(activities), 4)
        self.assertEqual(
            set(activities.mapped("res_id")), set(self._cycle_appraisals().ids)
        )
        # the next day's run schedules nothing twice
        self.assertFalse(Cycle._cron_phase_reminders())
        # the manager review is near: Mona, their manager, is reminded per report
        self.cycle.date_manager_review = self.today + relativedelta(days=1)
        activities = Cycle._cron_phase_reminders()
        self.assertEqual(activities.user_id, self.user_manager)
        self.assertEqual(len(activities), 4)

    def test_whole_company_when_no_department_nor_employee(self):
        cycle = self.Cycle.create(
            {"name": "Company (test)", "date_start": self.today, "date_end": self.today}
        )
        everyone = self.env["hr.employee"].search(
            [("company_id", "=", cycle.company_id.id)]
        )
        self.assertEqual(cycle._get_population(), everyone)


@tagged("post_install", "-at_install", "suite_upgrade")
class TestReviewCycleSecurity(ReviewCycleData, TransactionCase):
    def test_manager_reads_the_cycle_of_their_reports_only(self):
        self._launch()
        cycle_as_mona = self.cycle.with_user(self.user_manager)
        self.assertEqual(cycle_as_mona.read(["name"])[0]["name"], self.cycle.name)
        # another manager, whose report is not in the cycle, sees nothing
        with self.assertRaises(AccessError):
            self.cycle.with_user(self.user_other_manager).read(["name"])
        # employees see no cycle, not even the one reviewing them
        Cycle = self.env["hr.review.cycle"]
        self.assertFalse(Cycle.with_user(self.user_colleague).search([]))
        with self.assertRaises(AccessError):
            self.cycle.with_user(self.user_employee).read(["name"])

    def test_manager_cannot_create_launch_close_or_edit_a_cycle(self):
        self._launch()
        cycle_as_mona = self.cycle.with_user(self.user_manager)
        with self.assertRaises(AccessError):
            cycle_as_mona.write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            cycle_as_mona.action_launch()
        with self.assertRaises(AccessError):
            cycle_as_mona.action_close()
        with self.assertRaises(AccessError):
            self.env["hr.review.cycle"].with_user(self.user_manager).create(
                {"name": "Mine", "date_start": self.today, "date_end": self.today}
            )
        self.assertEqual(self.cycle.name, "Annual review (test)")
        self.assertEqual(self.cycle.state, "running")

    def test_only_hr_puts_an_appraisal_in_a_cycle(self):
        other = self.Cycle.create(
            {"name": "Other (test)", "date_start": self.today, "date_end": self.today}
        )
        with self.assertRaises(AccessError):
            self.appraisal.with_user(self.user_manager).write(
                {"review_cycle_id": other.id}
            )
        self.assertFalse(self.appraisal.review_cycle_id)


@tagged("post_install", "-at_install", "suite_upgrade")
class TestReviewCycleRpc(JsonRpcMixin, ReviewCycleData, HttpCase):
    @mute_logger("odoo.http")  # the refusals below are logged as warnings
    def test_manager_rpc_launch_create_and_cycle_field_refused(self):
        self.assertRpcRefused(
            "pl_manager", "hr.review.cycle", "action_launch", [self.cycle.ids]
        )
        self.assertRpcRefused(
            "pl_manager",
            "hr.review.cycle",
            "create",
            [
                {
                    "name": "Mine",
                    "date_start": str(self.today),
                    "date_end": str(self.today),
                }
            ],
        )
        self.assertRpcRefused(
            "pl_manager",
            "hr.appraisal",
            "write",
            [self.appraisal.ids, {"review_cycle_id": self.cycle.id}],
        )
        self.assertEqual(self.cycle.state, "draft")
        self.assertEqual(self.cycle.employee_total, 0)
        self.assertFalse(self.appraisal.review_cycle_id)
        self.assertFalse(self.env["hr.review.cycle"].search([("name", "=", "Mine")]))
