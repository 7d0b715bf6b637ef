# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The matching arithmetic of the suite, written once (readme: "Job fit and
readiness", "Course ranking", "Succession candidates").

Plain functions, no environment: the weights, the fit formula in its Python
and SQL forms (``tests/test_matching.py`` proves them equal over many random
cases), the SQL of the employees' current levels and of the competency lines,
and the pure rankings. The model ``hr.career.matching`` runs the queries and
every screen reads its figures from there.
"""

import heapq
import math
from collections import defaultdict

from odoo.tools import SQL

# Weight of each importance of a job competency, in the fit, the readiness and
# the course ranking; an unknown importance weighs 1.
IMPORTANCE_WEIGHT = {"critical": 3, "important": 2, "nice": 1}
DEFAULT_WEIGHT = 1
# The skill lines of an opportunity have no importance: each weighs as an
# "important" competency (the default importance of a job competency).
SKILL_LINE_WEIGHT = IMPORTANCE_WEIGHT["important"]
# Course ranking: a gap in the current job weighs more than one in the target
# job; fully closing a gap earns a bonus.
SCOPE_WEIGHT = {"current": 1.0, "target": 0.6}
FULL_CLOSURE_BONUS = 1.25
# Opportunity ranking: growth on a gap of the target job weighs more than on a
# gap of the current job.
GROWTH_WEIGHT = {"current": 1.0, "target": 1.5}
# Time to ready: without a career path from the employee's current job, a move
# is assumed to take this many months.
DEFAULT_MONTHS_TO_READY = 12


# ------------------------------------------------------------------ weights
def importance_weight(importance):
    """The weight of a competency's importance."""
    return IMPORTANCE_WEIGHT.get(importance, DEFAULT_WEIGHT)


def importance_weight_sql(column):
    """:func:`importance_weight` of the SQL expression ``column``."""
    return SQL(
        "CASE %s %s ELSE %s END",
        column,
        SQL(" ").join(
            SQL("WHEN %s THEN %s", key, weight)
            for key, weight in IMPORTANCE_WEIGHT.items()
        ),
        DEFAULT_WEIGHT,
    )


# ------------------------------------------------------------------ the fit
def line_terms(weight, required, current):
    """``(gap, w·gap, w·required)`` of one required skill: the gap is
    ``max(0, required - current)``."""
    gap = max(required - current, 0)
    return gap, weight * gap, weight * required


def line_terms_sql(weight, required, current):
    """:func:`line_terms` of three SQL expressions (``current`` may be NULL:
    the employee lacks the skill), as a dict of SQL expressions ``gap``,
    ``weighted_gap`` and ``weighted_required``."""
    gap = SQL("GREATEST(%s - COALESCE(%s, 0), 0)", required, current)
    return {
        "gap": gap,
        "weighted_gap": SQL("(%s) * %s", weight, gap),
        "weighted_required": SQL("(%s) * %s", weight, required),
    }


def fit_percent(weighted_gap, weighted_required):
    """Fit in percent from the sums ``Σ w·gap`` and ``Σ w·required``:
    ``round(100 * (1 - Σ w·gap / Σ w·required))``, 100 when nothing is
    required or missing, and never more than 99 while something is missing
    (rounding would show "100 %" for a small gap among large requirements)."""
    if not weighted_required or not weighted_gap:
        return 100
    return min(99, round(100.0 * (1.0 - weighted_gap / weighted_required)))


def fit_percent_sql(weighted_gap, weighted_required):
    """:func:`fit_percent` in SQL (float8 rounds half to even, as Python's
    ``round()``)."""
    return SQL(
        """CASE WHEN COALESCE(%(required)s, 0) = 0 OR COALESCE(%(gap)s, 0) = 0
                THEN 100
                ELSE LEAST(99, ROUND(100.0::float8 * (1.0::float8
                     - (%(gap)s)::float8 / (%(required)s))))
           END::integer""",
        gap=weighted_gap,
        required=weighted_required,
    )


def fit(lines):
    """The fit of ``lines``, ``(weight, required progress, current
    progress)`` of each required skill (:func:`fit_percent` of their sums)."""
    weighted_gap = weighted_required = 0
    for weight, required, current in lines:
        _gap, line_gap, line_required = line_terms(weight, required, current)
        weighted_gap += line_gap
        weighted_required += line_required
    return fit_percent(weighted_gap, weighted_required)


# ------------------------------------------------------------------ SQL
def current_levels_sql(employee_ids=None, skill_ids=None):
    """``(employee_id, skill_id, level_id, progress)``: the employees' current
    skill levels (one row per employee and skill, hr_skills' unique
    constraint), of ``employee_ids`` and ``skill_ids`` when given (lists or
    SQL subqueries)."""

    def in_filter(column, ids):
        if ids is None:
            return SQL()
        if isinstance(ids, SQL):
            return SQL("AND %s IN (%s)", column, ids)
        return SQL("AND %s = ANY(%s)", column, list(ids))

    return SQL(
        """
        SELECT es.employee_id, es.skill_id, es.skill_level_id AS level_id,
               lvl.level_progress AS progress
          FROM hr_employee_skill es
          JOIN hr_skill_level lvl ON lvl.id = es.skill_level_id
         WHERE TRUE %s %s
        """,
        in_filter(SQL("es.employee_id"), employee_ids),
        in_filter(SQL("es.skill_id"), skill_ids),
    )


def competency_lines_sql(pairs, columns=None):
    """One row per competency required by the job of each ``(employee_id,
    job_id)`` row of the query ``pairs`` (aliased ``p``; ``columns`` may
    select more of its columns, and ``c.*`` of the competency), with the
    importance weight, the required and current progress, the gap and the
    terms of the weighted sums. The gap view, the fit and readiness of
    employees, the readiness report and the succession candidates all read
    it (see :func:`fit_sums_sql`)."""
    weight = importance_weight_sql(SQL("c.importance"))
    terms = line_terms_sql(weight, SQL("rl.level_progress"), SQL("cl.progress"))
    return SQL(
        """
        SELECT %(columns)s
               p.employee_id, p.job_id, c.skill_id, c.skill_type_id,
               c.required_level_id,
               cl.level_id AS current_level_id,
               rl.level_progress AS required_progress,
               COALESCE(cl.progress, 0) AS current_progress,
               %(gap)s AS gap,
               c.importance,
               %(weight)s AS importance_weight,
               %(weighted_gap)s AS weighted_gap,
               %(weighted_required)s AS weighted_required,
               rl.level_progress > COALESCE(cl.progress, 0) AS is_missing
          FROM (%(pairs)s) p
          JOIN hr_job_competency c ON c.job_id = p.job_id
          JOIN hr_skill_level rl ON rl.id = c.required_level_id
     LEFT JOIN (%(levels)s) cl
            ON cl.employee_id = p.employee_id AND cl.skill_id = c.skill_id
        """,
        columns=columns or SQL(),
        weight=weight,
        pairs=pairs,
        levels=current_levels_sql(),
        **terms,
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


def opportunity_skill_rows_sql(opportunity_ids):
    """``(opportunity_id, skill_id, kind, progress, weight)`` of the
    opportunities whose ids the SQL ``opportunity_ids`` selects: their skill
    lines (weight :data:`SKILL_LINE_WEIGHT`), and for open roles the job's
    competency matrix (weight of the importance), required and developed."""
    return SQL(
        """
        SELECT s.opportunity_id, s.skill_id, s.kind, lvl.level_progress,
               %(line_weight)s
          FROM hr_career_opportunity_skill s
          JOIN hr_skill_level lvl ON lvl.id = s.level_id
         WHERE s.opportunity_id IN (%(ids)s)
        UNION ALL
        SELECT o.id, c.skill_id, k.kind, rl.level_progress, %(weight)s
          FROM hr_career_opportunity o
          JOIN hr_job_competency c ON c.job_id = o.job_id
          JOIN hr_skill_level rl ON rl.id = c.required_level_id
         CROSS JOIN (VALUES ('required'), ('developed')) AS k(kind)
         WHERE o.id IN (%(ids)s) AND o.opportunity_type = 'open_role'
        """,
        ids=opportunity_ids,
        line_weight=SKILL_LINE_WEIGHT,
        weight=importance_weight_sql(SQL("c.importance")),
    )


def merge_requirements(rows):
    """From rows of :func:`opportunity_skill_rows_sql`: ``(required,
    weights, developed)``, each ``{opportunity_id: {skill_id: value}}``. A
    skill listed twice keeps its highest level and its highest weight."""
    required, weights, developed = (defaultdict(dict) for _i in range(3))
    for opportunity_id, skill_id, kind, progress, weight in rows:
        target = required if kind == "required" else developed
        target[opportunity_id][skill_id] = max(
            target[opportunity_id].get(skill_id, 0), progress
        )
        if kind == "required":
            weights[opportunity_id][skill_id] = max(
                weights[opportunity_id].get(skill_id, 0), weight
            )
    return required, weights, developed


def requirement_fit(required, weights, levels):
    """:func:`fit` of requirements ``{skill_id: progress}`` with ``{skill_id:
    weight}`` for the current levels ``{skill_id: progress}``."""
    return fit(
        (weights.get(skill_id, SKILL_LINE_WEIGHT), progress, levels.get(skill_id, 0))
        for skill_id, progress in required.items()
    )


# ------------------------------------------------------------------ rankings
def rank_courses(gaps, teaches, channels, completed, skills, limit):
    """Courses ranked for one employee (readme: "Course ranking").

    ``gaps``: rows ``(employee_id, skill_id, scope, current, required,
    importance)``; ``teaches``: ``{skill_id: [(channel_id, progress)]}``;
    ``channels``: ``{channel_id: slide.channel}`` the user may see;
    ``completed``: channel ids; ``skills``: ``{skill_id: hr.skill}``.

    Everyone's suggestions rank every course for every employee: the scores
    are summed first, and the gaps a course closes are described for the
    ``limit`` best courses only."""
    scores = {}  # channel_id -> score
    closes = defaultdict(list)  # channel_id -> [(gap row, level reached)]
    for row in gaps:
        _employee, skill_id, scope, current, required, importance = row
        teaching = teaches.get(skill_id)
        if not teaching:
            continue
        weight = importance_weight(importance) * SCOPE_WEIGHT[scope]
        for channel_id, progress in teaching:
            if progress <= current or channel_id in completed:
                continue
            if channel_id not in channels:
                continue
            reached = min(progress, required)
            score = weight * (
                (reached - current)
                * (FULL_CLOSURE_BONUS if reached >= required else 1.0)
            )
            scores[channel_id] = scores.get(channel_id, 0.0) + score
            closes[channel_id].append((row, reached))
    best = heapq.nsmallest(
        len(scores) if limit is None else limit,
        scores.items(),
        key=lambda item: (-item[1], item[0]),
    )
    return [
        {
            "channel": channels[channel_id],
            "score": round(score, 2),
            "gaps": [
                {
                    "skill": skills[skill_id],
                    "from_progress": current,
                    "to_progress": reached,
                    "required_progress": required,
                    "scope": scope,
                    "importance": importance,
                }
                for (
                    (_employee, skill_id, scope, current, required, importance),
                    reached,
                ) in closes[channel_id]
            ],
        }
        for channel_id, score in best
    ]


def rank_opportunity(opportunity, required, weights, developed, levels, gaps, skills):
    """One opportunity for one employee: ``{'opportunity', 'score', 'fit',
    'meets', 'grows'}``; score = fit + growth (readme/USAGE.md).

    ``required``/``weights``/``developed``: ``{skill_id: value}`` of the
    opportunity; ``levels``: the employee's ``{skill_id: progress}``;
    ``gaps``: the employee's ``{skill_id: {scope: required progress}}``;
    ``skills``: ``{skill_id: hr.skill}``."""
    fit_value = requirement_fit(required, weights, levels)
    growth = 0.0
    grows = []
    for skill_id, level in developed.items():
        current = levels.get(skill_id, 0)
        reached = current
        for scope, needed in gaps.get(skill_id, {}).items():
            growth += GROWTH_WEIGHT[scope] * max(0, min(level, needed) - current)
            reached = max(reached, min(level, needed))
        if reached > current:
            grows.append(
                {
                    "skill": skills[skill_id],
                    "from_progress": current,
                    "to_progress": reached,
                }
            )
    return {
        "opportunity": opportunity,
        "score": round(fit_value + growth, 2),
        "fit": fit_value,
        "meets": [
            skills[skill_id]
            for skill_id, level in required.items()
            if levels.get(skill_id, 0) >= level
        ],
        "grows": grows,
    }


def months_to_ready(weighted_gap, weighted_required, typical_months, actions):
    """0 when nothing is missing; otherwise the path's typical months
    (:data:`DEFAULT_MONTHS_TO_READY` without a path) times the missing
    weighted share, rounded up, minus one month per open development action
    on a missing skill, at least 1."""
    if not weighted_gap or not weighted_required:
        return 0
    base = DEFAULT_MONTHS_TO_READY if typical_months is None else typical_months
    months = math.ceil(base * weighted_gap / weighted_required) - (actions or 0)
    return max(months, 1)


def readiness_sql(job_ids, company_ids, employee_ids=None, movers_only=False):
    """One query: for each (job of ``job_ids``, active employee of
    ``company_ids`` and of the job's company not holding it; with
    ``movers_only``, only the plausible movers, see below) the weighted gap
    and requirement, the fit, the missing skills (most important first), the
    typical months of the career path from the employee's current job, and
    the open development actions of the employee's active plan on a missing
    skill.

    Plausible movers (succession): nobody above the job, i.e. not a manager
    up the chart of one who holds it, nor in a job the career paths lead to
    from it; and, unless a career path leads from their job to it, neither
    higher in the chart than the job's level (the shallowest of its holders,
    or one below its department's manager when nobody holds it) nor without
    any of what it requires (a fit of 0). People outside the chart (no
    manager, no report) have no level to compare."""
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
                    WHERE aj.job_id = j.id AND aj.above_job_id = e.job_id)
               AND (EXISTS (
                        SELECT 1 FROM below_job bj
                         WHERE bj.job_id = j.id AND bj.below_job_id = e.job_id)
                    OR NOT EXISTS (
                        SELECT 1 FROM job_level jl
                          JOIN chart ch ON ch.employee_id = e.id
                         WHERE jl.job_id = j.id AND ch.depth < jl.depth))"""
        )
        if movers_only
        else SQL()
    )
    # nothing of what the job requires and no path to it: not a mover
    plausible_filter = (
        SQL(
            """WHERE COALESCE(t.fit, 100) > 0
                  OR EXISTS (
                     SELECT 1 FROM below_job bj
                      WHERE bj.job_id = cd.job_id
                        AND bj.below_job_id = cd.current_job_id)"""
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
        ), below_job AS (
            -- the jobs the career paths (any track) lead from to the job
            SELECT p.to_job_id AS job_id, p.from_job_id AS below_job_id
              FROM hr_career_path p
             WHERE p.active AND p.to_job_id = ANY(%(job_ids)s)
             UNION
            SELECT bj.job_id, p.from_job_id
              FROM below_job bj
              JOIN hr_career_path p
                ON p.active AND p.to_job_id = bj.below_job_id
        ), chart AS (
            -- the depth in the chart (0: the top) of the employees of the
            -- companies who have a manager or reports
            SELECT r.id AS employee_id, 0 AS depth
              FROM hr_employee r
             WHERE r.active AND r.parent_id IS NULL
               AND r.company_id = ANY(%(company_ids)s)
               AND EXISTS (SELECT 1 FROM hr_employee c
                            WHERE c.parent_id = r.id AND c.active)
             UNION ALL
            SELECT c.id, ch.depth + 1
              FROM chart ch
              JOIN hr_employee c ON c.parent_id = ch.employee_id AND c.active
             WHERE ch.depth < 64
        ), job_level AS (
            -- the job's level: its shallowest holder, or one below the
            -- manager of its department when nobody holds it
            SELECT j.id AS job_id,
                   COALESCE(
                       (SELECT MIN(ch.depth)
                          FROM hr_employee h
                          JOIN chart ch ON ch.employee_id = h.id
                         WHERE h.active AND h.job_id = j.id),
                       (SELECT ch.depth + 1
                          FROM hr_department d
                          JOIN chart ch ON ch.employee_id = d.manager_id
                         WHERE d.id = j.department_id)) AS depth
              FROM hr_job j
             WHERE j.id = ANY(%(job_ids)s)
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
        %(plausible_filter)s
        """,
        job_ids=list(job_ids),
        company_ids=list(company_ids),
        employee_filter=employee_filter,
        movers_filter=movers_filter,
        plausible_filter=plausible_filter,
        total=fit_sums_sql(
            competency_lines_sql(SQL("SELECT * FROM candidate")),
            SQL("l.employee_id, l.job_id"),
            missing=True,
        ),
    )
