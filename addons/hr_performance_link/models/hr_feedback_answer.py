# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

RATINGS = [
    (1, "1 - Far below expectations"),
    (2, "2 - Below expectations"),
    (3, "3 - Meets expectations"),
    (4, "4 - Above expectations"),
    (5, "5 - Outstanding"),
]


class HrFeedbackAnswer(models.Model):
    _name = "hr.feedback.answer"
    _description = "360° feedback answer on one competency"
    _order = "request_id, id"
    _rec_name = "skill_id"

    request_id = fields.Many2one(
        "hr.feedback.request", required=True, index=True, ondelete="cascade"
    )
    appraisal_id = fields.Many2one(
        related="request_id.appraisal_id", store=True, index=True
    )
    request_state = fields.Selection(related="request_id.state", store=True)
    company_id = fields.Many2one(related="request_id.company_id", store=True)
    skill_id = fields.Many2one("hr.skill", required=True, ondelete="cascade")
    skill_type_id = fields.Many2one(related="skill_id.skill_type_id")
    rating = fields.Integer(aggregator="avg", help="1 (far below) to 5 (outstanding).")
    level_id = fields.Many2one(
        "hr.skill.level",
        string="Level Observed",
        ondelete="set null",
        domain="[('skill_type_id', '=', skill_type_id)]",
    )
    comment = fields.Text()

    _sql_constraints = [
        (
            "request_skill_unique",
            "UNIQUE(request_id, skill_id)",
            "A feedback request rates each skill once.",
        ),
    ]

    @api.constrains("rating")
    def _check_rating(self):
        for answer in self:
            if answer.rating and not 1 <= answer.rating <= 5:
                raise ValidationError(
                    self.env._(
                        "Rate %(skill)s from 1 to 5 (or leave it empty), not "
                        "%(rating)s.",
                        skill=answer.skill_id.name,
                        rating=answer.rating,
                    )
                )

    @api.constrains("level_id", "skill_id")
    def _check_level_type(self):
        for answer in self:
            if answer.level_id and answer.level_id.skill_type_id != (
                answer.skill_type_id
            ):
                raise ValidationError(
                    self.env._(
                        "“%(level)s” is not a level of %(type)s (skill %(skill)s).",
                        level=answer.level_id.name,
                        type=answer.skill_type_id.name,
                        skill=answer.skill_id.name,
                    )
                )
