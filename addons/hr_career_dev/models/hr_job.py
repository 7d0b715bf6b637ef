# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HrJob(models.Model):
    _inherit = "hr.job"

    competency_ids = fields.One2many(
        "hr.job.competency", "job_id", string="Competencies"
    )
    next_path_ids = fields.One2many(
        "hr.career.path", "from_job_id", string="Next Steps"
    )
    previous_path_ids = fields.One2many(
        "hr.career.path", "to_job_id", string="Comes From"
    )
    competency_count = fields.Integer(compute="_compute_competency_count")

    @api.depends("competency_ids")
    def _compute_competency_count(self):
        counts = dict(
            self.env["hr.job.competency"]._read_group(
                [("job_id", "in", self.ids)], ["job_id"], ["__count"]
            )
        )
        for job in self:
            job.competency_count = counts.get(job, 0)

    def _get_succession_candidates(self):
        """See hr.succession.candidate._get_candidates."""
        return self.env["hr.succession.candidate"]._get_candidates(self)

    def action_open_succession_candidates(self):
        self.ensure_one()
        return self.env["hr.succession.candidate"]._action_open_for_job(self)
