# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Reload the "promotion" rule from the shipped data file (its condition now
reads Last Job Change = Promotion), then make it HR's to edit again (see
pre-promotion_rule.py); and name every grant action of a rule for its badge,
where base_automation had named it "Grant Badge"."""

from lxml import etree

from odoo import SUPERUSER_ID, api
from odoo.tools.convert import xml_import
from odoo.tools.misc import file_path

PROMOTION_RULES = ("automation_promotion",)
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
        if record.get("id") in PROMOTION_RULES
    )
    xml_import(env, "hr_recognition", {}, mode="update", noupdate=False).parse(root)
    cr.execute(
        """
        UPDATE ir_model_data
           SET noupdate = true
         WHERE module = 'hr_recognition' AND model = 'base.automation'
           AND name IN %s
        """,
        (PROMOTION_RULES,),
    )
    unnamed = env["ir.actions.server"].search(
        [
            ("state", "=", "grant_badge"),
            ("base_automation_id", "!=", False),
            ("name", "=", "Grant Badge"),
        ]
    )
    unnamed._compute_name()
