# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Succession candidates for a job (see readme/DESCRIPTION.md).

Tech Lead requires Python 100 critical (w 3), Communication 75 important (w 2)
and SQL 80 nice (w 1): Σ w·required = 300 + 150 + 80 = 530.

    Rita Ready      Python 100, Communication 75, SQL 80  → gap   0 → 100 %
    Carl Colleague  Python 100, SQL 50 (Developer)        → gap 180 →  66 %
    Sabine Skip     Python 100 (no job)                    → gap 230 →  57 %
    Marc Manager    Python 80 (no job)                     → gap 290 →  45 %
    Emma Employee   Python 50, SQL 80 (Developer)          → gap 300 →  43 %

A career path Developer → Tech Lead takes 18 months.

Only plausible movers are candidates: Sabine (top of the chart) and Marc
(the manager of Tech Lead's department) are above the job's level; Rita has
no manager and no report, so no level to compare.
"""

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CareerCase


@tagged("post_install", "-at_install")
class TestSuccession(CareerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.department = cls.env["hr.department"].create(
            {"name": "Engineering (succession test)", "manager_id": cls.emp_manager.id}
        )
        cls.job_lead.department_id = cls.department
        cls.env["hr.career.path"].create(
            {
                "from_job_id": cls.job_dev.id,
                "to_job_id": cls.job_lead.id,
                "typical_months": 18,
            }
        )
        cls.emp_ready = cls.env["hr.employee"].create({"name": "Rita Ready"})
        cls.env["hr.employee.skill"].create(
            [
                cls._skill_vals(cls.emp_ready, cls.python, cls.expert),
                cls._skill_vals(cls.emp_ready, cls.communication, cls.good),
                cls._skill_vals(cls.emp_ready, cls.sql, cls.advanced),
            ]
        )
        cls.ours = (
            cls.emp_ready
            | cls.emp_colleague
            | cls.emp_skip
            | cls.emp_manager
            | cls.emp_employee
        )

    def _candidates(self, job=None, user=None):
        job = job or self.job_lead
        if user:
            job = job.with_user(user)
        return {
            row["employee_id"]: row
            for row in job._get_succession_candidates()
            if row["employee_id"] in self.ours.ids + [self.emp_b.id]
        }

    def test_candidates_ranked_by_weighted_readiness(self):
        rows = self._candidates()
        readiness = {employee_id: row["readiness"] for employee_id, row in rows.items()}
        self.assertEqual(
            readiness,
            {
                self.emp_ready.id: 100,
                self.emp_colleague.id: 66,
                self.emp_employee.id: 43,
            },
        )
        ranked = sorted(rows.values(), key=lambda r: r["rank"])
        self.assertEqual(
            [r["employee_id"] for r in ranked],
            (self.emp_ready | self.emp_colleague | self.emp_employee).ids,
        )

    def test_only_plausible_movers_are_candidates(self):
        """Never the top of the chart at 0 % "ready in 12 months": above the
        job's level or without anything it requires, only a career path to
        the job makes a candidate (issue 29, item 4)."""
        Employee = self.env["hr.employee"]
        zero = Employee.create({"name": "Zed Zero", "parent_id": self.emp_manager.id})
        on_path = Employee.create(
            {
                "name": "Paula Path",
                "parent_id": self.emp_manager.id,
                "job_id": self.job_dev.id,
            }
        )
        deeper = Employee.create(
            {"name": "Quinn Deeper", "parent_id": self.emp_employee.id}
        )
        self.env["hr.employee.skill"].create(
            self._skill_vals(deeper, self.python, self.advanced)
        )
        # the chart's top, with every skill the job requires: still above
        self.env["hr.employee.skill"].create(
            [
                self._skill_vals(self.emp_skip, self.communication, self.good),
                self._skill_vals(self.emp_skip, self.sql, self.advanced),
            ]
        )
        self.ours |= zero | on_path | deeper
        rows = self._candidates()
        for above in (self.emp_skip, self.emp_manager):
            self.assertNotIn(above.id, rows, f"{above.name} is above the job")
        self.assertNotIn(zero.id, rows, "nothing of the job and no path to it")
        self.assertIn(on_path.id, rows, "a career path leads to the job")
        self.assertEqual(rows[on_path.id]["readiness"], 0)
        self.assertIn(deeper.id, rows, "a move up the chart")
        self.assertIn(self.emp_ready.id, rows, "no level to compare: listed")
        # the job's level comes from its holders once somebody holds it: a
        # holder under Emma puts the job one level lower, Emma above it
        Employee.create(
            {
                "name": "Hana Holder",
                "parent_id": self.emp_employee.id,
                "job_id": self.job_lead.id,
            }
        )
        rows = self._candidates()
        self.assertNotIn(self.emp_employee.id, rows, "manages a holder")
        self.assertIn(self.emp_colleague.id, rows, "a career path leads to it")
        self.assertIn(deeper.id, rows, "at the holders' level")
        # the engine's rows, unfiltered, still read anybody (career map)
        (row,) = self.env["hr.succession.candidate"]._get_readiness_rows(
            self.job_lead, employee_ids=self.emp_skip.ids
        )
        self.assertEqual(row["readiness"], 100)

    def test_missing_competencies_most_important_first(self):
        rows = self._candidates()
        self.assertEqual(rows[self.emp_ready.id]["missing_skill_ids"], [])
        self.assertEqual(
            rows[self.emp_employee.id]["missing_skill_ids"],
            [self.python.id, self.communication.id],
        )
        self.assertEqual(
            rows[self.emp_colleague.id]["missing_skill_ids"],
            [self.communication.id, self.sql.id],
        )

    def test_other_company_and_job_holders_are_not_candidates(self):
        holder = self.env["hr.employee"].create(
            {"name": "Lea Lead", "job_id": self.job_lead.id}
        )
        rows = {r["employee_id"] for r in self.job_lead._get_succession_candidates()}
        self.assertNotIn(self.emp_b.id, rows)
        self.assertNotIn(holder.id, rows)
        self.assertIn(self.emp_employee.id, rows)

    def test_time_to_ready_rule(self):
        rows = self._candidates()
        # nothing missing: ready now
        self.assertEqual(rows[self.emp_ready.id]["months_to_ready"], 0)
        # on the 18-month path: ceil(18 * 180 / 530) = ceil(6.1) = 7
        self.assertTrue(rows[self.emp_colleague.id]["has_path"])
        self.assertEqual(rows[self.emp_colleague.id]["months_to_ready"], 7)
        # ceil(18 * 300 / 530) = ceil(10.2) = 11
        self.assertEqual(rows[self.emp_employee.id]["months_to_ready"], 11)
        # no path: 12 months; ceil(12 * 230 / 530) = ceil(5.2) = 6 (Sabine,
        # above the job, is no candidate: the engine's row)
        (skip,) = self.env["hr.succession.candidate"]._get_readiness_rows(
            self.job_lead, employee_ids=self.emp_skip.ids
        )
        self.assertFalse(skip["has_path"])
        self.assertEqual(skip["months_to_ready"], 6)

    def test_time_to_ready_minus_open_actions_on_missing_skills(self):
        plan = self.env["hr.development.plan"].create(
            {"employee_id": self.emp_employee.id, "state": "active"}
        )
        self.env["hr.development.action"].create(
            [
                {
                    "name": name,
                    "plan_id": plan.id,
                    "action_type": "mentoring",
                    "skill_id": skill.id,
                    "state": state,
                }
                for name, skill, state in [
                    ("Public speaking", self.communication, "todo"),
                    ("Python pairing", self.python, "in_progress"),
                    ("Done already", self.python, "done"),
                    ("Not missing", self.sql, "todo"),
                ]
            ]
        )
        row = self._candidates()[self.emp_employee.id]
        self.assertEqual(row["open_action_count"], 2)
        self.assertEqual(row["months_to_ready"], 11 - 2)

    def test_time_to_ready_floor_is_one_month(self):
        job = self.env["hr.succession.candidate"]
        self.assertEqual(job._months_to_ready(0, 530, 18, 3), 0)
        self.assertEqual(job._months_to_ready(10, 530, 18, 5), 1)
        self.assertEqual(job._months_to_ready(530, 530, None, 0), 12)
        self.assertEqual(job._months_to_ready(265, 530, 0, 0), 1)

    def test_access_hr_officer_and_department_manager(self):
        self.assertIn(self.emp_employee.id, self._candidates(user=self.user_hr))
        self.assertIn(self.emp_employee.id, self._candidates(user=self.user_manager))

    def test_access_refused_to_employees(self):
        for user in (self.user_employee, self.user_colleague, self.user_skip):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.job_lead.with_user(user)._get_succession_candidates()
        # another department's job: the manager of Engineering may not see it
        with self.assertRaises(AccessError):
            self.job_dev.with_user(self.user_manager)._get_succession_candidates()

    def test_action_opens_ranked_candidates(self):
        action = self.job_lead.with_user(
            self.user_hr
        ).action_open_succession_candidates()
        rows = self.env["hr.succession.candidate"].search(action["domain"])
        by_employee = {row.employee_id: row for row in rows}
        self.assertEqual(by_employee[self.emp_ready].rank, 1)
        self.assertEqual(by_employee[self.emp_employee].readiness, 43)
        self.assertEqual(
            by_employee[self.emp_employee].missing_skill_ids,
            self.python | self.communication,
        )
        with self.assertRaises(AccessError):
            self.job_lead.with_user(
                self.user_employee
            ).action_open_succession_candidates()

    def test_department_manager_opens_the_list(self):
        action = self.job_lead.with_user(
            self.user_manager
        ).action_open_succession_candidates()
        rows = (
            self.env["hr.succession.candidate"]
            .with_user(self.user_manager)
            .search(action["domain"])
        )
        names = {
            row["employee_id"][1]
            for row in rows.read(["employee_id", "readiness", "missing_skill_ids"])
        }
        self.assertIn("Emma Employee", names)
        self.assertIn("Rita Ready", names)

    def test_query_count_flat_in_number_of_employees(self):
        company = self.env["res.company"].create({"name": "Succession Query Co"})
        job = self.env["hr.job"].create(
            {
                "name": "Architect (succession test)",
                "company_id": company.id,
                "competency_ids": [
                    Command.create(
                        {
                            "skill_id": self.python.id,
                            "required_level_id": self.expert.id,
                            "importance": "critical",
                        }
                    ),
                    Command.create(
                        {
                            "skill_id": self.communication.id,
                            "required_level_id": self.good.id,
                            "importance": "important",
                        }
                    ),
                ],
            }
        )
        job = job.with_context(allowed_company_ids=[company.id])

        def add_employees(count, start):
            employees = self.env["hr.employee"].create(
                [
                    {"name": f"Candidate {start + n}", "company_id": company.id}
                    for n in range(count)
                ]
            )
            self.env["hr.employee.skill"].create(
                [
                    self._skill_vals(employee, self.python, self.intermediate)
                    for employee in employees
                ]
            )

        add_employees(5, 0)
        job._get_succession_candidates()  # warm the caches
        with self.assertQueryCount(1):
            rows = job._get_succession_candidates()
        self.assertEqual(len(rows), 5)
        add_employees(35, 5)
        with self.assertQueryCount(1):
            rows = job._get_succession_candidates()
        self.assertEqual(len(rows), 40)
