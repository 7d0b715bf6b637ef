"""The measured operations and their naive per-employee baselines.

Every function takes an Odoo environment; ``timed`` runs one with a cold ORM
cache and returns (seconds, SQL queries, result). Queries are counted with
``odoo.sql_db.sql_counter`` (every query of every cursor of this process).
"""

import statistics
import time
from collections import defaultdict

from odoo import sql_db


def timed(env, fn, *args, **kwargs):
    env.flush_all()
    env.invalidate_all()
    q0 = sql_db.sql_counter
    t0 = time.perf_counter()
    result = fn(*args, **kwargs)
    env.flush_all()
    return time.perf_counter() - t0, sql_db.sql_counter - q0, result


def repeat(env, n, fn, *args):
    """Median time and median query count of ``n`` cold-cache calls."""
    times, queries = [], []
    for _i in range(n):
        seconds, count, _r = timed(env, fn, *args)
        times.append(seconds)
        queries.append(count)
    return statistics.median(times), statistics.median(queries)


def sampled(env, ids, sample, fn):
    """Run ``fn(env, id)`` for each id (or for the first ``sample`` of them and
    extrapolate linearly). Return (seconds, queries, extrapolated, results)."""
    part = ids if len(ids) <= sample else ids[:sample]
    seconds, count, results = timed(env, lambda: [fn(env, i) for i in part])
    factor = len(ids) / len(part)
    return seconds * factor, round(count * factor), factor != 1, results


# ------------------------------------------------------------ 1. gap matrix
def gap_matrix(env):
    rows = env["hr.competency.gap"]._read_group(
        [], ["department_id", "skill_id"], ["__count", "gap:sum"]
    )
    return {(d.id, s.id): (n, g) for d, s, n, g in rows}


def naive_employee_gaps(env, employee_id):
    """The gaps of one employee, the ORM way: its jobs' competencies against
    its skills. Yields (department, job scope, competency, current, gap)."""
    employee = env["hr.employee"].browse(employee_id)
    levels = {
        line.skill_id.id: line.skill_level_id.level_progress
        for line in employee.employee_skill_ids
    }
    jobs = [("current", employee.job_id)]
    if employee.target_job_id and employee.target_job_id != employee.job_id:
        jobs.append(("target", employee.target_job_id))
    out = []
    for scope, job in jobs:
        for competency in job.competency_ids:
            required = competency.required_level_id.level_progress
            current = levels.get(competency.skill_id.id, 0)
            out.append((scope, competency, current, max(required - current, 0)))
    return employee, out


def naive_gap_matrix_one(env, employee_id):
    employee, gaps = naive_employee_gaps(env, employee_id)
    return [
        ((employee.department_id.id, c.skill_id.id), gap) for _s, c, _cur, gap in gaps
    ]


def merge_matrix(parts):
    matrix = defaultdict(lambda: [0, 0])
    for part in parts:
        for key, gap in part:
            matrix[key][0] += 1
            matrix[key][1] += gap
    return {key: tuple(v) for key, v in matrix.items()}


# ------------------------------------------------------------ 2. fit
def fit_all(env, ids):
    employees = env["hr.employee"].browse(ids)
    field = employees._fields["current_job_fit"]
    field.compute_value(employees)  # one compute for the whole recordset
    return dict(
        zip(
            ids,
            zip(
                employees.mapped("current_job_fit"),
                employees.mapped("target_job_readiness"),
                strict=True,
            ),
            strict=True,
        )
    )


def naive_fit_one(env, employee_id):
    employee = env["hr.employee"].browse(employee_id)
    return employee.current_job_fit, employee.target_job_readiness


# ------------------------------------------------------------ 3-4. suggestions
def suggestions_one(env, employee_id):
    return env["hr.employee"].browse(employee_id)._get_course_suggestions(limit=5)


def naive_suggestions_one(env, employee_id, limit=5):
    """Per course and per skill taught, the ORM way."""
    employee, gaps = naive_employee_gaps(env, employee_id)
    open_gaps = {}
    for scope, competency, current, gap in gaps:
        if gap > 0:
            open_gaps.setdefault(competency.skill_id.id, (scope, competency, current))
    partner = employee.user_id.partner_id or employee.work_contact_id
    scored = []
    for channel in env["slide.channel"].search([("is_published", "=", True)]):
        done = env["slide.channel.partner"].search_count(
            [
                ("channel_id", "=", channel.id),
                ("partner_id", "=", partner.id),
                ("member_status", "=", "completed"),
            ]
        )
        if done:
            continue
        score = 0.0
        for line in channel.skill_ids:
            if line.skill_id.id not in open_gaps:
                continue
            _scope, competency, current = open_gaps[line.skill_id.id]
            reached = min(line.level_id.level_progress, competency.required_progress)
            score += max(reached - current, 0)
        if score:
            scored.append((-score, channel.id))
    return sorted(scored)[:limit]


def suggestions_batch(env, ids, chunk=1000):
    result = {}
    Employee = env["hr.employee"]
    for i in range(0, len(ids), chunk):
        part = Employee.browse(ids[i : i + chunk])
        result.update(part._get_course_suggestions_batch())
    return result


# ------------------------------------------------------------ 6. badges
def complete_courses(env, pairs):
    """Complete each (partner, channel) membership the way website_slides does
    it: the learner's lesson is marked completed (slide.slide.partner), which
    recomputes the membership's completion and sets it 'completed'."""
    slide_of = {
        ch.id: ch.slide_ids[:1].id
        for ch in env["slide.channel"].browse({c for _p, c in pairs})
    }
    env["slide.slide.partner"].sudo().create(
        [
            {
                "slide_id": slide_of[channel_id],
                "channel_id": channel_id,
                "partner_id": partner_id,
                "completed": True,
                "vote": 0,
            }
            for partner_id, channel_id in pairs
        ]
    )


# ------------------------------------------------------------ 8. objectives
def objective_progress_all(env):
    """Progress of every objective of the company, computed the way the
    stored field computes it (``_progress_by_id``): one query for the tree,
    one grouped query for the key results, whatever the number of them.
    Nothing is written (the stored values are not rewritten)."""
    Objective = env["hr.performance.objective"]
    return Objective._progress_by_id(Objective.search([]).ids)


def naive_objective_progress_one(env, objective_id):
    """One objective's progress the ORM way: its key results, or recursively
    its children, record by record."""
    objective = env["hr.performance.objective"].browse(objective_id)
    krs = objective.key_result_ids
    if krs:
        total = sum(kr.weight for kr in krs)
        return sum(kr.progress * kr.weight for kr in krs) / total if total else 0.0
    kids = objective.child_ids.filtered(lambda o: o.state != "cancelled")
    total = sum(kid.weight for kid in kids)
    return (
        sum(naive_objective_progress_one(env, kid.id) * kid.weight for kid in kids)
        / total
        if total
        else 0.0
    )
