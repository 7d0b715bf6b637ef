# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 29: the "promotion" rule awarded its badge on any change of job, a
move down included. It now awards only a promotion (along a career path marked
as a promotion). Its record lives in a noupdate file: let it be rewritten
during this update (post-promotion_rule.py reloads it, then protects it)."""

PROMOTION_RULES = ("automation_promotion",)


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
        (PROMOTION_RULES,),
    )
