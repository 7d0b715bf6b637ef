#!/usr/bin/env python3
"""Load test of the employee's career pages (issue 16).

    python3 bench/load.py --employees 10000 --users 50 --duration 60

Installs the suite without demo in a fresh database ``bench_load_<random>``
(or copies ``--from-db``), seeds N employees (seed.py, as bench/run.py does),
gives 50 of them a login, starts Odoo's multi-process server
(``--workers 2``, ``--max-cron-threads 0``, Odoo's default time and memory
limits) on 127.0.0.1, logs the 50 users in, then lets locust (PyPI,
installed by this script in its own virtual environment, see
requirements-load.txt) play them for ``--duration`` seconds (locustfile.py):
each alternates ``/my/career`` and ``/my/career/paths`` with a think time
drawn between ``--think-min`` and ``--think-max`` seconds (a person reading the
page before the next click), each request on a new connection, as the reverse
proxy in front of a production Odoo makes them (a kept-alive connection left
idle while the person reads would hold one of Odoo's few HTTP workers).
Reports throughput, p50/p95/p99 latency seen by the clients, errors (any
status but 200, a redirect to the login page included, connection errors),
the server's own time per page from its request log, and whether the server
killed a worker (time or memory limit). Targets: p95 <= 400 ms, no error, no
worker killed. Writes ``bench/results/<timestamp>-load.json``; the database is
dropped unless ``--keep``. Loopback only: the server listens on 127.0.0.1.
"""

import argparse
import csv
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import run as bench  # noqa: E402

PAGES = ("/my/career", "/my/career/paths")
P95_TARGET_S = 0.4
# Odoo's prefork server logs these when it kills or recycles a worker
KILLED_RE = re.compile(
    r"timeout after|virtual memory limit|CPU time limit|virtual real time limit"
)
REQUEST_RE = re.compile(
    r'"GET (/my/career\S*) HTTP/[\d.]+" (\d+) - (\d+) ([\d.]+) ([\d.]+)'
)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--employees", type=int, default=10000)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=int, default=60, help="seconds")
    parser.add_argument("--workers", type=int, default=2, help="Odoo HTTP workers")
    parser.add_argument("--think-min", type=float, default=1.0, help="seconds")
    parser.add_argument("--think-max", type=float, default=3.0, help="seconds")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument(
        "--from-db",
        help="(development) copy this database, where the addons are installed "
        "without demo, instead of installing them",
    )
    args = parser.parse_args()
    locust = ensure_locust()
    started = time.time()
    suite = bench.load_suite()
    pkg, std = suite.find_odoo()
    pg, where = suite.pg_settings()
    db = f"bench_load_{uuid.uuid4().hex[:8]}"
    cfg = suite.write_config(pg, std, db, suite.free_port())
    bench.say(f"PostgreSQL: {where}; database {db}; {args.employees:,} employees")
    result = {}
    try:
        bench.install(suite, pg, cfg, db, args.from_db)
        logins = seed(cfg, db, args)
        result = load(suite, pkg, std, pg, db, logins, args, locust)
    finally:
        bench.keep_or_drop(suite, pg, db, cfg, args.keep)
    result.update(
        employees=args.employees,
        users=args.users,
        duration_s=args.duration,
        workers=args.workers,
        think_s=[args.think_min, args.think_max],
        cpus=os.cpu_count(),
        load_average=os.getloadavg(),
        total_s=round(time.time() - started, 1),
    )
    bench.RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    out = bench.RESULTS / f"{stamp}-load.json"
    out.write_text(json.dumps(result, indent=2))
    bench.say(f"results written to {out.relative_to(bench.ROOT)}")
    return 0 if result.get("pass") else 1


def seed(cfg, db, args):
    """Seed the employees (as bench/run.py does) and give ``args.users`` of
    them a login; return the logins."""
    import seed as seeding

    import odoo
    from odoo.modules.registry import Registry
    from odoo.tools import config

    config.parse_config(["-c", str(cfg), "--log-level", "warn"])
    registry = Registry(db)
    rng = seeding.make_rng()
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        t0 = time.time()
        ref = seeding.seed_reference(env, rng)
        ids = seeding.seed_employees(env, rng, ref, 0, args.employees)
        seeding.seed_objectives(env, rng, ref, ids)
        # the users: employees spread over the company, most with a target job
        # (the paths page then draws its map), as the portal user of run.py
        step = max(1, len(ids) // args.users)
        employee_ids = ids[::step][: args.users]
        users = seeding.create_users(
            env, employee_ids, password=bench.PORTAL_PASSWORD, prefix="bench.load"
        )
        logins = users.mapped("login")
        cr.execute("ANALYZE")
        cr.commit()  # the bench script owns its cursor: the server must see it
        bench.say(f"seeded {len(ids):,} employees in {time.time() - t0:.0f}s")
    return logins


def log_in(url, logins):
    """One session per user (Odoo's login form, with its CSRF token)."""
    import requests

    sessions = []
    for login in logins:
        http = requests.Session()
        page = http.get(url + "/web/login", timeout=60).text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page)[1]
        resp = http.post(
            url + "/web/login",
            data={
                "login": login,
                "password": bench.PORTAL_PASSWORD,
                "csrf_token": token,
            },
            timeout=60,
        )
        resp.raise_for_status()
        check = http.get(url + PAGES[0], timeout=60, allow_redirects=False)
        if check.status_code != 200:
            raise RuntimeError(f"{login}: {PAGES[0]} answered {check.status_code}")
        sessions.append(http.cookies["session_id"])
    return sessions


def load(suite, pkg, std, pg, db, logins, args, locust):
    port = suite.free_port()
    wcfg = suite.write_config(
        pg,
        std,
        f"{db}_http",
        port,
        extra=[
            f"workers = {args.workers}",
            f"gevent_port = {suite.free_port()}",
            "http_interface = 127.0.0.1",
        ],
    )
    cmd = suite.odoo_cmd(
        wcfg,
        "-d",
        db,
        "--db-filter",
        f"^{db}$",
        "--max-cron-threads",
        "0",
        "--log-level",
        "info",
    )
    launcher = suite.odoo_launcher(pkg)
    if launcher:  # the prefork server re-runs it to start its gevent process
        cmd = [sys.executable, str(launcher), *cmd[3:]]
    (suite.STATE / "logs").mkdir(exist_ok=True)
    log_path = suite.STATE / "logs" / f"bench-load-{db}.log"
    url = f"http://127.0.0.1:{port}"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, text=True)
        try:
            wait_ready(url, proc)
            bench.say(f"logging {len(logins)} users in")
            sessions = log_in(url, logins)
            mark = log_path.stat().st_size
            bench.say(
                f"{len(sessions)} users for {args.duration} s on {', '.join(PAGES)}, "
                f"think time {args.think_min}-{args.think_max} s, "
                f"Odoo --workers {args.workers}"
            )
            stats = run_locust(locust, url, sessions, args)
            time.sleep(1)  # the last request lines
        finally:
            proc.terminate()
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    with open(log_path) as log:
        log.seek(mark)
        server_log = log.read()
    return report(stats, server_log, log_path)


def wait_ready(url, proc, timeout=180):
    import requests

    end = time.time() + timeout
    while time.time() < end:
        if proc.poll() is not None:
            raise RuntimeError("the Odoo server stopped (see its log in .suite/logs)")
        try:
            if requests.get(url + "/web/login", timeout=10).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(1)
    raise RuntimeError("the Odoo server did not answer")


def ensure_locust():
    """The locust command of its own virtual environment (created the first
    time, from requirements-load.txt)."""
    suite = bench.load_suite()
    venv = suite.STATE / "locust-venv"
    command = venv / "bin" / "locust"
    if not command.exists():
        bench.say(f"installing locust in {venv.relative_to(bench.ROOT)}")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [
                str(venv / "bin" / "pip"),
                "install",
                "-q",
                "-r",
                str(BENCH / "requirements-load.txt"),
            ],
            check=True,
        )
    return command


def run_locust(locust, url, sessions, args):
    """Run locustfile.py headless; return its rows (one per page and the
    aggregate) as dicts of the CSV it writes."""
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(
            os.environ,
            LOAD_SESSIONS=",".join(sessions),
            LOAD_THINK_MIN=str(args.think_min),
            LOAD_THINK_MAX=str(args.think_max),
        )
        subprocess.run(
            [
                str(locust),
                "-f",
                str(BENCH / "locustfile.py"),
                "--headless",
                f"--users={len(sessions)}",
                f"--spawn-rate={len(sessions)}",
                f"--run-time={args.duration}s",
                f"--host={url}",
                f"--csv={tmp}/load",
                "--only-summary",
                "--loglevel=WARNING",
            ],
            env=env,
            capture_output=True,
            text=True,
            check=False,  # exits 1 when a request failed: reported below
            timeout=args.duration + 120,
        )
        with open(f"{tmp}/load_stats.csv", newline="") as stats:
            return list(csv.DictReader(stats))


def report(stats, server_log, log_path):
    by_page, statuses = {}, {}
    for path, status, queries, sql_s, other_s in REQUEST_RE.findall(server_log):
        statuses[status] = statuses.get(status, 0) + 1
        by_page.setdefault(path, []).append(
            (float(sql_s) + float(other_s), int(queries))
        )
    killed = [x for x in server_log.splitlines() if KILLED_RE.search(x)]
    errors_logged = [x for x in server_log.splitlines() if " ERROR " in x]
    total = next(row for row in stats if row["Name"] == "Aggregated")
    errors = int(total["Failure Count"])
    result = {
        "requests": int(total["Request Count"]),
        "throughput_rps": round(float(total["Requests/s"]), 1),
        "p50_ms": float(total["50%"]),
        "p95_ms": float(total["95%"]),
        "p99_ms": float(total["99%"]),
        "max_ms": float(total["Max Response Time"]),
        "errors": errors,
        "client_per_page": {
            row["Name"]: {
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "p50_ms": float(row["50%"]),
                "p95_ms": float(row["95%"]),
                "p99_ms": float(row["99%"]),
            }
            for row in stats
            if row["Name"] != "Aggregated"
        },
        "statuses": statuses,
        "server_per_page": {
            path: {
                "requests": len(rows),
                "median_ms": round(statistics.median(r[0] for r in rows) * 1000, 1),
                "p95_ms": round(percentile([r[0] for r in rows], 95) * 1000, 1),
                "median_queries": statistics.median(r[1] for r in rows),
            }
            for path, rows in sorted(by_page.items())
        },
        "workers_killed": killed,
        "error_lines": errors_logged[:20],
        "server_log": str(log_path),
    }
    result["pass"] = bool(
        result["p95_ms"] <= P95_TARGET_S * 1000
        and not errors
        and not killed
        and not errors_logged
        and result["requests"]
    )
    bench.say(
        f"{result['requests']:,} requests, {result['throughput_rps']} req/s; "
        f"p50 {result['p50_ms']:.0f} ms, p95 {result['p95_ms']:.0f} ms, "
        f"p99 {result['p99_ms']:.0f} ms; errors {errors}; "
        f"workers killed {len(killed)}; ERROR lines {len(errors_logged)} -> "
        f"{'PASS' if result['pass'] else 'MISS'} "
        f"(p95 <= {P95_TARGET_S * 1000:.0f} ms, no error, no worker killed)"
    )
    for path, row in result["server_per_page"].items():
        bench.say(
            f"  server {path}: {row['requests']} requests, median "
            f"{row['median_ms']} ms, p95 {row['p95_ms']} ms, "
            f"{row['median_queries']:.0f} queries"
        )
    return result


def percentile(values, pct):
    values = sorted(values)
    return values[min(len(values) - 1, round(pct / 100 * (len(values) - 1)))]


if __name__ == "__main__":
    sys.exit(main())
