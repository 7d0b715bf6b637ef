# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The 18.0.1.1.0 migration: goals achieved before confirmations existed count
as confirmed by the system; nobody is asked to confirm them again."""

import importlib.util

from odoo import SUPERUSER_ID
from odoo.tests import tagged
from odoo.tools.misc import file_path

from .common import CareerCase


@tagged("post_install", "-at_install", "suite_upgrade")
class TestGoalConfirmationMigration(CareerCase):
    def test_goals_achieved_before_count_as_confirmed(self):
        achieved, still_open = self.env["hr.career.goal"].create(
            [
                {"name": "Done long ago", "employee_id": self.emp_employee.id},
                {"name": "Still open", "employee_id": self.emp_employee.id},
            ]
        )
        # as 18.0.1.0.0 left it: achieved, with no confirmation
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE hr_career_goal SET state = 'achieved', date_done = '2025-06-01'"
            " WHERE id = %s",
            [achieved.id],
        )
        path = file_path(
            "hr_career_dev/migrations/18.0.1.1.0/post-goal_confirmation.py"
        )
        spec = importlib.util.spec_from_file_location("post_goal_confirmation", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(self.env.cr, "18.0.1.0.0")
        self.env.invalidate_all()
        self.assertEqual(achieved.achievement_confirmed_by_id.id, SUPERUSER_ID)
        self.assertEqual(str(achieved.achievement_confirmed_date), "2025-06-01")
        self.assertFalse(achieved.achievement_to_confirm)
        self.assertFalse(still_open.achievement_confirmed_by_id)


@tagged("post_install", "-at_install", "suite_upgrade")
class TestShortGoalTargetMigration(CareerCase):
    def test_short_term_goals_lose_the_job_they_never_aimed_at(self):
        short = self.env["hr.career.goal"].create(
            {"name": "Pair weekly", "employee_id": self.emp_employee.id}
        )
        # as 18.0.1.0.0 allowed it: a short-term goal with a job
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE hr_career_goal SET target_job_id = %s WHERE id = %s",
            [self.job_lead.id, short.id],
        )
        path = file_path(
            "hr_career_dev/migrations/18.0.1.1.0/post-short_goal_target.py"
        )
        spec = importlib.util.spec_from_file_location("post_short_goal_target", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(self.env.cr, "18.0.1.0.0")
        self.env.invalidate_all()
        self.assertFalse(short.target_job_id)
        # the long-term goal keeps its job, and the employee her target
        self.assertEqual(self.goal_lead.target_job_id, self.job_lead)
        short.write({"horizon": "short", "progress": 20})  # saved again: not refused
        self.assertEqual(self.emp_employee.target_job_id, self.job_lead)
