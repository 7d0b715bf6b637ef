# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import SQL

IMPORTANCE = [
    ("critical", "Critical"),
    ("important", "Important"),
    ("nice", "Nice to have"),
]
# Weight of each importance in fit, readiness and course ranking (see readme).
IMPORTANCE_WEIGHT = {"critical": 3, "important": 2, "nice": 1}


def importance_weight_sql(alias="c"):
    """IMPORTANCE_WEIGHT as an SQL expression on ``<alias>.importance``."""
    return SQL(
        "CASE %s %s ELSE 1 END",
        SQL.identifier(alias, "importance"),
        SQL(" ").join(
            SQL("WHEN %s THEN %s", key, weight)
            for key, weight in IMPORTANCE_WEIGHT.items()
        ),
    )


def competency_lines_sql(pairs, columns=None):
    """The competency-gap arithmetic, written once: one row per competency
    required by the job of each ``(employee_id, job_id)`` row of the query
    ``pairs`` (aliased ``p``; ``columns`` may select more of its columns, and
    ``c.*`` of the competency), with the importance weight, the required and
    current progress, the gap and the weighted sums' terms. The gap view, the
    fit and readiness of employees, the readiness report and the succession
    candidates all read it (see :func:`fit_sums_sql`)."""
    weight = importance_weight_sql()
    return SQL(
        """
        SELECT %(columns)s
               p.employee_id, p.job_id, c.skill_id, c.skill_type_id,
               c.required_level_id,
               es.skill_level_id AS current_level_id,
               rl.level_progress AS required_progress,
               COALESCE(cl.level_progress, 0) AS current_progress,
               GREATEST(rl.level_progress - COALESCE(cl.level_progress, 0), 0)
                   AS gap,
               c.importance,
               %(weight)s AS importance_weight,
               %(weight)s * GREATEST(
                   rl.level_progress - COALESCE(cl.level_progress, 0), 0)
                   AS weighted_gap,
               %(weight)s * rl.level_progress AS weighted_required,
               rl.level_progress > COALESCE(cl.level_progress, 0) AS is_missing
          FROM (%(pairs)s) p
          JOIN hr_job_competency c ON c.job_id = p.job_id
          JOIN hr_skill_level rl ON rl.id = c.required_level_id
     LEFT JOIN hr_employee_skill es
            ON es.employee_id = p.employee_id AND es.skill_id = c.skill_id
     LEFT JOIN hr_skill_level cl ON cl.id = es.skill_level_id
        """,
        columns=columns or SQL(),
        weight=weight,
        pairs=pairs,
    )


def fit_percent_sql(weighted_gap, weighted_required):
    """Fit / readiness in percent from the sums of the weighted gaps and
    requirements: ``100 * (1 - Σ w·gap / Σ w·required)``, 100 when nothing is
    required. float8 rounds half to even, as Python's ``round()``."""
    return SQL(
        """CASE WHEN COALESCE(%(required)s, 0) = 0 THEN 100
                ELSE ROUND(100.0::float8 * (1.0::float8
                     - COALESCE(%(gap)s, 0)::float8 / %(required)s))
           END::integer""",
        gap=weighted_gap,
        required=weighted_required,
    )


def fit_sums_sql(lines, group_by, missing=False):
    """Per group of ``group_by`` (SQL column list of ``lines``): the weighted
    gap and requirement sums, the fit percent and the missing skills (most
    important first), from ``lines`` (rows of :func:`competency_lines_sql`
    or of the view hr_competency_gap)."""
    missing_sql = (
        SQL(
            """, ARRAY_AGG(l.skill_id
                         ORDER BY l.importance_weight DESC, l.gap DESC, l.skill_id)
                   FILTER (WHERE l.gap > 0) AS missing_skill_ids"""
        )
        if missing
        else SQL()
    )
    return SQL(
        """
        SELECT %(group_by)s,
               SUM(l.weighted_gap) AS weighted_gap,
               SUM(l.weighted_required) AS weighted_required,
               %(percent)s AS fit
               %(missing)s
          FROM (%(lines)s) l
      GROUP BY %(group_by)s
        """,
        group_by=group_by,
        percent=fit_percent_sql(
            SQL("SUM(l.weighted_gap)"), SQL("SUM(l.weighted_required)")
        ),
        lines=lines,
        missing=missing_sql,
    )


class HrJobCompetency(models.Model):
    _name = "hr.job.competency"
    _description = "Competency required by a job"
    _inherit = ["hr.career.skill.level.mixin", "hr.career.unique.mixin"]
    _skill_level_field = "required_level_id"
    _order = "job_id, importance_sequence, skill_type_id, skill_id"

    job_id = fields.Many2one("hr.job", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="job_id.company_id", store=True)
    required_level_id = fields.Many2one(
        "hr.skill.level",
        required=True,
        ondelete="restrict",
        domain="[('skill_type_id', '=', skill_type_id)]",
    )
    required_progress = fields.Integer(
        related="required_level_id.level_progress", string="Required Progress (%)"
    )
    importance = fields.Selection(IMPORTANCE, required=True, default="important")
    importance_sequence = fields.Integer(
        compute="_compute_importance_sequence", store=True
    )

    _sql_constraints = [
        (
            "job_skill_unique",
            "UNIQUE(job_id, skill_id)",
            "A job lists each skill once: change the existing row instead.",
        ),
    ]

    @api.depends("importance")
    def _compute_importance_sequence(self):
        order = {key: index for index, (key, _label) in enumerate(IMPORTANCE)}
        for competency in self:
            competency.importance_sequence = order.get(competency.importance, 9)

    @api.constrains("skill_id", "skill_type_id", "required_level_id")
    def _check_skill_level_type(self):
        self._check_skill_and_level_types()

    @api.onchange("skill_id", "skill_type_id")
    def _onchange_skill_type_id(self):
        """Keep the row valid while it is edited: a skill of another type is
        cleared (choose one of the type); a level of another type becomes the
        type's default level, never blank (the form would only answer
        "Invalid fields")."""
        if self.skill_id.skill_type_id != self.skill_type_id:
            self.skill_id = False
        levels = self.skill_type_id.skill_level_ids
        if self.required_level_id not in levels:
            self.required_level_id = (
                levels.filtered("default_level")[:1]
                or levels.sorted(lambda level: (level.level_progress, level.id))[:1]
            )
