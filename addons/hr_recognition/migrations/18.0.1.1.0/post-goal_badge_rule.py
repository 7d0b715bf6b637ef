# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Reload the "career goal achieved" rule from the shipped data file, then make
it HR's to edit again (see pre-goal_badge_rule.py).

The data file is ``noupdate="1"``: an update skips every record of it that
exists, whatever the ``noupdate`` flag of its ``ir_model_data`` row, so the
rule is loaded here from that file (that record only, one source of truth)."""

from lxml import etree

from odoo import SUPERUSER_ID, api
from odoo.tools.convert import xml_import
from odoo.tools.misc import file_path

GOAL_BADGE_RULES = ("automation_goal_achieved",)
DATA_FILE = "hr_recognition/data/base_automation_data.xml"


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    shipped = etree.parse(file_path(DATA_FILE)).getroot()
    root = etree.Element("odoo")
    root.extend(
        record
        for record in shipped.iter("record")
        if record.get("id") in GOAL_BADGE_RULES
    )
    xml_import(env, "hr_recognition", {}, mode="update", noupdate=False).parse(root)
    cr.execute(
        """
        UPDATE ir_model_data
           SET noupdate = true
         WHERE module = 'hr_recognition' AND model = 'base.automation'
           AND name IN %s
        """,
        (GOAL_BADGE_RULES,),
    )
