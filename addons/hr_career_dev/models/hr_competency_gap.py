# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL

from .hr_job_competency import IMPORTANCE, competency_lines_sql


class HrCompetencyGap(models.Model):
    """The competency matrix: one row per (employee, job, required skill) for the
    employee's current job and target job. Read-only SQL view, one query for all
    employees."""

    _name = "hr.competency.gap"
    _description = "Competency gap"
    _auto = False
    _order = "employee_id, scope, importance_weight desc, gap desc"
    _rec_name = "skill_id"
    # tables the view reads: searches flush their pending changes first
    _depends = {
        "hr.employee": [
            "active",
            "company_id",
            "department_id",
            "job_id",
            "target_job_id",
        ],
        "hr.job.competency": [
            "importance",
            "job_id",
            "required_level_id",
            "skill_id",
            "skill_type_id",
        ],
        "hr.skill.level": ["level_progress"],
        "hr.employee.skill": ["employee_id", "skill_id", "skill_level_id"],
    }

    employee_id = fields.Many2one("hr.employee", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    job_id = fields.Many2one("hr.job", readonly=True)
    scope = fields.Selection(
        [("current", "Current job"), ("target", "Target job")], readonly=True
    )
    skill_id = fields.Many2one("hr.skill", readonly=True)
    skill_type_id = fields.Many2one("hr.skill.type", readonly=True)
    required_level_id = fields.Many2one("hr.skill.level", readonly=True)
    current_level_id = fields.Many2one("hr.skill.level", readonly=True)
    required_progress = fields.Integer(readonly=True, aggregator="avg")
    current_progress = fields.Integer(readonly=True, aggregator="avg")
    gap = fields.Integer(readonly=True, aggregator="avg")
    importance = fields.Selection(IMPORTANCE, readonly=True)
    importance_weight = fields.Integer(readonly=True, aggregator="sum")
    weighted_gap = fields.Integer(readonly=True, aggregator="sum")
    weighted_required = fields.Integer(readonly=True, aggregator="sum")
    is_missing = fields.Boolean(
        string="Below Required Level",
        readonly=True,
        help="The employee is below the required level.",
    )

    def _query(self):
        employee_job = SQL(
            """
            SELECT e.id AS employee_id, e.department_id, e.company_id,
                   e.job_id, 'current' AS scope
              FROM hr_employee e
             WHERE e.active AND e.job_id IS NOT NULL
            UNION ALL
            SELECT e.id, e.department_id, e.company_id,
                   e.target_job_id, 'target'
              FROM hr_employee e
             WHERE e.active AND e.target_job_id IS NOT NULL
               AND e.target_job_id IS DISTINCT FROM e.job_id
            """
        )
        # a stable id that needs no window over all rows, so that a filter on
        # employee_id is pushed down (a competency belongs to one job, and the
        # target job differs from the current one)
        return competency_lines_sql(
            employee_job,
            SQL(
                "(p.employee_id::bigint << 32) | c.id AS id, p.department_id, "
                "p.company_id, p.scope,"
            ),
        )

    def _as_query(self, ordered=True):
        """Reading rows by id (the ORM's fetch) also filters on their
        employees, which the id encodes (``id >> 32``): PostgreSQL cannot
        invert the id expression, and without this filter every read of a
        few rows computed the whole company's matrix (issue 16)."""
        query = super()._as_query(ordered=ordered)
        employee_ids = sorted({i >> 32 for i in self._ids if isinstance(i, int)})
        if employee_ids:
            query.add_where(
                SQL(
                    "%s = ANY(%s)",
                    SQL.identifier(query.table, "employee_id"),
                    employee_ids,
                )
            )
        return query

    def _sorted_by_priority(self):
        """The gaps most worth closing first: importance times size (the
        weighted gap), then by skill name. The dashboard's top gaps and the
        actions a plan from gaps gets first follow this order."""
        return self.sorted(lambda g: (-g.weighted_gap, g.skill_id.name))

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._query(),
            )
        )
