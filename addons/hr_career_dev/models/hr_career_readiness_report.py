# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL

READINESS_BANDS = [
    ("ready", "Ready (80% and more)"),
    ("close", "Close (50 to 79%)"),
    ("far", "Far (below 50%)"),
]


class HrCareerReadinessReport(models.Model):
    """Readiness pipeline: one row per employee with a target job, the
    readiness for it (same rule as hr.employee.target_job_readiness) and its
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

    def _query(self):
        return SQL(
            """
            WITH total AS (
                SELECT employee_id,
                       SUM(weighted_gap) AS weighted_gap,
                       SUM(weighted_required) AS weighted_required
                  FROM hr_competency_gap
                 WHERE scope = 'target'
              GROUP BY employee_id
            ), score AS (
                SELECT e.id AS employee_id, e.department_id, e.company_id,
                       e.job_id, e.target_job_id,
                       -- float8 rounds half to even, as Python's round() in
                       -- hr.employee._percent
                       CASE WHEN COALESCE(t.weighted_required, 0) = 0 THEN 100
                            ELSE ROUND(100.0::float8 * (1.0::float8
                                 - t.weighted_gap::float8 / t.weighted_required))
                       END::integer AS readiness
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
            """
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
