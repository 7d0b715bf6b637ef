# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, tagged

from odoo.addons.queue_job.tests.common import trap_jobs

from .test_review_cycle import ReviewCycleData


# post_install: the badge rule of hr_recognition_appraisal, when installed
@tagged("post_install", "-at_install")
class TestReviewCycleClose(ReviewCycleData, TransactionCase):
    """Closing locks the cycle and completes nothing nobody reviewed: levels,
    plans and badges come only from the appraisals the manager signed off."""

    def _by_employee(self):
        return {a.employee_id: a for a in self._cycle_appraisals()}

    def _sql_line(self, appraisal):
        return appraisal.skill_assessment_ids.filtered(
            lambda line: line.skill_id == self.sql
        )

    def _sql_level(self, employee):
        return (
            employee.sudo()
            .employee_skill_ids.filtered(lambda s: s.skill_id == self.sql)
            .skill_level_id
        )

    def _badges(self, employees):
        """Who got the badge of hr_recognition_appraisal's rule, None when
        that rule is not installed."""
        rule = self.env.ref(
            "hr_recognition_appraisal.automation_appraisal_done",
            raise_if_not_found=False,
        )
        if not rule:
            return None
        badge = rule.action_server_ids.badge_id
        return (
            self.env["gamification.badge.user"]
            .sudo()
            .search([("badge_id", "=", badge.id), ("employee_id", "in", employees.ids)])
            .employee_id
        )

    def _wizard(self, action):
        self.assertEqual(action["res_model"], "hr.review.cycle.close")
        return (
            self.env[action["res_model"]]
            .with_user(self.user_hr_officer)
            .with_context(**action["context"])
            .create({})
        )

    def test_close_with_unreviewed_appraisals_completes_nothing_for_them(self):
        self._launch()
        appraisals = self._by_employee()
        eve = appraisals[self.employee]
        # Mona assessed SQL on every appraisal, but signed off Eve's only
        for appraisal in appraisals.values():
            self._sql_line(appraisal).with_user(
                self.user_manager
            ).assessed_level_id = self.intermediate
        eve.with_user(self.user_manager).action_done()
        self.assertTrue(eve.signed_off)
        levels_before = {
            employee: self._sql_level(employee) for employee in self.reports
        }

        with trap_jobs() as trap:
            action = self.cycle.action_close()
            trap.assert_jobs_count(0)
        # locked, nothing completed yet: HR decides
        self.assertEqual(self.cycle.state, "closing")
        with self.assertRaisesRegex(UserError, "closing or closed"):
            self.cycle.action_launch()
        wizard = self._wizard(action)
        unreviewed = self.reports - self.employee
        self.assertEqual(wizard.line_ids.employee_id, unreviewed)
        self.assertEqual(
            (
                wizard.signed_off_count,
                wizard.extend_count,
                wizard.cancel_count,
                wizard.complete_count,
            ),
            (1, 3, 0, 0),
        )
        extended, cancelled, completed = (
            appraisals[self.reviewer],
            appraisals[self.reviewer2],
            appraisals[self.colleague],
        )
        for appraisal, decision in (
            (extended, "extend"),
            (cancelled, "cancel"),
            (completed, "complete"),
        ):
            wizard.line_ids.filtered(
                lambda line, a=appraisal: line.appraisal_id == a
            ).decision = decision
        self.assertEqual(
            (wizard.extend_count, wizard.cancel_count, wizard.complete_count),
            (1, 1, 1),
        )
        with trap_jobs() as trap:
            wizard.action_confirm()
            trap.assert_jobs_count(1, only=self.cycle._job_close)
            trap.perform_enqueued_jobs()
        self.cycle.invalidate_recordset()
        self.assertEqual(self.cycle.state, "done")

        # completed with what was written: done, not signed off, nothing applied
        self.assertEqual(completed.state, "3_done")
        self.assertFalse(completed.signed_off)
        self.assertFalse(completed.career_applied)
        self.assertFalse(completed.development_plan_id)
        # extended: still open for the manager, until the new deadline
        self.assertEqual(extended.state, "2_pending")
        self.assertEqual(extended.date_close, wizard.date_extended)
        # cancelled: archived
        self.assertFalse(cancelled.active)
        for employee in unreviewed:
            self.assertEqual(
                self._sql_level(employee), levels_before[employee], employee.name
            )
        plans = (
            self.env["hr.development.plan"]
            .sudo()
            .search([("employee_id", "in", unreviewed.ids)])
        )
        self.assertFalse(plans)
        # Eve's review, signed off, gave her the level and the plan
        self.assertEqual(self._sql_level(self.employee), self.intermediate)
        self.assertTrue(eve.development_plan_id)
        badges = self._badges(self.reports)
        if badges is not None:  # hr_recognition_appraisal installed
            self.assertEqual(badges, self.employee)

        # the extended review, signed off later, counts in full
        extended.with_user(self.user_manager).action_done()
        self.assertTrue(extended.signed_off)
        self.assertTrue(extended.career_applied)
        if badges is not None:
            self.assertEqual(self._badges(self.reports), self.employee | self.reviewer)

    def test_close_when_everything_is_signed_off_is_done_at_once(self):
        self._launch()
        for appraisal in self._cycle_appraisals():
            appraisal.with_user(self.user_manager).action_done()
        with trap_jobs() as trap:
            self.assertIs(self.cycle.action_close(), True)
            trap.assert_jobs_count(0)
        self.assertEqual(self.cycle.state, "done")
        with self.assertRaisesRegex(UserError, "already closed"):
            self.cycle.action_close()

    def test_extension_needs_a_deadline_not_past(self):
        self._launch()
        wizard = self._wizard(self.cycle.action_close())
        wizard.date_extended = self.today - relativedelta(days=1)
        with self.assertRaisesRegex(ValidationError, "new deadline"):
            wizard.action_confirm()
        self.assertEqual(self.cycle.state, "closing")
        self.assertEqual(
            set(self._cycle_appraisals().mapped("date_close")), {self.cycle.date_end}
        )

    def test_bulk_complete_marks_every_unreviewed_appraisal(self):
        self._launch()
        wizard = self._wizard(self.cycle.action_close())
        wizard.decision = "complete"
        wizard._onchange_decision()
        self.assertEqual(wizard.complete_count, 4)
        with trap_jobs() as trap:
            wizard.action_confirm()
            trap.perform_enqueued_jobs()
        appraisals = self._cycle_appraisals()
        self.assertEqual(set(appraisals.mapped("state")), {"3_done"})
        self.assertFalse(any(appraisals.mapped("signed_off")))
        self.assertFalse(appraisals.development_plan_id)
        self.assertEqual(self.cycle.state, "done")

    def test_only_hr_decides_and_managers_cannot_mark_a_decision(self):
        self._launch()
        self.cycle.action_close()
        appraisal = self._cycle_appraisals()[:1]
        with self.assertRaises(AccessError):
            self.cycle.with_user(self.user_manager)._close_decide(
                appraisal, appraisal.browse(), appraisal.browse(), self.today
            )
        with self.assertRaises(AccessError):
            appraisal.with_user(self.user_manager).write({"close_decision": "complete"})
        with self.assertRaises(AccessError):
            appraisal.with_user(self.user_manager).write(
                {"state": "3_done", "completed_unreviewed": True}
            )
        self.assertFalse(appraisal.close_decision)
        self.assertEqual(appraisal.state, "2_pending")
