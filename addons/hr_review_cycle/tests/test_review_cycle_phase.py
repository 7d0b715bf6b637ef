# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase

from odoo.addons.mail.tests.common import mail_new_test_user

from .test_review_cycle import ReviewCycleData


class TestReviewCyclePhases(ReviewCycleData, TransactionCase):
    """Progress counts reviews signed off, not rows created; each appraisal
    says who must act, and is late when they missed their phase's deadline."""

    def _by_employee(self):
        return {a.employee_id: a for a in self._cycle_appraisals()}

    def test_progress_counts_signed_off_reviews_not_created_rows(self):
        self._launch()
        cycle = self.cycle
        cycle.invalidate_recordset()
        # every appraisal is created (the jobs are done) but nobody reviewed
        self.assertEqual(cycle.progress, 100)
        self.assertEqual(cycle.review_progress, 0)
        self.assertEqual(cycle.phase, "self_review")
        self.assertEqual(
            set(self._cycle_appraisals().mapped("review_status")), {"not_started"}
        )
        self.assertEqual(
            (cycle.not_started_count, cycle.waiting_employee_count), (4, 4)
        )

        eve = self._by_employee()[self.employee]
        # Eve publishes her self-review: her manager's turn
        eve.with_user(self.user_employee).write(
            {
                "employee_feedback": "<p>A good year</p>",
                "employee_feedback_published": True,
            }
        )
        self.assertEqual(
            (eve.review_status, eve.waiting_on), ("manager_review", "manager")
        )
        cycle.invalidate_recordset()
        self.assertEqual(
            (cycle.waiting_employee_count, cycle.waiting_manager_count), (3, 1)
        )
        waiting_manager = self.env["hr.appraisal"].search(
            [("review_cycle_id", "=", cycle.id), ("waiting_on", "=", "manager")]
        )
        self.assertEqual(waiting_manager, eve)
        # Mona signs it off: one review of four
        eve.with_user(self.user_manager).action_done()
        self.assertEqual(eve.review_status, "signed_off")
        self.assertFalse(eve.waiting_on)
        cycle.invalidate_recordset()
        self.assertEqual(cycle.signed_off_count, 1)
        self.assertEqual(cycle.review_progress, 25)

    def test_late_when_whoever_must_act_missed_the_phase_deadline(self):
        self._launch()
        eve = self._by_employee()[self.employee]
        eve.with_user(self.user_employee).employee_feedback_published = True
        self.cycle.date_self_assessment = self.today - relativedelta(days=1)
        self.cycle.date_manager_review = self.today + relativedelta(days=5)
        late = self.env["hr.appraisal"].search(
            [("review_cycle_id", "=", self.cycle.id), ("is_late", "=", True)]
        )
        # the three who did not write their self-review; Eve did in time
        self.assertEqual(late.employee_id, self.reports - self.employee)
        self.assertFalse(eve.is_late)
        self.assertTrue(all(late.mapped("is_late")))
        self.cycle.invalidate_recordset()
        self.assertEqual(self.cycle.late_count, 3)
        # the manager's deadline passes too: Eve's review is late now
        self.cycle.date_manager_review = self.today - relativedelta(days=1)
        eve.invalidate_recordset(["is_late"])
        self.assertTrue(eve.is_late)

    def test_next_phase_reminds_only_who_must_act(self):
        self._launch()
        eve = self._by_employee()[self.employee]
        eve.with_user(self.user_employee).employee_feedback_published = True
        # Eve wrote hers: her self-review to-do is gone, the others' stay
        self.cycle.date_self_assessment = self.today + relativedelta(days=1)
        self.assertFalse(self.env["hr.review.cycle"]._cron_phase_reminders())
        activities = self.env["mail.activity"].search(
            [
                ("res_model", "=", "hr.appraisal"),
                ("res_id", "in", self._cycle_appraisals().ids),
            ]
        )
        self.assertEqual(
            set(activities.mapped("res_id")), set((self._cycle_appraisals() - eve).ids)
        )
        self.cycle.action_next_phase()
        self.assertEqual(self.cycle.phase, "feedback")
        self.cycle.action_next_phase()
        self.assertEqual(self.cycle.phase, "manager_review")
        activities = self.env["mail.activity"].search(
            [
                ("res_model", "=", "hr.appraisal"),
                ("res_id", "in", self._cycle_appraisals().ids),
                ("user_id", "=", self.user_manager.id),
            ]
        )
        # Mona has one to-do per report's review, due at the cycle's end
        self.assertEqual(len(activities), 4)
        self.assertEqual(set(activities.mapped("date_deadline")), {self.cycle.date_end})
        with self.assertRaises(AccessError):
            self.cycle.with_user(self.user_manager).action_next_phase()
        self.cycle.action_next_phase()
        self.cycle.action_next_phase()
        self.assertEqual(self.cycle.phase, "signoff")
        with self.assertRaisesRegex(UserError, "no next phase"):
            self.cycle.action_next_phase()


class TestManagerEntryPoints(ReviewCycleData, TransactionCase):
    def test_a_manager_gets_the_appraisals_app_and_their_team_reviews(self):
        user = mail_new_test_user(
            self.env, login="pl_new_lead", name="Nora Newlead", groups="base.group_user"
        )
        group = "hr_appraisal_oca.group_appraisal_user"
        self.assertFalse(user.has_group(group))
        nora = self.env["hr.employee"].create({"name": "Nora", "user_id": user.id})
        self.assertFalse(user.has_group(group), "nobody reports to her yet")
        self.colleague.parent_id = nora
        self.assertTrue(user.has_group(group))
        menu = self.env.ref("hr_appraisal_oca.menu_hr_appraisal_root")
        visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
        self.assertIn(menu.id, visible)
        self._launch()
        action = self.env["hr.appraisal"].with_user(user)._action_my_team_reviews()
        mine = self.env["hr.appraisal"].with_user(user).search(action["domain"])
        self.assertEqual(mine.employee_id, self.colleague)
