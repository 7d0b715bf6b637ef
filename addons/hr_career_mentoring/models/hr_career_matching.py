# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, models
from odoo.tools import SQL


class HrCareerMatching(models.AbstractModel):
    """Mentor suggestions from the mentoring programme: for a skill the
    programme covers in the employee's company (a mentor profile offers it),
    the open mentors with a free place holding it at the needed level, ranked
    by level above the need (above before exactly at it: how far above does
    not count, or the few experts would top every list), places left, another
    department first, the same work location, then a stable draw per mentee
    (not the name): equal mentors are spread over the mentees. A skill no
    profile offers keeps the ranking of hr_career_dev (the colleagues who
    hold it)."""

    _inherit = "hr.career.matching"

    @api.model
    def _get_mentor_suggestions(self, needs, limit=5):
        rows, covered = self._mentor_programme_rows(needs, limit)
        result = self._mentor_programme_result(rows, covered)
        fallback = {
            key: progress for key, progress in needs.items() if key not in covered
        }
        if fallback:
            result.update(super()._get_mentor_suggestions(fallback, limit=limit))
        return result

    @api.model
    def _mentor_programme_result(self, rows, covered):
        Employee = self.env["hr.employee"]
        by_need = defaultdict(list)
        for row in rows:
            by_need[row["employee_id"], row["skill_id"]].append(
                row["mentor_employee_id"]
            )
        return {key: Employee.browse(by_need.get(key, [])) for key in covered}

    @api.model
    def _get_mentor_suggestions_explained(self, needs, limit=5):
        """``{(employee_id, skill_id): [{"mentor": hr.career.mentor,
        "why": str}, ...]}`` of the programme's mentors for ``needs``
        (``{(employee_id, skill_id): minimum progress}``), best first, with
        why each one: "knows Python at level Expert, 1 place left, Finance"."""
        rows, covered = self._mentor_programme_rows(needs, limit)
        Mentor = self.env["hr.career.mentor"]
        # one read per model for all rows (prefetched recordsets)
        mentors = Mentor.browse([row["mentor_id"] for row in rows])
        skills = self.env["hr.skill"].browse([row["skill_id"] for row in rows])
        levels = self.env["hr.skill.level"].browse([row["level_id"] for row in rows])
        departments = self.env["hr.department"].browse(
            [row["department_id"] for row in rows if row["department_id"]]
        )
        skills.mapped("name"), levels.mapped("name"), departments.mapped("name")
        result = {key: [] for key in covered}
        for row in rows:
            places = row["places_left"]
            values = {
                "skill": skills.browse(row["skill_id"]).name,
                "level": levels.browse(row["level_id"]).name,
                "places": places,
                "department": departments.browse(row["department_id"]).name
                or self.env._("no department"),
            }
            why = (
                self.env._(
                    "knows %(skill)s at level %(level)s, 1 place left, %(department)s",
                    **values,
                )
                if places == 1
                else self.env._(
                    "knows %(skill)s at level %(level)s, %(places)s places left, "
                    "%(department)s",
                    **values,
                )
            )
            result[row["employee_id"], row["skill_id"]].append(
                {"mentor": mentors.browse(row["mentor_id"]), "why": why}
            )
        return result

    @api.model
    def _mentor_programme_rows(self, needs, limit):
        """``(rows, covered)``: the ranked mentors of each need (dicts, at
        most ``limit`` per need) and the needs whose skill the programme
        covers in the employee's company. One query whatever the number of
        needs, mentors and employees: each need reads, through the indexes,
        the open profiles offering its skill, ranked and cut in SQL."""
        if not needs:
            return [], set()
        for model in (
            "hr.career.mentor",
            "hr.career.mentorship",
            "hr.employee.skill",
            "hr.skill.level",
            "hr.employee",
        ):
            self.env[model].flush_model()
        companies = self.env.companies.ids
        rows = self.env.execute_query_dict(
            SQL(
                """
                SELECT need.employee_id, need.skill_id, best.*
                  FROM (
                    SELECT n.employee_id, n.skill_id, n.progress,
                           me.company_id, me.department_id, me.work_location_id
                      FROM (VALUES %(needs)s) AS n(employee_id, skill_id, progress)
                      JOIN hr_employee me ON me.id = n.employee_id
                     WHERE me.company_id = ANY(%(companies)s)
                       AND EXISTS (
                           SELECT 1
                             FROM hr_career_mentor_hr_skill_rel r
                             JOIN hr_career_mentor m ON m.id = r.mentor_id
                            WHERE r.skill_id = n.skill_id
                              AND m.company_id = me.company_id)
                  ) need
                  LEFT JOIN LATERAL (
                    SELECT m.id AS mentor_id, m.employee_id AS mentor_employee_id,
                           m.places_left, es.skill_level_id AS level_id,
                           e.department_id,
                           row_number() OVER (
                             ORDER BY
                               lvl.level_progress > need.progress DESC,
                               -- capacity in two bands (the last place
                               -- last): the bigger capacities do not take
                               -- every list
                               LEAST(m.places_left, 2) DESC,
                               e.department_id IS NOT DISTINCT FROM
                                   need.department_id,
                               e.work_location_id IS DISTINCT FROM
                                   need.work_location_id,
                               md5(need.employee_id || '/' || m.id),
                               m.id
                           ) AS rank
                      FROM hr_career_mentor_hr_skill_rel r
                      JOIN hr_career_mentor m ON m.id = r.mentor_id
                      JOIN hr_employee e ON e.id = m.employee_id
                      JOIN hr_employee_skill es
                        ON es.employee_id = m.employee_id
                       AND es.skill_id = r.skill_id
                      JOIN hr_skill_level lvl ON lvl.id = es.skill_level_id
                     WHERE r.skill_id = need.skill_id
                       AND m.company_id = need.company_id
                       AND m.state = 'open'
                       AND m.places_left > 0
                       AND e.active
                       AND m.employee_id <> need.employee_id
                       AND lvl.level_progress >= need.progress
                       AND NOT EXISTS (
                           SELECT 1 FROM hr_career_mentorship ms
                            WHERE ms.mentor_id = m.id
                              AND ms.mentee_id = need.employee_id
                              AND ms.state IN ('requested', 'active'))
                     ORDER BY rank
                     LIMIT %(limit)s
                  ) best ON TRUE
                 ORDER BY need.employee_id, need.skill_id, best.rank
                """,
                needs=SQL(", ").join(
                    SQL("(%s, %s, %s)", employee_id, skill_id, progress)
                    for (employee_id, skill_id), progress in needs.items()
                ),
                companies=companies,
                limit=limit,
            )
        )
        covered = {(row["employee_id"], row["skill_id"]) for row in rows}
        # the LEFT JOIN keeps a covered need without any free mentor once,
        # with no mentor: it is covered (no fallback) but has no suggestion
        return [row for row in rows if row["mentor_id"]], covered
