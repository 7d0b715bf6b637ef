# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Two companies: awards are company records, each company announces its awards
in its own Recognition channel to its own users, and the skill threshold of the
settings is each company's."""

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import RecognitionCase


@tagged("post_install", "-at_install", "suite_upgrade")
class TestRecognitionMultiCompany(RecognitionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.company
        cls.company_b = cls.env["res.company"].create({"name": "Recognition Test B"})
        cls.user_officer_b = mail_new_test_user(
            cls.env,
            login="rec_officer_b",
            name="Bianca Officer B",
            groups="base.group_user,hr.group_hr_user",
            company_id=cls.company_b.id,
        )
        cls.user_employee_b = mail_new_test_user(
            cls.env,
            login="rec_employee_b",
            name="Bernd Employee B",
            groups="base.group_user",
            company_id=cls.company_b.id,
        )
        cls.user_both = mail_new_test_user(
            cls.env,
            login="rec_both",
            name="Tilda Two Companies",
            groups="base.group_user",
            company_id=cls.company_a.id,
            company_ids=[Command.set((cls.company_a | cls.company_b).ids)],
        )
        cls.employee_b = cls.env["hr.employee"].create(
            {
                "name": "Bernd Employee B",
                "user_id": cls.user_employee_b.id,
                "company_id": cls.company_b.id,
            }
        )
        skill_type = cls.env["hr.skill.type"].create(
            {
                "name": "Rec MC Languages",
                "skill_ids": [Command.create({"name": "Rec MC Go"})],
                "skill_level_ids": [
                    Command.create({"name": "Rec MC Advanced", "level_progress": 80}),
                    Command.create({"name": "Rec MC Expert", "level_progress": 100}),
                ],
            }
        )
        cls.skill_type = skill_type
        cls.skill_go = skill_type.skill_ids
        cls.level_80 = skill_type.skill_level_ids.filtered(
            lambda lvl: lvl.level_progress == 80
        )

    def _messages_about(self, channel, employee):
        return channel.message_ids.filtered(lambda m: employee.name in (m.body or ""))

    def _award_goal(self, employee, name):
        self._new_goal(employee, name).action_achieve()
        return self._awards(self.badge_goal, employee)

    # ------------------------------------------------------------ record rules
    def test_officer_of_company_b_sees_nothing_of_company_a(self):
        award_a = self._award_goal(self.employee, "Goal of company A")
        award_b = self._award_goal(self.employee_b, "Goal of company B")
        self.assertEqual(award_a.company_id, self.company_a)
        self.assertEqual(award_b.company_id, self.company_b)
        # every model of hr_recognition with a company_id: (records, field read)
        table = [
            ("gamification.badge.user", award_a, award_b, "comment"),
        ]
        for model, record_a, record_b, field in table:
            with self.subTest(model=model):
                as_b = self.env[model].with_user(self.user_officer_b)
                self.assertEqual(
                    as_b.search([("id", "in", (record_a | record_b).ids)]), record_b
                )
                with self.assertRaises(AccessError):
                    as_b.browse(record_a.id).read([field])
                self.assertTrue(as_b.browse(record_b.id).read([field]))

    # ------------------------------------------------------------ channels
    def test_award_of_company_b_is_announced_in_company_b_channel(self):
        self.assertEqual(self.company_a.recognition_channel_id, self.channel)
        self._award_goal(self.employee_b, "Open the Berlin office")
        channel_b = self.company_b.recognition_channel_id
        self.assertTrue(channel_b)
        self.assertNotEqual(channel_b, self.channel)
        posts = self._messages_about(channel_b, self.employee_b)
        self.assertEqual(len(posts), 1)
        self.assertIn(self.badge_goal.name, posts.body)
        # the channel is public to the company: no private goal title in it
        self.assertNotIn("Open the Berlin office", posts.body)
        self.assertFalse(self._messages_about(self.channel, self.employee_b))

        # company A's awards stay in company A's channel
        self._award_goal(self.employee, "Ship the mobile app")
        self.assertEqual(len(self._messages_about(self.channel, self.employee)), 1)
        self.assertFalse(self._messages_about(channel_b, self.employee))
        # one channel per company: the next award of B reuses it
        self._award_goal(self.employee_b, "Hire two engineers")
        self.assertEqual(self.company_b.recognition_channel_id, channel_b)
        self.assertEqual(len(self._messages_about(channel_b, self.employee_b)), 2)

    def test_company_b_channel_members_are_company_b_users(self):
        self._award_goal(self.employee_b, "Open the Berlin office")
        members = self.company_b.recognition_channel_id.channel_partner_ids
        self.assertIn(self.user_employee_b.partner_id, members)
        self.assertIn(self.user_officer_b.partner_id, members)
        self.assertIn(self.user_both.partner_id, members)
        self.assertNotIn(self.user_employee.partner_id, members)
        self.assertNotIn(self.user_officer.partner_id, members)

        # a user given access to company B joins its channel
        self.user_other.company_ids = [Command.link(self.company_b.id)]
        self.assertIn(
            self.user_other.partner_id,
            self.company_b.recognition_channel_id.channel_partner_ids,
        )
        # a new user of company A does not
        user_new_a = mail_new_test_user(
            self.env, login="rec_new_a", name="Nadia New A", groups="base.group_user"
        )
        self.assertNotIn(
            user_new_a.partner_id,
            self.company_b.recognition_channel_id.channel_partner_ids,
        )

    def test_channel_switch_is_per_company(self):
        settings = (
            self.env["res.config.settings"]
            .with_company(self.company_b)
            .create({"recognition_post_in_channel": False})
        )
        settings.execute()
        self.assertFalse(self.company_b.recognition_post_in_channel)
        self.assertTrue(self.company_a.recognition_post_in_channel)
        self._award_goal(self.employee_b, "Quiet achievement")
        self._award_goal(self.employee, "Loud achievement")
        self.assertFalse(self.company_b.recognition_channel_id)
        self.assertEqual(len(self._messages_about(self.channel, self.employee)), 1)

    # ------------------------------------------------------------ settings
    def _skill(self, employee):
        return self.env["hr.employee.skill"].create(
            {
                "employee_id": employee.id,
                "skill_type_id": self.skill_type.id,
                "skill_id": self.skill_go.id,
                "skill_level_id": self.level_80.id,
            }
        )

    def test_skill_threshold_is_per_company(self):
        # company A keeps the default (an upgraded database may hold another)
        self.env["res.config.settings"].with_company(self.company_a).create(
            {"recognition_skill_threshold": 100}
        ).execute()
        settings = (
            self.env["res.config.settings"]
            .with_company(self.company_b)
            .create({"recognition_skill_threshold": 80})
        )
        settings.execute()
        self.assertEqual(self.company_b.recognition_skill_threshold, 80)
        self.assertEqual(self.company_a.recognition_skill_threshold, 100)
        settings_a = self.env["res.config.settings"].with_company(self.company_a)
        self.assertEqual(settings_a.create({}).recognition_skill_threshold, 100)

        self._skill(self.employee_b)
        self._skill(self.employee)
        self.assertEqual(len(self._awards(self.badge_skill, self.employee_b)), 1)
        self.assertFalse(self._awards(self.badge_skill, self.employee))

    def test_skill_threshold_outside_0_100_is_refused(self):
        # the settings form writes a company's related value on save
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.env["res.config.settings"].with_company(self.company_b).create(
                {"recognition_skill_threshold": 150}
            ).execute()
        self.env.invalidate_all()
        self.assertEqual(self.company_b.recognition_skill_threshold, 100)
