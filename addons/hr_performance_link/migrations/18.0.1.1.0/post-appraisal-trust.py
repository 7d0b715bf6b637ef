# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 18, appraisal trust: bring the record rules of existing databases to
the chain-based ones, and mark appraisals completed before the upgrade as
applied (completing them again must not apply their levels twice).

The rules live in a ``noupdate="1"`` file. In Odoo 18.0 ``-u`` skips every
record of such a file whose XML id exists, whatever ``ir_model_data.noupdate``
says (odoo/tools/convert.py, ``_tag_record``: the file's flag is checked
before ``_load_records`` looks at the row's), so flipping the rows' flag in a
pre-migration would not reach them. The file is loaded again here in ``init``
mode, which rewrites its records (new and changed rules alike) and keeps their
XML ids ``noupdate``: the XML stays the one source of the rules.
"""

from odoo import SUPERUSER_ID, api
from odoo.tools import convert_file

SECURITY_FILE = "security/hr_performance_link_security.xml"


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    convert_file(
        env,
        "hr_performance_link",
        SECURITY_FILE,
        {},
        mode="init",
        noupdate=True,
        kind="data",
    )
    cr.execute(
        "UPDATE hr_appraisal SET career_applied = TRUE"
        " WHERE state = '3_done' AND career_applied IS NOT TRUE"
    )
