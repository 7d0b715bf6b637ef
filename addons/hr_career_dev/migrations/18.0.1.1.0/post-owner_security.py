# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 19: the rules rewritten by the update are noupdate again (see the
pre-migration), so that later changes made by the administrator survive."""

RULES = ("hr_development_action_rule_employee",)


def migrate(cr, version):
    cr.execute(
        "UPDATE ir_model_data SET noupdate = true "
        "WHERE module = 'hr_career_dev' AND name IN %s",
        (RULES,),
    )
