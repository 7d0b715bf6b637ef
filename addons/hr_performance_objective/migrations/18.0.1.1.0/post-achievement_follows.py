# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Objective lines now follow their objective's progress until the appraisal
is completed, unless a manager typed the achievement. A line written after it
was listed was typed (achievement or comment): it keeps its value. The others
of open appraisals follow again, and every suggested rating is computed by
the new rule (none until the competencies and objectives are assessed)."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE hr_appraisal_objective
           SET achievement_manual = TRUE
         WHERE write_date > create_date
        """
    )
    env = api.Environment(cr, SUPERUSER_ID, {})
    lines = env["hr.appraisal.objective"].search(
        [("achievement_manual", "=", False), ("appraisal_id.state", "!=", "3_done")]
    )
    env.add_to_compute(lines._fields["achievement"], lines)
    appraisals = env["hr.appraisal"].search([])
    for name in ("objective_score", "suggested_rating_id"):
        env.add_to_compute(appraisals._fields[name], appraisals)
    env.flush_all()
