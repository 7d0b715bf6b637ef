# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.hr_performance_link.tests.common import PerformanceLinkCase


@tagged("post_install", "-at_install")
class TestCheckin(PerformanceLinkCase):
    def _checkin(self, employee=None, **vals):
        return self.env["hr.performance.checkin"].create(
            {"employee_id": (employee or self.employee).id, **vals}
        )

    def test_manager_defaults_to_the_employee_manager(self):
        self.assertEqual(self._checkin().manager_id, self.manager)

    def test_next_date_follows_company_cadence(self):
        day = date(2026, 1, 31)
        expected = {
            "weekly": date(2026, 2, 7),
            "biweekly": date(2026, 2, 14),
            "monthly": date(2026, 2, 28),
        }
        for cadence, next_date in expected.items():
            with self.subTest(cadence=cadence):
                self.company.checkin_cadence = cadence
                self.assertEqual(self._checkin(date=day).next_date, next_date)

    def test_settings_set_the_cadence(self):
        settings = self.env["res.config.settings"].create(
            {"checkin_cadence": "biweekly"}
        )
        settings.execute()
        self.assertEqual(self.company.checkin_cadence, "biweekly")

    def test_done_checkin_updates_goal_progress(self):
        goal = self.env["hr.career.goal"].create(
            {"employee_id": self.employee.id, "name": "Learn Rust"}
        )
        checkin = self._checkin()
        checkin.action_load_goals()
        self.assertEqual(checkin.goal_line_ids.goal_id, goal)
        checkin.goal_line_ids.progress = 40
        self.assertEqual(goal.progress, 0, "draft check-in: not applied yet")
        checkin.action_done()
        self.assertEqual(goal.progress, 40)
        self.assertEqual(goal.state, "in_progress")
        self.assertEqual(checkin.goal_line_ids.previous_progress, 0)

    def test_appraisal_lists_checkins_of_its_period(self):
        inside = self._checkin(date=self.today)
        self._checkin(date=self.today - relativedelta(years=2))
        self._checkin(employee=self.reviewer, date=self.today)
        self.assertEqual(self.appraisal.checkin_ids, inside)

    def test_cron_schedules_one_activity_for_due_checkins(self):
        old = self.today - relativedelta(days=40)
        due = self._checkin(date=old, state="done")
        # the reviewer had a check-in as long ago, but a newer one since
        self._checkin(employee=self.reviewer, date=old, state="done")
        self._checkin(employee=self.reviewer, date=self.today)
        Checkin = self.env["hr.performance.checkin"]
        Checkin._cron_schedule_due_checkins()
        activity_type = self.env.ref(
            "hr_performance_feedback.mail_activity_type_checkin_due"
        )
        activities = self.env["mail.activity"].search(
            [
                ("res_model", "=", "hr.performance.checkin"),
                ("activity_type_id", "=", activity_type.id),
            ]
        )
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.res_id, due.id)
        self.assertEqual(activities.user_id, self.user_manager)
        Checkin._cron_schedule_due_checkins()
        self.assertEqual(
            self.env["mail.activity"].search_count(
                [
                    ("res_model", "=", "hr.performance.checkin"),
                    ("activity_type_id", "=", activity_type.id),
                ]
            ),
            1,
            "a second run does not duplicate the activity",
        )

    def test_checkin_access_own_team_and_others(self):
        mine = self._checkin()
        colleague = self._checkin(employee=self.reviewer)
        # the employee reads their own check-in, not a colleague's
        mine.with_user(self.user_employee).check_access("read")
        with self.assertRaises(AccessError):
            colleague.with_user(self.user_employee).check_access("read")
        # the manager reads the team's and can create one for a report
        (mine | colleague).with_user(self.user_manager).check_access("write")
        self.env["hr.performance.checkin"].with_user(self.user_manager).create(
            {
                "employee_id": self.employee.id,
                "goal_line_ids": [],
                "notes": "<p>Weekly</p>",
            }
        )
        # HR officer sees every check-in
        self.assertEqual(
            self.env["hr.performance.checkin"]
            .with_user(self.user_officer)
            .search_count([("id", "in", (mine | colleague).ids)]),
            2,
        )

    def test_checkin_goal_of_another_employee_is_refused(self):
        goal = self.env["hr.career.goal"].create(
            {"employee_id": self.reviewer.id, "name": "Not Eve's"}
        )
        checkin = self._checkin()
        with self.assertRaises(ValidationError):
            checkin.write({"goal_line_ids": [Command.create({"goal_id": goal.id})]})
        checkin.invalidate_recordset()
        self.assertFalse(checkin.goal_line_ids)
