# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Recognition settings and channel per company.

- The skill level threshold was one global parameter: every company starts
  with that value (saving the settings rebuilds the rule's condition from the
  companies' thresholds).
- The Recognition channel was one channel for all: it becomes the main
  company's; the other companies get theirs with their next award.
"""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)

THRESHOLD_PARAM = "hr_recognition.skill_threshold"


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    params = env["ir.config_parameter"]
    value = params.get_param(THRESHOLD_PARAM)
    companies = env["res.company"].with_context(active_test=False).search([])
    if value not in (None, False, ""):
        try:
            threshold = min(max(int(value), 0), 100)
        except ValueError:
            _logger.warning(
                "Ignoring the skill level threshold %r: not a number", value
            )
        else:
            companies.write({"recognition_skill_threshold": threshold})
            _logger.info(
                "Skill level threshold %s copied to %s companies",
                threshold,
                len(companies),
            )
    # the rule's condition already holds this threshold (the settings wrote
    # it), or HR's own condition, which the upgrade keeps
    params.search([("key", "=", THRESHOLD_PARAM)]).unlink()

    channel = env.ref("hr_recognition.channel_recognition", raise_if_not_found=False)
    main = env.ref("base.main_company", raise_if_not_found=False)
    linked = companies.filtered("recognition_channel_id")
    if channel and main and not linked:
        main.recognition_channel_id = channel
        _logger.info("Recognition channel %s is the main company's", channel.id)
