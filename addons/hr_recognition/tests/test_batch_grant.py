# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Awards of one transaction are granted together (issue 16): one ``create``,
one note per employee, one digest per company's Recognition channel, and a
query count that does not grow with the number of completions."""

from freezegun import freeze_time

from odoo.tests import tagged

from .common import RecognitionCase


@tagged("post_install", "-at_install")
class TestBatchGrant(RecognitionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Rec Batch B"})
        cls.company_b.recognition_post_in_channel = True
        cls.learners = {}
        sizes = {"warm": 1, "small": 5, "large": 50, "digest": 4, "digest_b": 2}
        for key, size in sizes.items():
            company = cls.company_b if key == "digest_b" else cls.company
            users = (
                cls.env["res.users"]
                .with_context(no_reset_password=True)
                .create(
                    [
                        {
                            "name": f"Rec Learner {key} {index}",
                            "login": f"rec_learner_{key}_{index}",
                            "company_id": company.id,
                            "company_ids": [(6, 0, company.ids)],
                            "notification_type": "inbox",
                        }
                        for index in range(size)
                    ]
                )
            )
            employees = cls.env["hr.employee"].create(
                [
                    {
                        "name": user.name,
                        "user_id": user.id,
                        "company_id": company.id,
                        "parent_id": cls.manager.id if key == "digest" else False,
                    }
                    for user in users
                ]
            )
            cls.learners[key] = employees
        cls.course = cls.env["slide.channel"].create(
            {"name": "Rec Python Basics", "enroll": "public"}
        )

    def _complete_one_by_one(self, employees):
        """Each learner completes the course, one write each (as
        website_slides recomputes the memberships), in this transaction."""
        members = self.env["slide.channel.partner"].create(
            [
                {
                    "channel_id": self.course.id,
                    "partner_id": employee.user_id.partner_id.id,
                    "member_status": "joined",
                }
                for employee in employees
            ]
        )
        for member in members:
            member.member_status = "completed"
        return members

    def _channel_posts(self, company):
        channel = company.recognition_channel_id
        return channel.message_ids.filtered(
            lambda m: self.course.name in (m.body or "")
        )

    def test_completions_awarded_together_one_note_each_one_digest_per_channel(self):
        employees = self.learners["digest"] | self.learners["digest_b"]
        self._complete_one_by_one(employees)
        # what a commit does: the grants of the transaction are awarded now
        self.env.cr.flush()
        awards = self.env["gamification.badge.user"].search(
            [
                ("badge_id", "=", self.badge_course.id),
                ("employee_id", "in", employees.ids),
            ]
        )
        self.assertEqual(awards.employee_id, employees)
        self.assertEqual(set(awards.mapped("res_id")), {self.course.id})
        for employee in employees:
            notes = employee.message_ids.filtered(
                lambda m: self.badge_course.name in (m.body or "")
            )
            self.assertEqual(len(notes), 1, employee.name)
            # the employee still finds it in their inbox
            self.assertIn(
                employee.user_id.partner_id, notes.notification_ids.res_partner_id
            )
            self.assertEqual(
                notes.notification_ids.mapped("notification_type")[0], "inbox"
            )
        # the manager of the four in company A is notified too
        note = self.learners["digest"][0].message_ids.filtered(
            lambda m: self.badge_course.name in (m.body or "")
        )
        self.assertIn(
            self.user_manager.partner_id, note.notification_ids.res_partner_id
        )

        posts_a = self._channel_posts(self.company)
        self.assertEqual(len(posts_a), 1)
        self.assertIn("4 people received the badge", posts_a.body)
        for employee in self.learners["digest"]:
            self.assertIn(employee.name, posts_a.body)
        self.assertNotIn(self.learners["digest_b"][0].name, posts_a.body)
        self.assertIn("gamification_badge_user_action", posts_a.body)
        posts_b = self._channel_posts(self.company_b)
        self.assertEqual(len(posts_b), 1)
        self.assertIn("2 people received the badge", posts_b.body)
        for employee in self.learners["digest_b"]:
            self.assertIn(employee.name, posts_b.body)

    def test_completing_again_in_another_transaction_awards_nothing_more(self):
        employees = self.learners["small"]
        members = self._complete_one_by_one(employees)
        self.env.cr.flush()
        members.member_status = "ongoing"
        members.member_status = "completed"
        self.env.cr.flush()
        awards = self.env["gamification.badge.user"].search(
            [
                ("badge_id", "=", self.badge_course.id),
                ("employee_id", "in", employees.ids),
            ]
        )
        self.assertEqual(len(awards), 5)
        self.assertEqual(len(self._channel_posts(self.company)), 1)

    def _grant_queries(self, employees):
        self._complete_one_by_one(employees)
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        self.env["ir.actions.server"]._recognition_grant_pending()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    @freeze_time("2026-11-30 10:00:00")
    def test_grant_query_count_does_not_grow_with_completions(self):
        # frozen clock: the channel's last activity time is written once, not
        # whenever the second changes between two posts
        # warm the caches (channels, xml ids, ...) with one completion
        self._grant_queries(self.learners["warm"])
        small = self._grant_queries(self.learners["small"])
        self._complete_one_by_one(self.learners["large"])
        self.env.flush_all()
        self.env.invalidate_all()
        # flush=False: the grants collected in the transaction are awarded here
        with self.assertQueryCount(small, flush=False):
            self.env["ir.actions.server"]._recognition_grant_pending()
            self.env.flush_all()
        awards = self.env["gamification.badge.user"].search_count(
            [
                ("badge_id", "=", self.badge_course.id),
                ("employee_id", "in", self.learners["large"].ids),
            ]
        )
        self.assertEqual(awards, 50)

    def test_existing_awards_are_found_among_twenty_thousand_keys(self):
        """10,000 completions in one transaction ask for tens of thousands of
        keys at once: the lookup answers (it once hit PostgreSQL's stack depth
        limit) and finds the one award that exists."""
        employee = self.learners["warm"]
        self._complete_one_by_one(employee)
        self.env.flush_all()
        self.env["ir.actions.server"]._recognition_grant_pending()
        award = self.env["gamification.badge.user"].search(
            [("badge_id", "=", self.badge_course.id), ("employee_id", "=", employee.id)]
        )
        self.assertEqual(len(award), 1)
        real = (award.badge_id.id, employee.id, award.res_model, award.res_id)
        keys = [
            (self.badge_course.id, employee.id, "slide.channel.partner", -index)
            for index in range(1, 20000)
        ] + [real]
        found = self.env["gamification.badge.user"]._recognition_existing_keys(keys)
        self.assertEqual(found, {real})

    def test_automation_rules_are_looked_up_once_and_seen_at_once_when_changed(self):
        """base_automation looks the rules of a model up on every write: the
        answer is kept until a rule changes, and a rule created, switched off
        or deleted in the same transaction is taken into account at once."""
        Member = self.env["slide.channel.partner"]
        Automation = self.env["base.automation"]
        Automation._get_actions(Member, ["on_create_or_write"])
        with self.assertQueryCount(0):
            Automation._get_actions(Member, ["on_create_or_write"])
        rule = Automation.create(
            {
                "name": "Rec lookup test",
                "model_id": self.env.ref(
                    "website_slides.model_slide_channel_partner"
                ).id,
                "trigger": "on_create_or_write",
            }
        )
        self.assertIn(rule, Automation._get_actions(Member, ["on_create_or_write"]))
        rule.active = False
        self.assertNotIn(rule, Automation._get_actions(Member, ["on_create_or_write"]))
        rule.active = True
        rule.unlink()
        self.assertFalse(
            Automation._get_actions(Member, ["on_create_or_write"]).filtered(
                lambda r: r.name == "Rec lookup test"
            )
        )
