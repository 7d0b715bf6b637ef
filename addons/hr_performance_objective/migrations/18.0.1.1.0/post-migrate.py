# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Key results bound to Odoo data before templates existed: the ones that
count what a shipped template counts (same model and domain) are linked to
it, so that their form names what they count."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE hr_performance_key_result kr
           SET template_id = t.id
          FROM hr_performance_key_result_template t
         WHERE kr.template_id IS NULL
           AND kr.source_model = t.model
           AND kr.source_domain = t.domain
        """
    )
