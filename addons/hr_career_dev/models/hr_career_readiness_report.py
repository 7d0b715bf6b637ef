# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL

from ..matching import fit_sums_sql

READINESS_BANDS = [
    ("ready", "Ready (80% and more)"),
    ("close", "Close (50 to 79%)"),
    ("far", "Far (below 50%)"),
]


class HrCareerReadinessReport(models.Model):
    """Readiness pipeline: one row per employee with a target job, the
    readiness for it (the fit arithmetic of hr.competency.gap, shared with
    hr.employee.target_job_readiness and the succession candidates) and its
    band. Read-only SQL view, one query for all employees."""

    _name = "hr.career.readiness.report"
    _description = "Readiness pipeline"
    _auto = False
    _order = "readiness desc, employee_id"
    _rec_name = "employee_id"
    _depends = {
        "hr.employee": [
            "active",
            "company_id",
            "department_id",
            "job_id",
            "target_job_id",
        ],
        "hr.competency.gap": ["weighted_gap", "weighted_required"],
    }

    employee_id = fields.Many2one("hr.employee", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    job_id = fields.Many2one("hr.job", string="Current Job", readonly=True)
    target_job_id = fields.Many2one("hr.job", readonly=True)
    readiness = fields.Integer(string="Readiness (%)", readonly=True, aggregator="avg")
    band = fields.Selection(READINESS_BANDS, string="Readiness Band", readonly=True)
    employee_count = fields.Integer(string="Employees", readonly=True)

    def _read_group_orderby(self, order, groupby_terms, query):
        """Grouped by band, the bands come in their order (ready, close,
        far: the pipeline's order), not alphabetically."""
        if "band" in groupby_terms:
            groupby_terms = dict(
                groupby_terms,
                band=SQL(
                    "CASE %s WHEN 'ready' THEN 0 WHEN 'close' THEN 1 ELSE 2 END",
                    groupby_terms["band"],
                ),
            )
        return super()._read_group_orderby(order, groupby_terms, query)

    def _query(self):
        return SQL(
            """
            WITH total AS (%(total)s
            ), score AS (
                SELECT e.id AS employee_id, e.department_id, e.company_id,
                       e.job_id, e.target_job_id,
                       COALESCE(t.fit, 100) AS readiness
                  FROM hr_employee e
             LEFT JOIN total t ON t.employee_id = e.id
                 WHERE e.active AND e.target_job_id IS NOT NULL
                   AND e.target_job_id IS DISTINCT FROM e.job_id
            )
            SELECT employee_id AS id, employee_id, department_id, company_id,
                   job_id, target_job_id, readiness,
                   CASE WHEN readiness >= 80 THEN 'ready'
                        WHEN readiness >= 50 THEN 'close'
                        ELSE 'far' END AS band,
                   1 AS employee_count
              FROM score
            """,
            # the fit arithmetic of hr.competency.gap, as everywhere
            total=fit_sums_sql(
                SQL("SELECT * FROM hr_competency_gap WHERE scope = 'target'"),
                SQL("l.employee_id"),
            ),
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._query(),
            )
        )
