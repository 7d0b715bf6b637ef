# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import psycopg2

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import RecognitionCase


@tagged("post_install", "-at_install")
class TestGrantBadge(RecognitionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.channel_course = cls.env["slide.channel"].create(
            {"name": "Rec Python for HR", "enroll": "public"}
        )
        SkillType = cls.env["hr.skill.type"]
        cls.skill_type = SkillType.create(
            {
                "name": "Rec Languages",
                "skill_ids": [
                    (0, 0, {"name": "Rec Python"}),
                    (0, 0, {"name": "Rec Rust"}),
                ],
                "skill_level_ids": [
                    (0, 0, {"name": "Rec Beginner", "level_progress": 10}),
                    (0, 0, {"name": "Rec Advanced", "level_progress": 80}),
                    (0, 0, {"name": "Rec Expert", "level_progress": 100}),
                ],
            }
        )
        cls.skill_python, cls.skill_rust = cls.skill_type.skill_ids
        levels = {lvl.level_progress: lvl for lvl in cls.skill_type.skill_level_ids}
        cls.level_10, cls.level_80, cls.level_100 = levels[10], levels[80], levels[100]

    # ------------------------------------------------------------------
    # shipped rules
    # ------------------------------------------------------------------
    def test_course_completed_awards_once_per_course(self):
        member = self.env["slide.channel.partner"].create(
            {
                "channel_id": self.channel_course.id,
                "partner_id": self.user_employee.partner_id.id,
                "member_status": "joined",
            }
        )
        self.assertFalse(self._awards(self.badge_course, self.employee))
        member.member_status = "completed"
        award = self._awards(self.badge_course, self.employee)
        self.assertEqual(len(award), 1)
        self.assertEqual(award.res_model, "slide.channel")
        self.assertEqual(award.res_id, self.channel_course.id)
        self.assertEqual(award.user_id, self.user_employee)
        self.assertEqual(
            award.automation_id,
            self.env.ref("hr_recognition.automation_course_completed"),
        )
        # completing again (e.g. after a reset) awards nothing more
        member.member_status = "ongoing"
        member.member_status = "completed"
        self.assertEqual(len(self._awards(self.badge_course, self.employee)), 1)

    def test_skill_level_reached_awards_once_per_skill(self):
        skill = self.env["hr.employee.skill"].create(
            {
                "employee_id": self.employee.id,
                "skill_type_id": self.skill_type.id,
                "skill_id": self.skill_python.id,
                "skill_level_id": self.level_10.id,
            }
        )
        skill.skill_level_id = self.level_80
        self.assertFalse(self._awards(self.badge_skill, self.employee))
        skill.skill_level_id = self.level_100
        award = self._awards(self.badge_skill, self.employee)
        self.assertEqual(len(award), 1)
        self.assertEqual(
            (award.res_model, award.res_id), ("hr.skill", self.skill_python.id)
        )
        skill.skill_level_id = self.level_80
        skill.skill_level_id = self.level_100
        self.assertEqual(len(self._awards(self.badge_skill, self.employee)), 1)

    def test_skill_threshold_from_settings(self):
        settings = self.env["res.config.settings"].create(
            {"recognition_skill_threshold": 80}
        )
        settings.execute()
        rule = self.env.ref("hr_recognition.automation_skill_level")
        self.assertEqual(rule.filter_domain, "[('level_progress', '>=', 80)]")
        self.env["hr.employee.skill"].create(
            {
                "employee_id": self.employee.id,
                "skill_type_id": self.skill_type.id,
                "skill_id": self.skill_rust.id,
                "skill_level_id": self.level_80.id,
            }
        )
        self.assertEqual(len(self._awards(self.badge_skill, self.employee)), 1)

    def test_goal_achieved_awards_once(self):
        goal = self._new_goal(self.employee)
        goal.action_achieve()
        award = self._awards(self.badge_goal, self.employee)
        self.assertEqual(len(award), 1)
        self.assertEqual(award.source_ref, goal)
        self.assertEqual(award.automation_id, self.rule_goal)
        self.assertEqual(award.server_action_id, self.action_goal)
        # public text: the reason, not the goal's (private) title
        self.assertEqual(award.comment, "Career goal achieved")
        goal.action_reset()
        goal.action_achieve()
        self.assertEqual(len(self._awards(self.badge_goal, self.employee)), 1)
        # another goal is another achievement
        self._new_goal(self.employee, "Speak at a conference").action_achieve()
        self.assertEqual(len(self._awards(self.badge_goal, self.employee)), 2)

    def test_goal_achieved_by_the_employee_themselves_waits_for_confirmation(self):
        goal = self._new_goal(self.employee)
        goal.with_user(self.user_employee).action_achieve()
        self.assertFalse(self._awards(self.badge_goal, self.employee))
        goal.with_user(self.user_manager).action_confirm_achievement()
        self.assertEqual(len(self._awards(self.badge_goal, self.employee)), 1)

    def test_development_plan_done_awards_once(self):
        plan = self.env["hr.development.plan"].create(
            {"employee_id": self.employee.id, "state": "active"}
        )
        self.assertFalse(self._awards(self.badge_plan, self.employee))
        plan.action_done()
        award = self._awards(self.badge_plan, self.employee)
        self.assertEqual(len(award), 1)
        self.assertEqual(award.source_ref, plan)
        plan.state = "active"
        plan.action_done()
        self.assertEqual(len(self._awards(self.badge_plan, self.employee)), 1)

    def test_promotion_awards_once_per_job_reached(self):
        self.employee.job_id = self.job_senior
        award = self._awards(self.badge_promotion, self.employee)
        self.assertEqual(len(award), 1)
        self.assertEqual(award.source_ref, self.job_senior)
        self.employee.job_id = self.job_junior
        self.employee.job_id = self.job_senior
        # back to the junior job (a move down: nothing) and up again: one
        # award per job reached
        self.assertEqual(self._awards(self.badge_promotion, self.employee), award)

    def test_hiring_and_first_job_assignment_award_nothing(self):
        hired = self.env["hr.employee"].create(
            {
                "name": "Hugo Hire",
                "user_id": self.user_officer.id,
                "job_id": self.job_senior.id,
            }
        )
        self.assertFalse(self._awards(self.badge_promotion, hired))
        self.other.user_id = False
        first_job = self.env["hr.employee"].create(
            {"name": "Fiona First", "user_id": self.user_other.id}
        )
        first_job.job_id = self.job_junior
        self.assertFalse(self._awards(self.badge_promotion, first_job))
        # a later change of job is a promotion
        first_job.job_id = self.job_senior
        self.assertEqual(len(self._awards(self.badge_promotion, first_job)), 1)

    def test_promotion_along_a_path_marked_as_a_promotion(self):
        path = self.env["hr.career.path"].create(
            {
                "from_job_id": self.job_junior.id,
                "to_job_id": self.job_lead.id,
                "track": "lateral",
            }
        )
        self.assertFalse(path.is_promotion)
        # a lateral step is no promotion
        self.employee.job_id = self.job_lead
        self.assertFalse(self._awards(self.badge_promotion, self.employee))
        self.assertEqual(self.employee.last_job_change, "other")
        self.employee.job_id = self.job_junior
        # HR marks the step as a promotion
        path.is_promotion = True
        self.employee.job_id = self.job_lead
        award = self._awards(self.badge_promotion, self.employee)
        self.assertEqual(award.source_ref, self.job_lead)
        self.assertEqual(self.employee.last_job_change, "promotion")

    # ------------------------------------------------------------------
    # the grant_badge action
    # ------------------------------------------------------------------
    def test_any_rule_can_grant_badge_and_twice_awards_once(self):
        badge = self.env["gamification.badge"].create(
            {"name": "Rec Welcome", "rule_auth": "nobody"}
        )
        rule = self.env["base.automation"].create(
            {
                "name": "Rec welcome on tag",
                "model_id": self.env["ir.model"]._get_id("hr.employee"),
                "trigger": "on_create_or_write",
                "trigger_field_ids": [
                    (
                        6,
                        0,
                        [self.env["ir.model.fields"]._get("hr.employee", "barcode").id],
                    )
                ],
                "filter_domain": "[('barcode', '!=', False)]",
                "action_server_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "Grant welcome",
                            "model_id": self.env["ir.model"]._get_id("hr.employee"),
                            "state": "grant_badge",
                            "badge_id": badge.id,
                        },
                    )
                ],
            }
        )
        self.assertTrue(rule.is_recognition_rule)
        self.assertEqual(rule.recognition_badge_ids, badge)
        self.employee.barcode = "9001"
        self.employee.barcode = "9002"
        award = self._awards(badge, self.employee)
        self.assertEqual(len(award), 1)
        self.assertEqual(award.source_ref, self.employee)
        self.assertEqual(rule.recognition_award_count, 1)
        # running the action by hand again awards nothing more
        new = rule.action_server_ids._recognition_grant(self.employee)
        self.assertFalse(new)
        self.assertEqual(len(self._awards(badge, self.employee)), 1)

    def test_recipient_resolution(self):
        action = self.action_goal
        self.assertEqual(action._recognition_employee_of(self.employee), self.employee)
        self.assertEqual(
            action._recognition_employee_of(self.user_employee), self.employee
        )
        self.assertEqual(
            action._recognition_employee_of(self.user_employee.partner_id),
            self.employee,
        )
        goal = self._new_goal(self.employee)
        self.assertEqual(action._recognition_employee_of(goal), self.employee)
        member = self.env["slide.channel.partner"].create(
            {
                "channel_id": self.channel_course.id,
                "partner_id": self.user_employee.partner_id.id,
            }
        )
        self.assertEqual(action._recognition_employee_of(member), self.employee)
        self.assertFalse(action._recognition_employee_of(self.job_lead))

    def test_employee_without_user_is_skipped_with_a_note(self):
        goal = self._new_goal(self.employee_nouser)
        goal.action_achieve()
        self.assertFalse(self._awards(self.badge_goal, self.employee_nouser))
        notes = self.employee_nouser.message_ids.filtered(
            lambda m: self.badge_goal.name in (m.body or "")
        )
        self.assertEqual(len(notes), 1)
        self.assertIn("has none", notes.body)

    @mute_logger("odoo.sql_db")
    def test_database_refuses_a_duplicate_award(self):
        vals = {
            "badge_id": self.badge_goal.id,
            "user_id": self.user_employee.id,
            "employee_id": self.employee.id,
            "res_model": "hr.job",
            "res_id": self.job_lead.id,
        }
        BadgeUser = self.env["gamification.badge.user"]
        BadgeUser.create(vals)
        with self.assertRaises(psycopg2.errors.UniqueViolation):
            with self.env.cr.savepoint():
                BadgeUser.create(vals)
        # the graceful path skips it
        self.assertFalse(BadgeUser._recognition_create([vals]))

    # ------------------------------------------------------------------
    # access
    # ------------------------------------------------------------------
    def test_plain_employee_cannot_create_awards(self):
        # a badge anyone may send: only the recognition rule forbids the award
        kudos = self.env["gamification.badge"].create(
            {"name": "Rec Kudos", "rule_auth": "everyone"}
        )
        BadgeUser = self.env["gamification.badge.user"].with_user(self.user_employee)
        with self.assertRaises(AccessError):
            BadgeUser.create(
                {
                    "badge_id": kudos.id,
                    "user_id": self.user_other.id,
                    "employee_id": self.other.id,
                    "res_model": "hr.employee",
                    "res_id": self.other.id,
                    "automation_id": self.rule_goal.id,
                }
            )
        award = self.env["gamification.badge.user"].create(
            {
                "badge_id": kudos.id,
                "user_id": self.user_other.id,
                "employee_id": self.other.id,
                "res_model": "hr.employee",
                "res_id": self.other.id,
            }
        )
        with self.assertRaises(AccessError):
            award.with_user(self.user_employee).write({"comment": "Forged"})
        with self.assertRaises(AccessError):
            award.with_user(self.user_other).unlink()
        # HR officers manage awards
        award.with_user(self.user_officer).write({"comment": "Well done"})
        # a plain badge, sent from colleague to colleague, is still allowed
        kudo = BadgeUser.create({"badge_id": kudos.id, "user_id": self.user_other.id})
        self.assertEqual(kudo.create_uid, self.user_employee)
