# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The addons split out of hr_performance_link in 18.0.2.0.0 hold what the
database used before (its external ids were moved to them by the
pre-migration): mark them for installation, Odoo installs them in this same
run (as hr_recognition's 18.0.1.1.0 does for its bridge)."""

from odoo import SUPERUSER_ID, api

from odoo.addons.hr_performance_link.module_moves import SPLIT_ADDONS


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["ir.module.module"].search(
        [("name", "in", SPLIT_ADDONS), ("state", "=", "uninstalled")]
    ).button_install()
