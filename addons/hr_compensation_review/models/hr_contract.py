# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import SQL

# context key of hr.compensation.review.line._apply: link its new contracts
# to their employees set-based
LINK_IN_BATCH = "compensation_link_in_batch"


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

    @api.constrains("employee_id", "state", "kanban_state", "date_start", "date_end")
    def _check_current_contract(self):
        """Odoo's rule, two running (open, closed or incoming) contracts of an
        employee in a company never overlap, checked for every contract of a
        create or write in one search (Odoo searches once per contract: a
        review applies thousands). Only the contracts that may overlap go
        through Odoo's own check, which raises its message."""
        contracts = self.filtered(
            lambda c: c.employee_id
            and (
                c.state not in ("draft", "cancel")
                or (c.state == "draft" and c.kanban_state == "done")
            )
        )
        if not contracts:
            return
        others = defaultdict(list)
        for other in self.search_fetch(
            [
                ("employee_id", "in", contracts.employee_id.ids),
                "|",
                ("state", "in", ["open", "close"]),
                "&",
                ("state", "=", "draft"),
                ("kanban_state", "=", "done"),
            ],
            ["employee_id", "company_id", "date_start", "date_end"],
        ):
            others[other.employee_id.id, other.company_id.id].append(other)
        suspect = contracts.browse(
            contract.id
            for contract in contracts
            if any(
                other.id != contract.id and _overlap(contract, other)
                for other in others[contract.employee_id.id, contract.company_id.id]
            )
        )
        if suspect:
            super(HrContract, suspect)._check_current_contract()

    def _assign_open_contract(self):
        """Odoo links each running contract to its employee with one write
        per contract (current contract, job, department; then their working
        schedule and its leaves), each with its own searches. Applying a
        review, the same in a bounded number of queries: one write per
        group of employees given the same job, department and schedule, and
        the current contract of each in one UPDATE."""
        if not self.env.context.get(LINK_IN_BATCH):
            return super()._assign_open_contract()
        contracts = self.filtered("employee_id")
        if not contracts:
            return
        # as Odoo's _assign_open_contract, the contract administrator sets
        # the employee's contract, job, department and schedule
        # sudo: the employee's fields are the HR officer's, not the contract's
        employees = contracts.employee_id.sudo()
        employees.fetch(["job_id", "department_id", "resource_calendar_id"])
        groups = defaultdict(list)
        calendars = defaultdict(list)
        for contract in contracts:
            employee = contract.employee_id
            vals = contract._get_employee_vals_to_update()
            vals.pop("contract_id")
            groups[tuple(sorted(vals.items()))].append(employee.id)
            calendars[
                employee.resource_calendar_id, contract.resource_calendar_id
            ].append(employee.id)
        for vals, employee_ids in groups.items():
            if vals:
                employees.browse(employee_ids).write(dict(vals))
        for (old, new), employee_ids in calendars.items():
            # what hr_contract's hr.employee.write does on a new contract
            if old != new:
                group = employees.browse(employee_ids)
                old.transfer_leaves_to(new, group.resource_id)
                group.resource_calendar_id = new
        employees.flush_recordset(["contract_id"])
        employees.modified(["contract_id"], before=True)
        self.env.cr.execute(
            SQL(
                "UPDATE hr_employee AS employee SET contract_id = contract.id,"
                " write_uid = %s, write_date = %s FROM hr_contract AS contract"
                " WHERE contract.id IN %s AND employee.id = contract.employee_id",
                self.env.uid,
                self.env.cr.now(),
                tuple(contracts.ids),
            )
        )
        employees.invalidate_recordset(["contract_id", "write_uid", "write_date"])
        employees.modified(["contract_id"])


def _overlap(contract, other):
    """Odoo's overlap test of ``_check_current_contract`` (an open-ended
    contract overlaps any other ending on or after its start)."""
    if not contract.date_end:
        return not other.date_end or other.date_end >= contract.date_start
    return other.date_start <= contract.date_end and (
        not other.date_end or other.date_end > contract.date_start
    )
