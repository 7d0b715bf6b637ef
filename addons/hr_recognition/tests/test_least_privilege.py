# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 27, item 7: the addon reads as its users may (portal pages under the
record rules, career paths, users and companies as their writer), and takes
the privilege once, where HR grants a badge."""

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import RecognitionCase


@tagged("post_install", "-at_install")
class TestRecognitionLeastPrivilege(RecognitionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Rec Least B"})
        cls.user_admin = mail_new_test_user(
            cls.env,
            login="rec_user_admin",
            name="Ursula Users Admin",
            groups="base.group_user,base.group_erp_manager",
        )

    def test_hr_officer_promotion_reads_paths_and_the_rule_grants(self):
        """The officer reads the career paths herself (every employee does);
        the badge the rule awards is HR's, with its note and post."""
        self.assertTrue(
            self.env["hr.career.path"]
            .with_user(self.user_officer)
            .search_count([("from_job_id", "=", self.job_junior.id)])
        )
        self.employee.with_user(self.user_officer).job_id = self.job_senior
        self.assertEqual(self.employee.last_job_change, "promotion")
        award = self._awards(self.badge_promotion, self.employee)
        self.assertEqual(len(award), 1)
        self.assertEqual(award.res_model, "hr.job")
        self.assertEqual(award.res_id, self.job_senior.id)
        notes = " ".join(self.employee.message_ids.mapped("body"))
        self.assertIn(self.badge_promotion.name, notes)

    def test_employee_firing_a_rule_gets_the_award_but_cannot_make_one(self):
        """The grant of a rule fired by the employee's own change is HR's:
        the employee could not create it herself."""
        goal = self._new_goal(self.employee)
        goal.with_user(self.user_employee).action_achieve()
        goal.with_user(self.user_manager).action_confirm_achievement()
        award = self._awards(self.badge_goal, self.employee)
        self.assertEqual(len(award), 1)
        self.assertEqual(award.automation_id, self.rule_goal)
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            # a badge anyone may send, as a recognition award: refused
            self.env["gamification.badge.user"].with_user(self.user_employee).create(
                {
                    "badge_id": self.env.ref("gamification.badge_good_job").id,
                    "user_id": self.user_employee.id,
                    "employee_id": self.employee.id,
                    "res_model": "hr.career.goal",
                    "res_id": self._new_goal(self.employee, "Another").id,
                }
            )

    def test_users_admin_giving_a_company_subscribes_to_its_channel(self):
        """A users administrator (not the superuser, allowed in company A
        only) gives company B to a user: the user joins B's channel."""
        channel_b = self.company_b._recognition_channels()[self.company_b]
        user = mail_new_test_user(
            self.env, login="rec_least_new", name="Nils New", groups="base.group_user"
        )
        self.assertNotIn(user.partner_id, channel_b.channel_partner_ids)
        user.with_user(self.user_admin).with_context(
            allowed_company_ids=self.company.ids
        ).company_ids = [Command.link(self.company_b.id)]
        self.assertIn(user.partner_id, channel_b.channel_partner_ids)

    def test_hr_officer_previews_a_rule_she_cannot_read(self):
        """Rules are administrators' data: the officer reads none, yet
        previews one (its definition read once, for her)."""
        rule = self.rule_goal.with_user(self.user_officer)
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            rule.read(["name"])
        # one goal already awarded (as superuser), one not yet: the preview
        # lists the second only
        self._new_goal(self.employee).action_achieve()
        self.assertTrue(self._awards(self.badge_goal, self.employee))
        self._new_goal(self.other, "Speak at a conference").action_achieve()
        values = rule._recognition_preview_values()
        self.assertEqual(values["rule_name"], self.rule_goal.name)
        self.assertGreaterEqual(values["matching_count"], 2)
        employees = [line[2]["employee_id"] for line in values["line_ids"]]
        self.assertIn(self.other.id, employees)
        self.assertNotIn(self.employee.id, employees)


@tagged("post_install", "-at_install")
class TestRecognitionPortalReads(HttpCase):
    """A portal user linked to an employee reads their own awards under the
    record rules: on the dashboard, and their certificates; the others' stay
    out, and the awards of another company are not read at all."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Rec Portal B"})
        cls.user_portal = mail_new_test_user(
            cls.env,
            login="rec_least_portal",
            name="Pia Portal",
            groups="base.group_portal",
        )
        cls.user_other = mail_new_test_user(
            cls.env,
            login="rec_least_other",
            name="Oskar Other",
            groups="base.group_user",
        )
        cls.user_b = mail_new_test_user(
            cls.env,
            login="rec_least_b",
            name="Berta B",
            groups="base.group_user",
            company_id=cls.company_b.id,
        )
        Employee = cls.env["hr.employee"]
        cls.employee_portal = Employee.create(
            {"name": "Pia Portal", "user_id": cls.user_portal.id}
        )
        cls.employee_other = Employee.create(
            {"name": "Oskar Other", "user_id": cls.user_other.id}
        )
        cls.employee_b = Employee.create(
            {
                "name": "Berta B",
                "user_id": cls.user_b.id,
                "company_id": cls.company_b.id,
            }
        )
        badge = cls.env.ref("hr_recognition.badge_goal_achieved")
        cls.award_portal, cls.award_other, cls.award_b = cls.env[
            "gamification.badge.user"
        ].create(
            [
                {
                    "badge_id": badge.id,
                    "user_id": employee.user_id.id,
                    "employee_id": employee.id,
                    "res_model": "hr.employee",
                    "res_id": employee.id,
                    "comment": f"Milestone of {employee.name}",
                }
                for employee in (
                    cls.employee_portal,
                    cls.employee_other,
                    cls.employee_b,
                )
            ]
        )

    def test_portal_dashboard_lists_own_badges_only(self):
        self.authenticate("rec_least_portal", "rec_least_portal")
        page = self.url_open("/my/career")
        self.assertEqual(page.status_code, 200)
        self.assertIn(f"/my/career/certificate/{self.award_portal.id}", page.text)
        self.assertIn("Milestone of Pia Portal", page.text)
        for award in (self.award_other, self.award_b):
            self.assertNotIn(f"/my/career/certificate/{award.id}", page.text)
        self.assertNotIn("Milestone of Oskar Other", page.text)
        self.assertNotIn("Milestone of Berta B", page.text)

    def test_portal_certificate_own_only(self):
        self.authenticate("rec_least_portal", "rec_least_portal")
        own = self.url_open(f"/my/career/certificate/{self.award_portal.id}")
        self.assertEqual(own.status_code, 200)
        self.assertIn(b"Pia Portal", own.content)
        for award, name in ((self.award_other, b"Oskar"), (self.award_b, b"Berta")):
            response = self.url_open(f"/my/career/certificate/{award.id}")
            self.assertEqual(response.status_code, 404)
            self.assertNotIn(name, response.content)

    def test_portal_user_reads_no_award_of_another_company(self):
        awards = self.env["gamification.badge.user"].with_user(self.user_portal)
        self.assertEqual(
            awards.search([("id", "in", (self.award_portal | self.award_b).ids)]),
            self.award_portal,
        )
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.award_b.with_user(self.user_portal).read(["comment"])

    def test_portal_user_cannot_forge_or_remove_recognition_awards(self):
        own = self.award_portal.with_user(self.user_portal)
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            own.write({"comment": "Forged"})
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            own.unlink()
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            # a badge anyone may send, as a recognition award: refused
            self.env["gamification.badge.user"].with_user(self.user_portal).create(
                {
                    "badge_id": self.env.ref("gamification.badge_good_job").id,
                    "user_id": self.user_portal.id,
                    "employee_id": self.employee_portal.id,
                    "res_model": "hr.employee",
                    "res_id": self.employee_other.id,
                }
            )
