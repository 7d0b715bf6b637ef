"""Employees reading their career pages (bench/load.py runs this with locust).

Each simulated employee is already logged in (bench/load.py logs the users in
and passes their session ids in LOAD_SESSIONS), then alternates /my/career and
/my/career/paths with a think time between LOAD_THINK_MIN and LOAD_THINK_MAX
seconds. Each request closes its connection, as the reverse proxy in front of
a production Odoo does: a kept-alive connection left idle while the person
reads would hold one of Odoo's few HTTP workers."""

import itertools
import os

from locust import HttpUser, between, task

SESSIONS = os.environ["LOAD_SESSIONS"].split(",")
_NEXT = itertools.count()


class Employee(HttpUser):
    wait_time = between(
        float(os.environ.get("LOAD_THINK_MIN", "1")),
        float(os.environ.get("LOAD_THINK_MAX", "3")),
    )

    def on_start(self):
        session = SESSIONS[next(_NEXT) % len(SESSIONS)]
        self.client.cookies.set("session_id", session)
        self.page = 0

    @task
    def read_a_page(self):
        path = ("/my/career", "/my/career/paths")[self.page % 2]
        self.page += 1
        with self.client.get(
            path,
            headers={"Connection": "close"},
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"{path} answered {response.status_code}")
