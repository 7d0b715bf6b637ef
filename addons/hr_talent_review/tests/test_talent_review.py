# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from contextlib import nullcontext

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .talent_common import TalentReviewCase

# query budgets, whatever the number of people (measured: 19 to 22, and 7)
POPULATE_QUERIES = 30
BOARD_QUERIES = 10


@tagged("post_install", "-at_install")
class TestTalentReview(TalentReviewCase):
    def _boxes(self, review):
        return {line.employee_id: line.box for line in review.line_ids}

    # ------------------------------------------------------------ populate
    def test_populate_places_everyone_from_their_latest_rated_appraisal(self):
        self.review.action_populate()
        self.assertEqual(
            self._boxes(self.review),
            {
                self.employee: 5,
                self.colleague: 9,
                self.reviewer: 1,
                self.other_report: 8,
            },
            "box = 3 * potential + performance + 1, Eve from her latest appraisal; "
            "Rob has no rated appraisal",
        )
        eve = self._line(self.review, self.employee)
        self.assertEqual(eve.appraisal_id, self.appraisal)
        self.assertEqual((eve.performance, eve.potential), ("medium", "medium"))
        self.assertIn("left out", self.review.message_ids[0].body)
        # filling again adds nobody twice
        self.review.action_populate()
        self.assertEqual(len(self.review.line_ids), 4)

    def test_population_of_a_cycle_or_departments(self):
        department = self.env["hr.department"].create({"name": "Platform (test)"})
        (self.employee | self.colleague).department_id = department
        by_department = self.env["hr.talent.review"].create(
            {"name": "Platform", "department_ids": [Command.set(department.ids)]}
        )
        by_department.action_populate()
        self.assertEqual(
            by_department.line_ids.employee_id, self.employee | self.colleague
        )
        cycle = self.env["hr.review.cycle"].create(
            {"name": "Cycle", "date_start": self.today, "date_end": self.today}
        )
        self.appraisal.review_cycle_id = cycle
        by_cycle = self.env["hr.talent.review"].create(
            {"name": "Cycle session", "cycle_id": cycle.id}
        )
        by_cycle.action_populate()
        self.assertEqual(by_cycle.line_ids.employee_id, self.employee)

    def test_a_line_outside_the_population_is_refused(self):
        department = self.env["hr.department"].create({"name": "Platform (test)"})
        self.employee.department_id = department
        review = self.env["hr.talent.review"].create(
            {"name": "Platform", "department_ids": [Command.set(department.ids)]}
        )
        Line = self.env["hr.talent.review.line"]
        with (
            self.assertRaisesRegex(ValidationError, "Not in the population"),
            self.env.cr.savepoint(),
        ):
            Line.create(
                {
                    "review_id": review.id,
                    "employee_id": self.other_report.id,
                    "performance": "high",
                    "potential": "high",
                }
            )
        self.env.invalidate_all()
        self.assertFalse(review.line_ids)
        review.action_populate()
        with (
            self.assertRaisesRegex(ValidationError, "already on the board"),
            self.env.cr.savepoint(),
        ):
            Line.create(
                {
                    "review_id": review.id,
                    "employee_id": self.employee.id,
                    "performance": "high",
                    "potential": "high",
                }
            )
        self.env.invalidate_all()
        self.assertEqual(len(review.line_ids), 1)

    def test_populate_query_count_does_not_grow_with_the_population(self):
        def measure(size, warm_up=False):
            department = self.env["hr.department"].create({"name": f"D{size}"})
            employees = self.env["hr.employee"].create(
                [
                    {"name": f"E{size}-{i}", "department_id": department.id}
                    for i in range(size)
                ]
            )
            self.env["hr.appraisal"].create(
                [
                    {
                        "employee_id": employee.id,
                        "date_close": self.today,
                        "rating_id": self.rating_meets.id,
                        "potential": "high",
                    }
                    for employee in employees
                ]
            )
            review = self.env["hr.talent.review"].create(
                {"name": f"S{size}", "department_ids": [Command.set(department.ids)]}
            )
            self.env.flush_all()
            self.env.invalidate_all()
            budget = (
                nullcontext() if warm_up else self.assertQueryCount(POPULATE_QUERIES)
            )
            with budget:
                review.action_populate()
            self.assertEqual(len(review.line_ids), size)

        measure(2, warm_up=True)  # caches of the rules, groups and settings
        # the same budget for 3 and for 30 people: no query per person
        measure(3)
        measure(30)

    # ------------------------------------------------------------ moves
    def test_move_requires_a_reason_and_keeps_the_previous_box(self):
        self._calibrating()
        eve = self._line(self.review, self.employee)
        for reason in (None, "", "   "):
            with self.assertRaisesRegex(ValidationError, "reason is required"):
                eve.move_to(potential="high", reason=reason)
        self.assertEqual((eve.box, eve.moved, eve.previous_box), (5, False, 0))
        with self.assertRaisesRegex(ValidationError, "reason is required"):
            eve.write({"potential": "high"})
        self.assertEqual(eve.box, 5)

        eve.move_to(potential="high", reason="Leads the platform migration")
        self.assertEqual((eve.box, eve.previous_box, eve.moved), (8, 5, True))
        self.assertEqual(eve.reason, "Leads the platform migration")
        # the reason in the line's chatter (HR and Eve's managers read it),
        # only a count in the session's (every invited manager reads it)
        note = eve.message_ids[0]
        self.assertIn("Leads the platform migration", note.body)
        self.assertIn("Eve Employee", note.body)
        self.assertNotIn(
            "Leads the platform migration", self.review.message_ids[0].body
        )
        self.assertEqual(self.review.moved_count, 1)

    def test_move_outside_calibration_is_refused(self):
        self.review.action_populate()
        eve = self._line(self.review, self.employee)
        with self.assertRaisesRegex(UserError, "not calibrating"):
            eve.move_to(potential="high", reason="Too early")
        self.assertEqual(eve.box, 5)
        with self.assertRaisesRegex(ValidationError, "not a level"):
            eve.move_to(potential="huge", reason="Typo")

    # ------------------------------------------------------------ close
    def test_close_locks_writes_back_and_fills_the_high_potential_pool(self):
        pool = self.env.ref("hr_talent_review.hr_talent_pool_high_potential")
        self._calibrating()
        self.review.action_close()
        self.assertEqual(self.review.state, "done")
        placements = self.env["hr.talent.placement"].search(
            [("review_id", "=", self.review.id)]
        )
        self.assertEqual(len(placements), 4)
        self.assertTrue(all(placements.mapped("is_current")))
        self.assertEqual(self.employee.talent_placement_id.box, 5)
        self.assertEqual(self.employee.talent_box_name, "5")
        self.assertIn(self.colleague, pool.employee_ids)
        self.assertIn(self.other_report, pool.employee_ids)
        self.assertNotIn(self.employee, pool.employee_ids)

        # done: nothing changes any more
        eve = self._line(self.review, self.employee)
        for attempt in (
            lambda: self.review.write({"name": "Renamed"}),
            lambda: eve.move_to(potential="high", reason="After the fact"),
            lambda: eve.write({"reason": "edited"}),
            lambda: eve.unlink(),
            lambda: self.review.action_populate(),
            lambda: self.review.action_close(),
        ):
            with self.assertRaises(UserError):
                attempt()
        self.assertEqual(self.review.name, "Calibration (test)")
        self.assertEqual((eve.box, eve.reason), (5, False))
        # the chatter stays open
        self.review.message_post(body="Thanks all")

        # the next session: Eve's placement moves, the old one is history
        second = self.env["hr.talent.review"].create(
            {"name": "Second", "department_ids": [Command.set(self.department.ids)]}
        )
        self.employee.company_id.talent_high_potential_boxes = "6, 8,9"
        self._calibrating(second)
        self.assertEqual(self._line(second, self.employee).last_box, 5)
        self._line(second, self.employee).move_to(
            performance="high", reason="Delivered the migration"
        )
        second.action_close()
        self.assertEqual(self.employee.talent_placement_id.box, 6)
        self.assertEqual(
            len(
                self.env["hr.talent.placement"].search(
                    [("employee_id", "=", self.employee.id), ("is_current", "=", True)]
                )
            ),
            1,
        )
        self.assertIn(
            self.employee, pool.employee_ids, "box 6 is high potential in Settings now"
        )
        movement = self.env["hr.talent.movement"].search(
            [("employee_id", "=", self.employee.id), ("review_id", "=", second.id)]
        )
        self.assertEqual(
            (movement.previous_box_name, movement.box_name, movement.direction),
            ("5", "6", "up"),
        )

    def test_settings_are_checked(self):
        company = self.env.company
        with (
            self.assertRaisesRegex(ValidationError, "add up to 100"),
            self.env.cr.savepoint(),
        ):
            company.write({"talent_target_low": 50})
        self.env.invalidate_all()
        with (
            self.assertRaisesRegex(ValidationError, "numbers from 1 to 9"),
            self.env.cr.savepoint(),
        ):
            company.write({"talent_high_potential_boxes": "8,10"})
        self.env.invalidate_all()
        self.assertEqual(company._talent_high_potential_boxes(), {8, 9})

    # ------------------------------------------------------------ the board
    def test_board_data_counts_shares_and_targets(self):
        self._calibrating()
        self.employee.company_id.write(
            {
                "talent_target_low": 10,
                "talent_target_medium": 70,
                "talent_target_high": 20,
            }
        )
        data = self.review.get_board_data()
        boxes = {box["box"]: box for box in data["boxes"]}
        self.assertEqual(
            [box["box"] for box in data["boxes"]], [7, 8, 9, 4, 5, 6, 1, 2, 3]
        )
        self.assertEqual(boxes[5]["count"], 1)
        self.assertEqual(boxes[5]["share"], 25.0)
        self.assertEqual(boxes[5]["target"], 49.0, "70% medium x 70% medium")
        self.assertEqual(boxes[9]["target"], 4.0)
        self.assertFalse(data["review"]["readonly"])
        cards = {card["name"]: card for card in data["cards"]}
        self.assertEqual(cards["Eve Employee"]["box"], 5)
        self.assertEqual(cards["Eve Employee"]["job"], self.job.name)
        self.assertIsNone(cards["Eve Employee"]["readiness"], "no target job")
        lead = self.env["hr.job"].create({"name": "Team Lead (test)"})
        self.env["hr.career.goal"].create(
            {
                "employee_id": self.employee.id,
                "name": "Lead the team",
                "horizon": "long",
                "target_job_id": lead.id,
            }
        )
        cards = {card["name"]: card for card in self.review.get_board_data()["cards"]}
        self.assertEqual(cards["Eve Employee"]["target_job"], "Team Lead (test)")
        self.assertEqual(
            cards["Eve Employee"]["readiness"], 100, "the lead job requires nothing"
        )
        self.assertIsNone(cards["Mallory Colleague"]["readiness"])
        self.review.action_close()
        self.assertTrue(self.review.get_board_data()["review"]["readonly"])

    def test_board_query_count_does_not_grow_with_the_board(self):
        def measure(size, warm_up=False):
            department = self.env["hr.department"].create({"name": f"B{size}"})
            employees = self.env["hr.employee"].create(
                [
                    {
                        "name": f"B{size}-{i}",
                        "department_id": department.id,
                        "job_id": self.job.id,
                    }
                    for i in range(size)
                ]
            )
            self.env["hr.appraisal"].create(
                [
                    {
                        "employee_id": employee.id,
                        "date_close": self.today,
                        "rating_id": self.rating_exceeds.id,
                        "potential": "medium",
                    }
                    for employee in employees
                ]
            )
            review = self.env["hr.talent.review"].create(
                {"name": f"B{size}", "department_ids": [Command.set(department.ids)]}
            )
            self._calibrating(review)
            self.env.flush_all()
            self.env.invalidate_all()
            budget = nullcontext() if warm_up else self.assertQueryCount(BOARD_QUERIES)
            with budget:
                data = review.with_user(self.user_hr_officer).get_board_data()
            self.assertEqual(len(data["cards"]), size)

        measure(2, warm_up=True)  # caches of the rules, groups and settings
        # the same budget for 3 and for 40 cards: no query per card
        measure(3)
        measure(40)

    # ------------------------------------------------------------ succession
    def test_succession_candidates_show_the_placement(self):
        self._calibrating()
        self.review.action_close()
        lead = self.env["hr.job"].create({"name": "Team Lead (test)"})
        action = lead.action_open_succession_candidates()
        candidates = self.env["hr.succession.candidate"].search(action["domain"])
        by_employee = {c.employee_id: c for c in candidates}
        self.assertEqual(by_employee[self.colleague].talent_box_name, "9")
        self.assertEqual(by_employee[self.employee].talent_box_name, "5")
        self.assertFalse(by_employee[self.reviewer2].talent_box_name)
