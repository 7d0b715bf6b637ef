# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The "appraisal completed" rule, created in code by 18.0.1.0.0, now comes
with the bridge addon hr_recognition_appraisal. Bridges install themselves
(auto_install) when their dependencies are installed, not when these are
upgraded: the upgrade of a database having appraisals marks the bridge for
installation here, and Odoo installs it in the same run. Its pre-init hook
adopts the existing rule instead of creating a second one."""

from odoo import SUPERUSER_ID, api

BRIDGE = "hr_recognition_appraisal"


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    Module = env["ir.module.module"]
    bridge = Module.search([("name", "=", BRIDGE), ("state", "=", "uninstalled")])
    appraisals = Module.search(
        [
            ("name", "=", "hr_performance_link"),
            ("state", "in", ("installed", "to upgrade", "to install")),
        ]
    )
    if bridge and appraisals:
        bridge.button_install()
