# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Internal opportunities on top of CareerCase (see common.py):

Sabine Skip
  ├─ Marc Manager ─┬─ Emma Employee (applies)
  │                └─ Carl Colleague
  └─ Olga Owner (posts the opportunities)
"""

from odoo import Command, fields

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CareerCase


class OpportunityCase(CareerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_owner = mail_new_test_user(
            cls.env,
            login="career_owner",
            name="Olga Owner",
            email="career_owner@example.com",
            groups="base.group_user",
            company_id=cls.company_a.id,
            notification_type="inbox",
        )
        cls.emp_owner = cls.env["hr.employee"].create(
            {
                "name": "Olga Owner",
                "user_id": cls.user_owner.id,
                "parent_id": cls.emp_skip.id,
            }
        )
        cls.today = fields.Date.today()

    @classmethod
    def _opportunity(cls, name, kind="rotation", state="open", skills=(), **vals):
        """An opportunity of Olga's; ``skills``: [(kind, skill, level)]."""
        return cls.env["hr.career.opportunity"].create(
            {
                "name": name,
                "opportunity_type": kind,
                "owner_id": cls.emp_owner.id,
                "state": state,
                "skill_ids": [
                    Command.create(
                        {"kind": line_kind, "skill_id": skill.id, "level_id": level.id}
                    )
                    for line_kind, skill, level in skills
                ],
                **vals,
            }
        )
