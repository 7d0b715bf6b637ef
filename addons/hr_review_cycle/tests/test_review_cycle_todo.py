# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from unittest.mock import patch

from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import TransactionCase
from odoo.tools.safe_eval import safe_eval

from odoo.addons.mail.tests.common import mail_new_test_user

from .test_review_cycle import ReviewCycleData

# at most this many queries for a phase's to-dos, whatever the number of
# appraisals
TODO_QUERIES = 40


class TestReviewCycleTodos(ReviewCycleData, TransactionCase):
    """To-dos at launch and at each phase, for whoever must act; a portal
    employee gets a mail with the link to their career page instead."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.activity_type = cls.env.ref(
            "hr_review_cycle.mail_activity_type_review_phase"
        )
        # Paula, a portal employee of Mona's, is reviewed too
        cls.portal_employee = cls.env["hr.employee"].create(
            {
                "name": "Paula Portal",
                "user_id": cls.user_portal.id,
                "parent_id": cls.manager.id,
            }
        )
        cls.cycle.employee_ids = [(4, cls.portal_employee.id)]

    def _todos(self, cycle=None):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "hr.appraisal"),
                ("res_id", "in", self._cycle_appraisals(cycle).ids),
                ("activity_type_id", "=", self.activity_type.id),
            ]
        )

    def test_launch_gives_internal_employees_a_todo_and_portal_ones_a_mail(self):
        self._launch()
        todos = self._todos()
        # the four internal reports, once each; not Paula (portal)
        self.assertEqual(todos.user_id, self.reports.user_id)
        self.assertEqual(len(todos), 4)
        self.assertEqual(set(todos.mapped("review_cycle_phase")), {"self_review"})
        self.assertEqual(set(todos.mapped("date_deadline")), {self.cycle.date_end})
        mails = self.env["mail.mail"].search(
            [("recipient_ids", "in", self.user_portal.partner_id.ids)]
        )
        self.assertEqual(len(mails), 1)
        self.assertIn("/my/career", mails.body_html)
        self.assertIn("self-review", mails.subject)
        # launched again (Add Missing Appraisals) and reminded by the cron:
        # nothing twice
        self._launch()
        self.env["hr.review.cycle"]._cron_phase_reminders()
        self.cycle._schedule_phase_activities()
        self.assertEqual(self._todos(), todos)
        self.assertEqual(
            len(
                self.env["mail.mail"].search(
                    [("recipient_ids", "in", self.user_portal.partner_id.ids)]
                )
            ),
            1,
        )

    def test_each_phase_replaces_the_todos_of_the_one_before(self):
        self._launch()
        eve = self._cycle_appraisals().filtered(
            lambda a: a.employee_id == self.employee
        )
        # Eve publishes her self-review: her to-do is done
        eve.with_user(self.user_employee).employee_feedback_published = True
        self.assertNotIn(self.user_employee, self._todos().user_id)
        self.assertEqual(len(self._todos()), 3)
        self.cycle.action_next_phase()  # 360° feedback: no appraisal to-do
        self.assertFalse(self._todos())
        self.cycle.action_next_phase()  # manager review: Mona, per report
        todos = self._todos()
        self.assertEqual(todos.user_id, self.user_manager)
        self.assertEqual(len(todos), 5)
        self.assertEqual(set(todos.mapped("review_cycle_phase")), {"manager_review"})
        # run again: nothing twice
        self.cycle._schedule_phase_activities()
        self.assertEqual(self._todos(), todos)
        # Mona signs Eve's review off: that to-do is done
        eve.with_user(self.user_manager).action_done()
        self.assertEqual(len(self._todos()), 4)
        self.cycle.action_next_phase()  # calibration
        self.assertFalse(self._todos())
        self.cycle.action_next_phase()  # sign-off: the four still open
        todos = self._todos()
        self.assertEqual(len(todos), 4)
        self.assertEqual(set(todos.mapped("review_cycle_phase")), {"signoff"})
        self.assertNotIn(eve.id, todos.mapped("res_id"))

    def test_phase_todos_cost_the_same_queries_for_two_and_six_appraisals(self):
        def cycle_of(size, name):
            users = [
                mail_new_test_user(
                    self.env, login=f"todo_{name}_{i}", name=f"{name} {i}"
                )
                for i in range(size)
            ]
            people = self.env["hr.employee"].create(
                [
                    {
                        "name": user.name,
                        "user_id": user.id,
                        "parent_id": self.manager.id,
                    }
                    for user in users
                ]
            )
            cycle = self.Cycle.create(
                {
                    "name": name,
                    "date_start": self.today,
                    "date_end": self.today,
                    "employee_ids": [(6, 0, people.ids)],
                }
            )
            self._launch(cycle)
            self.assertEqual(len(self._todos(cycle)), size)
            # measured below: the to-dos of the self-review, made again
            self._todos(cycle).unlink()
            return cycle

        def measure(cycle, size, budgets=None):
            """The queries of each step; with ``budgets``, asserted equal to
            them (assertQueryCount)."""
            steps = (
                # self-review: one to-do per employee (one user each)
                lambda: cycle._schedule_phase_activities(),
                # 360° feedback: the self-review's to-dos go
                cycle.action_next_phase,
                # manager review: one to-do per appraisal for Mona
                cycle.action_next_phase,
            )
            counts = []
            for index, step in enumerate(steps):
                self.env.flush_all()
                self.env.invalidate_all()
                if budgets is not None:
                    with self.assertQueryCount(budgets[index]):
                        step()
                    continue
                # as assertQueryCount counts: the flush and the pre-commit
                # hooks (the bus notifications) included, no bus clean-up
                self.env.cr.flush()
                with patch("random.random", lambda: 1):
                    before = self.cr.sql_log_count
                    step()
                    self.env.flush_all()
                    self.env.cr.flush()
                counts.append(self.cr.sql_log_count - before)
            self.assertEqual(len(self._todos(cycle)), size)
            self.assertEqual(self._todos(cycle).user_id, self.user_manager)
            return counts

        measure(cycle_of(1, "Warm"), 1)  # caches of rules, groups, templates
        two = measure(cycle_of(2, "Two"), 2)
        self.assertLessEqual(max(two), TODO_QUERIES, two)
        # the same queries for 6 appraisals as for 2: none per appraisal
        measure(cycle_of(6, "Six"), 6, budgets=two)


class TestReleaseAfterSignoff(ReviewCycleData, TransactionCase):
    def _release_button(self, cycle):
        """The Release Results button as the form draws it for ``cycle``:
        its invisible expression evaluated on the cycle's values."""
        arch = self.Cycle.get_view(view_type="form")["arch"]
        button = etree.fromstring(arch).xpath("//button[@name='action_release']")[0]
        expression = button.get("invisible")
        values = {
            "released": cycle.released,
            "phase": cycle.phase,
            "state": cycle.state,
        }
        return not safe_eval(expression, values)

    def test_release_only_once_the_cycle_reached_signoff(self):
        self._launch()
        self.assertFalse(self._release_button(self.cycle))
        with self.assertRaisesRegex(UserError, "has not reached its sign-off"):
            self.cycle.action_release()
        self.assertFalse(self.cycle.released)
        for _phase in range(3):
            self.cycle.action_next_phase()
        self.assertEqual(self.cycle.phase, "calibration")
        self.assertFalse(self._release_button(self.cycle))
        with self.assertRaisesRegex(UserError, "has not reached its sign-off"):
            self.cycle.action_release()
        self.cycle.action_next_phase()
        self.assertEqual(self.cycle.phase, "signoff")
        self.assertTrue(self._release_button(self.cycle))
        self.cycle.action_release()
        self.assertTrue(self.cycle.released)
        self.assertFalse(self._release_button(self.cycle))

    def test_a_closed_cycle_releases_from_any_phase(self):
        self._launch()
        self.cycle.state = "done"
        self.assertTrue(self._release_button(self.cycle))
        self.cycle.action_release()
        self.assertTrue(self.cycle.released)
