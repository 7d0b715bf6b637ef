# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 19: owner fields, grant actions run directly, certificates, private
details in public text."""

from markupsafe import Markup

from odoo.exceptions import AccessError, UserError
from odoo.modules.migration import load_script
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.hr_career_dev.tests.common import JsonRpcMixin
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import RecognitionCase

SECRET = "Outshine Otto the slacker"


class TrustCase(RecognitionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_portal = mail_new_test_user(
            cls.env, login="rec_portal", name="Pia Portal", groups="base.group_portal"
        )
        cls.action_skill = cls.env.ref("hr_recognition.action_grant_skill_level")
        cls.skill_type = cls.env["hr.skill.type"].create(
            {
                "name": "Rec Trust Languages",
                "skill_ids": [(0, 0, {"name": "Rec Trust Python"})],
                "skill_level_ids": [
                    (0, 0, {"name": "Rec Trust Half", "level_progress": 50}),
                    (0, 0, {"name": "Rec Trust Full", "level_progress": 100}),
                ],
            }
        )
        cls.full = cls.skill_type.skill_level_ids.filtered(
            lambda lvl: lvl.level_progress == 100
        )
        cls.skill_line = cls.env["hr.employee.skill"].create(
            {
                "employee_id": cls.employee.id,
                "skill_type_id": cls.skill_type.id,
                "skill_id": cls.skill_type.skill_ids.id,
                "skill_level_id": cls.skill_type.skill_level_ids.filtered(
                    lambda lvl: lvl.level_progress == 50
                ).id,
            }
        )
        cls.goal = cls.env["hr.career.goal"].create(
            {"employee_id": cls.employee.id, "name": SECRET}
        )
        cls.goal.action_start()
        cls.good_job = cls.env.ref("gamification.badge_good_job")

    def _achieve(self, user=None):
        """Achieve the goal and return its award (granted by the shipped rule,
        or by its action whatever the rule's condition on goals is)."""
        self.goal.with_user(user or self.env.user).action_achieve()
        self.action_goal._recognition_grant(self.goal)
        return self._awards(self.badge_goal, self.employee)

    def _channel_bodies(self):
        return " ".join(
            self.env["mail.message"]
            .search(
                [("model", "=", "discuss.channel"), ("res_id", "=", self.channel.id)]
            )
            .mapped("body")
        )

    def _plain_award(self, employee):
        """A "Good Job" badge sent the gamification way (no rule, no source)."""
        return self.env["gamification.badge.user"].create(
            {
                "badge_id": self.good_job.id,
                "user_id": employee.user_id.id,
                "employee_id": employee.id,
                "comment": "Thanks!",
            }
        )

    def _render(self, user, awards):
        return (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_qweb_html("hr_recognition.report_award_certificate", awards.ids)[0]
            .decode()
        )


@tagged("post_install", "-at_install", "suite_upgrade")
class TestRecognitionTrust(TrustCase):
    # -------------------------------------------------------- owner fields
    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_goal_moved_to_a_colleague_awards_nothing(self):
        with self.assertRaises(AccessError):
            self.goal.with_user(self.user_employee).write(
                {"employee_id": self.other.id, "state": "achieved"}
            )
        self.assertRecordValues(
            self.goal, [{"employee_id": self.employee.id, "state": "in_progress"}]
        )
        self.assertFalse(self._awards(self.badge_goal, self.other))
        self.assertNotIn(SECRET, self._channel_bodies())

    def test_users_cannot_turn_a_plain_award_into_a_recognition(self):
        award = self._plain_award(self.employee)
        for vals in (
            {"res_model": "hr.career.goal", "res_id": self.goal.id},
            {"automation_id": self.rule_goal.id},
            {"employee_id": self.other.id, "user_id": self.user_other.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                award.with_user(self.user_employee).write(vals)
        self.assertRecordValues(
            award,
            [
                {
                    "res_model": False,
                    "automation_id": False,
                    "employee_id": self.employee.id,
                    "is_recognition": False,
                }
            ],
        )

    # -------------------------------------------------------- direct runs
    def _run(self, action, user, records):
        return (
            action.with_user(user)
            .with_context(
                active_model=records._name,
                active_ids=records.ids,
                active_id=records.id,
            )
            .run()
        )

    def test_employee_cannot_run_a_grant_action_directly(self):
        with self.assertRaises(AccessError):
            self._run(self.action_skill, self.user_employee, self.skill_line)
        with self.assertRaises(AccessError):
            self._run(self.action_goal, self.user_employee, self.goal)
        self.assertFalse(self._awards(self.badge_skill, self.employee))
        self.assertFalse(self._awards(self.badge_goal, self.employee))

    def test_hr_officer_runs_a_grant_only_where_the_rule_condition_holds(self):
        self._run(self.action_skill, self.user_officer, self.skill_line)
        self._run(self.action_goal, self.user_officer, self.goal)
        self.assertFalse(self._awards(self.badge_skill, self.employee))
        self.assertFalse(self._awards(self.badge_goal, self.employee))
        # a level reached while the rule was off: HR grants it afterwards
        rule = self.action_skill.base_automation_id
        rule.active = False
        self.skill_line.skill_level_id = self.full
        rule.active = True
        self.assertFalse(self._awards(self.badge_skill, self.employee))
        self._run(self.action_skill, self.user_officer, self.skill_line)
        self.assertEqual(len(self._awards(self.badge_skill, self.employee)), 1)

    def test_the_rule_still_grants_when_the_condition_is_met(self):
        self.skill_line.skill_level_id = self.full
        self.assertEqual(len(self._awards(self.badge_skill, self.employee)), 1)

    # -------------------------------------------------------- public text
    def test_award_text_carries_no_goal_title(self):
        award = self._achieve(self.user_manager)
        self.assertEqual(len(award), 1)
        self.assertEqual(award.comment, "Career goal achieved")
        self.assertNotIn(SECRET, self._channel_bodies())
        self.assertEqual(award.with_user(self.user_employee).source_ref, self.goal)
        for user in (self.user_other, self.user_portal):
            with self.subTest(user=user.name):
                seen = award.with_user(user).read(["comment", "source_ref"])[0]
                self.assertNotIn(SECRET, str(seen))
                self.assertFalse(seen["source_ref"])

    def test_award_for_a_course_names_the_course(self):
        course = self.env["slide.channel"].create(
            {"name": "Rec Trust Public Speaking", "enroll": "public"}
        )
        member = self.env["slide.channel.partner"].create(
            {
                "channel_id": course.id,
                "partner_id": self.user_employee.partner_id.id,
                "member_status": "joined",
            }
        )
        member.member_status = "completed"
        award = self._awards(self.badge_course, self.employee)
        self.assertEqual(award.comment, "Course completed: Rec Trust Public Speaking")

    # -------------------------------------------------------- certificates
    def test_certificate_only_for_self_manager_chain_and_hr(self):
        award = self._achieve()
        for user in (self.user_employee, self.user_manager, self.user_officer):
            with self.subTest(user=user.name):
                html = self._render(user, award)
                self.assertIn("Certificate of Recognition", html)
                self.assertIn(self.employee.name, html)
                self.assertIn(SECRET, html)
        with self.assertRaises(AccessError) as caught:
            self._render(self.user_other, award)
        self.assertNotIn(self.employee.name, str(caught.exception))

    def test_upgrade_removes_goal_titles_from_existing_award_texts(self):
        award = self._achieve()
        old = f"Career goal achieved: {SECRET}"
        award.comment = old  # as 18.0.1.0.0 wrote it
        course_award = self._plain_award(self.other)
        course_award.write(
            {
                "res_model": "hr.job",
                "res_id": self.job_senior.id,
                "server_action_id": self.action_promotion.id,
                "comment": f"Promoted to: {self.job_senior.name}",
            }
        )
        post = self.channel.message_post(
            body=Markup(
                "<p><strong>🏅 %s received the badge “%s”</strong></p><p>%s</p>"
            )
            % (self.employee.name, self.badge_goal.name, old),
            author_id=self.env.ref("base.partner_root").id,
            message_type="comment",
        )
        script = load_script(
            "hr_recognition/migrations/18.0.1.1.0/post-owner_security.py",
            "hr_recognition_post_owner_security",
        )
        script.migrate(self.env.cr, "18.0.1.0.0")
        self.env.invalidate_all()
        self.assertEqual(award.comment, "Career goal achieved")
        self.assertNotIn(SECRET, post.body)
        self.assertIn("Career goal achieved", post.body)
        # public names stay
        self.assertEqual(course_award.comment, f"Promoted to: {self.job_senior.name}")

    def test_no_certificate_for_a_plain_gamification_badge(self):
        award = self._plain_award(self.employee)
        for user in (self.user_employee, self.user_officer):
            with self.subTest(user=user.name), self.assertRaises(UserError):
                self._render(user, award)


@tagged("post_install", "-at_install", "suite_upgrade")
class TestRecognitionTrustHttp(JsonRpcMixin, HttpCase, TrustCase):
    def setUp(self):
        super().setUp()
        # refused calls are logged as warnings by the HTTP layer
        self.enterContext(mute_logger("odoo.http"))

    def _assert_nothing_awarded(self):
        self.assertFalse(self._awards(self.badge_goal, self.other))
        self.assertFalse(self._awards(self.badge_goal, self.employee))
        self.assertFalse(self._awards(self.badge_skill, self.employee))
        self.assertNotIn(SECRET, self._channel_bodies())

    def test_goal_moved_to_a_colleague_over_json_rpc(self):
        self.assertRpcRefused(
            "rec_employee",
            "hr.career.goal",
            "write",
            [self.goal.ids, {"employee_id": self.other.id, "state": "achieved"}],
            error="odoo.exceptions.AccessError",
        )
        self.goal.invalidate_recordset()
        self.assertRecordValues(
            self.goal, [{"employee_id": self.employee.id, "state": "in_progress"}]
        )
        self._assert_nothing_awarded()

    def test_grant_actions_run_directly_over_json_rpc(self):
        for action, records in (
            (self.action_skill, self.skill_line),
            (self.action_goal, self.goal),
        ):
            with self.subTest(action=action.name):
                self.assertRpcRefused(
                    "rec_employee",
                    "ir.actions.server",
                    "run",
                    [action.ids],
                    {
                        "context": {
                            "active_model": records._name,
                            "active_ids": records.ids,
                            "active_id": records.id,
                        }
                    },
                    error="odoo.exceptions.AccessError",
                )
        self._assert_nothing_awarded()

    def test_portal_user_reads_no_goal_title_on_awards(self):
        award = self._achieve()
        rows = self.call_kw(
            "rec_portal",
            "gamification.badge.user",
            "search_read",
            [[("id", "=", award.id)], ["comment", "source_ref", "badge_id"]],
        )
        self.assertEqual(len(rows), 1)
        self.assertNotIn(SECRET, str(rows))

    def test_generic_report_routes_refuse_another_persons_certificate(self):
        award = self._achieve()
        self.authenticate("rec_other", "rec_other")
        for kind in ("html", "pdf"):
            with self.subTest(kind=kind):
                response = self.url_open(
                    f"/report/{kind}/hr_recognition.report_award_certificate/{award.id}"
                )
                self.assertIn(response.status_code, (403, 404))
                self.assertNotIn(self.employee.name, response.text)
                self.assertNotIn(SECRET, response.text)
        self.authenticate("rec_employee", "rec_employee")
        own = self.url_open(
            f"/report/html/hr_recognition.report_award_certificate/{award.id}"
        )
        self.assertEqual(own.status_code, 200)
        self.assertIn(self.employee.name, own.text)

    def test_plain_badge_has_no_certificate_on_the_portal(self):
        award = self._plain_award(self.employee)
        milestone = self._achieve()
        self.authenticate("rec_employee", "rec_employee")
        page = self.url_open("/my/career")
        self.assertEqual(page.status_code, 200)
        self.assertIn(f"/my/career/certificate/{milestone.id}", page.text)
        self.assertNotIn(f"/my/career/certificate/{award.id}", page.text)
        response = self.url_open(f"/my/career/certificate/{award.id}")
        self.assertEqual(response.status_code, 404)
