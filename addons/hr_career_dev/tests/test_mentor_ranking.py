# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from ..models.hr_career_matching_mentors import HOLDER_WINDOW
from .common import CareerCase


@tagged("post_install", "-at_install")
class TestMentorRanking(CareerCase):
    """``hr.career.matching._get_mentor_suggestions`` walks the levels of a
    skill from the top and reads the first holders of each level by employee
    id: its answer is the set-based one (every active holder of the
    employee's company at or above the need, highest progress first, then
    by employee id, never the employee), at any size, for the same number
    of queries."""

    def _expected(self, needs, limit):
        """The answer computed from every skill line, in Python."""
        allowed = set(self.env.companies.ids)
        lines = self.env["hr.employee.skill"].search(
            [("skill_id", "in", list({skill for _e, skill in needs}))]
        )
        result = {}
        for (employee_id, skill_id), min_progress in needs.items():
            employee = self.env["hr.employee"].browse(employee_id)
            holders = [
                (line.skill_level_id.level_progress, line.employee_id.id)
                for line in lines
                if line.skill_id.id == skill_id
                and line.employee_id.active
                and line.employee_id.company_id == employee.company_id
                and employee.company_id.id in allowed
                and line.employee_id.id != employee_id
                and line.skill_level_id.level_progress >= min_progress
            ]
            holders.sort(key=lambda h: (-h[0], h[1]))
            result[employee_id, skill_id] = [h[1] for h in holders[:limit]]
        return result

    def _needs(self):
        return {
            (self.emp_employee.id, self.python.id): 80,
            (self.emp_employee.id, self.sql.id): 50,
            (self.emp_colleague.id, self.python.id): 0,
            (self.emp_manager.id, self.python.id): 100,
            (self.emp_skip.id, self.communication.id): 25,
            (self.emp_b.id, self.python.id): 20,
        }

    def _suggest(self, needs, limit):
        Matching = self.env["hr.career.matching"]
        Matching._get_mentor_suggestions(needs, limit=limit)  # warm caches
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        found = Matching._get_mentor_suggestions(needs, limit=limit)
        count = self.env.cr.sql_log_count - before
        return {key: mentors.ids for key, mentors in found.items()}, count

    def _grow(self):
        """60 more holders of Python, SQL and Communication at every level,
        some archived, some in company B; in an order where names and ids
        disagree."""
        Employee = self.env["hr.employee"]
        levels = {
            self.python: [self.beginner, self.intermediate, self.advanced, self.expert],
            self.sql: [self.beginner, self.intermediate, self.advanced, self.expert],
            self.communication: [self.basic, self.good],
        }
        employees = Employee.create(
            [
                {
                    "name": f"{chr(ord('Z') - i % 26)} Holder {i:02d}",
                    "company_id": (self.company_b if i % 7 == 0 else self.company_a).id,
                }
                for i in range(60)
            ]
        )
        vals = []
        for i, employee in enumerate(employees):
            for skill, skill_levels in levels.items():
                if (i + skill.id) % 3:
                    vals.append(
                        self._skill_vals(
                            employee,
                            skill,
                            skill_levels[(i * 5 + skill.id) % 4 % len(skill_levels)],
                        )
                    )
        self.env["hr.employee.skill"].create(vals)
        employees.filtered(lambda e: e.id % 5 == 0).action_archive()

    def test_same_answer_and_queries_at_two_sizes(self):
        needs = self._needs()
        for limit in (1, 3):
            found, _count = self._suggest(needs, limit)
            self.assertEqual(found, self._expected(needs, limit))
        small_found, small = self._suggest(needs, 3)
        self._grow()
        for limit in (1, 3, 10):
            found, _count = self._suggest(needs, limit)
            self.assertEqual(found, self._expected(needs, limit))
        large_found, large = self._suggest(needs, 3)
        self.assertEqual(large, small)
        self.assertNotEqual(large_found, small_found)  # the new holders count
        self.env.invalidate_all()
        with self.assertQueryCount(small):
            self.env["hr.career.matching"]._get_mentor_suggestions(needs, limit=3)

    def test_holders_of_one_level_come_by_employee_id_not_name(self):
        self._grow()
        found = self.emp_manager._get_mentor_suggestions(self.python, 100, limit=10)
        self.assertEqual(found.ids, sorted(found.ids))
        self.assertNotEqual(found.ids, found.sorted("name").ids)

    def test_level_whose_first_holders_are_not_eligible(self):
        """The first holders of a level by id are archived or of another
        company, more of them than the ranking reads first: every holder of
        the level is read then, and the answer is still the set-based one."""
        window = 1 + 1 + HOLDER_WINDOW  # limit 1
        holders = self.env["hr.employee"].create(
            [
                {
                    "name": f"JavaScript Expert {i:02d}",
                    "company_id": (self.company_b if i % 2 else self.company_a).id,
                }
                for i in range(window * 2 + 3)
            ]
        )
        self.env["hr.employee.skill"].create(
            [self._skill_vals(holder, self.js, self.expert) for holder in holders]
        )
        holders[: window * 2].filtered(
            lambda h: h.company_id == self.company_a
        ).action_archive()
        needs = {
            (self.emp_employee.id, self.js.id): 100,
            (self.emp_b.id, self.js.id): 100,
        }
        for limit in (1, 3):
            found, _count = self._suggest(needs, limit)
            self.assertEqual(found, self._expected(needs, limit))
        found, _count = self._suggest(needs, 1)
        self.assertEqual(
            found[self.emp_employee.id, self.js.id], [holders[window * 2].id]
        )

    def test_holders_index_exists(self):
        self.env.cr.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
            ["hr_employee_skill_skill_level_employee_idx"],
        )
        (definition,) = self.env.cr.fetchone()
        self.assertIn("(skill_id, skill_level_id, employee_id)", definition)
