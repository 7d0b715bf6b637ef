# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The rewritten "career goal achieved" rule is HR's to edit again: the next
updates leave it alone (see pre-goal_badge_rule.py)."""

GOAL_BADGE_RULES = ("automation_goal_achieved",)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE ir_model_data
           SET noupdate = true
         WHERE module = 'hr_recognition' AND model = 'base.automation'
           AND name IN %s
        """,
        (GOAL_BADGE_RULES,),
    )
