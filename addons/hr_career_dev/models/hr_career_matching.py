# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import SQL

from .. import matching
from .hr_career_opportunity import APPLIED_STATES

COURSE_FIELDS = ["name", "enroll", "website_id", "is_published"]  # a suggestion's


class HrCareerMatching(models.AbstractModel):
    """The matching engine: employees' current levels, the fit of people to
    jobs and opportunities (one formula, :mod:`odoo.addons.hr_career_dev.
    matching`), and the course, mentor, opportunity, candidate and succession
    rankings. Every screen that shows a fit reads it from here. Set-based: a
    bounded number of queries whatever the number of records. No access
    check of its own: the records it is given are the caller's to ask about;
    what it returns is filtered by the current user's record rules where
    said."""

    _name = "hr.career.matching"
    _description = "Career matching engine"

    # ------------------------------------------------------------ levels
    @api.model
    def _current_levels(self, employee_ids, skill_ids=None):
        """``{(employee_id, skill_id): progress}`` of the employees (and the
        skills when given), one query. A skill the employee lacks is absent
        (its progress is 0)."""
        employee_ids = list(employee_ids)
        if not employee_ids or (skill_ids is not None and not skill_ids):
            return {}
        self.env["hr.employee.skill"].flush_model()
        self.env["hr.skill.level"].flush_model(["level_progress"])
        rows = self.env.execute_query(
            SQL(
                "SELECT employee_id, skill_id, progress FROM (%s) cl",
                matching.current_levels_sql(employee_ids, skill_ids),
            )
        )
        return {
            (employee_id, skill_id): progress
            for employee_id, skill_id, progress in rows
        }

    # ------------------------------------------------------------ fit
    @api.model
    def _fit(self, required, levels, weights=None):
        """The fit (0-100) of current levels ``levels`` ({skill_id:
        progress}) for the requirements ``required`` ({skill_id: progress}),
        each skill weighted by ``weights`` ({skill_id: weight}, see
        :func:`matching.importance_weight`; a skill without weight weighs
        :data:`matching.SKILL_LINE_WEIGHT`)."""
        return matching.requirement_fit(required, weights or {}, levels)

    @api.model
    def _get_employee_fit(self, employees):
        """``{(employee_id, scope): fit}`` of the employees for their current
        job (scope ``current``) and target job (``target``), from the gap
        view, one grouped query. A pair without requirement is absent (fit
        100)."""
        if not employees.ids:
            return {}
        # _table_sql carries the view's tables: their pending changes are
        # written first; aggregate figures only
        rows = self.env.execute_query(
            matching.fit_sums_sql(
                SQL(
                    "SELECT * FROM %s WHERE employee_id = ANY(%s)",
                    self.env["hr.competency.gap"]._table_sql,
                    employees.ids,
                ),
                SQL("l.employee_id, l.scope"),
            )
        )
        return {(employee_id, scope): fit for employee_id, scope, _g, _r, fit in rows}

    @api.model
    def _get_job_fit(self, pairs):
        """``{(employee_id, job_id): fit}`` for any ``(employee_id, job_id)``
        pairs (a job without requirement: 100), one query."""
        pairs = list(pairs)
        if not pairs:
            return {}
        self.env.flush_all()
        rows = self.env.execute_query(
            matching.fit_sums_sql(
                matching.competency_lines_sql(
                    SQL(
                        "SELECT * FROM unnest(%s::int[], %s::int[]) "
                        "AS p(employee_id, job_id)",
                        [employee_id for employee_id, _job in pairs],
                        [job_id for _employee, job_id in pairs],
                    )
                ),
                SQL("l.employee_id, l.job_id"),
            )
        )
        fits = {(employee_id, job_id): fit for employee_id, job_id, _g, _r, fit in rows}
        return {pair: fits.get(pair, 100) for pair in pairs}

    # ------------------------------------------------------------ courses
    @api.model
    def _get_course_suggestions(self, employees, limit=5):
        """``{employee_id: suggestions}`` (see
        ``hr.employee._get_course_suggestions``), a fixed number of queries
        whatever the number of employees, courses and skills; only courses the
        current user may see."""
        if not employees.ids:
            return {}
        cr = self.env.cr
        # the queries below read the tables: write the pending changes first
        self.env.flush_all()
        # 1. open gaps (the view is the competency matrix)
        cr.execute(
            SQL(
                """
                SELECT employee_id, skill_id, scope, current_progress,
                       required_progress, importance
                  FROM hr_competency_gap
                 WHERE employee_id = ANY(%s) AND gap > 0
                """,
                employees.ids,
            )
        )
        gaps = cr.fetchall()
        if not gaps:
            return {employee_id: [] for employee_id in employees.ids}
        skill_ids = list({row[1] for row in gaps})
        # 2. published courses teaching these skills, with the level they bring
        cr.execute(
            SQL(
                """
                SELECT cs.channel_id, cs.skill_id, lvl.level_progress
                  FROM slide_channel_skill cs
                  JOIN slide_channel ch ON ch.id = cs.channel_id
                  JOIN hr_skill_level lvl ON lvl.id = cs.level_id
                 WHERE cs.skill_id = ANY(%s) AND ch.active AND ch.is_published
                """,
                skill_ids,
            )
        )
        teaches = defaultdict(list)  # skill_id -> [(channel_id, progress)]
        channel_ids = set()
        for channel_id, skill_id, progress in cr.fetchall():
            teaches[skill_id].append((channel_id, progress))
            channel_ids.add(channel_id)
        if not channel_ids:
            return {employee_id: [] for employee_id in employees.ids}
        # 3. courses each employee already completed
        cr.execute(
            SQL(
                """
                SELECT e.id, scp.channel_id
                  FROM hr_employee e
             LEFT JOIN res_users u ON u.id = e.user_id
                  JOIN slide_channel_partner scp
                    ON scp.partner_id = COALESCE(u.partner_id, e.work_contact_id)
                 WHERE e.id = ANY(%s) AND scp.channel_id = ANY(%s)
                   AND scp.member_status = 'completed' AND scp.active
                """,
                employees.ids,
                list(channel_ids),
            )
        )
        completed = defaultdict(set)
        for employee_id, channel_id in cr.fetchall():
            completed[employee_id].add(channel_id)
        # 4. only courses the current user may see (record rules), read with
        # what a suggestion shows (name, enrolment policy, website): one query
        visible = self.env["slide.channel"].search_fetch(
            [("id", "in", list(channel_ids))], COURSE_FIELDS
        )
        visible_by_id = {channel.id: channel for channel in visible}
        gaps_by_employee = defaultdict(list)
        for row in gaps:
            gaps_by_employee[row[0]].append(row)
        skill_by_id = {s.id: s for s in self.env["hr.skill"].browse(skill_ids)}
        return {
            employee_id: matching.rank_courses(
                gaps_by_employee.get(employee_id, []),
                teaches,
                visible_by_id,
                completed.get(employee_id, set()),
                skill_by_id,
                limit,
            )
            for employee_id in employees.ids
        }

    # ------------------------------------------------------------ opportunities
    @api.model
    def _get_opportunity_requirements(self, opportunity_ids):
        """``(required, weights, developed)``, each ``{opportunity_id:
        {skill_id: value}}``: the required and developed levels and the
        weights of the required skills (open roles: their job's matrix), one
        query (see :func:`matching.merge_requirements`). ``opportunity_ids``:
        a list of ids or an SQL subquery."""
        ids = (
            opportunity_ids
            if isinstance(opportunity_ids, SQL)
            else SQL("SELECT unnest(%s::int[])", list(opportunity_ids))
        )
        return matching.merge_requirements(
            self.env.execute_query(matching.opportunity_skill_rows_sql(ids))
        )

    @api.model
    def _get_opportunity_suggestions(self, employees, limit=10, domain=None):
        """``{employee_id: suggestions}`` (see
        ``hr.employee._get_opportunity_suggestions``) among the open
        opportunities the current user may see (and of ``domain`` when
        given); a fixed number of queries."""
        if not employees.ids:
            return {}
        cr = self.env.cr
        self.env.flush_all()
        Opportunity = self.env["hr.career.opportunity"]
        # sudo: the company of the employees asked about (the opportunities
        # they may see); everything shown is filtered by the user's rules below
        companies = {
            employee.id: employee.company_id.id for employee in employees.sudo()
        }
        # the open opportunities the current user may see (record rules)
        visible = Opportunity._search(
            [
                ("state", "=", "open"),
                ("company_id", "in", list(set(companies.values()))),
                *(domain or []),
            ]
        )
        cr.execute(
            SQL(
                """
                SELECT o.id, o.company_id, o.owner_id
                  FROM hr_career_opportunity o
                 WHERE o.id IN (%(visible)s)
                   AND (o.date_end IS NULL OR o.date_end >= %(today)s)
                   AND o.seats > (
                       SELECT COUNT(*) FROM hr_career_opportunity_application a
                        WHERE a.opportunity_id = o.id AND a.state = 'accepted')
                """,
                visible=visible.subselect(),
                today=fields.Date.context_today(self),
            )
        )
        opportunities = cr.fetchall()
        if not opportunities:
            return {employee_id: [] for employee_id in employees.ids}
        opportunity_ids = [row[0] for row in opportunities]
        required, weights, developed = self._get_opportunity_requirements(
            opportunity_ids
        )
        # the employees' levels, gaps and applications
        levels = defaultdict(dict)
        for (employee_id, skill_id), progress in self._current_levels(
            employees.ids
        ).items():
            levels[employee_id][skill_id] = progress
        cr.execute(
            SQL(
                """
                SELECT employee_id, skill_id, scope, MAX(required_progress)
                  FROM hr_competency_gap
                 WHERE employee_id = ANY(%s) AND gap > 0
              GROUP BY employee_id, skill_id, scope
                """,
                employees.ids,
            )
        )
        gaps = defaultdict(lambda: defaultdict(dict))
        for employee_id, skill_id, scope, level in cr.fetchall():
            gaps[employee_id][skill_id][scope] = level
        cr.execute(
            SQL(
                """
                SELECT employee_id, opportunity_id
                  FROM hr_career_opportunity_application
                 WHERE employee_id = ANY(%s) AND opportunity_id = ANY(%s)
                   AND state IN %s
                """,
                employees.ids,
                opportunity_ids,
                APPLIED_STATES,
            )
        )
        applied = set(cr.fetchall())
        skill_ids = {
            s for rows in (required, developed) for d in rows.values() for s in d
        }
        skill_by_id = {s.id: s for s in self.env["hr.skill"].browse(skill_ids)}
        opportunity_by_id = {o.id: o for o in Opportunity.browse(opportunity_ids)}
        result = {}
        for employee_id in employees.ids:
            rows = [
                matching.rank_opportunity(
                    opportunity_by_id[opportunity_id],
                    required[opportunity_id],
                    weights[opportunity_id],
                    developed[opportunity_id],
                    levels[employee_id],
                    gaps[employee_id],
                    skill_by_id,
                )
                for opportunity_id, company_id, owner_id in opportunities
                if company_id == companies[employee_id]
                and owner_id != employee_id
                and (employee_id, opportunity_id) not in applied
            ]
            rows.sort(key=lambda r: (-r["score"], r["opportunity"].id))
            result[employee_id] = rows[:limit]
        return result

    @api.model
    def _get_internal_candidates(self, opportunity, limit=20):
        """Employees ranked by fit for ``opportunity`` (see
        ``hr.career.opportunity._get_internal_candidates``), best first, among
        those the current user may see; a fixed number of queries whatever the
        number of employees."""
        opportunity.ensure_one()
        self.env.flush_all()
        required, weights, _developed = self._get_opportunity_requirements(
            [opportunity.id]
        )
        required, weights = required[opportunity.id], weights[opportunity.id]
        skill_ids = list(required)
        # the employees the current user may see, as a subquery (record rules)
        visible = self.env["hr.employee"]._search(
            [("company_id", "=", opportunity.company_id.id)]
        )
        weight_of = {
            skill_id: weights.get(skill_id, matching.SKILL_LINE_WEIGHT)
            for skill_id in skill_ids
        }
        terms = matching.line_terms_sql(
            SQL("req.weight"), SQL("req.progress"), SQL("cl.progress")
        )
        # ranked by weighted gap: the same order as the fit, which has the
        # same denominator for everyone. The weighted gap is the whole
        # weighted requirement less what the skills held meet (a skill not
        # held weighs its whole requirement): only the few holders of the
        # required skills are summed, not every employee times every skill;
        # those who hold none share the whole requirement as their gap and
        # come by id, the first ``limit`` of them are enough.
        eligible = SQL(
            """e.active AND e.career_opportunity_opt_in
               AND e.company_id = %(company)s
               AND e.id IS DISTINCT FROM %(owner)s
               AND e.id IN (%(visible)s)
               AND NOT EXISTS (
                   SELECT 1 FROM hr_career_opportunity_application a
                    WHERE a.opportunity_id = %(opportunity)s
                      AND a.employee_id = e.id AND a.state IN %(applied)s)""",
            company=opportunity.company_id.id,
            owner=opportunity.owner_id.id,
            visible=visible.subselect(),
            opportunity=opportunity.id,
            applied=APPLIED_STATES,
        )
        ranked = self.env.execute_query(
            SQL(
                """
                WITH req AS (
                    SELECT * FROM unnest(%(skills)s::int[], %(levels)s::int[],
                                         %(weights)s::int[])
                        AS r(skill_id, progress, weight)
                ), met AS (
                    SELECT cl.employee_id,
                           SUM(%(weighted_required)s - %(weighted_gap)s) AS met
                      FROM req
                      JOIN (%(current)s) cl ON cl.skill_id = req.skill_id
                  GROUP BY cl.employee_id
                )
                SELECT id, weighted_gap FROM (
                    (SELECT e.id, %(total)s - met.met AS weighted_gap
                       FROM met JOIN hr_employee e ON e.id = met.employee_id
                      WHERE %(eligible)s)
                    UNION ALL
                    (SELECT e.id, %(total)s
                       FROM hr_employee e
                      WHERE %(eligible)s
                        AND NOT EXISTS (
                            SELECT 1 FROM met WHERE met.employee_id = e.id)
                   ORDER BY e.id
                      LIMIT %(limit)s)
                ) ranked
              ORDER BY weighted_gap, id
                 LIMIT %(limit)s
                """,
                skills=skill_ids,
                levels=[required[skill_id] for skill_id in skill_ids],
                weights=[weight_of[skill_id] for skill_id in skill_ids],
                # Σ w·required (the third term of each line)
                total=sum(
                    matching.line_terms(weight_of[skill_id], required[skill_id], 0)[2]
                    for skill_id in skill_ids
                ),
                weighted_required=terms["weighted_required"],
                weighted_gap=terms["weighted_gap"],
                current=matching.current_levels_sql(skill_ids=skill_ids),
                eligible=eligible,
                limit=limit,
            )
        )
        levels = (
            self._current_levels(
                [employee_id for employee_id, _gap in ranked], skill_ids
            )
            if ranked
            else {}
        )
        skill_by_id = {s.id: s for s in self.env["hr.skill"].browse(skill_ids)}
        result = []
        for employee_id, _weighted_gap in ranked:
            have = {s: levels.get((employee_id, s), 0) for s in skill_ids}
            fit = matching.requirement_fit(required, weights, have)
            result.append(
                {
                    "employee": self.env["hr.employee"].browse(employee_id),
                    "score": fit,
                    "fit": fit,
                    "missing": [
                        {
                            "skill": skill_by_id[skill_id],
                            "from_progress": have[skill_id],
                            "to_progress": progress,
                        }
                        for skill_id, progress in required.items()
                        if have[skill_id] < progress
                    ],
                }
            )
        return result

    # ------------------------------------------------------------ succession
    @api.model
    def _get_readiness_rows(self, jobs, employee_ids=None, movers_only=False):
        """``[{'job_id', 'employee_id', 'current_job_id', 'readiness',
        'missing_skill_ids', 'months_to_ready', 'has_path',
        'open_action_count', 'weighted_gap', 'weighted_required'}]`` for the
        ``jobs`` and every candidate employee (or only ``employee_ids``; with
        ``movers_only``, nobody above the job: see
        :func:`matching.readiness_sql`), one query whatever the number of
        employees. No access check: callers check first."""
        if not jobs.ids:
            return []
        # the query reads the tables: write the pending changes first
        self.env.flush_all()
        rows = self.env.execute_query(
            matching.readiness_sql(
                jobs.ids, self.env.companies.ids, employee_ids, movers_only
            )
        )
        return [
            {
                "job_id": job_id,
                "employee_id": employee_id,
                "current_job_id": current_job_id,
                "readiness": readiness,
                "missing_skill_ids": list(missing),
                "months_to_ready": matching.months_to_ready(
                    weighted_gap, weighted_required, typical_months, actions
                ),
                "has_path": typical_months is not None,
                "open_action_count": actions,
                "weighted_gap": weighted_gap,
                "weighted_required": weighted_required,
            }
            for (
                job_id,
                employee_id,
                current_job_id,
                weighted_gap,
                weighted_required,
                readiness,
                missing,
                typical_months,
                actions,
            ) in rows
        ]
