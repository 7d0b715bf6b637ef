# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import random

from lxml import html

from odoo import Command
from odoo.tests import HttpCase, TransactionCase, tagged
from odoo.tools import SQL

from odoo.addons.hr_career_dev import matching

from .opportunity_common import OpportunityCase


class TestFitFormula(TransactionCase):
    """The fit formula has a Python form (opportunities, candidates) and an
    SQL form (the gap view, fit and readiness, the report, succession): the
    same numbers over many random cases."""

    def _sql_fits(self, cases):
        """``{case: fit}`` computed by PostgreSQL with the SQL form, one
        query for all cases."""
        terms = matching.line_terms_sql(
            SQL("v.weight"), SQL("v.required"), SQL("v.current")
        )
        lines = SQL(
            """SELECT v.case_id, %(weighted_gap)s AS weighted_gap,
                      %(weighted_required)s AS weighted_required
                 FROM (VALUES %(values)s)
                   AS v(case_id, weight, required, current)""",
            weighted_gap=terms["weighted_gap"],
            weighted_required=terms["weighted_required"],
            values=SQL(", ").join(
                SQL("(%s, %s, %s, %s::int)", case, weight, required, current)
                for case, lines in enumerate(cases)
                for weight, required, current in lines
            ),
        )
        rows = self.env.execute_query(matching.fit_sums_sql(lines, SQL("l.case_id")))
        return {case: fit for case, _gap, _required, fit in rows}

    def test_sql_and_python_forms_agree_on_random_cases(self):
        rng = random.Random(26)
        levels = [0, 1, 10, 20, 25, 50, 60, 75, 80, 99, 100]
        cases = [
            [
                (
                    rng.choice([1, 2, 3]),
                    rng.choice(levels),
                    rng.choice(levels + [None]),  # None: lacks the skill
                )
                for _line in range(rng.randint(1, 8))
            ]
            for _case in range(3000)
        ]
        cases += [
            [(3, 100, 100)] * 3 + [(1, 1, None)],  # 1 missing of 901: 99
            [(1, 0, None)],  # nothing required: 100
            [(1, 8, 7)],  # 87.5 rounds to even: 88
            [(1, 8, 5)],  # 62.5 rounds to even: 62
        ]
        sql_fits = self._sql_fits(cases)
        python_fits = {
            case: matching.fit(
                (weight, required, current or 0) for weight, required, current in lines
            )
            for case, lines in enumerate(cases)
        }
        self.assertEqual(sql_fits, python_fits)
        self.assertEqual(
            [python_fits[len(cases) - n] for n in (4, 3, 2, 1)], [99, 100, 88, 62]
        )
        # the engine's form for records gives the same numbers
        Matching = self.env["hr.career.matching"]
        for case, lines in enumerate(cases[:300]):
            required = {skill: req for skill, (_w, req, _c) in enumerate(lines)}
            have = {skill: cur or 0 for skill, (_w, _r, cur) in enumerate(lines)}
            weights = {skill: weight for skill, (weight, _r, _c) in enumerate(lines)}
            self.assertEqual(
                Matching._fit(required, have, weights), python_fits[case], lines
            )


@tagged("post_install", "-at_install")
class TestSameNumber(OpportunityCase, HttpCase):
    """One person against one job shows one number on every screen.

    Emma is a Developer (Python 50/80 critical, SQL 80/50 important,
    JavaScript 0/50 nice): fit 100 * (1 - 140/390) = 64. She aims at Tech Lead
    (Python 50/100 critical, Communication 0/75 important, SQL 80/80 nice):
    readiness 100 * (1 - 300/530) = 43 (unweighted it would be 51). Tech Lead
    is also published as an open role, and is a succession target."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.role = cls._opportunity(
            "Tech Lead wanted", kind="open_role", job_id=cls.job_lead.id
        )
        cls.readiness = 43
        cls.fit = 64

    def _rendered_progress(self, page, marker):
        """The number of the progress bar in the card holding ``marker``."""
        card = html.fromstring(page).xpath(
            f"//div[contains(@class, 'card-body')][.//*[contains(@class, '{marker}')]]"
        )
        self.assertEqual(len(card), 1, marker)
        (bar,) = card[0].xpath(".//*[@role='progressbar']")
        return int(bar.get("aria-valuenow"))

    def test_one_person_one_job_one_number(self):
        emma = self.emp_employee
        # the employee form (HR)
        emma_hr = emma.with_user(self.user_hr)
        self.assertEqual(emma_hr.target_job_readiness, self.readiness)
        self.assertEqual(emma_hr.current_job_fit, self.fit)
        # /my/career, as Emma reads it
        self.authenticate("career_employee", "career_employee")
        page = self.url_open("/my/career")
        self.assertEqual(page.status_code, 200)
        self.assertEqual(
            self._rendered_progress(page.text, "o_career_target_job"), self.readiness
        )
        self.assertEqual(
            self._rendered_progress(page.text, "o_career_current_job"), self.fit
        )
        # the open role among her suggested opportunities
        suggestions = emma.with_user(self.user_employee)._get_opportunity_suggestions(
            limit=50
        )
        (suggestion,) = [s for s in suggestions if s["opportunity"] == self.role]
        self.assertEqual(suggestion["fit"], self.readiness)
        # the open role's internal candidates, as its owner sees them
        candidates = self.role.with_user(self.user_owner)._get_internal_candidates(
            limit=1000
        )
        (candidate,) = [c for c in candidates if c["employee"] == emma]
        self.assertEqual(candidate["fit"], self.readiness)
        # succession candidates for Tech Lead
        rows = self.env["hr.succession.candidate"]._get_readiness_rows(
            self.job_lead, employee_ids=emma.ids
        )
        self.assertEqual([row["readiness"] for row in rows], [self.readiness])
        candidate_rows = (
            self.env["hr.succession.candidate"]
            .with_user(self.user_hr)
            ._get_candidates(self.job_lead)
        )
        (row,) = [r for r in candidate_rows if r["employee_id"] == emma.id]
        self.assertEqual(row["readiness"], self.readiness)
        # the readiness pipeline report
        (report,) = (
            self.env["hr.career.readiness.report"]
            .with_user(self.user_hr)
            .search([("employee_id", "=", emma.id)])
        )
        self.assertEqual(report.readiness, self.readiness)
        # the engine itself, for any (employee, job) pair
        Matching = self.env["hr.career.matching"]
        self.assertEqual(
            Matching._get_job_fit([(emma.id, self.job_lead.id)]),
            {(emma.id, self.job_lead.id): self.readiness},
        )


@tagged("post_install", "-at_install")
class TestFitNeverFullWhileMissing(OpportunityCase):
    """A fit of 100 % says "meets every requirement": never shown while a
    required skill is at 0, however small its share of the requirements."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.fine_type = cls.env["hr.skill.type"].create(
            {
                "name": "Career Test Fine Grained",
                "skill_ids": [
                    Command.create({"name": name})
                    for name in ("Alpha", "Beta", "Gamma", "Delta")
                ],
                "skill_level_ids": [
                    Command.create({"name": "Aware", "level_progress": 1}),
                    Command.create({"name": "Master", "level_progress": 100}),
                ],
            }
        )
        levels = {lvl.name: lvl for lvl in cls.fine_type.skill_level_ids}
        cls.alpha, cls.beta, cls.gamma, cls.delta = cls.fine_type.skill_ids
        # Carl masters Alpha, Beta and Gamma, and lacks Delta (1 % required):
        # 1 point missing out of 301
        cls.env["hr.employee.skill"].create(
            [
                cls._skill_vals(cls.emp_colleague, skill, levels["Master"])
                for skill in (cls.alpha, cls.beta, cls.gamma)
            ]
        )
        cls.opportunity = cls._opportunity(
            "Almost there",
            skills=[
                ("required", skill, levels["Master"])
                for skill in (cls.alpha, cls.beta, cls.gamma)
            ]
            + [("required", cls.delta, levels["Aware"])],
        )
        cls.job_fine = cls.env["hr.job"].create({"name": "Fine job (career test)"})
        cls.env["hr.job.competency"].create(
            [
                cls._competency_vals(cls.job_fine, skill, levels["Master"], "critical")
                for skill in (cls.alpha, cls.beta, cls.gamma)
            ]
            + [cls._competency_vals(cls.job_fine, cls.delta, levels["Aware"], "nice")]
        )
        cls.role = cls._opportunity(
            "Fine role", kind="open_role", job_id=cls.job_fine.id
        )

    def test_opportunity_fit_below_100_while_a_required_skill_is_at_0(self):
        carl = self.emp_colleague
        suggestions = {
            s["opportunity"]: s
            for s in carl.with_user(self.user_colleague)._get_opportunity_suggestions(
                limit=50
            )
        }
        for opportunity in (self.opportunity, self.role):
            with self.subTest(opportunity=opportunity.name):
                self.assertEqual(suggestions[opportunity]["fit"], 99)
                (candidate,) = [
                    c
                    for c in opportunity.with_user(
                        self.user_owner
                    )._get_internal_candidates(limit=1000)
                    if c["employee"] == carl
                ]
                self.assertEqual(candidate["fit"], 99)
                self.assertEqual(
                    [m["skill"] for m in candidate["missing"]], [self.delta]
                )

    def test_job_fit_below_100_while_a_required_skill_is_at_0(self):
        carl = self.emp_colleague
        carl.job_id = self.job_fine
        self.assertEqual(carl.current_job_fit, 99)
        (row,) = self.env["hr.succession.candidate"]._get_readiness_rows(
            self.job_fine, employee_ids=self.emp_employee.ids
        )
        self.assertEqual(row["readiness"], 0)
