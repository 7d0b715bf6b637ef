# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, models
from odoo.tools import SQL

HOLDER_WINDOW = 4  # holders read per level beyond limit + 1 (mentor ranking)


class HrCareerMatchingMentors(models.AbstractModel):
    """The matching engine's mentor ranking (hr.career.matching): who holds
    a skill at or above a need, best level first."""

    _inherit = "hr.career.matching"

    # ------------------------------------------------------------ mentors
    @api.model
    def _get_mentor_suggestions(self, needs, limit=5):
        """``{(employee_id, skill_id): hr.employee}`` for ``needs``,
        ``{(employee_id, skill_id): minimum progress}``: active colleagues of
        the employee's company (among the allowed companies) holding the skill
        at or above that progress (their current level, see
        :func:`matching.current_levels_sql`), highest level first, then by
        employee id (not by name: an index gives id order without reading
        every holder).

        One query whatever the number of needs. Per level at or above the
        need and company: the first ``limit`` + 1 + ``HOLDER_WINDOW``
        holders by id from the index on ``hr_employee_skill (skill_id,
        skill_level_id, employee_id)``, the eligible ones kept (active, of
        the company); every holder of the level only when fewer than
        ``limit`` + 1 are eligible there. The cost does not grow with the
        size of the company."""
        if not needs:
            return {}
        Employee = self.env["hr.employee"]
        # sudo: the company of the employees asked about, to pick their colleagues
        company_of = {
            employee.id: employee.company_id.id
            for employee in Employee.sudo().browse({e for e, _skill in needs})
        }
        companies = set(company_of.values()) & set(self.env.companies.ids)
        lowest = {}  # skill id -> the lowest progress asked for it
        for (_employee_id, skill_id), progress in needs.items():
            lowest[skill_id] = min(progress, lowest.get(skill_id, progress))
        by_skill = defaultdict(list)  # (skill id, company id) -> best holders
        if companies:
            self.env["hr.employee.skill"].flush_model()
            self.env["hr.skill"].flush_model(["skill_type_id"])
            self.env["hr.skill.level"].flush_model(["skill_type_id", "level_progress"])
            Employee.flush_model(["company_id", "active"])
            # skill levels are readable by all employees (hr_skills rule); the
            # rows of matching.current_levels_sql, read level by level
            rows = self.env.execute_query(
                SQL(
                    """
                    SELECT skill_id, company_id, employee_id, progress
                      FROM (
                        SELECT step.skill_id, step.company_id, h.employee_id,
                               step.progress,
                               row_number() OVER (
                                   PARTITION BY step.skill_id, step.company_id
                                   ORDER BY step.progress DESC, h.employee_id
                               ) AS rank
                          FROM (
                            SELECT need.skill_id, lvl.id AS level_id,
                                   lvl.level_progress AS progress, c.company_id
                              FROM (VALUES %(lowest)s) AS need(skill_id, progress)
                              JOIN hr_skill s ON s.id = need.skill_id
                              JOIN hr_skill_level lvl
                                ON lvl.skill_type_id = s.skill_type_id
                               AND lvl.level_progress >= need.progress
                             CROSS JOIN unnest(%(companies)s::int[])
                                   AS c(company_id)
                          ) step
                          CROSS JOIN LATERAL (
                            -- the eligible of the first holders by id
                            -- (index-only range scan), else all of them
                            WITH near AS (
                                SELECT first.employee_id
                                  FROM (
                                    SELECT es.employee_id
                                      FROM hr_employee_skill es
                                     WHERE es.skill_id = step.skill_id
                                       AND es.skill_level_id = step.level_id
                                     ORDER BY es.employee_id
                                     LIMIT %(window)s
                                  ) first
                                  JOIN hr_employee e ON e.id = first.employee_id
                                 WHERE e.active AND e.company_id = step.company_id
                            )
                            SELECT pool.employee_id
                              FROM (
                                SELECT employee_id FROM near
                                 WHERE (SELECT count(*) FROM near) >= %(best)s
                                UNION ALL
                                SELECT es.employee_id
                                  FROM hr_employee_skill es
                                  JOIN hr_employee e ON e.id = es.employee_id
                                 WHERE (SELECT count(*) FROM near) < %(best)s
                                   AND es.skill_id = step.skill_id
                                   AND es.skill_level_id = step.level_id
                                   AND e.active AND e.company_id = step.company_id
                              ) pool
                             ORDER BY pool.employee_id
                             LIMIT %(best)s
                          ) h
                      ) ranked
                     WHERE rank <= %(best)s
                     ORDER BY skill_id, company_id, rank
                    """,
                    lowest=SQL(", ").join(
                        SQL("(%s::int, %s::float8)", skill_id, progress)
                        for skill_id, progress in lowest.items()
                    ),
                    companies=sorted(companies),
                    best=limit + 1,
                    window=limit + 1 + HOLDER_WINDOW,
                )
            )
            for skill_id, company_id, mentor_id, progress in rows:
                by_skill[skill_id, company_id].append((mentor_id, progress))
        result = {}
        for (employee_id, skill_id), min_progress in needs.items():
            mentor_ids = [
                mentor_id
                for mentor_id, progress in by_skill.get(
                    (skill_id, company_of[employee_id]), ()
                )
                if mentor_id != employee_id and progress >= min_progress
            ]
            result[employee_id, skill_id] = Employee.browse(mentor_ids[:limit])
        return result
