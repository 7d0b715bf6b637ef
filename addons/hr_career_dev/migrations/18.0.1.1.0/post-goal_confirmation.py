# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Goals achieved before achievements needed a confirmation were recognised
under the former rule: they count as confirmed by the system (OdooBot) on the
day they were achieved, so that nobody is asked to confirm them again and the
portal does not show them as waiting."""

from odoo import SUPERUSER_ID


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE hr_career_goal
           SET achievement_confirmed_by_id = %s,
               achievement_confirmed_date = COALESCE(date_done, write_date::date)
         WHERE state = 'achieved' AND achievement_confirmed_by_id IS NULL
        """,
        (SUPERUSER_ID,),
    )
