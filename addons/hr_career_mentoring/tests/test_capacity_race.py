# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Two acceptances at once for the last place of a mentor: two real
concurrent transactions (two cursors of the registry, on committed data).
The first runs in a thread; the second, in the test's thread, runs as Odoo
runs a web request (``odoo.service.model.retrying``: retried after a
serialization failure, then committed).

Both transactions first read the profile (one place left), then the first
accepts and keeps its transaction open while the second accepts. A third
connection (a watching thread) reads in ``pg_stat_activity`` the statement
the second one waits on; then the first commits.

What keeps the capacity (second test): Odoo's transactions are REPEATABLE
READ and every acceptance updates the profile's row (its stored
``active_count`` and ``places_left``). Two acceptances of one mentor
therefore update the same row; PostgreSQL makes the later one wait and then
refuses it ("could not serialize access due to concurrent update"), and its
retry counts the place taken. No database constraint is involved (a CHECK
cannot compare a count of mentorships with the capacity), and the Python
checks (``action_accept``'s, ``_check_capacity``) see only their own
snapshot: without that row update, both would win. The explicit lock
(``hr.career.mentor._lock``) makes the second acceptance wait before it
writes or checks anything, on the profile row, and would keep the guarantee
should the counts stop being written on that row; with it removed, the
second one still loses, but only when it writes the counts."""

import threading
import time
from unittest.mock import patch

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.service.model import retrying
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import mute_logger

WAIT = 30  # seconds: an upper bound on a loaded machine, never waited in full


@tagged("post_install", "-at_install")
class TestCapacityRace(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = api.Registry(get_db_name())

    def _env(self, cr):
        return api.Environment(cr, SUPERUSER_ID, {"mail_notrack": True})

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = self._env(cr)
            employees = env["hr.employee"].create(
                [{"name": f"Race {name}"} for name in ("Mentor", "Ann", "Bob")]
            )
            mentor = env["hr.career.mentor"].create(
                {"employee_id": employees[0].id, "capacity": 1, "state": "open"}
            )
            requests = env["hr.career.mentorship"].create(
                [
                    {"mentor_id": mentor.id, "mentee_id": mentee.id}
                    for mentee in employees[1:]
                ]
            )
            self.ids = employees.ids, mentor.id, requests.ids
            # committed: the two concurrent transactions below must see them
            cr.commit()  # pylint: disable=invalid-commit
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        employee_ids, mentor_id, request_ids = self.ids
        with self.registry.cursor() as cr:
            env = self._env(cr)
            env["hr.career.mentorship"].browse(request_ids).unlink()
            env["hr.career.mentor"].browse(mentor_id).unlink()
            env["hr.employee"].browse(employee_ids).unlink()
            # the data committed by setUp, removed for the next tests
            cr.commit()  # pylint: disable=invalid-commit

    def _race(self):
        """Run the two acceptances as the module's docstring says. Returns
        ``(outcomes, tries, waited_on)``: per request "accepted" (with the
        places left it read first) or the exception it ended with, the tries
        of each, and the statement the second waited on while the first held
        its transaction open.

        The second request runs in the test's own thread: during the tests
        the runner holds the registries' lock, which ``retrying`` asks for
        after a serialization failure (``env.reset()``), and which a new
        cursor's Environment asks for too (so the cursors and environments
        are all made here)."""
        _employees, mentor_id, (first, second) = self.ids
        outcomes, tries, seen = {}, {first: 0, second: 0}, {}
        both_read = threading.Barrier(2, timeout=WAIT)
        first_accepted, release = threading.Event(), threading.Event()
        env_a, env_b = (self._env(self.registry.cursor()) for _i in range(2))
        watcher = self.registry.cursor()
        pid_b = env_b.cr._cnx.get_backend_pid()

        def first_request():
            """Accepts, then keeps its transaction open until released."""
            try:
                mentor = env_a["hr.career.mentor"].browse(mentor_id)
                places = mentor.places_left
                both_read.wait()
                tries[first] += 1
                env_a["hr.career.mentorship"].browse(first).action_accept()
                first_accepted.set()
                release.wait(WAIT)
                env_a.cr.commit()
                outcomes[first] = ("accepted", places)
            except Exception as error:  # the test reads what the request ended with
                outcomes[first] = (error, None)
            finally:
                first_accepted.set()
                env_a.cr.close()

        def watch():
            """The statement the second request waits on (a third
            connection), then the first may commit."""
            try:
                first_accepted.wait(WAIT)
                for _i in range(WAIT * 10):
                    watcher.execute(
                        "SELECT query FROM pg_stat_activity"
                        " WHERE pid = %s AND wait_event_type = 'Lock'",
                        [pid_b],
                    )
                    row = watcher.fetchone()
                    watcher.rollback()  # the statistics are read once per transaction
                    if row:
                        seen["waited_on"] = row[0]
                        break
                    time.sleep(0.1)
            finally:
                release.set()
                watcher.close()

        def accept_second():
            tries[second] += 1
            env_b["hr.career.mentorship"].browse(second).action_accept()

        threads = [threading.Thread(target=f) for f in (first_request, watch)]
        with mute_logger("odoo.sql_db", "odoo.service.model"):
            for thread in threads:
                thread.start()
            try:
                places = env_b["hr.career.mentor"].browse(mentor_id).places_left
                both_read.wait()
                first_accepted.wait(WAIT)
                # as Odoo runs a request: retried after a serialization
                # failure, then committed
                retrying(accept_second, env_b)
                outcomes[second] = ("accepted", places)
            except Exception as error:  # the test reads what the request ended with
                outcomes[second] = (error, None)
            finally:
                release.set()
                env_b.cr.close()
                for thread in threads:
                    thread.join(WAIT * 2)
        self.assertFalse(any(thread.is_alive() for thread in threads))
        return outcomes, tries, seen.get("waited_on")

    def _assert_one_place_taken(self, outcomes, tries):
        _employees, mentor_id, (first, second) = self.ids
        # both saw the place free before accepting
        self.assertEqual(outcomes[first], ("accepted", 1))
        error = outcomes[second][0]
        # the second request, refused by PostgreSQL once, is retried as
        # Odoo retries a request and refused in words
        self.assertIsInstance(error, UserError)
        self.assertIn("Race Mentor has no place left", str(error))
        self.assertIn("1 active mentorships for a capacity of 1", str(error))
        self.assertEqual(tries, {first: 1, second: 2})
        with self.registry.cursor() as cr:
            env = self._env(cr)
            mentorships = env["hr.career.mentorship"].browse([first, second])
            self.assertEqual(mentorships.mapped("state"), ["active", "requested"])
            mentor = env["hr.career.mentor"].browse(mentor_id)
            self.assertEqual((mentor.active_count, mentor.places_left), (1, 0))

    def test_two_acceptances_at_once_take_one_place(self):
        outcomes, tries, waited_on = self._race()
        # the second waits on the explicit lock, before any write or check
        self.assertIn("FOR UPDATE", waited_on or "")
        self.assertIn("hr_career_mentor", waited_on)
        self._assert_one_place_taken(outcomes, tries)

    def test_without_the_lock_the_counts_row_serializes(self):
        """The lock removed (this suite's helper only, for this test): the
        second acceptance checks the capacity in its own snapshot (one place
        left), writes its mentorship, and waits only when it writes the
        profile's counts; PostgreSQL refuses it when the first commits. This
        is why the capacity holds, and would not if the counts were not
        written on the profile's row."""
        Mentor = self.registry["hr.career.mentor"]
        with patch.object(Mentor, "_lock", lambda self: None):
            outcomes, tries, waited_on = self._race()
        self.assertNotIn("FOR UPDATE", waited_on or "")
        # the ORM's flush of the profile's stored counts
        self.assertRegex(
            waited_on or "",
            r'UPDATE "hr_career_mentor"\s+SET "active_count" = .*"places_left" =',
        )
        self._assert_one_place_taken(outcomes, tries)
