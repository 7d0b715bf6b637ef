# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import SQL

from .hr_career_opportunity import APPLIED_STATES, DIGEST_LIMIT, GROWTH_WEIGHT


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    career_opportunity_opt_in = fields.Boolean(
        string="Suggest for Internal Opportunities",
        default=True,
        groups="hr.group_hr_user",
        help="Owners of internal opportunities see this employee among the "
        "ranked candidates, and the employee receives the weekly digest.",
    )
    career_opportunity_application_ids = fields.One2many(
        "hr.career.opportunity.application",
        "employee_id",
        string="Opportunity Applications",
    )
    career_opportunity_application_count = fields.Integer(
        compute="_compute_career_opportunity_application_count"
    )

    @api.model_create_multi
    def create(self, vals_list):
        # the default of the employee's company, not of the current one
        companies = self.env["res.company"].browse(
            {vals.get("company_id") or self.env.company.id for vals in vals_list}
        )
        default = {c.id: c.career_opportunity_opt_in_default for c in companies}
        for vals in vals_list:
            vals.setdefault(
                "career_opportunity_opt_in",
                default[vals.get("company_id") or self.env.company.id],
            )
        return super().create(vals_list)

    def _compute_career_opportunity_application_count(self):
        counts = dict(
            self.env["hr.career.opportunity.application"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.career_opportunity_application_count = counts.get(employee, 0)

    def action_open_opportunity_applications(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_career_dev.hr_career_opportunity_application_action"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action

    # ------------------------------------------------------------ suggestions
    def _get_opportunity_suggestions(self, limit=10):
        """Open opportunities for this employee, best first: fit now (required
        skills met) plus growth (gaps of the current and target jobs that the
        opportunity develops, the target job weighing more). Never one the
        employee or the current user cannot see, one the employee applied to
        or owns, or one that is closed, over or full. A fixed number of
        queries whatever the number of opportunities and employees.

        Returns ``[{'opportunity', 'score', 'fit', 'meets': [skill],
        'grows': [{'skill', 'from_progress', 'to_progress'}]}]``."""
        self.ensure_one()
        return self._get_opportunity_suggestions_batch(limit=limit).get(self.id, [])

    def _get_opportunity_suggestions_batch(self, limit=10, domain=None):
        """``{employee_id: suggestions}`` for the employees of ``self`` (see
        ``_get_opportunity_suggestions``), among the opportunities of
        ``domain`` too when given; a fixed number of queries."""
        if not self.ids:
            return {}
        cr = self.env.cr
        self.env.flush_all()
        Opportunity = self.env["hr.career.opportunity"]
        # sudo: the company of the employees asked about (the opportunities
        # they may see); everything shown is filtered by the user's rules below
        employees = self.sudo()
        companies = {employee.id: employee.company_id.id for employee in employees}
        # the open opportunities the current user may see (record rules)
        visible = Opportunity._search(
            [
                ("state", "=", "open"),
                ("company_id", "in", list(set(companies.values()))),
                *(domain or []),
            ]
        )
        today = fields.Date.context_today(self)
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
                today=today,
            )
        )
        opportunities = cr.fetchall()
        if not opportunities:
            return {employee_id: [] for employee_id in self.ids}
        opportunity_ids = [row[0] for row in opportunities]
        # what each opportunity requires and develops
        cr.execute(
            Opportunity._skill_rows_sql(
                SQL("SELECT unnest(%s::int[])", opportunity_ids)
            )
        )
        required, developed = defaultdict(dict), defaultdict(dict)
        for opportunity_id, skill_id, kind, progress in cr.fetchall():
            target = required if kind == "required" else developed
            target[opportunity_id][skill_id] = max(
                target[opportunity_id].get(skill_id, 0), progress
            )
        # the employees' levels, gaps and applications
        cr.execute(
            SQL(
                """
                SELECT es.employee_id, es.skill_id, MAX(lvl.level_progress)
                  FROM hr_employee_skill es
                  JOIN hr_skill_level lvl ON lvl.id = es.skill_level_id
                 WHERE es.employee_id = ANY(%s)
              GROUP BY es.employee_id, es.skill_id
                """,
                self.ids,
            )
        )
        progress = defaultdict(dict)
        for employee_id, skill_id, level in cr.fetchall():
            progress[employee_id][skill_id] = level
        cr.execute(
            SQL(
                """
                SELECT employee_id, skill_id, scope, MAX(required_progress)
                  FROM hr_competency_gap
                 WHERE employee_id = ANY(%s) AND gap > 0
              GROUP BY employee_id, skill_id, scope
                """,
                self.ids,
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
                self.ids,
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
        for employee_id in self.ids:
            have = progress[employee_id]
            rows = []
            for opportunity_id, company_id, owner_id in opportunities:
                if (
                    company_id != companies[employee_id]
                    or owner_id == employee_id
                    or (employee_id, opportunity_id) in applied
                ):
                    continue
                rows.append(
                    self._rank_opportunity(
                        opportunity_by_id[opportunity_id],
                        required[opportunity_id],
                        developed[opportunity_id],
                        have,
                        gaps[employee_id],
                        skill_by_id,
                    )
                )
            rows.sort(key=lambda r: (-r["score"], r["opportunity"].id))
            result[employee_id] = rows[:limit]
        return result

    @api.model
    def _rank_opportunity(self, opportunity, required, developed, have, gaps, skills):
        fit = self.env["hr.career.opportunity"]._fit(required, have)
        growth = 0.0
        grows = []
        for skill_id, level in developed.items():
            current = have.get(skill_id, 0)
            needs = gaps.get(skill_id, {})
            reached = current
            for scope, needed in needs.items():
                closed = max(0, min(level, needed) - current)
                growth += GROWTH_WEIGHT[scope] * closed
                reached = max(reached, min(level, needed))
            if reached > current:
                grows.append(
                    {
                        "skill": skills[skill_id],
                        "from_progress": current,
                        "to_progress": reached,
                    }
                )
        return {
            "opportunity": opportunity,
            "score": round(fit + growth, 2),
            "fit": fit,
            "meets": [
                skills[skill_id]
                for skill_id, level in required.items()
                if have.get(skill_id, 0) >= level
            ],
            "grows": grows,
        }

    def _send_opportunity_digest(self, opportunities):
        """One e-mail per employee of ``self`` (sudo) with the best of
        ``opportunities`` whose fit reaches their company's threshold."""
        suggestions = self._get_opportunity_suggestions_batch(
            limit=DIGEST_LIMIT * 4, domain=[("id", "in", opportunities.ids)]
        )
        qweb = self.env["ir.qweb"]
        base_url = self[:1].get_base_url()
        vals_list = []
        for employee in self:
            threshold = employee.company_id.career_opportunity_digest_threshold
            rows = [
                s for s in suggestions.get(employee.id, []) if s["fit"] >= threshold
            ][:DIGEST_LIMIT]
            if not rows:
                continue
            partner = employee.user_id.partner_id
            vals_list.append(
                {
                    "subject": self.env._(
                        "New internal opportunities for you, %(name)s",
                        name=employee.name,
                    ),
                    "body_html": qweb._render(
                        "hr_career_dev.hr_career_opportunity_digest_mail",
                        {
                            "employee": employee,
                            "suggestions": rows,
                            "url": f"{base_url}/my/career/opportunities",
                        },
                    ),
                    "email_from": employee.company_id.email_formatted
                    or self.env.user.email_formatted,
                    "recipient_ids": [fields.Command.link(partner.id)]
                    if partner
                    else [],
                    "email_to": False if partner else employee.work_email,
                    "auto_delete": True,
                }
            )
        if vals_list:
            self.env["mail.mail"].sudo().create(vals_list)
