# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""`./suite run` serves the websocket (issue 29): its multi-process server
logged a ``KeyError: 'socket'`` traceback for each websocket a browser opened
on an HTTP worker, and Discuss never updated live.

A plain pytest (no Odoo fixture): it starts `./suite run` on a throwaway
database (only ``bus`` installed, to be quick) and free ports, opens a
websocket on the public port, subscribes, checks the connection answers, and
that the server logged no ERROR. The server is stopped and the database
dropped whatever happens."""

import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import psycopg2
import pytest
import websocket

from odoo.tools import config

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 150  # seconds: create the database (bus only), start the server
ERROR_LINE = re.compile(r"^\S+ \S+ \d+ (ERROR|CRITICAL) ", re.MULTILINE)


def _free(port):
    """Nothing uses ``port`` on the loopback: neither a server nor the local
    end of a connection (a port a client connection holds refuses bind() but
    not connect(), so this binds)."""
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _free_ports():
    """A public port whose companions (+1 HTTP workers, +3 websocket) are free,
    below the kernel's range of ports for outgoing connections (there, any of
    the many connections of a test run may take one of them meanwhile)."""
    try:
        with open("/proc/sys/net/ipv4/ip_local_port_range") as ports:
            low = int(ports.read().split()[0])
    except (OSError, ValueError, IndexError):
        low = 32768
    rng = random.Random()
    for _attempt in range(200):
        port = rng.randrange(20000, max(low - 4, 20001))
        if all(_free(port + i) for i in (0, 1, 3)):
            return port
    pytest.skip("no free ports")


def _get(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except (urllib.error.URLError, OSError):
        return None


def _drop_database(name):
    conn = psycopg2.connect(
        dbname="postgres",
        host=config["db_host"] or None,
        port=config["db_port"] or None,
        user=config["db_user"] or None,
        password=config["db_password"] or None,
    )
    conn.autocommit = True
    with conn.cursor() as cr:
        cr.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    conn.close()


@pytest.fixture
def suite_run(tmp_path):
    """``(port, log path)`` of a `./suite run` serving a new database."""
    db = f"suite_run_ws_{uuid.uuid4().hex[:8]}"
    port = _free_ports()
    log = tmp_path / "run.log"
    env = dict(os.environ, SUITE_DB=db)
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "suite"),
                "run",
                "--port",
                str(port),
                "--job-workers",
                "1",
                "--modules",
                "bus",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        base = f"http://127.0.0.1:{port}"
        while not (
            _get(f"{base}/web/health") == 200
            and _get(f"{base}/websocket/health") == 200
        ):
            if proc.poll() is not None:
                pytest.fail(f"./suite run exited:\n{log.read_text()[-3000:]}")
            if time.monotonic() > deadline:
                pytest.fail(f"./suite run did not start:\n{log.read_text()[-3000:]}")
            time.sleep(1)
        yield port, log, proc
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        _drop_database(db)
        (ROOT / ".suite" / f"run_{db}.conf").unlink(missing_ok=True)
        shutil.rmtree(ROOT / ".suite" / "data" / "filestore" / db, ignore_errors=True)


def test_suite_run_serves_the_websocket(suite_run):
    from odoo.addons.bus.websocket import WebsocketConnectionHandler

    port, log, proc = suite_run
    version = WebsocketConnectionHandler._VERSION
    ws = websocket.create_connection(
        f"ws://127.0.0.1:{port}/websocket?version={version}",
        origin=f"http://127.0.0.1:{port}",
        timeout=20,
    )
    try:
        ws.send(
            json.dumps({"event_name": "subscribe", "data": {"channels": [], "last": 0}})
        )
        # the websocket process answers: a pong to a ping
        ws.ping(b"suite")
        frame = ws.recv_data_frame(control_frame=True)[1]
        assert frame.opcode == websocket.ABNF.OPCODE_PONG
        assert frame.data == b"suite"
    finally:
        ws.close()
    # the rest still reaches the HTTP workers
    assert _get(f"http://127.0.0.1:{port}/web/login") == 200
    time.sleep(2)  # what the server logs after the connection closed
    assert proc.poll() is None, "the server stopped"
    errors = [m.group(0) for m in ERROR_LINE.finditer(log.read_text())]
    assert not errors, log.read_text()[-5000:]
