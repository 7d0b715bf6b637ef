# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Two acceptances at once for the last place of a mentor: real concurrent
transactions (two database connections, committed data), as two web
requests would run them."""

import threading

from psycopg2 import errors

from odoo import SUPERUSER_ID, api
from odoo.exceptions import ValidationError
from odoo.sql_db import db_connect
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestCapacityRace(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = api.Registry(get_db_name())
        cls.connection = db_connect(get_db_name())

    def _env(self, cr):
        return api.Environment(cr, SUPERUSER_ID, {"mail_notrack": True})

    def setUp(self):
        super().setUp()
        with self.connection.cursor() as cr:
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
        with self.connection.cursor() as cr:
            env = self._env(cr)
            env["hr.career.mentorship"].browse(request_ids).unlink()
            env["hr.career.mentor"].browse(mentor_id).unlink()
            env["hr.employee"].browse(employee_ids).unlink()
            # the data committed by setUp, removed for the next tests
            cr.commit()  # pylint: disable=invalid-commit

    def _accept(self, cr, request_id):
        self._env(cr)["hr.career.mentorship"].browse(request_id).action_accept()

    def test_two_acceptances_at_once_take_one_place(self):
        _employees, mentor_id, (first, second) = self.ids
        outcome = {}
        with self.connection.cursor() as cr_a:
            # both transactions have started (and seen the mentor free)
            self._env(cr_a)["hr.career.mentor"].browse(mentor_id).places_left  # noqa: B018
            cr_b = self.connection.cursor()
            self._env(cr_b)["hr.career.mentor"].browse(mentor_id).places_left  # noqa: B018
            self._accept(cr_a, first)  # holds the profile's lock

            def accept_second():
                try:
                    self._accept(cr_b, second)
                    cr_b.commit()
                    outcome["second"] = "accepted"
                except (errors.SerializationFailure, ValidationError) as error:
                    cr_b.rollback()
                    outcome["second"] = error
                finally:
                    cr_b.close()

            thread = threading.Thread(target=accept_second)
            with mute_logger("odoo.sql_db"):
                thread.start()
                thread.join(1.0)
                self.assertTrue(thread.is_alive(), "the second waits for the lock")
                cr_a.commit()
                thread.join(30)
        self.assertNotEqual(outcome.get("second"), "accepted")
        # the request retried (as Odoo retries a request after a
        # serialization failure) is refused in words
        with self.connection.cursor() as cr:
            with self.assertRaisesRegex(ValidationError, "no place left"):
                self._accept(cr, second)
            cr.rollback()
            states = self._env(cr)["hr.career.mentorship"].browse([first, second])
            self.assertEqual(states.mapped("state"), ["active", "requested"])
            self.assertEqual(
                self._env(cr)["hr.career.mentor"].browse(mentor_id).active_count, 1
            )
