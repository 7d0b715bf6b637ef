# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.hr_performance_link.hooks import unlink_module_appraisals


def post_init_hook(env):
    """Cycles that asked every teammate before nominated peers existed (a
    database upgraded from hr_performance_link 18.0.1.x, whose cycles this
    addon now holds) keep their 360° rule: the new "nominated peers" option,
    on by default, is not added to them."""
    env.cr.execute(
        "UPDATE hr_review_cycle SET feedback_from_nominations = FALSE "
        "WHERE feedback_from_peers"
    )


def uninstall_hook(env):
    unlink_module_appraisals(env, "hr_review_cycle", cycle_model=True)
