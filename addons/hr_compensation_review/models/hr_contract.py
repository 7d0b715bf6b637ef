# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HrContract(models.Model):
    _inherit = "hr.contract"

    compensation_line_id = fields.Many2one(
        "hr.compensation.review.line",
        string="Compensation Review Line",
        readonly=True,
        copy=False,
        index="btree_not_null",
        tracking=True,
        help="The compensation review line this wage and job come from.",
    )
    compa_ratio = fields.Float(
        string="Compa-Ratio",
        digits=(16, 2),
        compute="_compute_compa_ratio",
        help="The wage divided by the midpoint of the job's salary band.",
    )

    def _compute_compa_ratio(self):
        midpoints = self.env["hr.job.salary.band"]._get_midpoints(
            (contract.job_id.id, contract.company_id.id)
            for contract in self
            if contract.job_id
        )
        for contract in self:
            midpoint = midpoints.get((contract.job_id.id, contract.company_id.id))
            contract.compa_ratio = contract.wage / midpoint if midpoint else 0.0
