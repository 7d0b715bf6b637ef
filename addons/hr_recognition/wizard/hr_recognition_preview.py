# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HrRecognitionPreview(models.TransientModel):
    _name = "hr.recognition.preview"
    _description = "Preview of the awards of a recognition rule"

    automation_id = fields.Many2one("base.automation", readonly=True)
    rule_name = fields.Char(string="Rule", readonly=True)
    matching_count = fields.Integer(
        string="Matching Records",
        readonly=True,
        help="Records that satisfy the rule's condition now.",
    )
    line_ids = fields.One2many(
        "hr.recognition.preview.line", "preview_id", string="Would Be Awarded"
    )
    award_count = fields.Integer(compute="_compute_award_count")
    employee_names = fields.Char(compute="_compute_award_count")
    no_user_employee_ids = fields.Many2many(
        "hr.employee",
        string="Employees Without User",
        readonly=True,
        help="They match the rule but cannot receive a badge: they have no user.",
    )

    @api.depends("line_ids.employee_id")
    def _compute_award_count(self):
        for preview in self:
            preview.award_count = len(preview.line_ids)
            preview.employee_names = ", ".join(
                sorted(set(preview.line_ids.employee_id.mapped("name")))
            )


class HrRecognitionPreviewLine(models.TransientModel):
    _name = "hr.recognition.preview.line"
    _description = "Award a recognition rule would grant"

    preview_id = fields.Many2one(
        "hr.recognition.preview", required=True, ondelete="cascade"
    )
    employee_id = fields.Many2one("hr.employee", readonly=True)
    badge_id = fields.Many2one("gamification.badge", readonly=True)
    res_model = fields.Char(readonly=True)
    res_id = fields.Many2oneReference(model_field="res_model", readonly=True)
    reason = fields.Char(readonly=True)
