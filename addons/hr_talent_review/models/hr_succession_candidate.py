# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .hr_talent_review_line import BOX_SELECTION


class HrSuccessionCandidate(models.TransientModel):
    _inherit = "hr.succession.candidate"

    talent_box_name = fields.Selection(
        BOX_SELECTION,
        string="Talent Placement",
        compute="_compute_talent_box_name",
        help="The candidate's current 9-box placement (last closed talent "
        "review), when the user may see it.",
    )

    nominated = fields.Boolean(
        compute="_compute_nominated",
        help="In the successor pool of the job (talent pools).",
    )

    def _compute_nominated(self):
        # as the user: HR reads the pools; others see no nomination
        if not self.env["hr.talent.pool"].has_access("read"):
            self.nominated = False
            return
        members = {
            (pool.job_id.id, employee.id)
            for pool in self.env["hr.talent.pool"].search(
                [("job_id", "in", self.job_id.ids)]
            )
            for employee in pool.employee_ids
        }
        for candidate in self:
            candidate.nominated = (
                candidate.job_id.id,
                candidate.employee_id.id,
            ) in members

    def action_nominate(self):
        """Nominate these candidates as successors for their job: they join
        the job's successor pool (made when the job has none). HR only: the
        pool's access rules refuse others."""
        Pool = self.env["hr.talent.pool"]
        for job in self.job_id:
            pool = Pool._successor_pool(job)
            pool.employee_ids = [
                fields.Command.link(candidate.employee_id.id)
                for candidate in self.filtered(lambda c, j=job: c.job_id == j)
            ]
        return True

    def _compute_talent_box_name(self):
        # as the user: the placement rules decide whose placement is shown
        current = {
            placement.employee_id.id: placement.box_name
            for placement in self.env["hr.talent.placement"].search(
                [
                    ("employee_id", "in", self.employee_id.ids),
                    ("is_current", "=", True),
                ]
            )
        }
        for candidate in self:
            candidate.talent_box_name = current.get(candidate.employee_id.id, False)
