# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.hr_performance_link.hooks import unlink_module_appraisals


def uninstall_hook(env):
    unlink_module_appraisals(env, "hr_talent_review")
