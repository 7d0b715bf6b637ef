# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

# what the owner of an opportunity types on its skills (hr.career.policy.mixin)
SKILL_INPUT = {"skill_id", "skill_type_id", "level_id", "kind"}


class HrCareerOpportunitySkill(models.Model):
    _name = "hr.career.opportunity.skill"
    _description = "Skill required or developed by an internal opportunity"
    _inherit = [
        "hr.career.skill.level.mixin",
        "hr.career.unique.mixin",
        "hr.career.policy.mixin",
    ]
    _order = "opportunity_id, kind desc, skill_type_id, skill_id"
    # as the opportunity: its owner and the owner's managers
    _career_policy_employee = "opportunity_id.owner_id"
    _career_policy = {
        role: {"create": SKILL_INPUT | {"opportunity_id"}, "write": SKILL_INPUT}
        for role in ("employee", "manager")
    }

    opportunity_id = fields.Many2one(
        "hr.career.opportunity", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="opportunity_id.company_id", store=True, index=True
    )
    level_id = fields.Many2one(
        "hr.skill.level",
        required=True,
        ondelete="restrict",
        domain="[('skill_type_id', '=', skill_type_id)]",
    )
    level_progress = fields.Integer(related="level_id.level_progress")
    kind = fields.Selection(
        [("required", "Required"), ("developed", "Developed")],
        required=True,
        default="required",
    )

    _sql_constraints = [
        (
            "opportunity_skill_kind_unique",
            "UNIQUE(opportunity_id, skill_id, kind)",
            "An opportunity lists each skill once as required and once as "
            "developed: change the existing row instead.",
        ),
    ]

    @api.constrains("skill_id", "skill_type_id", "level_id")
    def _check_skill_level_type(self):
        self._check_skill_and_level_types()

    @api.onchange("skill_type_id")
    def _onchange_skill_type_id(self):
        if self.level_id.skill_type_id != self.skill_type_id:
            self.level_id = False
        if self.skill_id.skill_type_id != self.skill_type_id:
            self.skill_id = False
