# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import TransactionCase, tagged

from odoo.addons.queue_job.tests.common import trap_jobs

from .compensation_common import CompensationData


class TestCompensationReview(CompensationData, TransactionCase):
    def test_open_copies_the_default_matrix_and_prepares_lines_by_chunks(self):
        self.env["ir.config_parameter"].set_param(
            "hr_compensation_review.chunk_size", 3
        )
        defaults = self.env["hr.compensation.matrix"].search(
            [("company_id", "=", self.company.id), ("review_id", "=", False)]
        )
        self.assertTrue(defaults, "the company has a default matrix")
        with trap_jobs() as trap:
            self.comp_review.action_open()
            self.assertFalse(self.comp_review.line_ids, "lines come from the jobs")
            # 7 people with a running contract among the department's 7: 3 jobs
            trap.assert_jobs_count(3, only=self.comp_review._job_prepare)
            jobs = list(trap.enqueued_jobs)
            trap.perform_enqueued_jobs()
        self.assertEqual(self.comp_review.state, "open")
        self.assertEqual(len(self.comp_review.matrix_ids), len(defaults))
        self.assertEqual(self.comp_review.line_ids.employee_id, self.people)
        # a retried chunk creates nothing twice
        jobs[0].perform()
        self.assertEqual(len(self.comp_review.line_ids), len(self.people))

        eve = self._cline(self.employee)
        self.assertEqual(eve.current_wage, 3400)
        self.assertEqual(eve.current_job_id, self.job)
        self.assertAlmostEqual(eve.compa_ratio, 0.85)
        self.assertEqual(eve.band, "below")
        self.assertEqual(eve.rating_id, self.rating_meets)
        self.assertEqual(eve.box, 5)
        self.assertEqual(eve.manager_id, self.manager)
        cell = self._cell(self.comp_review, self.rating_meets, "below")
        self.assertTrue(eve.has_guideline)
        self.assertEqual(
            (eve.guideline_min, eve.guideline_max), (cell.percent_min, cell.percent_max)
        )
        self.assertEqual(eve.increase_percent, cell.percent_min)
        self.assertEqual(self._cline(self.reviewer).band, "above")
        self.assertEqual(self._cline(self.colleague).band, "within")
        rob = self._cline(self.reviewer2)
        self.assertFalse(rob.has_guideline, "no rating, no guideline")
        self.assertEqual(rob.increase_percent, 0)

    def test_editing_the_review_matrix_leaves_the_default_alone(self):
        self._open()
        cell = self._cell(self.comp_review, self.rating_meets, "below")
        default = self.env["hr.compensation.matrix"].search(
            [
                ("review_id", "=", False),
                ("company_id", "=", self.company.id),
                ("rating_id", "=", self.rating_meets.id),
                ("band", "=", "below"),
            ]
        )
        before = default.percent_max
        cell.percent_max = before + 5
        self.assertEqual(default.percent_max, before)

    def test_a_suggested_promotion_needs_the_readiness_threshold(self):
        self.env["hr.career.goal"].create(
            {
                "name": "Become senior",
                "employee_id": self.colleague.id,
                "horizon": "long",
                "target_job_id": self.senior.id,
                "state": "in_progress",
            }
        )
        self.env["ir.config_parameter"].set_param(
            "hr_compensation_review.promotion_readiness", 100
        )
        self._open()
        mallory = self._cline(self.colleague)
        self.assertEqual(mallory.target_job_id, self.senior)
        # the senior job requires nothing: the engine says 100 ready
        self.assertEqual(mallory.readiness, 100)
        self.assertEqual(mallory.suggested_job_id, self.senior)
        self.assertFalse(self._cline(self.employee).suggested_job_id)

    def test_outside_the_guideline_without_justification_is_refused_in_words(self):
        self._open()
        eve = self._cline(self.employee)
        before = eve.increase_percent
        with self.assertRaisesRegex(ValidationError, "outside the guideline"):
            with self.env.cr.savepoint():
                eve.write({"increase_percent": eve.guideline_max + 5})
                self.env.flush_all()
        eve.invalidate_recordset()
        self.assertEqual(eve.increase_percent, before)
        eve.write(
            {"increase_percent": eve.guideline_max + 5, "justification": "Market"}
        )
        self.assertFalse(eve.in_guideline)
        # no guideline (no rating): any increase needs a justification
        rob = self._cline(self.reviewer2)
        with self.assertRaisesRegex(ValidationError, "has no guideline"):
            with self.env.cr.savepoint():
                rob.write({"new_wage": 4200})
                self.env.flush_all()

    def test_new_wage_and_percent_follow_each_other(self):
        self._open()
        mallory = self._cline(self.colleague)
        mallory.write({"new_wage": 4400, "justification": "Retention"})
        self.assertAlmostEqual(mallory.increase_percent, 10.0)
        mallory.write({"increase_percent": 5.0})
        self.assertAlmostEqual(mallory.new_wage, 4200)
        self.assertAlmostEqual(mallory.merit_amount, 200)

    def test_over_budget_is_flagged_or_refused_as_settings_say(self):
        self._open()
        self.comp_review.merit_budget_percent = 1.0
        for line in self.comp_review.line_ids:
            line.write({"increase_percent": 0, "justification": "Budget test"})
        self.assertFalse(self._cline(self.employee).budget_warning)
        self.assertEqual(self.comp_review.over_budget_count, 0)
        # Mona's people earn 16,000: 1% is 160; 300 is over budget
        eve = self._cline(self.employee)
        eve.write({"new_wage": 3700})
        eve.invalidate_recordset(["budget_warning"])
        self.assertIn("Over budget", eve.budget_warning)
        self.assertIn(self.manager.name, eve.budget_warning)
        self.comp_review.invalidate_recordset()
        self.assertGreaterEqual(self.comp_review.over_budget_count, 1)
        self.assertFalse(self._cline(self.other_report).budget_warning)
        # hard stop: refused in words, nothing kept
        self.env["ir.config_parameter"].set_param(
            "hr_compensation_review.budget_hard_stop", "True"
        )
        mallory = self._cline(self.colleague)
        with self.assertRaisesRegex(ValidationError, "over the budget"):
            with self.env.cr.savepoint():
                mallory.write({"new_wage": 4100})
                self.env.flush_all()
        mallory.invalidate_recordset()
        self.assertEqual(mallory.new_wage, 4000)
        # within budget still passes under the hard stop
        eve.write({"new_wage": 3500})
        self.assertEqual(eve.new_wage, 3500)

    def test_workflow_refuses_steps_out_of_order_in_words(self):
        with self.assertRaisesRegex(UserError, "cannot be approved"):
            self.comp_review.action_approve()
        with self.assertRaisesRegex(UserError, "cannot be applied"):
            self.comp_review.action_apply()
        with self.assertRaisesRegex(UserError, "cannot be released"):
            self.comp_review.action_release()
        self._open()
        self.comp_review.action_submit()
        self.comp_review.action_send_back()
        self.assertEqual(self.comp_review.state, "open")
        self.comp_review.action_submit()
        self.comp_review.action_approve()
        self.assertEqual(self.comp_review.state, "done")

    def _approved(self):
        self._open()
        eve = self._cline(self.employee)
        eve.write({"new_wage": 3600, "justification": "Catch up with the band"})
        mallory = self._cline(self.colleague)
        mallory.write(
            {
                "new_job_id": self.senior.id,
                "new_wage": 4600,
                "justification": "Promotion to senior",
            }
        )
        self.comp_review.action_submit()
        self.comp_review.action_approve()
        return eve, mallory

    def test_apply_changes_the_contract_once_with_provenance(self):
        eve, mallory = self._approved()
        old = self.contracts.filtered(lambda c: c.employee_id == self.employee)
        self._apply()
        new = self.env["hr.contract"].search([("compensation_line_id", "=", eve.id)])
        self.assertEqual(len(new), 1)
        self.assertEqual(new.wage, 3600)
        self.assertEqual(new.date_start, self.today)
        self.assertEqual(new.state, "open")
        self.assertEqual(old.date_end, self.today - relativedelta(days=1))
        self.assertEqual(old.state, "close")
        self.assertEqual(self.employee.contract_id, new)
        self.assertIn(
            "Merit review (test)", new.message_ids.mapped("body")[0], "names the review"
        )
        self.assertIn(f"#{eve.id}", new.message_ids.mapped("body")[0])
        self.assertEqual(eve.state, "applied")
        # the promotion: contract and employee get the new job
        promoted = self.env["hr.contract"].search(
            [("compensation_line_id", "=", mallory.id)]
        )
        self.assertEqual(promoted.job_id, self.senior)
        self.assertEqual(self.colleague.job_id, self.senior)
        self.assertEqual(promoted.wage, 4600)
        # applying twice changes nothing
        count = self.env["hr.contract"].search_count(
            [("employee_id", "in", self.people.ids)]
        )
        eve.state = "pending"  # even a line said pending again is not re-applied
        self._apply()
        self.assertEqual(
            self.env["hr.contract"].search_count(
                [("employee_id", "in", self.people.ids)]
            ),
            count,
        )
        self.assertEqual(self.employee.contract_id.wage, 3600)
        self.assertEqual(eve.state, "applied")

    def test_apply_in_place_when_the_contract_starts_on_the_effective_day(self):
        """A running contract that starts on the effective day is changed in
        place (no contract ends the day before it starts): HR sees the new
        wage and job on that same contract, one note naming the review line,
        and applying twice changes nothing."""
        eve_contract, mallory_contract = (
            self.contracts.filtered(lambda c, e=employee: c.employee_id == e)
            for employee in (self.employee, self.colleague)
        )
        (eve_contract | mallory_contract).with_context(
            tracking_disable=True
        ).date_start = self.today
        eve, mallory = self._approved()
        self.assertEqual(self.comp_review.date_effective, self.today)
        Contract = self.env["hr.contract"]
        # the other approved lines renew their contracts: only these two count
        people = self.employee | self.colleague
        count = Contract.search_count([("employee_id", "in", people.ids)])
        notes = {
            contract: len(contract.message_ids)
            for contract in (eve_contract, mallory_contract)
        }
        self._apply(self.comp_review.with_user(self.user_compensation))

        # what HR reads: the same contracts, running, with the new wage and job
        self.env.invalidate_all()
        eve_hr = eve_contract.with_user(self.user_compensation)
        mallory_hr = mallory_contract.with_user(self.user_compensation)
        self.assertEqual(
            Contract.search_count([("employee_id", "in", people.ids)]),
            count,
            "no contract created: changed in place",
        )
        self.assertEqual(
            Contract.search([("compensation_line_id", "in", (eve | mallory).ids)]),
            eve_contract | mallory_contract,
        )
        self.assertEqual(eve_hr.wage, 3600)
        self.assertEqual(eve_hr.job_id, self.job)
        self.assertEqual(eve_hr.compensation_line_id, eve)
        self.assertEqual((eve_hr.state, eve_hr.date_start), ("open", self.today))
        self.assertFalse(eve_hr.date_end)
        self.assertEqual(self.employee.contract_id, eve_contract)
        self.assertEqual(mallory_hr.wage, 4600)
        self.assertEqual(mallory_hr.job_id, self.senior)
        self.assertEqual(mallory_hr.compensation_line_id, mallory)
        self.assertEqual(self.colleague.job_id, self.senior)
        self.assertEqual(self.colleague.contract_id, mallory_contract)
        # one note each, naming the review and its line, old and new values
        for contract, line, old_job in (
            (eve_hr, eve, None),
            (mallory_hr, mallory, self.job),
        ):
            self.assertEqual(len(contract.message_ids), notes[contract] + 1)
            body = contract.message_ids[0].body
            self.assertIn("Merit review (test)", body)
            self.assertIn(f"#{line.id}", body)
            self.assertIn(line.employee_id.name, body)
            if old_job:
                self.assertIn(f"Job {old_job.name} → {self.senior.name}", body)
            else:
                self.assertNotIn("Job ", body)
        self.assertEqual({eve.state, mallory.state}, {"applied"})

        # applying twice changes nothing, even a line said pending again
        eve.state = "pending"
        self._apply(self.comp_review.with_user(self.user_compensation))
        self.env.invalidate_all()
        self.assertEqual(
            Contract.search_count([("employee_id", "in", people.ids)]), count
        )
        self.assertEqual((eve_hr.wage, mallory_hr.wage), (3600, 4600))
        self.assertEqual(mallory_hr.job_id, self.senior)
        for contract in (eve_hr, mallory_hr):
            self.assertEqual(len(contract.message_ids), notes[contract] + 1)
        self.assertEqual(eve.state, "applied")

    def test_apply_waits_for_the_effective_date(self):
        self.comp_review.date_effective = self.today + relativedelta(months=1)
        self._approved()
        with trap_jobs() as trap:
            self.comp_review.action_apply()
            jobs = list(trap.enqueued_jobs)
        self.assertTrue(jobs)
        for job in jobs:
            self.assertEqual(job.eta.date(), self.comp_review.date_effective)
        # a job run before its day changes nothing
        jobs[0].perform()
        self.assertEqual(self.employee.contract_id.wage, 3400)
        self.assertEqual(set(self.comp_review.line_ids.mapped("state")), {"pending"})

    def test_pay_for_performance_flags_an_inversion(self):
        self._open()
        # exceeds gets less than meets: an inversion
        self._cline(self.colleague).write(
            {"increase_percent": 0.5, "justification": "x"}
        )
        self._cline(self.employee).write(
            {"increase_percent": 4.0, "justification": "x"}
        )
        self._cline(self.other_report).write(
            {"increase_percent": 4.0, "justification": "x"}
        )
        report = self.comp_review._get_pay_for_performance()
        by_rating = {row["rating"]: row for row in report["ratings"]}
        self.assertAlmostEqual(by_rating[self.rating_meets]["mean"], 4.0)
        self.assertFalse(by_rating[self.rating_meets]["inverted"])
        self.assertTrue(by_rating[self.rating_exceeds]["inverted"])
        boxes = {row["box"]: row for row in report["boxes"]}
        self.assertAlmostEqual(boxes[9]["mean"], 0.5)
        self.assertTrue(self.comp_review.pay_inversion, "the form warns")
        # in order, no inversion
        self._cline(self.colleague).write({"increase_percent": 6.0})
        report = self.comp_review._get_pay_for_performance()
        self.assertFalse(any(row["inverted"] for row in report["ratings"]))
        self.comp_review.invalidate_recordset(["pay_inversion"])
        self.assertFalse(self.comp_review.pay_inversion)

    def test_compa_ratio_distribution_by_job(self):
        self._open()
        rows = self.comp_review._get_compa_ratio_distribution()
        row = next(r for r in rows if r["job"] == self.job)
        self.assertEqual(row["count"], 7)
        # Eve below; Mona (1.5) and Rita (1.15) above; four within
        self.assertEqual((row["below"], row["within"], row["above"]), (1, 4, 2))
        self.assertAlmostEqual(row["mean"], (3400 + 6000 + 4600 + 4000 * 4) / 4000 / 7)

    def test_spend_against_budget_by_department_and_manager(self):
        self._open()
        for line in self.comp_review.line_ids:
            line.write({"increase_percent": 0, "justification": "Reset"})
        self._cline(self.employee).write({"new_wage": 3500})
        rows = {
            row["key"]: row for row in self.comp_review._get_budget_rows("manager_id")
        }
        mona = rows[self.manager]
        self.assertEqual(mona["payroll"], 3400 + 4000 + 4600 + 4000)
        self.assertAlmostEqual(mona["merit_budget"], 16000 * 0.03)
        self.assertAlmostEqual(mona["merit_spent"], 100)
        self.assertFalse(mona["over"])
        department = self.comp_review._get_budget_rows("department_id")
        self.assertEqual(len(department), 1)
        self.assertEqual(department[0]["count"], 7)

    def test_contract_shows_its_compa_ratio(self):
        contract = self.contracts.filtered(lambda c: c.employee_id == self.reviewer)
        self.assertAlmostEqual(contract.compa_ratio, 1.15)
        self.band.wage_mid = 4600
        contract.invalidate_recordset(["compa_ratio"])
        self.assertAlmostEqual(contract.compa_ratio, 1.0)

    def test_a_band_out_of_order_is_refused_in_words(self):
        with self.assertRaisesRegex(ValidationError, "minimum ≤ midpoint ≤ maximum"):
            with self.env.cr.savepoint():
                self.band.write({"wage_min": 4500})
                self.env.flush_all()
        self.band.invalidate_recordset()
        self.assertEqual(self.band.wage_min, 3000)

    def test_overlapping_contracts_are_refused_in_a_batch(self):
        """The overlap rule, checked once for a batch of contracts, refuses
        what Odoo's refuses, in Odoo's words, and accepts the history."""
        Contract = self.env["hr.contract"]
        newcomer = self.env["hr.employee"].create({"name": "Newcomer (test)"})
        batch = [
            {
                "name": "Newcomer",
                "employee_id": newcomer.id,
                "wage": 3000,
                "date_start": self.today,
                "state": "open",
            },
            {
                "name": "Eve, earlier",
                "employee_id": self.employee.id,
                "wage": 3000,
                "date_start": self.today - relativedelta(years=3),
                "date_end": self.today - relativedelta(years=2),
                "state": "close",
            },
        ]
        overlapping = {
            "name": "Eve, twice",
            "employee_id": self.employee.id,
            "wage": 3000,
            "date_start": self.today + relativedelta(months=1),
            "state": "open",
        }
        with self.assertRaisesRegex(
            ValidationError, "can only have one contract at the same time"
        ):
            with self.env.cr.savepoint():
                Contract.create([*batch, overlapping])
        self.assertFalse(newcomer.contract_ids, "nothing stored")
        contracts = Contract.create(batch)
        self.assertEqual(len(contracts), 2)
        self.assertEqual(newcomer.contract_id, contracts[0])


class TestCompensationQueries(CompensationData, TransactionCase):
    """Population-wide code in a bounded number of queries."""

    def _department_of(self, size):
        department = self.env["hr.department"].create({"name": f"Bench {size}"})
        employees = self.env["hr.employee"].create(
            [
                {
                    "name": f"Bench {size}-{index}",
                    "department_id": department.id,
                    "parent_id": self.manager.id,
                    "job_id": self.job.id,
                }
                for index in range(size)
            ]
        )
        self.env["hr.contract"].create(
            [
                {
                    "name": f"Contract {employee.name}",
                    "employee_id": employee.id,
                    "job_id": self.job.id,
                    "wage": 3500 + index * 10,
                    "date_start": self.today - relativedelta(years=1),
                    "state": "open",
                }
                for index, employee in enumerate(employees)
            ]
        )
        review = self.env["hr.compensation.review"].create(
            {
                "name": f"Bench review {size}",
                "date_effective": self.today,
                "department_ids": [Command.set(department.ids)],
                "merit_budget_percent": 3.0,
            }
        )
        with trap_jobs():
            review.action_open()
        self.env.flush_all()
        self.env.invalidate_all()
        return review, employees

    def test_prepare_and_budget_totals_in_bounded_queries(self):
        for size in (5, 30):
            with self.subTest(size=size):
                review, employees = self._department_of(size)
                with self.assertQueryCount(__system__=17):
                    review._job_prepare(employees.ids)
                    self.env.flush_all()
                self.assertEqual(len(review.line_ids), size)
                self.env.invalidate_all()
                with self.assertQueryCount(__system__=7):
                    review._compute_budget()
                    review._get_budget_rows("department_id")
                self.assertEqual(review.line_count, size)

    def test_apply_a_chunk_in_bounded_queries(self):
        """Applying a chunk ends, creates and links the contracts in the
        same number of queries at 5 and 30 employees (one promotion each):
        no query per contract (Odoo's overlap check and employee link ran
        one or more each)."""
        for size in (5, 30):
            with self.subTest(size=size):
                review, employees = self._department_of(size)
                review._job_prepare(employees.ids)
                review.line_ids.write(
                    {"increase_percent": 2.0, "justification": "Merit"}
                )
                promoted = review.line_ids[0]
                promoted.write(
                    {"new_job_id": self.senior.id, "justification": "Senior"}
                )
                review.action_submit()
                review.action_approve()
                old = employees.contract_id
                lines = review.line_ids
                self.env.flush_all()
                self.env.invalidate_all()
                with self.assertQueryCount(__system__=30):
                    review._job_apply(lines.ids)
                    self.env.flush_all()
                self.assertEqual(set(lines.mapped("state")), {"applied"})
                self.assertEqual(set(old.mapped("state")), {"close"})
                yesterday = self.today - relativedelta(days=1)
                self.assertEqual(set(old.mapped("date_end")), {yesterday})
                new = employees.contract_id
                self.assertEqual(len(new), size)
                self.assertEqual(new.compensation_line_id, lines)
                self.assertEqual(set(new.mapped("state")), {"open"})
                for line in lines:
                    contract = line.employee_id.contract_id
                    self.assertEqual(contract.wage, line.new_wage)
                    self.assertIn(f"#{line.id}", contract.message_ids[:1].body)
                self.assertEqual(promoted.employee_id.job_id, self.senior)
                self.assertEqual(promoted.employee_id.contract_id.job_id, self.senior)
                self.assertFalse(new.employee_id.filtered("contract_warning"))


@tagged("post_install", "-at_install")
class TestCompensationPromotionBadge(CompensationData, TransactionCase):
    """With hr_recognition installed (the whole suite), a promotion applied
    by a review fires its existing promotion rule."""

    def test_an_applied_promotion_awards_the_promotion_badge(self):
        badge = self.env.ref("hr_recognition.badge_promotion", raise_if_not_found=False)
        if not badge:
            self.skipTest("hr_recognition is not installed")
        self.env["hr.career.path"].create(
            {
                "from_job_id": self.job.id,
                "to_job_id": self.senior.id,
                "is_promotion": True,
            }
        )
        self._open()
        mallory = self._cline(self.colleague)
        mallory.write(
            {"new_job_id": self.senior.id, "new_wage": 4600, "justification": "Senior"}
        )
        self.comp_review.action_submit()
        self.comp_review.action_approve()
        with trap_jobs() as trap:
            self.comp_review.action_apply()
            trap.perform_enqueued_jobs()
        awards = self.env["gamification.badge.user"].search(
            [("badge_id", "=", badge.id), ("employee_id", "=", self.colleague.id)]
        )
        self.assertEqual(len(awards), 1)
        self.assertEqual(self.colleague.job_id, self.senior)
