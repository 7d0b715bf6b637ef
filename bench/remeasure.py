"""Measure again, on a database kept by ``run.py --keep``, the rows issue 26
compares before and after: internal candidates for one opportunity (median of
10 cold-cache calls), the talent board of 2,000 people (one timed call after
an untimed one) and everyone's suggestions (one timed call), ``reps`` times;
with ``--portal``, /my/career over HTTP as ``run.py`` measures it.

    python3 bench/remeasure.py DB CONFIG [REPS] [--portal]

CONFIG is the configuration file ``run.py`` kept beside the database (its
``addons_path`` decides which code runs: a copy of it that points to another
worktree measures that worktree's code on the same data). One JSON line per
repetition, then the medians. On a loaded machine, alternate the versions
(before, after, before, ...) and compare the medians.
"""

import json
import statistics
import sys

import run as bench


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    db, cfg = args[0], args[1]
    reps = int(args[2]) if len(args) > 2 else 3
    suite = bench.load_suite()
    suite.find_odoo()
    import measures as m

    import odoo
    from odoo.modules.registry import Registry
    from odoo.tools import config

    config.parse_config(["-c", cfg, "--log-level", "warn"])
    registry = Registry(db)
    rows = []
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        uenv = env(user=env.ref("base.user_admin"), su=False)
        cr.execute("SELECT id FROM hr_employee ORDER BY id")
        ids = [row[0] for row in cr.fetchall()]
        cr.execute(
            "SELECT id FROM hr_career_opportunity WHERE name = 'Bench opportunity 0'"
        )
        opportunity = uenv["hr.career.opportunity"].browse(cr.fetchone()[0])
        cr.execute("SELECT id FROM hr_talent_review WHERE name = 'Bench talent review'")
        board = uenv["hr.talent.review"].browse(cr.fetchone()[0])

        def candidates():
            return opportunity._get_internal_candidates(limit=20)

        board.get_board_data()  # warm the rule and registry caches
        candidates()
        for _rep in range(reps):
            c_s, c_q = m.repeat(uenv, 10, candidates)
            b_s, b_q, _data = m.timed(uenv, board.get_board_data)
            s_s, s_q, _data = m.timed(uenv, m.suggestions_batch, uenv, ids)
            row = {
                "candidates_ms": round(c_s * 1000, 2),
                "candidates_q": c_q,
                "board_ms": round(b_s * 1000, 1),
                "board_q": b_q,
                "suggestions_s": round(s_s, 3),
                "suggestions_q": s_q,
            }
            print(json.dumps(row), flush=True)
            rows.append(row)
        cr.rollback()
    if rows:
        medians = {k: statistics.median(r[k] for r in rows) for k in rows[0]}
        print("MEDIANS", json.dumps(medians), flush=True)
    if "--portal" in sys.argv:
        with registry.cursor() as cr:
            cr.execute(
                "SELECT login FROM res_users WHERE login LIKE 'bench.portal%' LIMIT 1"
            )
            login = cr.fetchone()[0]
        server_s, queries, client_s, _rss = bench.measure_portal(suite, cfg, db, login)
        print(
            "PORTAL",
            json.dumps(
                {
                    "server_ms": round(server_s * 1000, 1),
                    "queries": queries,
                    "client_ms": round(client_s * 1000, 1),
                }
            ),
            flush=True,
        )


if __name__ == "__main__":
    sys.exit(main())
