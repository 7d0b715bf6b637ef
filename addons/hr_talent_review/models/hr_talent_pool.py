# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

HIGH_POTENTIAL_POOL = "hr_talent_review.hr_talent_pool_high_potential"


class HrTalentPool(models.Model):
    """A named group of employees HR follows (successors, high potentials,
    experts to retain). Closing a talent review adds the employees of the
    high-potential boxes to the "High potential" pool."""

    _name = "hr.talent.pool"
    _description = "Talent pool"
    # every field is HR's (hr.career.policy.mixin: nothing declared)
    _inherit = ["mail.thread", "hr.career.policy.mixin"]

    def _career_policy_roles(self):
        """Nobody but HR sets a field: no role on any record."""
        return {record.id: set() for record in self}

    @api.model
    def _career_policy_create_roles(self, vals_list, defaults):
        return [set() for _vals in vals_list]

    _order = "name, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    description = fields.Text()
    company_id = fields.Many2one(
        "res.company",
        help="Empty: the pool is shared by every company (each HR officer sees "
        "the employees of their own companies in it).",
    )
    employee_ids = fields.Many2many(
        "hr.employee",
        "hr_talent_pool_employee_rel",
        "pool_id",
        "employee_id",
        string="Employees",
    )
    employee_count = fields.Integer(string="Members", compute="_compute_employee_count")
    job_id = fields.Many2one(
        "hr.job",
        string="Successors For",
        index=True,
        help="The job whose successors this pool holds: HR nominates them "
        "from the job's succession candidates.",
    )
    active = fields.Boolean(default=True)

    @api.depends("employee_ids")
    def _compute_employee_count(self):
        for pool in self:
            pool.employee_count = len(pool.employee_ids)

    @api.model
    def _high_potential_pool(self):
        """The "High potential" pool of the data file (made again when it was
        deleted)."""
        pool = self.env.ref(HIGH_POTENTIAL_POOL, raise_if_not_found=False)
        if pool:
            return pool
        return self.create({"name": self.env._("High potential")})

    @api.model
    def _successor_pool(self, job):
        """The successor pool of ``job``: its first pool, made when it has
        none."""
        pool = self.search([("job_id", "=", job.id)], limit=1)
        return pool or self.create(
            {
                "name": self.env._("Successors: %(job)s", job=job.name),
                "job_id": job.id,
                "company_id": job.company_id.id,
            }
        )

    def action_open_succession_candidates(self):
        """The succession candidates of the pool's job, its members marked."""
        self.ensure_one()
        return self.job_id.action_open_succession_candidates()
