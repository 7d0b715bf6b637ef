# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The "career goal achieved" rule now fires on the confirmation of the
achievement by a manager or HR. Its record lives in a noupdate file: let it be
rewritten during this update (post-goal_badge_rule.py reloads it from the
shipped file, then protects it again)."""

GOAL_BADGE_RULES = ("automation_goal_achieved",)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE ir_model_data
           SET noupdate = false
         WHERE module = 'hr_recognition' AND model = 'base.automation'
           AND name IN %s
        """,
        (GOAL_BADGE_RULES,),
    )
