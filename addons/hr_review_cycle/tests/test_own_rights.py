# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 27, item 7: what the self-review reads with the user's own rights
instead of sudo(): the /my/career section of their appraisals (record rules:
their own, internal and portal users alike), the window of their
self-review, and the link of a notification (decided by the role service
whoever asks)."""

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, TransactionCase, tagged
from odoo.tools import mute_logger

from .test_self_review_portal import SelfReviewData


class TestOwnRights(SelfReviewData, TransactionCase):
    def test_self_review_window_with_the_employees_rights(self):
        """The window is decided with the employee's own rights: open in the
        self-review phase, closed once the cycle is past it."""
        self._launch()
        for user, employee in (
            (self.user_employee, self.employee),
            (self.user_pete, self.pete),
        ):
            appraisal = self._appraisal_of(employee).with_user(user)
            self.assertEqual(appraisal._self_review_editable_ids(), {appraisal.id})
        for _phase in ("feedback", "manager_review", "calibration"):
            self.cycle.action_next_phase()
        for user, employee in (
            (self.user_employee, self.employee),
            (self.user_pete, self.pete),
        ):
            appraisal = self._appraisal_of(employee).with_user(user)
            self.assertFalse(appraisal._self_review_editable_ids())

    def test_a_self_review_is_compared_with_the_writers_rights(self):
        """The unchanged-value check reads the current values with the
        writer's rights: a colleague or a portal user of another person
        changes nothing of Eve's self-review, nothing is stored."""
        self._launch()
        eve = self._appraisal_of(self.employee)
        python = self._line(eve, self.python)
        eve.with_user(self.user_employee).write(
            {
                "employee_feedback": "<p>Mine (test)</p>",
                "skill_assessment_ids": [
                    (1, python.id, {"self_level_id": self.advanced.id})
                ],
            }
        )
        for user in (self.user_colleague, self.user_pete, self.user_portal):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    eve.with_user(user).write({"employee_feedback": "<p>x</p>"})
                with self.assertRaises(AccessError):
                    python.with_user(user).write({"self_level_id": self.expert.id})
        eve.invalidate_recordset()
        python.invalidate_recordset()
        self.assertIn("Mine", eve.employee_feedback)
        self.assertEqual(python.self_level_id, self.advanced)
        # the same value again is no change for Eve; Mona writes on it
        eve.with_user(self.user_employee).employee_feedback = eve.employee_feedback
        eve.with_user(self.user_manager).employee_feedback_published = True

    def test_the_link_to_an_appraisal_is_decided_by_the_role_service(self):
        """Whoever asks (not the superuser), a portal user's link to their own
        appraisal opens the portal page; to another's, never."""
        self._launch()
        pete = self._appraisal_of(self.pete)
        eve = self._appraisal_of(self.employee)
        for asking in (self.user_manager, self.user_pete):
            with self.subTest(asking=asking.login):
                action = pete.with_user(asking)._get_access_action(
                    access_uid=self.user_pete.id
                )
                self.assertEqual(action["url"], f"/my/career/appraisal/{pete.id}")
        self.assertEqual(
            pete.with_user(self.user_pete)._get_access_action()["url"],
            f"/my/career/appraisal/{pete.id}",
        )
        action = eve.with_user(self.user_manager)._get_access_action(
            access_uid=self.user_pete.id
        )
        self.assertNotEqual(action.get("url"), f"/my/career/appraisal/{eve.id}")
        action = eve.with_user(self.user_employee)._get_access_action(
            force_website=True
        )
        self.assertEqual(action["url"], f"/my/career/appraisal/{eve.id}")


@tagged("post_install", "-at_install")
class TestOwnRightsPortal(SelfReviewData, HttpCase):
    @mute_logger("odoo.http")
    def test_dashboard_lists_only_the_users_own_appraisals(self):
        self._launch()
        pete = self._appraisal_of(self.pete)
        others = self._cycle_appraisals() - pete
        self.assertTrue(others)
        self.authenticate("rc_pete", "rc_pete")
        dashboard = self.url_open("/my/career").text
        self.assertIn(f'href="/my/career/appraisal/{pete.id}"', dashboard)
        for appraisal in others:
            self.assertNotIn(f'href="/my/career/appraisal/{appraisal.id}"', dashboard)
        # a portal user without an appraisal sees none
        self.authenticate("pl_portal", "pl_portal")
        dashboard = self.url_open("/my/career").text
        self.assertNotIn('href="/my/career/appraisal/', dashboard)
