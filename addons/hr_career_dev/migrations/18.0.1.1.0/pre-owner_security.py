# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 19: let the update rewrite the changed rules of noupdate files (the
employee's rule on development actions becomes read-only)."""

RULES = ("hr_development_action_rule_employee",)


def migrate(cr, version):
    cr.execute(
        "UPDATE ir_model_data SET noupdate = false "
        "WHERE module = 'hr_career_dev' AND name IN %s",
        (RULES,),
    )
