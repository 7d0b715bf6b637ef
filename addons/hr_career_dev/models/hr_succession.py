# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

from .hr_job_competency import competency_lines_sql, fit_sums_sql

# Time to ready (see readme/DESCRIPTION.md): without a career path from the
# employee's current job, a move is assumed to take this many months.
DEFAULT_MONTHS_TO_READY = 12


class HrSuccessionCandidate(models.TransientModel):
    """One employee ranked for one job: the rows behind the "Succession
    candidates" list of a job."""

    _name = "hr.succession.candidate"
    _description = "Succession candidate"
    _order = "rank, id"

    job_id = fields.Many2one("hr.job", required=True, ondelete="cascade")
    employee_id = fields.Many2one("hr.employee", required=True, ondelete="cascade")
    current_job_id = fields.Many2one("hr.job")
    rank = fields.Integer()
    readiness = fields.Integer(string="Readiness (%)", aggregator="avg")
    missing_skill_ids = fields.Many2many("hr.skill", string="Missing Competencies")
    months_to_ready = fields.Integer(
        string="Ready In (Months)",
        help="Estimated time before the employee meets every required level.",
    )
    has_path = fields.Boolean(
        string="On a Career Path",
        help="A career path leads from the employee's current job to this job.",
    )
    open_action_count = fields.Integer(
        string="Open Actions",
        help="Open actions of the employee's active development plan on a "
        "missing competency.",
    )

    # ------------------------------------------------------------ access
    @api.model
    def _check_job_access(self, jobs):
        """HR officers, and the manager of the job's department, may see the
        candidates for a job; anybody else gets an AccessError."""
        if self.env.su or self.env.user.has_group("hr.group_hr_user"):
            return
        # sudo: only the department's manager is read, to compare with the user
        for job in jobs.sudo():
            if job.department_id.manager_id.user_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only HR officers and the manager of its department may "
                        "see the succession candidates for the job %(job)s.",
                        job=job.name,
                    )
                )

    # ------------------------------------------------------------ readiness
    @api.model
    def _readiness_query(self, job_ids, employee_ids=None, movers_only=False):
        """One query: for each (job of ``job_ids``, active employee of the
        job's company not holding it; with ``movers_only``, also not a manager
        up the chart of one who holds it nor in a job the career paths lead to
        from it: nobody above the job) the weighted gap and requirement, the
        missing skills (most important first), the typical months of the career
        path from the employee's current job, and the open development actions
        of the employee's active plan on a missing skill."""
        employee_filter = (
            SQL("AND e.id = ANY(%s)", list(employee_ids))
            if employee_ids is not None
            else SQL()
        )
        movers_filter = (
            SQL(
                """AND NOT EXISTS (
                       SELECT 1 FROM above_holder ah
                        WHERE ah.job_id = j.id AND ah.employee_id = e.id)
                   AND NOT EXISTS (
                       SELECT 1 FROM above_job aj
                        WHERE aj.job_id = j.id AND aj.above_job_id = e.job_id)"""
            )
            if movers_only
            else SQL()
        )
        return SQL(
            """
            WITH RECURSIVE above_holder AS (
                -- the managers, up the chart, of the job's current holders
                SELECT h.job_id, h.parent_id AS employee_id
                  FROM hr_employee h
                 WHERE h.active AND h.job_id = ANY(%(job_ids)s)
                   AND h.parent_id IS NOT NULL
                 UNION
                SELECT ah.job_id, m.parent_id
                  FROM above_holder ah
                  JOIN hr_employee m ON m.id = ah.employee_id
                 WHERE m.parent_id IS NOT NULL
            ), above_job AS (
                -- the jobs the career paths lead to from the job (promotions:
                -- technical and management steps, not lateral moves)
                SELECT p.from_job_id AS job_id, p.to_job_id AS above_job_id
                  FROM hr_career_path p
                 WHERE p.active AND p.track != 'lateral'
                   AND p.from_job_id = ANY(%(job_ids)s)
                 UNION
                SELECT aj.job_id, p.to_job_id
                  FROM above_job aj
                  JOIN hr_career_path p
                    ON p.active AND p.track != 'lateral'
                   AND p.from_job_id = aj.above_job_id
            ), candidate AS (
                SELECT e.id AS employee_id, e.job_id AS current_job_id,
                       j.id AS job_id
                  FROM hr_job j
                  JOIN hr_employee e
                    ON e.active
                   AND (j.company_id IS NULL OR e.company_id = j.company_id)
                   AND e.job_id IS DISTINCT FROM j.id
                 WHERE j.id = ANY(%(job_ids)s)
                   AND e.company_id = ANY(%(company_ids)s)
                   %(employee_filter)s
                   %(movers_filter)s
            ), total AS (%(total)s
            )
            SELECT cd.job_id, cd.employee_id, cd.current_job_id,
                   COALESCE(t.weighted_gap, 0), COALESCE(t.weighted_required, 0),
                   COALESCE(t.fit, 100),
                   COALESCE(t.missing_skill_ids, ARRAY[]::integer[]),
                   p.typical_months,
                   (SELECT COUNT(*)
                      FROM hr_development_action a
                      JOIN hr_development_plan pl ON pl.id = a.plan_id
                     WHERE pl.employee_id = cd.employee_id
                       AND pl.state = 'active'
                       AND a.state IN ('todo', 'in_progress')
                       AND a.skill_id = ANY(t.missing_skill_ids))
              FROM candidate cd
         LEFT JOIN total t
                ON t.employee_id = cd.employee_id AND t.job_id = cd.job_id
         LEFT JOIN hr_career_path p
                ON p.active AND p.from_job_id = cd.current_job_id
               AND p.to_job_id = cd.job_id
            """,
            job_ids=list(job_ids),
            company_ids=self.env.companies.ids,
            employee_filter=employee_filter,
            movers_filter=movers_filter,
            # the fit arithmetic of hr.competency.gap, as everywhere
            total=fit_sums_sql(
                competency_lines_sql(SQL("SELECT * FROM candidate")),
                SQL("l.employee_id, l.job_id"),
                missing=True,
            ),
        )

    @api.model
    def _months_to_ready(
        self, weighted_gap, weighted_required, typical_months, actions
    ):
        """0 when nothing is missing; otherwise the path's typical months (12
        without a path) times the missing weighted share, rounded up, minus one
        month per open development action on a missing skill, at least 1."""
        if not weighted_gap or not weighted_required:
            return 0
        base = DEFAULT_MONTHS_TO_READY if typical_months is None else typical_months
        months = math.ceil(base * weighted_gap / weighted_required) - (actions or 0)
        return max(months, 1)

    @api.model
    def _get_readiness_rows(self, jobs, employee_ids=None, movers_only=False):
        """``[{'job_id', 'employee_id', 'current_job_id', 'readiness',
        'missing_skill_ids', 'months_to_ready', 'has_path',
        'open_action_count', 'weighted_gap', 'weighted_required'}]`` for the
        jobs of ``self`` and every candidate employee (or only
        ``employee_ids``), with one SQL query, whatever the number of
        employees. No access check: callers check first."""
        if not jobs.ids:
            return []
        # the query reads the tables: write the pending changes first
        self.env.flush_all()
        self.env.cr.execute(
            self._readiness_query(jobs.ids, employee_ids, movers_only=movers_only)
        )
        rows = []
        for (
            job_id,
            employee_id,
            current_job_id,
            weighted_gap,
            weighted_required,
            readiness,
            missing,
            typical_months,
            actions,
        ) in self.env.cr.fetchall():
            rows.append(
                {
                    "job_id": job_id,
                    "employee_id": employee_id,
                    "current_job_id": current_job_id,
                    "readiness": readiness,
                    "missing_skill_ids": list(missing),
                    "months_to_ready": self._months_to_ready(
                        weighted_gap, weighted_required, typical_months, actions
                    ),
                    "has_path": typical_months is not None,
                    "open_action_count": actions,
                    "weighted_gap": weighted_gap,
                    "weighted_required": weighted_required,
                }
            )
        return rows

    @api.model
    def _get_candidates(self, job):
        """The candidates for ``job``, best first: highest readiness, then
        soonest ready, then on a career path."""
        job.ensure_one()
        self._check_job_access(job)
        # plausible movers: nobody above the job in the chart or the paths
        rows = self._get_readiness_rows(job, movers_only=True)
        rows.sort(
            key=lambda r: (
                -r["readiness"],
                r["months_to_ready"],
                not r["has_path"],
                r["employee_id"],
            )
        )
        for rank, row in enumerate(rows, start=1):
            row["rank"] = rank
        return rows

    # ------------------------------------------------------------ actions
    @api.model
    def _action_open_for_job(self, job):
        rows = self._get_candidates(job)
        # the rows carry more than the candidate keeps (the weighted sums)
        candidates = self.create(
            [
                dict(
                    {
                        name: value
                        for name, value in row.items()
                        if name in self._fields
                    },
                    missing_skill_ids=[fields.Command.set(row["missing_skill_ids"])],
                )
                for row in rows
            ]
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Succession candidates for %(job)s", job=job.name),
            "res_model": "hr.succession.candidate",
            "view_mode": "list",
            "views": [
                (
                    self.env.ref("hr_career_dev.hr_succession_candidate_view_list").id,
                    "list",
                )
            ],
            "domain": [("id", "in", candidates.ids)],
            "context": {"create": False},
        }
