# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

TRACKS = [
    ("technical", "Technical"),
    ("management", "Management"),
    ("lateral", "Lateral"),
]


class HrCareerPath(models.Model):
    _name = "hr.career.path"
    _description = "Career path step"
    _order = "track, from_job_id, sequence, id"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    from_job_id = fields.Many2one(
        "hr.job", required=True, index=True, ondelete="cascade", check_company=True
    )
    to_job_id = fields.Many2one(
        "hr.job", required=True, index=True, ondelete="cascade", check_company=True
    )
    track = fields.Selection(TRACKS, required=True, default="technical")
    typical_months = fields.Integer(
        default=24, help="Usual time spent in the first job before this move."
    )
    description = fields.Text()
    company_id = fields.Many2one(related="from_job_id.company_id", store=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "path_unique",
            "UNIQUE(from_job_id, to_job_id)",
            "This career step already exists.",
        ),
        (
            "path_no_loop",
            "CHECK(from_job_id != to_job_id)",
            "A career step must lead to another job.",
        ),
        (
            "typical_months_positive",
            "CHECK(typical_months >= 0)",
            "The typical duration cannot be negative.",
        ),
    ]

    @api.depends("from_job_id", "to_job_id")
    def _compute_display_name(self):
        for path in self:
            path.display_name = (
                f"{path.from_job_id.name or ''} → {path.to_job_id.name or ''}"
            )
