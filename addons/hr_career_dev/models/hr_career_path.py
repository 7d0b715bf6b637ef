# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .value_checks import check_value_range

TRACKS = [
    ("technical", "Technical"),
    ("management", "Management"),
    ("lateral", "Lateral"),
]


class HrCareerPath(models.Model):
    _name = "hr.career.path"
    _description = "Career path step"
    _inherit = ["hr.career.unique.mixin"]
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
    is_promotion = fields.Boolean(
        string="Promotion",
        compute="_compute_is_promotion",
        store=True,
        readonly=False,
        precompute=True,
        help="A move along this step is a promotion (its badge, its "
        "announcement). By default the steps of the technical and management "
        "tracks are, lateral steps are not.",
    )
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

    @api.depends("track")
    def _compute_is_promotion(self):
        for path in self:
            path.is_promotion = path.track != "lateral"

    @api.depends("from_job_id", "to_job_id")
    def _compute_display_name(self):
        for path in self:
            path.display_name = (
                f"{path.from_job_id.name or ''} → {path.to_job_id.name or ''}"
            )

    # ------------------------------------------------------------ CRUD
    # The CHECK constraints above hold for good; these checks come first so
    # that a user's mistake gets a message and logs no database error.
    @api.model_create_multi
    def create(self, vals_list):
        check_value_range(self, vals_list, "typical_months", 0)
        for vals in vals_list:
            self._check_not_a_loop(vals.get("from_job_id"), vals.get("to_job_id"))
        return super().create(vals_list)

    def write(self, vals):
        check_value_range(self, [vals], "typical_months", 0)
        if "from_job_id" in vals or "to_job_id" in vals:
            for path in self:
                self._check_not_a_loop(
                    vals.get("from_job_id", path.from_job_id.id),
                    vals.get("to_job_id", path.to_job_id.id),
                )
        return super().write(vals)

    @api.model
    def _check_not_a_loop(self, from_job_id, to_job_id):
        if from_job_id and from_job_id == to_job_id:
            raise ValidationError(
                self.env._(
                    "A career step from %(job)s must lead to another job.",
                    job=self.env["hr.job"].browse(from_job_id).name,
                )
            )
