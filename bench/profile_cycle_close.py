#!/usr/bin/env python3
"""Profile the completion of one chunk of a review cycle (``_job_close``),
or with ``--phase launch`` its launch (``_job_launch``).

    python3 bench/profile_cycle_close.py --from-db DB --employees 200
    python3 bench/profile_cycle_close.py --from-db DB --employees 200 --company 100000

Copies DB (the three addons installed without demo, e.g. a database kept by
``bench/run.py --keep``), seeds N employees (seed.py, with their managers as
review_cycle.py organises them), launches a cycle of them in the process
(queue_job's ``queue_job__no_delay``), then runs ``_job_close`` on all of them
as one chunk under cProfile and counts its SQL queries. With ``--company``,
the company has that many employees (seeded the same way) and the cycle
covers the first ``--employees`` of them: what a chunk costs in a large
company. Prints the time, the queries, the queries per table, the slowest
queries and the functions taking the most time. The copy is dropped at the
end unless --keep.
"""

import argparse
import cProfile
import io
import pstats
import re
import sys
import time
import uuid
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import run as bench  # noqa: E402

TABLE_RE = re.compile(r'\b(?:FROM|INTO|UPDATE)\s+"?([a-z_0-9]+)"?', re.IGNORECASE)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--from-db", required=True)
    parser.add_argument("--employees", type=int, default=200)
    parser.add_argument(
        "--company",
        type=int,
        default=0,
        help="employees in the company (default: --employees)",
    )
    parser.add_argument("--top", type=int, default=35)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument(
        "--sort", default="cumulative", help="pstats order: cumulative, tottime, ..."
    )
    parser.add_argument(
        "--show",
        metavar="TABLE",
        help="print the distinct queries reading or writing TABLE",
    )
    parser.add_argument(
        "--phase",
        choices=("close", "launch"),
        default="close",
        help="the chunk job profiled: _job_close (default) or _job_launch",
    )
    args = parser.parse_args()
    suite = bench.load_suite()
    _pkg, std = suite.find_odoo()
    pg, _where = suite.pg_settings()
    db = f"bench_close_{uuid.uuid4().hex[:8]}"
    cfg = suite.write_config(pg, std, db, suite.free_port())
    try:
        bench.install(suite, pg, cfg, db, args.from_db)
        import review_cycle
        import seed

        import odoo
        from odoo.modules.registry import Registry
        from odoo.sql_db import Cursor
        from odoo.tools import config

        config.parse_config(["-c", str(cfg), "--log-level", "warn"])
        registry = Registry(db)
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            rng = seed.make_rng()
            ref = seed.seed_reference(env, rng)
            ids = seed.seed_employees(
                env, rng, ref, 0, max(args.company, args.employees)
            )
            review_cycle.organise(env, ids)
            chunk = ids[: args.employees]
            admin = env.ref("base.user_admin")
            cycle = (
                env["hr.review.cycle"]
                .with_user(admin)
                .with_context(queue_job__no_delay=True)
                .create(
                    {
                        "name": "Profiled cycle",
                        "date_start": date.today() - timedelta(days=300),
                        "date_end": date.today() + timedelta(days=30),
                        "employee_ids": [(6, 0, chunk)],
                    }
                )
            )
            if args.phase == "close":
                cycle.action_launch()
                cycle.state = "closing"
                # HR chose to complete them all with what was written
                cycle.appraisal_ids.close_decision = "complete"
                employee_ids = cycle.appraisal_ids.employee_id.ids
            else:
                cycle.write({"state": "running", "employee_total": len(chunk)})
                employee_ids = chunk
            cr.commit()  # the bench script owns its cursor (not business code)
            cr.execute("ANALYZE")
            cycle = cycle.with_context(queue_job__no_delay=False)
            job = getattr(cycle, f"_job_{args.phase}")
            env.invalidate_all()
            queries = []
            original = Cursor.execute

            def counting(self, query, params=None, log_exceptions=True):
                start = time.time()
                try:
                    return original(self, query, params, log_exceptions)
                finally:
                    queries.append((str(query), time.time() - start))

            profiler = cProfile.Profile()
            Cursor.execute = counting
            t0 = time.time()
            try:
                profiler.enable()
                job(employee_ids)
                env.flush_all()
                cr.precommit.run()
                profiler.disable()
            finally:
                Cursor.execute = original
            elapsed = time.time() - t0
            cr.execute(
                "SELECT count(*) FROM hr_appraisal WHERE review_cycle_id = %s"
                " AND state = %s",
                [cycle.id, "3_done" if args.phase == "close" else "2_pending"],
            )
            done = cr.fetchone()[0]
            cr.rollback()
        n = len(employee_ids)
        bench.say(
            f"_job_{args.phase} of {n} employees: {elapsed:.2f} s "
            f"({1000 * elapsed / n:.1f} ms per employee), {len(queries)} queries "
            f"({len(queries) / n:.1f} per employee), "
            f"{done} {'completed' if args.phase == 'close' else 'launched'}"
        )
        tables = Counter()
        for query, _seconds in queries:
            match = TABLE_RE.search(query)
            tables[match.group(1) if match else "?"] += 1
        bench.say(
            "queries per table: "
            + ", ".join(f"{t} {c}" for t, c in tables.most_common(15))
        )
        bench.say(f"SQL time {sum(t for _q, t in queries):.2f} s; slowest queries:")
        for query, seconds in sorted(queries, key=lambda q: -q[1])[:8]:
            bench.say(f"  {seconds * 1000:8.1f} ms  {' '.join(query.split())[:160]}")
        if args.show:
            shown = Counter(
                " ".join(query.split())[:400]
                for query, _seconds in queries
                if re.search(rf"\b{re.escape(args.show)}\b", query)
            )
            bench.say(f"queries on {args.show}:")
            for query, count in shown.most_common(10):
                bench.say(f"  {count:5d} x {query}")
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(args.sort).print_stats(args.top)
        print(out.getvalue())
    finally:
        bench.keep_or_drop(suite, pg, db, cfg, args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
