#!/usr/bin/env python3
"""Compensation review benchmark: prepare, budget totals and apply with OCA
queue_job.

    python3 bench/compensation.py --employees 10000 --workers 2

Creates a fresh database bench_comp_<random>, installs the suite without demo
data, seeds N employees (seed.py; each department gets a head who manages the
others, the heads report to a director outside the review), a running
contract per employee, a salary band per job and a rated appraisal per
employee, then starts a real Odoo server the way ``./suite run`` does (a
jobrunner with a root channel of capacity ``--workers``) and, as the
administrator:

1. opens a review of every department and waits until its jobs have prepared
   every line (target: 30 s at 10,000 employees);
2. loads the budget totals (the review's totals and the rows per manager and
   per department), ORM cache cold, with the SQL query count (target: 300 ms,
   the same query count at every size);
3. submits, approves and applies the review (effective today) and waits until
   every line is applied (target: 60 s at 10,000), then checks that each
   employee has exactly one contract coming from their line.

Writes the table to bench/results/<timestamp>-compensation.json.
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
from review_cycle import organise, start_server, wait_for  # noqa: E402

TARGET_PREPARE_S = 30.0
TARGET_APPLY_S = 60.0
TARGET_TOTALS_S = 0.3
TARGET_EMPLOYEES = 10_000
BATCH = 1000


def seed_compensation(env, employee_ids, job_ids):
    """A running contract per employee (wage around its job's midpoint), a
    salary band per job and a rated appraisal per employee, in ORM batches."""
    env = env(context=dict(env.context, tracking_disable=True, mail_create_nolog=True))
    start = date.today() - timedelta(days=400)
    env["hr.job.salary.band"].create(
        [
            {
                "job_id": job_id,
                "wage_min": 3000 + 10 * index,
                "wage_mid": 4000 + 10 * index,
                "wage_max": 5000 + 10 * index,
            }
            for index, job_id in enumerate(job_ids)
        ]
    )
    scale = env["hr.performance.rating"]._scale_for(env.company)
    employees = env["hr.employee"].browse(employee_ids)
    employees.fetch(["job_id"])
    for offset in range(0, len(employees), BATCH):
        batch = employees[offset : offset + BATCH]
        env["hr.contract"].create(
            [
                {
                    "name": f"Bench contract {employee.id}",
                    "employee_id": employee.id,
                    "job_id": employee.job_id.id,
                    "wage": 3200 + (employee.id * 37) % 1800,
                    "date_start": start,
                    "state": "open",
                }
                for employee in batch
            ]
        )
        env["hr.appraisal"].create(
            [
                {
                    "employee_id": employee.id,
                    "date_close": start + timedelta(days=300),
                    "rating_id": scale[employee.id % len(scale)].id,
                }
                for employee in batch
            ]
        )
        env.invalidate_all()
        bench.say(f"contracts and appraisals: {offset + len(batch):,}")


def count_queries(fn):
    from odoo import sql_db

    before = sql_db.sql_counter
    t0 = time.time()
    fn()
    return time.time() - t0, sql_db.sql_counter - before


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--employees", type=int, default=10000)
    parser.add_argument("--workers", type=int, default=2, help="job workers")
    parser.add_argument("--chunk", type=int, default=500, help="employees per job")
    parser.add_argument("--timeout", type=int, default=3600)
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument(
        "--from-db",
        help="(development) copy this database, where the addons are installed "
        "without demo, instead of installing them",
    )
    args = parser.parse_args()
    timed = args.employees <= TARGET_EMPLOYEES
    started = time.time()
    suite = bench.load_suite()
    pkg, std = suite.find_odoo()
    launcher = suite.odoo_launcher(pkg)
    pg, where = suite.pg_settings()
    db = f"bench_comp_{uuid.uuid4().hex[:8]}"
    cfg = suite.write_config(pg, std, db, suite.free_port())
    (suite.STATE / "logs").mkdir(parents=True, exist_ok=True)
    bench.say(f"PostgreSQL: {where}; database {db}; {args.employees:,} employees")
    table = bench.Table()
    size = f"{args.employees:,} employees"

    def target(seconds, unit="s"):
        if not timed:
            return f"reported (targets are for {TARGET_EMPLOYEES:,})"
        return f"<= {seconds:g} {unit}"

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
            seed_compensation(env, ids, ref["jobs"])
            env["ir.config_parameter"].set_param(
                "hr_compensation_review.chunk_size", str(args.chunk)
            )
            cr.commit()  # the bench script owns its cursor (not business code)
            cr.execute("ANALYZE")
        bench.say(f"seeded {len(ids):,} employees with contracts")
        proc, wcfg, log = start_server(suite, db, args.workers, pg, std, launcher)
        try:
            time.sleep(8)  # the jobrunner starts 5 s after the server
            with registry.cursor() as cr:
                env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
                admin = env.ref("base.user_admin")
                review = (
                    env["hr.compensation.review"]
                    .with_user(admin)
                    .create(
                        {
                            "name": "Bench review",
                            "date_effective": date.today(),
                            "department_ids": [(6, 0, ref["departments"])],
                            "merit_budget_percent": 3.0,
                            "promotion_budget_percent": 1.0,
                        }
                    )
                )
                review_id = review.id
                cr.commit()  # the bench script owns its cursor (not business code)
                t0 = time.time()
                review.action_open()
                cr.commit()  # the jobs are visible to the runner from here
                click = time.time() - t0
            jobs_sql = (
                "SELECT count(*) FILTER"
                " (WHERE state NOT IN ('done', 'cancelled', 'failed')),"
                " count(*) FILTER (WHERE state = 'failed')"
                " FROM queue_job WHERE model_name = 'hr.compensation.review'"
            )
            prepare_s, row = wait_for(
                registry.cursor,
                jobs_sql,
                [],
                lambda row: row[0] == 0,
                args.timeout,
                "prepare",
                proc,
            )
            prepare_s += click
            with registry.cursor() as cr:
                cr.execute(
                    "SELECT count(*), count(DISTINCT employee_id) FROM"
                    " hr_compensation_review_line WHERE review_id = %s",
                    [review_id],
                )
                lines, distinct = cr.fetchone()
            table.add(
                f"prepare the lines, {args.workers} job worker(s)",
                size,
                prepare_s,
                None,
                target(TARGET_PREPARE_S),
                lines == distinct == len(ids)
                and not row[1]
                and (not timed or prepare_s <= TARGET_PREPARE_S),
                note=f"{lines:,} lines ({distinct:,} employees), {row[1]} failed "
                f"jobs, click {click:.2f} s",
            )
            with registry.cursor() as cr:
                env = odoo.api.Environment(cr, admin.id, {})
                review = env["hr.compensation.review"].browse(review_id)

                def totals():
                    review.invalidate_recordset()
                    review.read(["payroll", "merit_spent", "over_budget_count"])
                    review._get_budget_rows("manager_id")
                    review._get_budget_rows("department_id")

                env.invalidate_all()
                seconds, queries = count_queries(totals)
                table.add(
                    "budget totals (review, per manager, per department)",
                    size,
                    seconds,
                    queries,
                    target(TARGET_TOTALS_S * 1000, "ms") + ", bounded queries",
                    not timed or seconds <= TARGET_TOTALS_S,
                )
                review.action_submit()
                review.action_approve()
                cr.commit()  # the bench script owns its cursor (not business code)
                t0 = time.time()
                review.action_apply()
                cr.commit()  # the jobs are visible to the runner from here
                click = time.time() - t0
            apply_s, row = wait_for(
                registry.cursor,
                "SELECT count(*) FILTER (WHERE state = 'pending')"
                " FROM hr_compensation_review_line WHERE review_id = %s",
                [review_id],
                lambda row: row[0] == 0,
                args.timeout,
                "apply",
                proc,
            )
            apply_s += click
            with registry.cursor() as cr:
                cr.execute(
                    "SELECT count(*), count(DISTINCT c.employee_id)"
                    " FROM hr_contract c JOIN hr_compensation_review_line l"
                    " ON l.id = c.compensation_line_id WHERE l.review_id = %s",
                    [review_id],
                )
                contracts, people = cr.fetchone()
            table.add(
                f"apply to contracts, {args.workers} job worker(s)",
                size,
                apply_s,
                None,
                target(TARGET_APPLY_S),
                contracts == people == lines
                and (not timed or apply_s <= TARGET_APPLY_S),
                note=f"{contracts:,} new contracts for {people:,} employees, "
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
    finally:
        bench.keep_or_drop(suite, pg, db, cfg, args.keep)
    print()
    print(table.render(), flush=True)
    bench.RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    out = bench.RESULTS / f"{stamp}-compensation.json"
    out.write_text(
        json.dumps(
            {
                "date": stamp,
                "employees": args.employees,
                "workers": args.workers,
                "chunk": args.chunk,
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
