# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from contextlib import nullcontext

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools.sql import column_exists

from .talent_common import TalentReviewCase

# query budgets, whatever the number of people (measured: 19 to 22, and 8
# to 9: the managers not on the board, if any, cost one query)
POPULATE_QUERIES = 30
BOARD_QUERIES = 9


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

    def test_performance_move_updates_the_appraisal_rating_with_the_reason(self):
        self._calibrating()
        line = self._line(self.review, self.employee)
        self.assertEqual(line.appraisal_id, self.appraisal)
        self.assertEqual(self.appraisal.rating_id, self.rating_meets)
        # a move of potential only leaves the rating as it is
        line.with_user(self.user_manager).move_to(
            potential="high", reason="Leads the platform migration"
        )
        self.assertEqual(self.appraisal.rating_id, self.rating_meets)
        # Mona, invited, moves Eve up in performance: the rating follows
        line.with_user(self.user_manager).move_to(
            performance="high", reason="Delivered two quarters early"
        )
        self.assertEqual(self.appraisal.rating_id.talent_performance, "high")
        self.assertIn(
            "Delivered two quarters early", self.appraisal.rating_justification
        )
        # the reason is logged on the line, not on the appraisal's chatter,
        # which the appraised employee reads before the release
        self.assertIn("Delivered two quarters early", line.message_ids[0].body)
        self.assertFalse(
            self.appraisal.message_ids.filtered(
                lambda m: "Delivered two quarters early" in (m.body or "")
            )
        )
        # the new box is the one the rating gives on the next population
        self.assertEqual(line.box, 9)

    def test_invited_calibrators_follow_and_are_notified(self):
        self.assertIn(self.user_manager.partner_id, self.review.message_partner_ids)
        self.review.manager_ids = [Command.link(self.user_other_manager.id)]
        partner = self.user_other_manager.partner_id
        self.assertIn(partner, self.review.message_partner_ids)
        self.assertIn(partner, self.review.message_ids[0].partner_ids)
        self.assertIn("invited to calibrate", self.review.message_ids[0].body)
        self.assertTrue(
            self.user_other_manager.has_group("hr_appraisal_oca.group_appraisal_user")
        )

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
        self.employee.company_id.talent_high_potential_box_ids = self.env[
            "hr.talent.box"
        ].search([("number", "in", [6, 8, 9])])
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
            self.assertRaisesRegex(
                ValidationError,
                r"must add up to 100%: 50% \+ 70% \+ 20% makes 140%",
            ),
            self.env.cr.savepoint(),
        ):
            company.write({"talent_target_low": 50})
        self.env.invalidate_all()
        with (
            self.assertRaisesRegex(ValidationError, "cannot be negative"),
            self.env.cr.savepoint(),
        ):
            company.write({"talent_target_low": -10, "talent_target_medium": 90})
        self.env.invalidate_all()
        self.assertEqual(company._talent_high_potential_boxes(), {8, 9})

    def _settings(self, **values):
        return self.env["res.config.settings"].create(values)

    def test_settings_change_the_three_shares_together(self):
        """10/70/20 becomes 20/60/20 from Settings: written at once, never
        refused on the way (each share alone made 110%: refused before)."""
        company = self.env.company
        company.write(
            {
                "talent_target_low": 10,
                "talent_target_medium": 70,
                "talent_target_high": 20,
            }
        )
        settings = self._settings(
            talent_target_low=20, talent_target_medium=60, talent_target_high=20
        )
        settings.execute()
        self.assertEqual(
            company._talent_target_shares(), {"low": 20, "medium": 60, "high": 20}
        )

    def test_settings_refuse_shares_not_adding_to_100_in_words(self):
        company = self.env.company
        before = company._talent_target_shares()
        with (
            self.assertRaisesRegex(ValidationError, r"20% \+ 70% \+ 20% makes 110%"),
            self.env.cr.savepoint(),
        ):
            self._settings(
                talent_target_low=20, talent_target_medium=70, talent_target_high=20
            ).execute()
        self.env.invalidate_all()
        self.assertEqual(company._talent_target_shares(), before, "nothing stored")

    def test_high_potential_boxes_chosen_from_the_nine_named_boxes(self):
        boxes = self.env["hr.talent.box"].search([])
        self.assertEqual(boxes.mapped("number"), list(range(1, 10)))
        self.assertEqual(
            boxes.filtered(lambda b: b.number == 8).display_name, "8 Future Star"
        )
        # the settings field offers the named boxes as checkboxes, not a text
        settings = self._settings()
        self.assertEqual(
            settings._fields["talent_high_potential_box_ids"].comodel_name,
            "hr.talent.box",
        )
        self.assertEqual(
            settings.talent_high_potential_box_ids.mapped("number"), [8, 9]
        )
        arch = self.env.ref(
            "hr_talent_review.res_config_settings_view_form_inherit_hr_talent_review"
        ).arch
        self.assertIn('widget="many2many_checkboxes"', arch)
        self.assertNotIn('placeholder="8,9"', arch)
        # every share has its label in the form
        for name in ("talent_target_low", "talent_target_medium", "talent_target_high"):
            self.assertIn(f'<label for="{name}"', arch)
        settings.talent_high_potential_box_ids = boxes.filtered(
            lambda b: b.number in (6, 9)
        )
        settings.execute()
        self.assertEqual(self.env.company._talent_high_potential_boxes(), {6, 9})

    def test_typed_high_potential_boxes_are_migrated(self):
        """An earlier release typed the boxes ("6, 8,9"): the upgrade keeps
        them as named boxes; a company without the column's value gets 8
        and 9; numbers out of the grid are left out."""
        company = self.env.company
        other = self.env["res.company"].create({"name": "Typed boxes (test)"})
        cr = self.env.cr
        cr.execute(
            "ALTER TABLE res_company ADD COLUMN talent_high_potential_boxes varchar"
        )
        cr.execute(
            "UPDATE res_company SET talent_high_potential_boxes = %s WHERE id = %s",
            ["6, 8,9,12", company.id],
        )
        (company | other).talent_high_potential_box_ids = False
        self.env["res.company"]._talent_init_high_potential_boxes()
        self.env.invalidate_all()
        self.assertEqual(company._talent_high_potential_boxes(), {6, 8, 9})
        self.assertEqual(other._talent_high_potential_boxes(), {8, 9})

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

    def test_board_cards_show_rating_justification_manager_and_names(self):
        """What a calibration meeting needs on a card (issue 29, item 3): the
        rating and its justification, the manager, the appraisal to open, the
        department to filter on; box names, the state's label, no box 0."""
        self.appraisal.rating_justification = "Carried the release alone"
        self._calibrating()
        self._line(self.review, self.employee).move_to(
            potential="high", reason="Leads the platform migration"
        )
        data = self.review.with_user(self.user_manager).get_board_data()
        self.assertEqual(data["review"]["state_label"], "Calibrating")
        self.assertEqual(
            [level["label"] for level in data["levels"]], ["Low", "Medium", "High"]
        )
        cards = {card["name"]: card for card in data["cards"]}
        eve = cards["Eve Employee"]
        self.assertEqual(eve["rating"], self.rating_meets.name)
        self.assertEqual(eve["justification"], "Carried the release alone")
        self.assertEqual(eve["manager"], self.manager.name)
        self.assertEqual(eve["manager_id"], self.manager.id)
        self.assertEqual(eve["appraisal_id"], self.appraisal.id)
        self.assertEqual(eve["department"], self.department.name)
        self.assertEqual(eve["previous_box_name"], "5 Core Player")
        # never moved, never placed before: no "box 0" anywhere
        mallory = cards["Mallory Colleague"]
        self.assertEqual(
            (mallory["previous_box_name"], mallory["last_box_name"]), ("", "")
        )
        line = self._line(self.review, self.colleague)
        self.assertFalse(line.previous_box_name)
        self.assertFalse(line.last_box_name)
        for view in ("hr_talent_review_line_view_list", "hr_talent_review_view_form"):
            arch = self.env.ref(f"hr_talent_review.{view}").arch
            self.assertNotIn('name="previous_box"', arch)
            self.assertNotIn('name="last_box"', arch)

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

    def test_pool_placement_column_shows_the_box(self):
        """The pool's Placement column showed the placement's record name,
        the employee's name: it shows the box."""
        self._calibrating()
        self.review.action_close()
        arch = self.env["hr.talent.pool"].get_view(
            self.env.ref("hr_talent_review.hr_talent_pool_view_form").id
        )["arch"]
        self.assertIn('name="talent_box_name"', arch)
        self.assertNotIn('name="talent_placement_id"', arch)
        pool = self.env["hr.talent.pool"].create(
            {"name": "Pool (test)", "employee_ids": [Command.set(self.colleague.ids)]}
        )
        (row,) = pool.employee_ids.read(["talent_box_name"])
        self.assertEqual(row["talent_box_name"], "9")

    def test_hr_nominates_successors_and_opens_a_candidate(self):
        """From a job's succession candidates HR nominates successors (the
        job's successor pool), opens a candidate; the pool links back to the
        job and its succession list."""
        lead = self.env["hr.job"].create({"name": "Team Lead (nominate test)"})
        action = lead.with_user(
            self.user_hr_officer
        ).action_open_succession_candidates()
        Candidate = self.env["hr.succession.candidate"].with_user(self.user_hr_officer)
        candidates = Candidate.search(action["domain"])
        eve = candidates.filtered(lambda c: c.employee_id == self.employee)
        self.assertFalse(eve.nominated)
        opened = eve.action_open_employee()
        self.assertEqual(
            (opened["res_model"], opened["res_id"]), ("hr.employee", self.employee.id)
        )
        eve.action_nominate()
        pool = self.env["hr.talent.pool"].search([("job_id", "=", lead.id)])
        self.assertEqual(pool.employee_ids, self.employee)
        self.assertEqual(pool.name, "Successors: Team Lead (nominate test)")
        eve.invalidate_recordset(["nominated"])
        self.assertTrue(eve.nominated)
        self.assertEqual(lead.with_user(self.user_hr_officer).successor_count, 1)
        opened = lead.with_user(self.user_hr_officer).action_open_successor_pool()
        self.assertEqual(
            (opened["res_model"], opened["res_id"]), ("hr.talent.pool", pool.id)
        )
        again = pool.with_user(self.user_hr_officer).action_open_succession_candidates()
        self.assertEqual(again["res_model"], "hr.succession.candidate")
        # nominating a second one adds to the same pool
        mallory = candidates.filtered(lambda c: c.employee_id == self.colleague)
        mallory.action_nominate()
        self.assertEqual(pool.employee_ids, self.employee | self.colleague)
        self.assertEqual(
            self.env["hr.talent.pool"].search_count([("job_id", "=", lead.id)]), 1
        )

    def test_a_manager_cannot_nominate(self):
        department = self.env["hr.department"].create(
            {"name": "Lead dept (test)", "manager_id": self.manager.id}
        )
        lead = self.env["hr.job"].create(
            {"name": "Team Lead (manager test)", "department_id": department.id}
        )
        action = lead.with_user(self.user_manager).action_open_succession_candidates()
        candidates = (
            self.env["hr.succession.candidate"]
            .with_user(self.user_manager)
            .search(action["domain"])
        )
        eve = candidates.filtered(lambda c: c.employee_id == self.employee)
        self.assertFalse(eve.nominated)
        # a manager without HR rights opens the public profile
        self.assertEqual(eve.action_open_employee()["res_model"], "hr.employee.public")
        with self.assertRaises(AccessError):
            eve.action_nominate()
        self.assertFalse(self.env["hr.talent.pool"].search([("job_id", "=", lead.id)]))


@tagged("post_install", "-at_install", "suite_upgrade")
class TestHighPotentialBoxesUpgrade(TalentReviewCase):
    def test_every_company_has_its_high_potential_boxes(self):
        """Installed or upgraded (the boxes were typed "8,9" before
        18.0.1.1.0): every company has named high-potential boxes, 8 and 9
        unless it had typed others."""
        companies = self.env["res.company"].with_context(active_test=False).search([])
        for company in companies:
            with self.subTest(company=company.name):
                self.assertTrue(company.talent_high_potential_box_ids)
        self.assertEqual(
            self.env.ref("base.main_company")._talent_high_potential_boxes(), {8, 9}
        )
        self.assertFalse(
            column_exists(self.env.cr, "res_company", "talent_high_potential_boxes"),
            "the typed boxes' column is gone with its field",
        )
