#!/usr/bin/env python3
"""Review cycle benchmark: launch then close a cycle with OCA queue_job.

    python3 bench/review_cycle.py --employees 10000 --workers 1,2

Creates a fresh database bench_cycle_<random>, installs the three addons
without demo data, seeds N employees (seed.py; each department gets a head who
manages the others, the heads report to one director outside the cycle), then
for each job-worker count starts a real Odoo server the way ``./suite run``
does (``--load=base,web,queue_job``, N + 1 HTTP workers, a jobrunner with a
root channel of capacity N), launches a new cycle of every department as the
administrator, waits until its jobs have created every appraisal, closes it and
waits until it is done. Prints one row per (workers, phase), checks that no
employee got two appraisals in a cycle and that every appraisal has its skill
lines, and writes the table to bench/results/<timestamp>-cycle.json.
"""

import argparse
import json
import os
import subprocess
import sys
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import run as bench  # noqa: E402  (bench/run.py: install, Table, say, suite)

TARGET_S = 60.0
TARGET_SPEEDUP = 1.6
# issue 12 sets the time targets for 10,000 employees; larger companies are
# measured and reported (their rows still check that nothing is missing nor
# created twice)
TARGET_EMPLOYEES = 10_000


def organise(env, employee_ids):
    """Give every seeded employee a manager: the first employee of each
    department heads it, the heads report to a director outside the cycle."""
    cr = env.cr
    director = env["hr.employee"].create({"name": "Bench director"})
    cr.execute(
        """
        WITH heads AS (
            SELECT department_id, min(id) AS head_id
              FROM hr_employee WHERE id = ANY(%s) GROUP BY department_id
        )
        UPDATE hr_employee e
           SET parent_id = CASE WHEN e.id = h.head_id THEN %s ELSE h.head_id END
          FROM heads h
         WHERE e.department_id = h.department_id AND e.id = ANY(%s)
        """,
        [employee_ids, director.id, employee_ids],
    )
    env.invalidate_all()
    # parent_path for child_of
    env["hr.employee"].browse(employee_ids + director.ids)._parent_store_compute()
    return director


def wait_for(cr_factory, sql, params, done, timeout, label, proc):
    """Poll ``sql`` (in a fresh transaction each time) until ``done(row)``."""
    start = time.time()
    last = None
    while time.time() - start < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"{label}: the Odoo server stopped (see its log)")
        with cr_factory() as cr:
            cr.execute(sql, params)
            last = cr.fetchone()
        if done(last):
            return time.time() - start, last
        time.sleep(0.5)
    raise RuntimeError(f"{label}: not done after {timeout}s (last: {last})")


def start_server(suite, db, workers, pg, std, launcher):
    port = suite.free_port()
    cfg = suite.write_config(
        pg,
        std,
        f"{db}_w{workers}",
        port,
        extra=[
            f"workers = {workers + 1}",
            "limit_time_cpu = 600",
            "limit_time_real = 1200",
            f"gevent_port = {suite.free_port()}",
        ],
        job_workers=workers,
    )
    cmd = suite.odoo_cmd(
        cfg,
        "-d",
        db,
        "--db-filter",
        f"^{db}$",
        "--load=base,web,queue_job",
        "--log-level",
        "info",
    )
    if launcher:
        # as ./suite run: the multi-process server re-runs this script to
        # start its websocket (gevent) process; without it, it would retry
        # that start many times a second and take CPU from the jobs measured
        cmd = [sys.executable, str(launcher), *cmd[3:]]
    log = open(suite.STATE / "logs" / f"bench-cycle-{db}-w{workers}.log", "w")
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, text=True)
    return proc, cfg, log


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--employees", type=int, default=10000)
    parser.add_argument("--workers", default="1,2", help="job-worker counts to run")
    parser.add_argument("--chunk", type=int, default=200, help="employees per job")
    parser.add_argument("--timeout", type=int, default=3600)
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument(
        "--plan-actions",
        type=int,
        help="open actions per plan from gaps (the company setting; 0: one "
        "per gap); default: the setting's default",
    )
    parser.add_argument(
        "--from-db",
        help="(development) copy this database, where the addons are installed "
        "without demo, instead of installing them",
    )
    args = parser.parse_args()
    worker_counts = [int(w) for w in args.workers.split(",")]
    timed = args.employees <= TARGET_EMPLOYEES
    time_target = (
        f"<= {TARGET_S:.0f} s, "
        if timed
        else f"time reported (targets are for {TARGET_EMPLOYEES:,}), "
    )
    started = time.time()
    suite = bench.load_suite()
    pkg, std = suite.find_odoo()
    launcher = suite.odoo_launcher(pkg)
    pg, where = suite.pg_settings()
    db = f"bench_cycle_{uuid.uuid4().hex[:8]}"
    cfg = suite.write_config(pg, std, db, suite.free_port())
    (suite.STATE / "logs").mkdir(parents=True, exist_ok=True)
    bench.say(f"PostgreSQL: {where}; database {db}; {args.employees:,} employees")
    table = bench.Table()
    times = {}
    try:
        bench.install(suite, pg, cfg, db, args.from_db)
        import seed

        import odoo
        from odoo.modules.registry import Registry
        from odoo.tools import config

        config.parse_config(["-c", str(cfg), "--log-level", "warn"])
        registry = Registry(db)
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            rng = seed.make_rng()
            ref = seed.seed_reference(env, rng)
            ids = seed.seed_employees(env, rng, ref, 0, args.employees)
            organise(env, ids)
            env["ir.config_parameter"].set_param(
                "hr_performance_link.review_cycle_chunk_size", str(args.chunk)
            )
            if args.plan_actions is not None:
                env.company.career_plan_gap_actions = args.plan_actions
            cr.commit()  # the bench script owns its cursor (not business code)
            cr.execute("ANALYZE")
        bench.say(f"seeded {len(ids):,} employees")
        for workers in worker_counts:
            proc, wcfg, log = start_server(suite, db, workers, pg, std, launcher)
            try:
                time.sleep(8)  # the jobrunner starts 5 s after the server
                with registry.cursor() as cr:
                    env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
                    admin = env.ref("base.user_admin")
                    cycle = (
                        env["hr.review.cycle"]
                        .with_user(admin)
                        .create(
                            {
                                "name": f"Bench cycle, {workers} job workers",
                                "date_start": date.today() - timedelta(days=300),
                                "date_end": date.today() + timedelta(days=30),
                                "department_ids": [(6, 0, ref["departments"])],
                            }
                        )
                    )
                    cycle_id = cycle.id
                    cr.commit()  # the bench script owns its cursor (not business code)
                    t0 = time.time()
                    cycle.action_launch()
                    cr.commit()  # the jobs are visible to the runner from here
                    click = time.time() - t0
                    total = cycle.employee_total
                launch_s, _row = wait_for(
                    registry.cursor,
                    "SELECT count(*) FILTER"
                    " (WHERE state NOT IN ('done', 'cancelled', 'failed')),"
                    " count(*) FILTER (WHERE state = 'failed')"
                    " FROM queue_job WHERE model_name = 'hr.review.cycle'",
                    [],
                    lambda row: row[0] == 0,
                    args.timeout,
                    "launch",
                    proc,
                )
                launch_s += click
                with registry.cursor() as cr:
                    cr.execute(
                        "SELECT count(*), count(DISTINCT employee_id) FROM hr_appraisal"
                        " WHERE review_cycle_id = %s",
                        [cycle_id],
                    )
                    created, distinct = cr.fetchone()
                    cr.execute(
                        "SELECT count(*) FROM hr_appraisal a WHERE review_cycle_id = %s"
                        " AND NOT EXISTS (SELECT 1 FROM hr_appraisal_skill s"
                        " WHERE s.appraisal_id = a.id)",
                        [cycle_id],
                    )
                    without_lines = cr.fetchone()[0]
                    cr.execute(
                        "SELECT count(*) FROM hr_review_cycle_failure"
                        " WHERE cycle_id = %s",
                        [cycle_id],
                    )
                    failures = cr.fetchone()[0]
                ok = (
                    created == distinct == total - failures
                    and not without_lines
                    and (not timed or launch_s <= TARGET_S)
                )
                times[(workers, "launch")] = launch_s
                table.add(
                    f"cycle launch, {workers} job worker(s)",
                    f"{total:,} employees",
                    launch_s,
                    None,
                    f"{time_target}no duplicate, skill lines",
                    ok,
                    note=f"{created:,} appraisals ({distinct:,} employees), "
                    f"{without_lines} without skill lines, {failures} failures, "
                    f"click {click:.2f} s",
                )
                with registry.cursor() as cr:
                    env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
                    cycle = env["hr.review.cycle"].with_user(admin.id).browse(cycle_id)
                    t0 = time.time()
                    cycle.action_close()
                    # HR's decision in the close dialog: nobody reviewed on
                    # the bench, every appraisal completed with what was written
                    empty = env["hr.appraisal"]
                    cycle._close_decide(
                        empty, empty, cycle._get_unreviewed_appraisals()
                    )
                    cr.commit()  # the bench script owns its cursor (not business code)
                    click = time.time() - t0
                close_s, _row = wait_for(
                    registry.cursor,
                    "SELECT state FROM hr_review_cycle WHERE id = %s",
                    [cycle_id],
                    lambda row: row[0] == "done",
                    args.timeout,
                    "close",
                    proc,
                )
                close_s += click
                times[(workers, "close")] = close_s
                with registry.cursor() as cr:
                    cr.execute(
                        "SELECT count(*) FILTER (WHERE state = '3_done'),"
                        " count(*) FROM hr_appraisal WHERE review_cycle_id = %s",
                        [cycle_id],
                    )
                    completed, appraisals = cr.fetchone()
                table.add(
                    f"cycle close, {workers} job worker(s)",
                    f"{total:,} employees",
                    close_s,
                    None,
                    f"{time_target}every appraisal done",
                    completed == appraisals and (not timed or close_s <= TARGET_S),
                    note=f"{completed:,} of {appraisals:,} appraisals done, "
                    f"click {click:.2f} s",
                )
            finally:
                proc.terminate()
                try:
                    proc.wait(60)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
                log.close()
                wcfg.unlink(missing_ok=True)
        if 1 in worker_counts and 2 in worker_counts:
            for phase in ("launch", "close"):
                speedup = times[(1, phase)] / times[(2, phase)]
                table.add(
                    f"cycle {phase} speed-up, 2 vs 1 job workers",
                    f"{args.employees:,} employees",
                    None,
                    None,
                    f">= {TARGET_SPEEDUP}x" if timed else "reported",
                    not timed or speedup >= TARGET_SPEEDUP,
                    shown=f"{speedup:.2f}x",
                )
    finally:
        bench.keep_or_drop(suite, pg, db, cfg, args.keep)
    print()
    print(table.render(), flush=True)
    bench.RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    out = bench.RESULTS / f"{stamp}-cycle.json"
    out.write_text(
        json.dumps(
            {
                "date": stamp,
                "employees": args.employees,
                "workers": worker_counts,
                "chunk": args.chunk,
                "plan_actions": args.plan_actions,
                "cpus": os.cpu_count(),
                "load_average": os.getloadavg(),
                "total_s": round(time.time() - started, 1),
                "rows": table.rows,
            },
            indent=2,
        )
    )
    bench.say(f"results written to {out.relative_to(bench.ROOT)}")
    return 0 if all(r["status"] == "PASS" for r in table.rows) else 1


if __name__ == "__main__":
    sys.exit(main())
