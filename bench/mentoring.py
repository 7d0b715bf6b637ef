#!/usr/bin/env python3
"""Mentoring programme (issue 31): seeding and measures, called by run.py
after the employees are seeded, or run alone (below).

Targets: one employee's mentor suggestions <= 20 ms with the same query count
at every size; fairness on the most common skill: across every employee's
top-3 mentor suggestions, how many different mentors appear and the largest
share of lists one mentor appears in (target <= 5 % once the programme has
profiles). "before" is the ranking of hr_career_dev (no profile offers the
skill: the holders by level, then by employee id; by name until
2026-12-07); "after" is the programme's.

The mentor ranking of one chunk of the review cycle (target: the same time
per chunk at 10,000 and 100,000 employees, within 20 %): for chunks of the
size the cycle's jobs use (``hr.review.cycle._chunk_size()``, 200 by
default), the needs ``hr.development.plan._plan_from_gaps`` builds from the
chunk's open gaps (each gap's skill at its highest required progress) are
ranked as ``_best_mentors`` ranks them, ``_get_mentor_suggestions_batch(needs,
limit=1)``: one call per chunk, timed alone (the gaps are read before,
untimed), median of 5 chunks spread over the company.

Run alone (only these rows; faster than run.py):

    python3 bench/mentoring.py --employees 10000 --from-db DB

DB: a database with the suite installed without demo (kept by ``run.py
--keep``, or installed once with ``--install-only --keep``); it is copied.
``--no-fairness`` skips the everyone's-top-3 rows (a pass over the company).

Two revisions on one seeded database, back to back (nothing is committed):

    git archive <rev> addons | tar -x -C /tmp/rev
    python3 bench/mentoring.py --seeded DB --addons /tmp/rev/addons --no-fairness
    python3 bench/mentoring.py --seeded DB --update hr_career_dev --no-fairness

DB: a database kept by a run of this script with ``--keep`` (seeded).
"""

import argparse
import json
import os
import statistics
import sys
import time
import uuid
from datetime import datetime

import measures as m

NEED = 60  # the progress asked of a mentor (a mid-level gap)
CHUNK = 1000
CHUNK_SAMPLES = 5


def common_skill(env):
    """The skill most employees hold at the needed level or above."""
    env.cr.execute(
        """
        SELECT es.skill_id
          FROM hr_employee_skill es
          JOIN hr_skill_level lvl ON lvl.id = es.skill_level_id
         WHERE lvl.level_progress >= %s
         GROUP BY es.skill_id
         ORDER BY count(*) DESC, es.skill_id
         LIMIT 1
        """,
        [NEED],
    )
    return env["hr.skill"].browse(env.cr.fetchone()[0])


def seed_mentors(env, rng, skill):
    """Half of the holders of ``skill`` at the needed level open a profile
    offering it, capacity 1 to 3; ORM create (one for all)."""
    env.cr.execute(
        """
        SELECT es.employee_id
          FROM hr_employee_skill es
          JOIN hr_skill_level lvl ON lvl.id = es.skill_level_id
         WHERE es.skill_id = %s AND lvl.level_progress >= %s
         ORDER BY es.employee_id
        """,
        [skill.id, NEED],
    )
    holders = [row[0] for row in env.cr.fetchall()]
    mentors = [e for e in holders if rng.random() < 0.5]
    env["hr.career.mentor"].with_context(
        mail_create_nolog=True, tracking_disable=True
    ).create(
        [
            {
                "employee_id": employee_id,
                "skill_ids": [(6, 0, [skill.id])],
                "capacity": rng.choice([1, 2, 3]),
                "state": "open",
            }
            for employee_id in mentors
        ]
    )
    env.flush_all()
    return holders, mentors


def fairness(uenv, ids, skill):
    """(different mentors, largest share of lists, lists) over every
    employee's top 3 for ``skill``."""
    Employee = uenv["hr.employee"]
    appearances, lists = {}, 0
    for start in range(0, len(ids), CHUNK):
        needs = {(i, skill.id): NEED for i in ids[start : start + CHUNK]}
        found = Employee._get_mentor_suggestions_batch(needs, limit=3)
        for mentors in found.values():
            if mentors:
                lists += 1
            for mentor_id in mentors.ids:
                appearances[mentor_id] = appearances.get(mentor_id, 0) + 1
        uenv.invalidate_all()
    top = max(appearances.values(), default=0)
    return len(appearances), (top / lists if lists else 0.0), lists


def chunk_needs(env, employee_ids):
    """``{(employee_id, skill_id): progress}`` of a chunk of employees, as
    ``_plan_from_gaps`` and ``_best_mentors`` build them: every open gap's
    skill, at the highest progress required of it."""
    needs = {}
    for gap in env["hr.competency.gap"].search(
        [("employee_id", "in", employee_ids), ("gap", ">", 0)]
    ):
        key = (gap.employee_id.id, gap.skill_id.id)
        needs[key] = max(needs.get(key, 0), gap.required_progress)
    return needs


def chunk_ranking(env, ids, skill):
    """The mentor ranking of CHUNK_SAMPLES chunks spread over the company,
    as a chunk job builds plans (superuser: the plans are built with sudo
    after the caller's checks). Returns (median seconds, median queries,
    (chunks, chunk size, median seconds of the programme's query alone),
    median needs, median needs of ``skill``)."""
    size = min(env["hr.review.cycle"]._chunk_size(), len(ids))
    step = max((len(ids) - size) // max(CHUNK_SAMPLES - 1, 1), size)
    starts = list(range(0, len(ids) - size + 1, step))[:CHUNK_SAMPLES]
    Employee = env["hr.employee"]
    Matching = env["hr.career.matching"]
    times, queries, programme, n_needs, n_skill = [], [], [], [], []
    for start in starts:
        needs = chunk_needs(env, ids[start : start + size])
        Employee._get_mentor_suggestions_batch(needs, limit=1)  # warm caches
        secs, q, _r = m.timed(env, Employee._get_mentor_suggestions_batch, needs, 1)
        times.append(secs)
        queries.append(q)
        # the programme's query alone (the rest: hr_career_dev's ranking of
        # the skills no profile offers)
        p_secs, _q, _r = m.timed(env, Matching._mentor_programme_rows, needs, 1)
        programme.append(p_secs)
        n_needs.append(len(needs))
        n_skill.append(sum(1 for _e, s in needs if s == skill.id))
    return (
        statistics.median(times),
        statistics.median(queries),
        (len(starts), size, statistics.median(programme)),
        statistics.median(n_needs),
        statistics.median(n_skill),
    )


def measure(env, uenv, rng, ref, ids, table, size, with_fairness=True):
    """Add the rows of issue 31 to ``table``: before and after profiles."""
    skill = common_skill(env)
    employee = uenv["hr.employee"].browse(ids[-1])

    def suggestions():
        return employee._get_mentor_suggestions(skill, min_progress=NEED, limit=3)

    rows = {}
    for phase in ("before", "after"):
        if phase == "after":
            holders, mentors = seed_mentors(env, rng, skill)
            env.cr.execute(
                "ANALYZE hr_career_mentor; ANALYZE hr_career_mentor_hr_skill_rel"
            )
        env.invalidate_all()
        suggestions()  # warm the registry and rule caches
        secs, q = m.repeat(uenv, 20, suggestions)
        fair = None
        if with_fairness:
            t_secs, t_q, fair = m.timed(uenv, fairness, uenv, ids, skill)
            fair += (t_secs, t_q)
        rows[phase] = (secs, q, fair, chunk_ranking(env, ids, skill))
    holders_note = f"{len(holders):,} holders, {len(mentors):,} mentors"
    for phase, (secs, q, fair, chunk) in rows.items():
        table.add(
            f"mentor suggestions, one employee ({phase})",
            size,
            secs,
            q,
            "<= 20 ms, same queries at every size",
            secs <= 0.020,
            note=holders_note if phase == "after" else "hr_career_dev's ranking",
        )
        c_secs, c_q, c_size, c_needs, c_skill = chunk
        table.add(
            f"mentor ranking, one review-cycle chunk ({phase})",
            size,
            c_secs,
            c_q,
            "reported: compare 10,000 with 100,000 (the same within 20 %)",
            True,  # compared across runs, in bench/README.md
            note=f"median of {c_size[0]} chunk(s) of {c_size[1]} employees,"
            f" {c_needs:,.0f} needs each ({c_skill:,.0f} of the common skill);"
            f" the programme's query alone {c_size[2] * 1000:.1f} ms",
        )
        if fair is None:
            continue
        distinct, share, lists, t_secs, t_q = fair
        table.add(
            f"mentor fairness, everyone's top 3 ({phase})",
            size,
            t_secs,
            t_q,
            "no mentor in more than 5 % of the lists"
            if phase == "after"
            else "reported (today's ranking)",
            share <= 0.05 or phase == "before",
            note=f"{distinct:,} different mentors in {lists:,} lists;"
            f" the most listed in {share:.0%}",
        )


def main():
    """Install (or copy ``--from-db``), seed N employees, measure these rows
    only; or (``--seeded DB``) measure on a database seeded before, in place,
    everything measured rolled back (``--addons``: the code measured, e.g. an
    export of another revision, to compare two revisions on one database;
    ``--update``: ``-u`` these modules first, so the revision's indexes
    exist). The table is printed and written to
    bench/results/<timestamp>-mentoring.json."""
    import subprocess

    import run as bench
    import seed

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--employees", type=int, default=10000)
    parser.add_argument("--from-db", help="copy this installed database")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument("--install-only", action="store_true")
    parser.add_argument("--no-fairness", action="store_true")
    parser.add_argument(
        "--seeded", help="measure on this seeded database (not copied, kept)"
    )
    parser.add_argument("--addons", help="addons path of the code measured")
    parser.add_argument("--update", help="modules to update (-u) first")
    args = parser.parse_args()
    started = time.time()
    load_start = os.getloadavg()
    suite = bench.load_suite()
    _pkg, std = suite.find_odoo()
    pg, where = suite.pg_settings()
    db = args.seeded or f"bench_mentoring_{uuid.uuid4().hex[:8]}"
    extra = {"addons": args.addons} if args.addons else {}
    cfg = suite.write_config(pg, std, db, suite.free_port(), **extra)
    bench.say(f"PostgreSQL: {where}; database {db}; {args.employees:,} employees")
    table = bench.Table()
    seeded = 0.0
    try:
        if args.seeded and args.update:
            bench.say(f"updating {args.update}")
            subprocess.run(
                suite.odoo_cmd(
                    cfg,
                    "-d",
                    db,
                    "-u",
                    args.update,
                    "--stop-after-init",
                    "--log-level",
                    "warn",
                    "--max-cron-threads",
                    "0",
                ),
                check=True,
            )
        elif not args.seeded:
            bench.install(suite, pg, cfg, db, args.from_db)
        if args.install_only:
            return 0
        import odoo
        from odoo.modules.registry import Registry
        from odoo.tools import config

        config.parse_config(["-c", str(cfg), "--log-level", "warn"])
        registry = Registry(db)
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            rng = seed.make_rng()
            if args.seeded:
                ref = None  # measure() does not read it
                ids = (
                    env["hr.employee"]
                    .with_context(active_test=False)
                    .search([("name", "=like", "Bench employee %")], order="id")
                    .ids
                )
            else:
                t0 = time.time()
                ref = seed.seed_reference(env, rng)
                ids = seed.seed_employees(env, rng, ref, 0, args.employees)
                cr.commit()  # the bench script owns its cursor (not business code)
                cr.execute("ANALYZE")
                seeded = time.time() - t0
                bench.say(f"seeded {len(ids):,} employees in {seeded:.0f}s")
            uenv = env(user=env.ref("base.user_admin"), su=False)
            measure(
                env,
                uenv,
                seed.make_rng(31),
                ref,
                ids,
                table,
                f"{len(ids):,} employees",
                with_fairness=not args.no_fairness,
            )
            cr.rollback()  # the bench script owns its cursor (not business code)
        Registry.delete(db)
    finally:
        if args.seeded:
            cfg.unlink(missing_ok=True)
        else:
            bench.keep_or_drop(suite, pg, db, cfg, args.keep)
    print()
    print(table.render(), flush=True)
    bench.RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    out = bench.RESULTS / f"{stamp}-mentoring.json"
    out.write_text(
        json.dumps(
            {
                "date": stamp,
                "employees": args.employees,
                "cpus": os.cpu_count(),
                "load_average": os.getloadavg(),
                "load_average_start": load_start,
                "database": db,
                "addons": args.addons,
                "seeded_s": round(seeded, 1),
                "total_s": round(time.time() - started, 1),
                "rows": table.rows,
            },
            indent=2,
        )
    )
    bench.say(f"results written to {out.relative_to(bench.ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
