# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.2.0.0 splits hr_performance_link: objectives and ratings, check-ins
and 360° feedback, review cycles and the talent review moved to their own
addons (module_moves.SPLIT_ADDONS). Before hr_performance_link is updated,
the external ids of what moved are given to the addon that now declares it,
so that the update neither deletes those models, their tables and fields, nor
the records of their data files (OpenUpgrade's module-move migration). The
post-migration installs the new addons in the same run."""

import logging

from odoo.addons.hr_performance_link.module_moves import SPLIT_ADDONS, move

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    for addon in SPLIT_ADDONS:
        moved = move(cr, addon)
        _logger.info(
            "%s external ids moved from hr_performance_link to %s", moved, addon
        )
