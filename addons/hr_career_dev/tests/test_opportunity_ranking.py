# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command
from odoo.tests import tagged

from .opportunity_common import OpportunityCase


@tagged("post_install", "-at_install")
class TestOpportunityRanking(OpportunityCase):
    """Emma: Developer (Python 50/80 critical, JavaScript 0/50 nice), aims at
    Tech Lead (Python 100, Communication 0/75, SQL 80 met)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        op = cls._opportunity
        cls.opp_python = op(
            "Python guild", skills=[("required", cls.python, cls.advanced)]
        )
        cls.opp_comms = op(
            "Customer shadowing",
            kind="shadowing",
            skills=[("developed", cls.communication, cls.good)],
        )
        cls.opp_js = op(
            "Frontend project",
            kind="project",
            skills=[
                ("required", cls.sql, cls.intermediate),
                ("developed", cls.js, cls.intermediate),
            ],
        )
        # never offered to Emma
        cls.hidden = op("Closed one", state="closed")
        cls.hidden |= op("Draft one", state="draft")
        cls.hidden |= op("Over", date_end=cls.today - timedelta(days=1))
        full = op("Full one")
        cls.env["hr.career.opportunity.application"].create(
            {
                "opportunity_id": full.id,
                "employee_id": cls.emp_colleague.id,
                "state": "accepted",
            }
        )
        applied = op("Applied one")
        cls.env["hr.career.opportunity.application"].create(
            {"opportunity_id": applied.id, "employee_id": cls.emp_employee.id}
        )
        own = cls.env["hr.career.opportunity"].create(
            {"name": "Emma's own", "owner_id": cls.emp_employee.id, "state": "open"}
        )
        other_company = cls.env["hr.career.opportunity"].create(
            {
                "name": "In company B",
                "owner_id": cls.emp_b.id,
                "company_id": cls.company_b.id,
                "state": "open",
            }
        )
        cls.hidden |= full | applied | own | other_company

    def _suggestions(self, user=None):
        employee = self.emp_employee.with_user(user or self.user_employee)
        return employee._get_opportunity_suggestions(limit=50)

    def test_ranked_by_fit_and_growth_with_reasons(self):
        suggestions = self._suggestions()
        by_opportunity = {s["opportunity"]: s for s in suggestions}
        mine = [
            s["opportunity"]
            for s in suggestions
            if s["opportunity"] in (self.opp_python | self.opp_comms | self.opp_js)
        ]
        # growth on a target-job gap (75 x 1.5) beats one on a current-job gap
        # (50 x 1), which beats an unmet requirement without growth
        self.assertEqual(mine, [self.opp_comms, self.opp_js, self.opp_python])
        comms = by_opportunity[self.opp_comms]
        self.assertEqual((comms["fit"], comms["score"]), (100, 212.5))
        self.assertEqual(
            comms["grows"],
            [{"skill": self.communication, "from_progress": 0, "to_progress": 75}],
        )
        js = by_opportunity[self.opp_js]
        self.assertEqual((js["fit"], js["score"]), (100, 150))
        self.assertEqual(js["meets"], [self.sql])
        python = by_opportunity[self.opp_python]
        self.assertEqual(python["fit"], round(100 * 50 / 80))
        self.assertEqual((python["meets"], python["grows"]), ([], []))

    def test_open_role_takes_job_matrix(self):
        role = self._opportunity(
            "Tech Lead role", kind="open_role", job_id=self.job_lead.id
        )
        suggestion = next(s for s in self._suggestions() if s["opportunity"] == role)
        # the job's matrix with its weights: Python 50/100 critical, Communication
        # 0/75 important, SQL 80/80 nice: 1 - (3 * 50 + 2 * 75) / (300 + 150 + 80)
        self.assertEqual(suggestion["fit"], round(100 * (1 - 300 / 530)))
        self.assertEqual(suggestion["fit"], self.emp_employee.target_job_readiness)
        self.assertEqual(suggestion["meets"], [self.sql])
        grown = {g["skill"]: g["to_progress"] for g in suggestion["grows"]}
        self.assertEqual(grown, {self.python: 100, self.communication: 75})

    def test_never_closed_full_over_applied_own_or_invisible(self):
        offered = {s["opportunity"] for s in self._suggestions()}
        self.assertFalse(offered & set(self.hidden))
        # as HR (who sees every opportunity) the list is the same for Emma
        offered_hr = {s["opportunity"] for s in self._suggestions(self.user_hr)}
        self.assertFalse(offered_hr & set(self.hidden))

    def _query_count(self, func):
        """Queries of ``func`` with a cold record cache (warm ormcaches)."""
        self.env.flush_all()
        func()
        self.env.invalidate_all()
        func()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        func()
        return self.env.cr.sql_log_count - before

    def _add_opportunities(self, count):
        self.env["hr.career.opportunity"].create(
            [
                {
                    "name": f"Bulk {index}",
                    "owner_id": self.emp_owner.id,
                    "state": "open",
                    "skill_ids": [
                        Command.create(
                            {
                                "kind": "required",
                                "skill_id": self.python.id,
                                "level_id": self.beginner.id,
                            }
                        ),
                        Command.create(
                            {
                                "kind": "developed",
                                "skill_id": self.communication.id,
                                "level_id": self.basic.id,
                            }
                        ),
                    ],
                }
                for index in range(count)
            ]
        )
        self.env.flush_all()

    def test_suggestions_bounded_queries(self):
        employee = self.emp_employee.with_user(self.user_employee)
        self._add_opportunities(5)
        small = self._query_count(employee._get_opportunity_suggestions)
        self._add_opportunities(60)
        large = self._query_count(employee._get_opportunity_suggestions)
        self.assertEqual(small, large)
        self.assertLessEqual(large, 12)

    def test_candidates_ranked_by_fit_with_missing(self):
        opportunity = self._opportunity(
            "Python and SQL",
            skills=[
                ("required", self.python, self.expert),
                ("required", self.sql, self.intermediate),
            ],
        )
        self.emp_manager.career_opportunity_opt_in = False
        self.env["hr.career.opportunity.application"].create(
            {"opportunity_id": opportunity.id, "employee_id": self.emp_skip.id}
        )
        candidates = opportunity.with_user(self.user_owner)._get_internal_candidates(
            limit=1000
        )
        employees = [c["employee"] for c in candidates]
        self.assertEqual(employees[:2], [self.emp_colleague, self.emp_employee])
        for absent in (self.emp_manager, self.emp_skip, self.emp_owner, self.emp_b):
            self.assertNotIn(absent, employees)
        carl, emma = candidates[:2]
        self.assertEqual((carl["fit"], carl["missing"]), (100, []))
        self.assertEqual(emma["fit"], round(100 * 100 / 150))
        self.assertEqual(
            emma["missing"],
            [{"skill": self.python, "from_progress": 50, "to_progress": 100}],
        )

    def test_candidates_any_limit_is_the_head_of_the_whole_ranking(self):
        """Those who hold a required skill are ranked by weighted gap, the
        others (none of it: the whole requirement missing) follow by id;
        opted-out, applied and the owner are left out in both groups, so a
        short list is always the head of the long one."""
        opportunity = self._opportunity(
            "Python and SQL",
            skills=[
                ("required", self.python, self.expert),
                ("required", self.sql, self.intermediate),
            ],
        ).with_user(self.user_owner)
        newcomers = self.env["hr.employee"].create(
            [{"name": f"Newcomer {index}"} for index in range(6)]
        )
        newcomers[0].career_opportunity_opt_in = False
        self.env["hr.career.opportunity.application"].create(
            {"opportunity_id": opportunity.id, "employee_id": newcomers[1].id}
        )
        ranking = [
            (c["employee"], c["fit"])
            for c in opportunity._get_internal_candidates(limit=1000)
        ]
        employees = [employee for employee, _fit in ranking]
        self.assertNotIn(newcomers[0], employees)
        self.assertNotIn(newcomers[1], employees)
        holders = [employee for employee, fit in ranking if fit]
        others = [employee for employee, fit in ranking if not fit]
        self.assertEqual(employees, holders + others)
        self.assertEqual(holders[0], self.emp_colleague)  # meets both
        self.assertEqual(others, sorted(others, key=lambda e: e.id))
        self.assertTrue(set(newcomers[2:]) <= set(others))
        for limit in range(1, len(ranking) + 2):
            with self.subTest(limit=limit):
                self.assertEqual(
                    [
                        (c["employee"], c["fit"])
                        for c in opportunity._get_internal_candidates(limit=limit)
                    ],
                    ranking[:limit],
                )

    def test_opt_in_default_follows_company_setting(self):
        self.company_a.career_opportunity_opt_in_default = False
        employee = self.env["hr.employee"].create({"name": "Quiet newcomer"})
        self.assertFalse(employee.career_opportunity_opt_in)
        self.company_a.career_opportunity_opt_in_default = True
        employee = self.env["hr.employee"].create({"name": "Open newcomer"})
        self.assertTrue(employee.career_opportunity_opt_in)

    def test_candidates_bounded_queries(self):
        opportunity = self._opportunity(
            "Bounded", skills=[("required", self.python, self.beginner)]
        ).with_user(self.user_owner)
        small = self._query_count(opportunity._get_internal_candidates)
        self.env["hr.employee"].create(
            [{"name": f"Bulk employee {index}"} for index in range(40)]
        )
        self.env.flush_all()
        large = self._query_count(opportunity._get_internal_candidates)
        self.assertEqual(small, large)
        self.assertLessEqual(large, 8)

    def test_candidates_shown_to_owner_not_to_other_employees(self):
        opportunity = self._opportunity(
            "Who fits", skills=[("required", self.python, self.beginner)]
        )
        owner_view = opportunity.with_user(self.user_owner).candidate_data
        self.assertIn(
            "Carl Colleague", [row["name"] for row in owner_view["candidates"]]
        )
        self.assertNotIn(
            self.emp_owner.id,  # the owner is never a candidate
            [row["employee_id"] for row in owner_view["candidates"]],
        )
        other_view = opportunity.with_user(self.user_employee).candidate_data
        self.assertEqual(other_view["candidates"], [])

    def test_seats_taken_counts_applications_the_reader_cannot_see(self):
        opportunity = self._opportunity("Single seat")
        self.env["hr.career.opportunity.application"].create(
            {
                "opportunity_id": opportunity.id,
                "employee_id": self.emp_colleague.id,
                "state": "accepted",
            }
        )
        seen_by_emma = opportunity.with_user(self.user_employee)
        self.assertEqual(seen_by_emma.seats_taken, 1)
        self.assertTrue(seen_by_emma.is_full)
        self.assertEqual(seen_by_emma.application_count, 0)
