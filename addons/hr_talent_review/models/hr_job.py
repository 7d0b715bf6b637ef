# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HrJob(models.Model):
    _inherit = "hr.job"

    successor_pool_ids = fields.One2many(
        "hr.talent.pool",
        "job_id",
        string="Successor Pools",
        groups="hr.group_hr_user",
    )
    successor_count = fields.Integer(
        string="Successors",
        compute="_compute_successor_count",
        groups="hr.group_hr_user",
    )

    @api.depends("successor_pool_ids.employee_ids")
    def _compute_successor_count(self):
        for job in self:
            job.successor_count = len(job.successor_pool_ids.employee_ids)

    def action_open_successor_pool(self):
        """The job's successor pool (made when it has none)."""
        self.ensure_one()
        pool = self.env["hr.talent.pool"]._successor_pool(self)
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.talent.pool",
            "res_id": pool.id,
            "views": [(False, "form")],
            "name": pool.name,
        }
