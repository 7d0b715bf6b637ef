# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Uninstall the suite's addons one by one from a database with demo data,
check that nothing of theirs is left and that Odoo's own pages still load,
then install them again. Run by ``./suite test`` on a copy of its database
(Odoo's test runner forbids installing and uninstalling modules), against an
Odoo server it started on that copy:

    python3 tools/uninstall_check.py CONFIG DATABASE URL ADDON...

ADDONS in uninstallation order (the ones depending on others first). Prints
one line per check; exits 1 when any fails.
"""

import logging
import sys

import requests

import odoo
from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry

# records an addon owns through its external ids, and which must go with it
OWNED = [
    "base.automation",
    "ir.actions.server",
    "ir.actions.act_window",
    "ir.actions.report",
    "ir.ui.view",
    "ir.ui.menu",
    "ir.rule",
    "ir.model.access",
    "ir.cron",
    "ir.model",
    "ir.model.fields",
]
# Odoo's own pages, which must load whatever was uninstalled
PAGES = ["/web/login", "/odoo", "/my", "/my/account"]
# backend views of Odoo's models our addons extend
VIEWS = {
    "hr.employee": ["form", "list", "kanban"],
    "hr.job": ["form", "list"],
    "res.users": ["form"],
    "res.config.settings": ["form"],
    "gamification.badge.user": ["form"],
    "base.automation": ["form"],
    "ir.actions.server": ["form"],
}


class Problems(logging.Handler):
    """Every ERROR (and worse) logged, and every WARNING naming our addons."""

    def __init__(self, addons):
        super().__init__(logging.WARNING)
        self.addons = addons
        self.lines = []

    def emit(self, record):
        msg = self.format(record)
        if record.levelno >= logging.ERROR or any(a in msg for a in self.addons):
            self.lines.append(msg)


class Check:
    def __init__(self, config, db, url, addons):
        self.db = db
        self.url = url.rstrip("/")
        self.addons = addons
        self.failures = []
        odoo.tools.config.parse_config(["-c", config, "--max-cron-threads=0"])
        odoo.netsvc.init_logger()
        logging.getLogger().setLevel(logging.WARNING)
        self.problems = Problems(addons)
        logging.getLogger().addHandler(self.problems)

    def say(self, ok, what):
        print(f"uninstall: {'ok    ' if ok else 'FAILED'} {what}", flush=True)
        if not ok:
            self.failures.append(what)

    def logged(self, since, what):
        new = self.problems.lines[since:]
        self.say(not new, what + "".join(f"\n  {line}" for line in new))

    def env(self, cr):
        return api.Environment(cr, SUPERUSER_ID, {})

    def owned(self, env, addon):
        """{model: ids} of the records ``addon`` owns: an external id of
        ``addon`` and none of another module (a model or field that other
        addons also define or extend stays, as it should)."""
        Data = env["ir.model.data"]
        mine = Data.search_fetch(
            [("module", "=", addon), ("model", "in", OWNED)], ["model", "res_id"]
        )
        shared = {
            (d.model, d.res_id)
            for d in Data.search_fetch(
                [
                    ("module", "!=", addon),
                    ("model", "in", OWNED),
                    ("res_id", "in", mine.mapped("res_id")),
                ],
                ["model", "res_id"],
            )
        }
        owned = {}
        for data in mine:
            if (data.model, data.res_id) not in shared:
                owned.setdefault(data.model, []).append(data.res_id)
        return owned

    def uninstall(self, addon):
        with Registry(self.db).cursor() as cr:
            env = self.env(cr)
            module = env["ir.module.module"].search([("name", "=", addon)])
            if module.state != "installed":
                self.say(False, f"{addon} is not installed ({module.state})")
                return
            owned = self.owned(env, addon)
            models = env["ir.model"].browse(owned.get("ir.model", []))
            tables = [
                env[m]._table
                for m in models.mapped("model")
                if m in env and not env[m]._abstract and env[m]._auto
            ]
            before = len(self.problems.lines)
            try:
                module.button_immediate_uninstall()
            except Exception as exc:  # reported as the check's result
                self.say(False, f"uninstalling {addon}: {exc!r}")
                return
        with Registry(self.db).cursor() as cr:
            env = self.env(cr)
            state = env["ir.module.module"].search([("name", "=", addon)]).state
            self.say(state == "uninstalled", f"{addon} uninstalled ({state})")
            left = env["ir.model.data"].search([("module", "=", addon)])
            self.say(
                not left,
                f"{addon}: {len(left)} external id(s) left"
                + "".join(f"\n  {x.model} {x.complete_name}" for x in left[:20]),
            )
            for model, ids in owned.items():
                alive = env[model].with_context(active_test=False).browse(ids).exists()
                self.say(not alive, f"{addon}: {len(alive)} {model} left of {len(ids)}")
            for table in tables:
                cr.execute("SELECT to_regclass(%s)", [table])
                self.say(not cr.fetchone()[0], f"{addon}: table {table} dropped")
            self.views(env)
        self.logged(before, f"{addon}: no error logged")
        self.pages()

    def views(self, env):
        for model, types in VIEWS.items():
            if model not in env:
                continue
            try:
                env[model].get_views([(False, t) for t in types])
            except Exception as exc:  # reported as the check's result
                self.say(False, f"views of {model}: {exc!r}")

    def pages(self, extra=()):
        session = requests.Session()
        try:
            login = session.get(f"{self.url}/web/login", timeout=120)
            token = login.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
            session.post(
                f"{self.url}/web/login",
                data={"login": "admin", "password": "admin", "csrf_token": token},
                timeout=120,
            )
            codes = {
                page: session.get(f"{self.url}{page}", timeout=120).status_code
                for page in PAGES + list(extra)
            }
        except (requests.RequestException, IndexError) as exc:
            self.say(False, f"pages: {exc!r}")
            return
        self.say(
            all(code == 200 for code in codes.values()),
            "pages " + ", ".join(f"{p} {c}" for p, c in codes.items()),
        )

    def reinstall(self):
        before = len(self.problems.lines)
        with Registry(self.db).cursor() as cr:
            modules = self.env(cr)["ir.module.module"].search(
                [("name", "in", self.addons)]
            )
            try:
                modules.button_immediate_install()
            except Exception as exc:  # reported as the check's result
                self.say(False, f"installing again: {exc!r}")
                return
        with Registry(self.db).cursor() as cr:
            states = dict(
                self.env(cr)["ir.module.module"]
                .search([("name", "in", self.addons)])
                .mapped(lambda m: (m.name, m.state))
            )
            installed = [a for a in self.addons if states.get(a) == "installed"]
            self.say(installed == self.addons, f"installed again: {states}")
            self.views(self.env(cr))
        self.logged(before, "installed again: no error logged")
        self.pages(extra=["/my/career"])


def main(config, db, url, *addons):
    check = Check(config, db, url, list(addons))
    check.pages()
    for addon in addons:
        check.uninstall(addon)
    check.reinstall()
    print(f"uninstall: {len(check.failures)} failed", flush=True)
    return 1 if check.failures else 0


if __name__ == "__main__":
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
