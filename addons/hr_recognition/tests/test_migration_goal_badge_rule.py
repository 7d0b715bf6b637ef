# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The 18.0.1.1.0 migration brings the shipped "career goal achieved" rule of
an existing database (noupdate) to the confirmation condition."""

import importlib.util

from odoo.tests import tagged
from odoo.tools.misc import file_path

from .common import RecognitionCase


def _migration(name):
    path = file_path(f"hr_recognition/migrations/18.0.1.1.0/{name}.py")
    spec = importlib.util.spec_from_file_location(name.replace("-", "_"), path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.migrate


@tagged("post_install", "-at_install", "suite_upgrade")
class TestGoalBadgeRuleMigration(RecognitionCase):
    def _xmlid(self):
        return self.env["ir.model.data"].search(
            [
                ("module", "=", "hr_recognition"),
                ("name", "=", "automation_goal_achieved"),
            ]
        )

    def test_released_rule_is_rewritten_and_protected_again(self):
        # the rule as 18.0.1.0.0 shipped it
        self.rule_goal.write(
            {
                "trigger": "on_state_set",
                "trigger_field_ids": [
                    (
                        6,
                        0,
                        [self.env.ref("hr_career_dev.field_hr_career_goal__state").id],
                    )
                ],
                "trg_selection_field_id": self.env.ref(
                    "hr_career_dev.selection__hr_career_goal__state__achieved"
                ).id,
                "filter_pre_domain": "[('state', '!=', 'achieved')]",
                "filter_domain": "[('state', '=', 'achieved')]",
            }
        )
        self.assertTrue(self._xmlid().noupdate)
        goal = self._new_goal(self.employee, "Before the migration")
        goal.with_user(self.user_employee).action_achieve()
        self.assertEqual(len(self._awards(self.badge_goal, self.employee)), 1)

        _migration("pre-goal_badge_rule")(self.env.cr, "18.0.1.0.0")
        _migration("post-goal_badge_rule")(self.env.cr, "18.0.1.0.0")
        self.env.invalidate_all()

        self.assertEqual(
            self.rule_goal.filter_domain,
            "[('state', '=', 'achieved'), "
            "('achievement_confirmed_by_id', '!=', False)]",
        )
        self.assertEqual(self.rule_goal.trigger, "on_create_or_write")
        self.assertTrue(self._xmlid().noupdate)
        goal = self._new_goal(self.employee, "After the migration")
        goal.with_user(self.user_employee).action_achieve()
        self.assertEqual(len(self._awards(self.badge_goal, self.employee)), 1)
        goal.with_user(self.user_manager).action_confirm_achievement()
        self.assertEqual(len(self._awards(self.badge_goal, self.employee)), 2)
