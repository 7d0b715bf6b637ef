# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, models
from odoo.tools import SQL

from .hr_career_mentor import MENTOR_DRAW

# a need's mentors are ranked among the eligible ones of the first
# MENTOR_WINDOW profiles offering its skill in the mentee's draw order (every
# profile when fewer than the mentors asked are eligible there): a need reads
# a bounded number of profiles however many offer the skill
MENTOR_WINDOW = 100
# the mentee's start on the circle of draws (another multiplier than
# MENTOR_DRAW's: the mentee with a mentor's id does not start at that mentor)
MENTEE_STEP = 2246822519


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
        needs, mentors and employees, and a bounded cost per need: each need
        walks the profiles offering its skill in its mentee's draw order (a
        start on the circle of draws per mentee, ``MENTOR_DRAW`` per
        profile, by an index) and ranks the eligible ones among the first
        ``MENTOR_WINDOW``, not every profile of the skill: a uniform sample
        per mentee, so the mentors of the best bands are still spread over
        the mentees. Only when fewer than ``limit`` of them are eligible
        (most full, paused or below the need) are all the profiles offering
        the skill ranked, as when fewer than ``MENTOR_WINDOW`` offer it."""
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
        window = max(MENTOR_WINDOW, limit)
        draw = SQL(MENTOR_DRAW % "r.mentor_id")
        # the first ``window`` profiles offering the skill on the circle of
        # draws from the mentee's start, then from its beginning: each arm
        # an index range scan (hr_career_mentor_hr_skill_rel_draw_idx)
        walk_near = SQL(
            """
            (SELECT r.mentor_id
               FROM hr_career_mentor_hr_skill_rel r
              WHERE r.skill_id = need.skill_id AND %(draw)s >= need.draw_start
              ORDER BY %(draw)s
              LIMIT %(window)s)
            UNION ALL
            (SELECT r.mentor_id
               FROM hr_career_mentor_hr_skill_rel r
              WHERE r.skill_id = need.skill_id AND %(draw)s < need.draw_start
              ORDER BY %(draw)s
              LIMIT %(window)s)
            LIMIT %(window)s
            """,
            draw=draw,
            window=window,
        )
        # every profile offering the skill
        walk_all = SQL(
            "SELECT r.mentor_id FROM hr_career_mentor_hr_skill_rel r"
            " WHERE r.skill_id = need.skill_id"
        )

        def eligible(walk):
            """The open profiles with a free place of ``walk`` whose
            employee may mentor the need."""
            return SQL(
                """
                SELECT m.id AS mentor_id, m.employee_id AS mentor_employee_id,
                       m.places_left, es.skill_level_id AS level_id,
                       lvl.level_progress, e.department_id, e.work_location_id
                  FROM (%(walk)s) w
                  JOIN hr_career_mentor m ON m.id = w.mentor_id
                  JOIN hr_employee e ON e.id = m.employee_id
                  JOIN hr_employee_skill es
                    ON es.employee_id = m.employee_id
                   AND es.skill_id = need.skill_id
                  JOIN hr_skill_level lvl ON lvl.id = es.skill_level_id
                 WHERE m.company_id = need.company_id
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
                """,
                walk=walk,
            )

        rows = self.env.execute_query_dict(
            SQL(
                """
                SELECT need.employee_id, need.skill_id, best.*
                  FROM (
                    SELECT n.employee_id, n.skill_id, n.progress,
                           (n.employee_id::bigint * %(mentee_step)s)
                               & 4294967295 AS draw_start,
                           me.company_id, me.department_id, me.work_location_id
                      FROM (VALUES %(needs)s) AS n(employee_id, skill_id, progress)
                      JOIN hr_employee me ON me.id = n.employee_id
                     -- the mentees by primary key (not every employee of
                     -- the companies, which grew with the company); of the
                     -- allowed companies: a profile of their company
                     WHERE me.id = ANY(%(mentee_ids)s)
                       AND EXISTS (
                           SELECT 1
                             FROM hr_career_mentor_hr_skill_rel r
                             JOIN hr_career_mentor m ON m.id = r.mentor_id
                            WHERE r.skill_id = n.skill_id
                              AND m.company_id = me.company_id
                              AND m.company_id = ANY(%(companies)s))
                  ) need
                  LEFT JOIN LATERAL (
                    -- the pool: the eligible profiles among the near ones
                    -- (bounded), or among every profile offering the skill
                    -- when fewer than the mentors asked are eligible there
                    WITH near AS (%(eligible_near)s),
                    pool AS (
                        SELECT * FROM near
                         WHERE (SELECT count(*) FROM near) >= %(limit)s
                        UNION ALL
                        SELECT * FROM (%(eligible_all)s) everyone
                         WHERE (SELECT count(*) FROM near) < %(limit)s
                    )
                    SELECT pool.mentor_id, pool.mentor_employee_id,
                           pool.places_left, pool.level_id, pool.department_id,
                           row_number() OVER (
                             ORDER BY
                               pool.level_progress > need.progress DESC,
                               -- capacity in two bands (the last place
                               -- last): the bigger capacities do not take
                               -- every list
                               LEAST(pool.places_left, 2) DESC,
                               pool.department_id IS NOT DISTINCT FROM
                                   need.department_id,
                               pool.work_location_id IS DISTINCT FROM
                                   need.work_location_id,
                               md5(need.employee_id || '/' || pool.mentor_id),
                               pool.mentor_id
                           ) AS rank
                      FROM pool
                     ORDER BY rank
                     LIMIT %(limit)s
                  ) best ON TRUE
                 ORDER BY need.employee_id, need.skill_id, best.rank
                """,
                needs=SQL(", ").join(
                    SQL("(%s, %s, %s)", employee_id, skill_id, progress)
                    for (employee_id, skill_id), progress in needs.items()
                ),
                mentee_step=MENTEE_STEP,
                mentee_ids=sorted({employee_id for employee_id, _skill in needs}),
                eligible_near=eligible(walk_near),
                eligible_all=eligible(walk_all),
                companies=companies,
                limit=limit,
            )
        )
        covered = {(row["employee_id"], row["skill_id"]) for row in rows}
        # the LEFT JOIN keeps a covered need without any free mentor once,
        # with no mentor: it is covered (no fallback) but has no suggestion
        return [row for row in rows if row["mentor_id"]], covered
