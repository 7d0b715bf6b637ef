# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 29: a demotion was announced as a promotion; the grant actions were
named "Grant Badge"; a course badge went to people not enrolled in the course."""

import importlib.util

from odoo.tests import Form, TransactionCase, tagged
from odoo.tools.misc import file_path

from .common import RecognitionCase


def _migration(name):
    path = file_path(f"hr_recognition/migrations/18.0.1.2.0/{name}.py")
    spec = importlib.util.spec_from_file_location(name.replace("-", "_"), path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.migrate


# suite_upgrade: the shipped rule and actions as an upgraded database has them
@tagged("post_install", "-at_install", "suite_upgrade")
class TestPromotionRule(RecognitionCase):
    def _announcements(self):
        """What the company and the employee read about badges: the posts of
        the Recognition channel and the notes on the employee."""
        self._awards(self.badge_promotion, self.employee)  # the pending grants
        messages = self.channel.message_ids | self.employee.message_ids
        return messages.filtered(lambda m: "badge" in str(m.body))

    def test_moves_down_and_lateral_award_and_announce_nothing(self):
        self.env["hr.career.path"].create(
            {
                "from_job_id": self.job_lead.id,
                "to_job_id": self.job_junior.id,
                "track": "lateral",
            }
        )
        self.employee.job_id = self.job_senior
        self.employee.job_id = self.job_lead
        self.assertEqual(len(self._awards(self.badge_promotion, self.employee)), 2)
        before = self._announcements()
        self.assertTrue(before)
        # lead -> junior: along a lateral step; junior -> lead: no path (up
        # two steps at once is not a path); lead -> senior: a move down
        for job in (self.job_junior, self.job_lead, self.job_senior):
            self.employee.job_id = job
            self.assertEqual(self.employee.last_job_change, "other")
        self.assertEqual(len(self._awards(self.badge_promotion, self.employee)), 2)
        self.assertEqual(self._announcements(), before)

    def test_rule_condition_shows_on_its_form(self):
        rule = self.env.ref("hr_recognition.automation_promotion")
        self.assertEqual(rule.trigger, "on_write")
        self.assertEqual(rule.trigger_field_ids.name, "job_id")
        self.assertIn("('last_job_change', '=', 'promotion')", rule.filter_domain)
        self.assertFalse(self.action_promotion.badge_require_career_path)

    def test_grant_actions_named_for_their_badge(self):
        actions = self.env["ir.actions.server"].search(
            [("state", "=", "grant_badge"), ("base_automation_id", "!=", False)]
        )
        self.assertTrue(actions)
        for action in actions:
            self.assertEqual(action.name, f"Grant the badge {action.badge_id.name}")
        # a change of type (as the data file's update does) keeps the name
        self.action_promotion.write({"state": "grant_badge"})
        self.assertEqual(self.action_promotion.name, "Grant the badge Promotion")
        # a grant action HR adds to a rule (its form) is named for its badge
        rule = self.env.ref("hr_recognition.automation_plan_done")
        form = Form(
            self.env["ir.actions.server"].with_context(
                default_model_id=rule.model_id.id,
                default_base_automation_id=rule.id,
                default_usage="base_automation",
            ),
            view="base_automation.ir_actions_server_view_form_automation",
        )
        form.state = "grant_badge"
        form.badge_id = self.badge_goal
        added = form.save()
        self.assertEqual(added.name, "Grant the badge Career Goal Achieved")


@tagged("post_install", "-at_install", "suite_upgrade")
class TestPromotionRuleMigration(RecognitionCase):
    def test_released_rule_awards_promotions_only_after_migration(self):
        rule = self.env.ref("hr_recognition.automation_promotion")
        # the rule and its action as 18.0.1.1.0 left them
        rule.filter_domain = "[('job_id', '!=', False)]"
        self.action_promotion.name = "Grant Badge"
        self.employee.job_id = self.job_lead  # no path: a promotion before
        self.assertEqual(len(self._awards(self.badge_promotion, self.employee)), 1)

        _migration("pre-promotion_rule")(self.env.cr, "18.0.1.1.0")
        _migration("post-promotion_rule")(self.env.cr, "18.0.1.1.0")
        self.env.invalidate_all()

        self.assertIn("last_job_change", rule.filter_domain)
        self.assertEqual(self.action_promotion.name, "Grant the badge Promotion")
        xmlid = self.env["ir.model.data"].search(
            [("module", "=", "hr_recognition"), ("name", "=", "automation_promotion")]
        )
        self.assertTrue(xmlid.noupdate)
        self.employee.job_id = self.job_junior  # a move down
        self.assertEqual(len(self._awards(self.badge_promotion, self.employee)), 1)
        self.employee.job_id = self.job_senior  # along a path: a promotion
        self.assertEqual(len(self._awards(self.badge_promotion, self.employee)), 2)


@tagged("post_install", "-at_install")
class TestDemoCourseBadges(TransactionCase):
    def test_course_badges_only_for_courses_completed(self):
        if not self.env.ref("hr_career_dev.user_owen_demo", raise_if_not_found=False):
            self.skipTest("the demo data of hr_career_dev is not loaded")
        awards = self.env["gamification.badge.user"].search(
            [("res_model", "=", "slide.channel"), ("is_recognition", "=", True)]
        )
        self.assertTrue(awards)
        completed = {
            (m.channel_id.id, m.partner_id.id)
            for m in self.env["slide.channel.partner"].search(
                [("member_status", "=", "completed")]
            )
        }
        for award in awards:
            with self.subTest(award=award.comment, user=award.user_id.name):
                self.assertIn((award.res_id, award.user_id.partner_id.id), completed)
