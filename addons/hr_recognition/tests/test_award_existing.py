# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A new or edited recognition rule awarded to those who already qualify: a
dry-run count first, then queue_job jobs by chunks (issue 12)."""

import math

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.hr_career_dev.models.hr_career_goal_template import JOB_CHUNK_PARAM
from odoo.addons.hr_career_dev.tests.common import JsonRpcMixin
from odoo.addons.queue_job.job import Job
from odoo.addons.queue_job.tests.common import trap_jobs

from .common import RecognitionCase


class AwardExistingCase(RecognitionCase):
    """Goals achieved while the goal rule was off: Eric and Otto qualify,
    Nora has no user, Mona's goal is still open."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].sudo().set_param(JOB_CHUNK_PARAM, "2")
        cls.rule_goal.active = False
        cls.before = cls.rule_goal._recognition_award_existing_values()
        Goal = cls.env["hr.career.goal"]
        cls.goals = Goal.create(
            [
                {"employee_id": cls.employee.id, "name": "Goal one"},
                {"employee_id": cls.other.id, "name": "Goal two"},
                {"employee_id": cls.employee_nouser.id, "name": "Goal three"},
            ]
        )
        Goal.create({"employee_id": cls.manager.id, "name": "Goal still open"})
        cls.goals.action_achieve()
        cls.rule_goal.active = True
        cls.rule = cls.rule_goal.with_user(cls.user_officer)

    def _dry_run(self, rule=None):
        action = (rule or self.rule).action_recognition_award_existing()
        return self.env["hr.recognition.award.existing"].browse(action["res_id"])

    def _award_jobs(self, state="pending"):
        return self.env["queue.job"].search(
            [
                ("model_name", "=", "base.automation"),
                ("method_name", "=", "_job_recognition_award"),
                ("state", "=", state),
            ]
        )


@tagged("post_install", "-at_install")
class TestAwardExisting(AwardExistingCase):
    def test_dry_run_counts_then_jobs_award_each_badge_once(self):
        BadgeUser = self.env["gamification.badge.user"]
        awards_before = BadgeUser.search_count([])
        wizard = self._dry_run()
        # demo or earlier goals may qualify too: ours are counted on top
        self.assertEqual(wizard.employee_count - self.before["employee_count"], 2)
        self.assertEqual(wizard.award_count - self.before["award_count"], 2)
        self.assertEqual(wizard.no_user_count - self.before["no_user_count"], 1)
        self.assertEqual(wizard.matching_count - self.before["matching_count"], 3)
        # a dry run awards nothing
        self.assertEqual(BadgeUser.search_count([]), awards_before)

        with trap_jobs() as trap:
            action = wizard.action_confirm()
            self.assertEqual(action["tag"], "display_notification")
            trap.assert_jobs_count(
                math.ceil(wizard.matching_count / 2),
                only=self.rule._job_recognition_award,
            )
            # nothing is awarded in the click: the jobs do it
            self.assertFalse(self._awards(self.badge_goal, self.employee))
            jobs = list(trap.enqueued_jobs)
            trap.perform_enqueued_jobs()
        self.assertEqual(len(self._awards(self.badge_goal, self.employee)), 1)
        self.assertEqual(len(self._awards(self.badge_goal, self.other)), 1)
        self.assertFalse(self._awards(self.badge_goal, self.employee_nouser))
        self.assertFalse(self._awards(self.badge_goal, self.manager))
        awarded = BadgeUser.search_count([])
        self.assertEqual(awarded - awards_before, wizard.award_count)
        # the award is announced as the rule announces it
        self.assertIn(
            self.badge_goal.name,
            "".join(self.employee.message_ids.mapped("body")),
        )
        # a retried job, or a second confirmation, awards nothing twice
        for job in jobs:
            job.perform()
        with trap_jobs() as trap:
            wizard.action_confirm()
            trap.perform_enqueued_jobs()
        self.assertEqual(BadgeUser.search_count([]), awarded)
        self.assertFalse(self._dry_run().employee_count)

    def test_record_no_longer_matching_when_the_job_runs_is_not_awarded(self):
        with trap_jobs() as trap:
            self._dry_run().action_confirm()
            # Eric's goal is reopened before the jobs run
            self.goals[0].sudo().state = "in_progress"
            trap.perform_enqueued_jobs()
        self.assertFalse(self._awards(self.badge_goal, self.employee))
        self.assertEqual(len(self._awards(self.badge_goal, self.other)), 1)

    def test_failed_jobs_are_shown_on_the_rule_and_retried(self):
        self._dry_run().action_confirm()
        pending = self._award_jobs()
        self.assertTrue(pending)
        self.rule_goal.invalidate_recordset()
        self.assertEqual(self.rule.recognition_job_running_count, len(pending))
        # one job fails in the queue (e.g. the database went away)
        job = Job.load(self.env, pending[0].uuid)
        job.set_failed(exc_name="OperationalError", exc_message="server closed")
        job.store()
        self.rule_goal.invalidate_recordset()
        self.assertEqual(self.rule.recognition_job_failed_count, 1)
        self.assertEqual(self.rule.recognition_job_running_count, len(pending) - 1)
        self.rule.action_recognition_retry_award_jobs()
        self.rule_goal.invalidate_recordset()
        self.assertEqual(self.rule.recognition_job_failed_count, 0)
        self.assertEqual(self._award_jobs(), pending)
        # nothing left to retry
        with self.assertRaisesRegex(Exception, "nothing to retry"):
            self.rule.action_recognition_retry_award_jobs()

    def test_only_hr_runs_it(self):
        wizard = self._dry_run()
        for user in (self.user_employee, self.user_manager):
            rule = self.rule_goal.with_user(user)
            with self.subTest(user=user.name), trap_jobs() as trap:
                with self.assertRaises(AccessError):
                    rule.action_recognition_award_existing()
                with self.assertRaises(AccessError):
                    self.env["hr.recognition.award.existing"].with_user(user).create(
                        {"automation_id": self.rule_goal.id}
                    )
                with self.assertRaises(AccessError):
                    wizard.with_user(user).action_confirm()
                with self.assertRaises(AccessError):
                    rule._recognition_award_existing_enqueue()
                with self.assertRaises(AccessError):
                    rule._job_recognition_award(self.goals.ids)
                with self.assertRaises(AccessError):
                    rule.action_recognition_retry_award_jobs()
                trap.assert_jobs_count(0)
        self.assertFalse(self._awards(self.badge_goal, self.employee))


@tagged("post_install", "-at_install", "suite_upgrade")
class TestAwardExistingRpc(JsonRpcMixin, HttpCase, AwardExistingCase):
    @mute_logger("odoo.http")  # the refusals below are logged as warnings
    def test_employee_cannot_award_those_who_qualify_over_json_rpc(self):
        wizard = self._dry_run()
        self.assertRpcRefused(
            "rec_employee",
            "base.automation",
            "action_recognition_award_existing",
            [self.rule_goal.ids],
            error="odoo.exceptions.AccessError",
        )
        self.assertRpcRefused(
            "rec_employee",
            "hr.recognition.award.existing",
            "create",
            [{"automation_id": self.rule_goal.id}],
            error="odoo.exceptions.AccessError",
        )
        self.assertRpcRefused(
            "rec_employee",
            "hr.recognition.award.existing",
            "action_confirm",
            [wizard.ids],
            error="odoo.exceptions.AccessError",
        )
        self.assertRpcRefused(
            "rec_manager",
            "base.automation",
            "action_recognition_retry_award_jobs",
            [self.rule_goal.ids],
            error="odoo.exceptions.AccessError",
        )
        self.assertFalse(self._award_jobs())
        self.assertFalse(self._awards(self.badge_goal, self.employee))
        # HR officers may
        self.call_kw(
            "rec_officer",
            "base.automation",
            "action_recognition_award_existing",
            [self.rule_goal.ids],
        )
