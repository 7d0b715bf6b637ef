# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 19: the employee's rule on development actions becomes read-only
(employees follow up their own actions through a separate rule, managers plan
their team's through another; both are new records, created by the update).

The rule lives in a ``noupdate="1"`` file: Odoo 18 skips an existing record of
such a file in update mode whatever the ``noupdate`` flag of its
``ir_model_data`` row (odoo/tools/convert.py, ``_tag_record``), so the changed
values are written here."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    rule = env.ref(
        "hr_career_dev.hr_development_action_rule_employee", raise_if_not_found=False
    )
    if rule:
        rule.write(
            {
                "name": "Development action: employee reads own and team's",
                "perm_read": True,
                "perm_write": False,
                "perm_create": False,
                "perm_unlink": False,
            }
        )
