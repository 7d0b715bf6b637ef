# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def post_init_hook(env):
    """Ship the "appraisal completed" rule when the appraisals are there."""
    env["base.automation"]._recognition_ensure_appraisal_rule()
