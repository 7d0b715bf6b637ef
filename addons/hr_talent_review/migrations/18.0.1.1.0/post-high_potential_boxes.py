# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.1.0: the high-potential boxes are chosen from the nine named boxes
(hr.talent.box) instead of typed as "8,9". Each company keeps the boxes it
had typed; Odoo drops the old column at the end of the update."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.company"]._talent_init_high_potential_boxes()
