#!/usr/bin/env python3
"""Profile one apply chunk of a compensation review (development tool).

    python3 bench/profile_compensation_apply.py --db bench_comp_xxxxxxxx --chunk 500

Works on a database kept by ``bench/compensation.py --keep`` whose review has
been applied: in one transaction, it puts the first ``--chunk`` lines of the
review back as they were before applying (their new contracts removed, the
running contracts open again, the lines pending), applies them again under
cProfile with the SQL query count, prints the most expensive functions and
rolls everything back: the database is left as it was.
"""

import argparse
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import run as bench  # noqa: E402  (bench/run.py: load_suite)


def undo_chunk(cr, review_id, size):
    """The first ``size`` lines of the review as before applying (SQL: this
    script owns its transaction, rolled back at the end)."""
    cr.execute(
        "SELECT id, contract_id FROM hr_compensation_review_line"
        " WHERE review_id = %s AND state = 'applied' ORDER BY id LIMIT %s",
        [review_id, size],
    )
    rows = cr.fetchall()
    line_ids = [r[0] for r in rows]
    old_ids = [r[1] for r in rows]
    cr.execute(
        "UPDATE hr_employee e SET contract_id = l.contract_id"
        " FROM hr_compensation_review_line l"
        " WHERE l.employee_id = e.id AND l.id = ANY(%s)",
        [line_ids],
    )
    cr.execute(
        "DELETE FROM hr_contract WHERE compensation_line_id = ANY(%s)", [line_ids]
    )
    cr.execute(
        "UPDATE hr_contract SET date_end = NULL, state = 'open',"
        " kanban_state = 'normal' WHERE id = ANY(%s)",
        [old_ids],
    )
    cr.execute(
        "UPDATE hr_compensation_review_line SET state = 'pending',"
        " date_applied = NULL WHERE id = ANY(%s)",
        [line_ids],
    )
    return line_ids


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--chunk", type=int, default=500)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--sort", default="cumulative")
    args = parser.parse_args()
    suite = bench.load_suite()
    pg, _where = suite.pg_settings()
    _pkg, std = suite.find_odoo()
    cfg = suite.write_config(pg, std, args.db, suite.free_port())

    import odoo
    from odoo import sql_db
    from odoo.modules.registry import Registry
    from odoo.tools import config

    config.parse_config(["-c", str(cfg), "--log-level", "warn"])
    registry = Registry(args.db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        review = env["hr.compensation.review"].search([], order="id desc", limit=1)
        line_ids = undo_chunk(cr, review.id, args.chunk)
        env.invalidate_all()
        admin = env.ref("base.user_admin")
        review = review.with_user(admin)
        profile = cProfile.Profile()
        before = sql_db.sql_counter
        t0 = time.time()
        profile.enable()
        applied = review._job_apply(line_ids)
        env.flush_all()
        profile.disable()
        seconds = time.time() - t0
        queries = sql_db.sql_counter - before
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats(args.sort).print_stats(args.top)
        print(out.getvalue())
        print(
            f"applied {applied} of {len(line_ids)} lines in {seconds:.2f} s, "
            f"{queries} queries ({queries / max(len(line_ids), 1):.1f} per line)"
        )
        cr.rollback()
    cfg.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
