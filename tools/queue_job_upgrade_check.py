#!/usr/bin/env python3
# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Upgrade of a running installation from an older OCA queue_job.

A company that ran the suite with an older ``odoo-addon-queue-job`` (by
default 18.0.1.5.2, the release the suite pinned until December 2026)
installs the release ``requirements.txt`` pins and upgrades its database with
``-u``. This check plays it on a throwaway database:

1. a virtual environment that sees this Python's packages (Odoo, the suite's
   requirements) gets the older queue_job, which then shadows the installed one;
2. with it: the suite installed with demo data, a review cycle of the demo
   company launched (its jobs left pending: no job runner runs), one more job
   put in the failed state, as a job that failed in production;
3. with this Python (the current queue_job): ``-u`` of queue_job and the
   suite; the queued jobs are all still there in their states, queue_job's job
   functions and channels are not duplicated, the log has no ERROR;
4. an Odoo server with the job runner (as ``./suite run`` starts it) runs the
   pending jobs: the cycle launched before the upgrade gets its appraisals
   after it, and the failed job stays failed.

It downloads the older release from PyPI. Usage::

    python3 tools/queue_job_upgrade_check.py [--from 18.0.1.5.2] [--keep]

Exit status 0 when every check passed; the last line says
``queue_job upgrade: N passed, N failed``.
"""

import argparse
import importlib.machinery
import importlib.util
import json
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_suite():
    """The ``suite`` script as a module: its configuration and database
    helpers, so that this check starts Odoo exactly as the suite does."""
    loader = importlib.machinery.SourceFileLoader("suite_script", str(ROOT / "suite"))
    spec = importlib.util.spec_from_loader("suite_script", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


# Run inside ``odoo shell`` (stdin), prints one JSON line after "RESULT ".
SNAPSHOT = r"""
import json
cr = env.cr
cr.execute("SELECT state, count(*) FROM queue_job GROUP BY state")
states = dict(cr.fetchall())
cr.execute("SELECT count(*), count(DISTINCT name) FROM queue_job_function")
functions, distinct_functions = cr.fetchone()
cr.execute("SELECT count(*), count(DISTINCT complete_name) FROM queue_job_channel")
channels, distinct_channels = cr.fetchone()
cr.execute("SELECT uuid, state FROM queue_job ORDER BY uuid")
jobs = dict(cr.fetchall())
cycle = env["hr.review.cycle"].search([("name", "=", "queue_job upgrade check")])
cr.execute("SELECT latest_version FROM ir_module_module WHERE name = 'queue_job'")
version = cr.fetchone()[0]
print("RESULT " + json.dumps({
    "states": states, "jobs": jobs,
    "functions": functions, "distinct_functions": distinct_functions,
    "channels": channels, "distinct_channels": distinct_channels,
    "cycle_appraisals": len(cycle.appraisal_ids),
    "cycle_population": cycle.employee_total,
    "cycle_failures": cycle.failure_count,
    "queue_job_version": version,
}))
"""

PREPARE = (
    r"""
from odoo import fields
company = env.ref("base.main_company")
cycle = env["hr.review.cycle"].create({
    "name": "queue_job upgrade check",
    "company_id": company.id,
    "date_start": fields.Date.today(),
    "date_end": fields.Date.add(fields.Date.today(), days=30),
})
cycle.action_launch()
# a job that failed before the upgrade (a real method, recorded as failed)
failed = env["res.partner"].browse(company.partner_id.id).with_delay(
    description="failed before the upgrade"
)._compute_display_name()
failed_job = env["queue.job"].search([("uuid", "=", failed.uuid)])
failed_job.write({"state": "failed", "exc_info": "failed before the upgrade"})
# a driver script in odoo shell, as the benches: the upgrade runs in another
# process, which must see what this one prepared
env.cr.commit()
"""
    + SNAPSHOT
)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--from", dest="old", default="18.0.1.5.2")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args()
    suite = load_suite()
    _pkg, std = suite.find_odoo()
    pg, where = suite.pg_settings()
    suite.say(f"PostgreSQL: {where}")

    venv = suite.STATE / f"queue-job-{args.old}"
    old_python = venv / "bin" / "python"
    if not old_python.exists():
        suite.say(f"virtual environment with queue_job {args.old}: {venv}")
        subprocess.run(
            [sys.executable, "-m", "venv", "--system-site-packages", str(venv)],
            check=True,
        )
    subprocess.run(
        [
            str(old_python),
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            "--no-deps",
            f"odoo-addon-queue-job=={args.old}",
        ],
        check=True,
    )

    def queue_job_version(python):
        probe = (
            "import ast, importlib.util, pathlib;"
            "p = pathlib.Path(importlib.util.find_spec('odoo.addons.queue_job')"
            ".submodule_search_locations[0]);"
            "print(ast.literal_eval((p / '__manifest__.py').read_text())['version'])"
        )
        return subprocess.run(
            [str(python), "-c", probe],
            capture_output=True,
            text=True,
            check=True,
            cwd="/",
        ).stdout.strip()

    old_version, new_version = (
        queue_job_version(old_python),
        queue_job_version(sys.executable),
    )
    suite.say(f"queue_job {old_version} -> {new_version}")
    db = f"career_qjup_{uuid.uuid4().hex[:8]}"
    cfg = suite.write_config(pg, std, db, suite.free_port(), job_workers=2)
    logs = suite.STATE / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    results = []

    def check(what, ok, detail=""):
        results.append(ok)
        suite.say(
            ("ok: " if ok else "FAILED: ") + what + (f" ({detail})" if detail else "")
        )

    def odoo(python, *odoo_args, stdin=None, log=None, command=None):
        cmd = [str(python)] + suite.odoo_cmd(cfg, *odoo_args)[1:]
        if command:  # a subcommand comes before the options
            cmd[3:3] = [command]
        proc = subprocess.run(
            cmd, input=stdin, capture_output=True, text=True, check=False
        )
        if log:
            (logs / log).write_text(proc.stdout + proc.stderr)
        return proc

    def snapshot(python, script=SNAPSHOT, log=None):
        proc = odoo(
            python, "-d", db, "--no-http", stdin=script, log=log, command="shell"
        )
        for line in proc.stdout.splitlines():
            if line.startswith("RESULT "):
                return json.loads(line[len("RESULT ") :])
        suite.die(
            f"odoo shell gave no result (see {logs / (log or '')}):\n"
            + proc.stderr[-3000:],
            1,
        )

    def errors(log):
        return [
            line
            for line in (logs / log).read_text().splitlines()
            if " ERROR " in line or " CRITICAL " in line
        ]

    try:
        suite.say(f"database {db}: the suite with queue_job {old_version}, demo data")
        proc = odoo(
            old_python,
            "-d",
            db,
            "-i",
            ",".join(suite.MODULES),
            "--stop-after-init",
            log=f"qjup-install-{db}.log",
        )
        if proc.returncode:
            suite.die(f"install failed (see {logs / f'qjup-install-{db}.log'})", 1)
        before = snapshot(old_python, PREPARE, log=f"qjup-prepare-{db}.log")
        check(
            f"installed with queue_job {old_version}",
            before["queue_job_version"].endswith(old_version),
            before["queue_job_version"],
        )
        check(
            "a cycle launched before the upgrade has pending jobs",
            before["states"].get("pending", 0) > 0,
            before["states"],
        )

        suite.say(f"-u queue_job and the suite with queue_job {new_version}")
        log = f"qjup-upgrade-{db}.log"
        proc = odoo(
            sys.executable,
            "-d",
            db,
            "-u",
            ",".join(["queue_job", *suite.MODULES]),
            "--stop-after-init",
            log=log,
        )
        check(
            "the upgrade ran without error",
            proc.returncode == 0 and not errors(log),
            "; ".join(errors(log))[:500],
        )
        after = snapshot(sys.executable, log=f"qjup-after-{db}.log")
        check(
            f"queue_job is at {new_version}",
            after["queue_job_version"].endswith(new_version),
            after["queue_job_version"],
        )
        check(
            "every job kept in its state",
            after["jobs"] == before["jobs"],
            f"{before['states']} -> {after['states']}",
        )
        check(
            "job functions not duplicated",
            after["functions"] == after["distinct_functions"],
            f"{after['functions']} rows, {after['distinct_functions']} names",
        )
        check(
            "channels not duplicated",
            after["channels"] == after["distinct_channels"],
            f"{after['channels']} rows, {after['distinct_channels']} names",
        )

        suite.say("Odoo with the job runner runs the jobs queued before the upgrade")
        log = logs / f"qjup-run-{db}.log"
        with open(log, "w") as out:
            server = subprocess.Popen(
                suite.odoo_cmd(
                    cfg,
                    "-d",
                    db,
                    "--db-filter",
                    f"^{db}$",
                    "--load=base,web,queue_job",
                    "--workers=0",
                ),
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        try:
            deadline = time.monotonic() + 300
            while time.monotonic() < deadline:
                with suite.psql_conn(pg, db) as conn, conn.cursor() as cr:
                    cr.execute(
                        "SELECT count(*) FROM queue_job WHERE state IN "
                        "('pending', 'enqueued', 'started', 'wait_dependencies')"
                    )
                    if not cr.fetchone()[0]:
                        break
                time.sleep(2)
        finally:
            server.terminate()
            server.wait(timeout=60)
        done = snapshot(sys.executable, log=f"qjup-done-{db}.log")
        check(
            "no job left to run",
            not any(
                done["states"].get(s)
                for s in ("pending", "enqueued", "started", "wait_dependencies")
            ),
            done["states"],
        )
        check(
            "the cycle launched before the upgrade created its appraisals "
            "(people it cannot review are listed as failures, as before the upgrade)",
            done["cycle_appraisals"] > 0
            and done["cycle_appraisals"] + done["cycle_failures"]
            == done["cycle_population"],
            f"{done['cycle_appraisals']} appraisals, {done['cycle_failures']} "
            f"failures, {done['cycle_population']} people",
        )
        check(
            "the job failed before the upgrade is still failed",
            done["states"].get("failed", 0) == before["states"].get("failed", 0) == 1,
            done["states"],
        )
        run_errors = [
            line
            for line in log.read_text().splitlines()
            if " ERROR " in line or " CRITICAL " in line
        ]
        check(
            "the job runner logged no error",
            not run_errors,
            "; ".join(run_errors)[:500],
        )
    finally:
        if args.keep:
            suite.say(f"kept database {db} (config {cfg})")
        else:
            suite.drop_db(pg, db)
            cfg.unlink(missing_ok=True)
    passed = sum(results)
    failed = len(results) - passed
    print(f"queue_job upgrade: {passed} passed, {failed} failed", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
