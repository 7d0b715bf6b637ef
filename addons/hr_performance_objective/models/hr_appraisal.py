# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.hr_career_dev.matching import importance_weight
from odoo.addons.hr_performance_link.models.hr_appraisal_access import (
    APPRAISAL_POLICY,
    extend_policy,
)

# the rating is the manager's; the scores and the suggested rating are
# computed, never set (hr.career.policy.mixin)
RATING_FIELDS = {"objective_line_ids", "rating_id", "rating_justification", "potential"}
OBJECTIVE_APPRAISAL_POLICY = extend_policy(
    APPRAISAL_POLICY, manager={"create": RATING_FIELDS, "write": RATING_FIELDS}
)


class HrAppraisal(models.Model):
    _inherit = "hr.appraisal"
    _career_policy = OBJECTIVE_APPRAISAL_POLICY

    # ------------------------------------------------------------ objectives
    # and rating (issue 15): manager/HR fields (the field policy above)
    objective_line_ids = fields.One2many(
        "hr.appraisal.objective", "appraisal_id", string="Objectives"
    )
    objective_score = fields.Float(
        compute="_compute_rating_scores",
        store=True,
        digits=(16, 1),
        aggregator="avg",
        help="Mean achievement of the period's objectives, weighted by their "
        "weight (0-100).",
    )
    competency_score = fields.Float(
        compute="_compute_rating_scores",
        store=True,
        digits=(16, 1),
        aggregator="avg",
        help="Assessed levels against the levels the job requires, weighted by "
        "importance (critical 3, important 2, nice to have 1), capped at 100.",
    )
    suggested_rating_id = fields.Many2one(
        "hr.performance.rating",
        compute="_compute_suggested_rating_id",
        store=True,
        help="From the objectives and competencies scores, weighted as set in "
        "Settings; only once every competency is assessed and every objective "
        "has an achievement.",
    )
    suggested_rating_note = fields.Char(
        compute="_compute_suggested_rating_note",
        help="Why there is no suggested rating yet.",
    )
    rating_id = fields.Many2one(
        "hr.performance.rating",
        tracking=True,
        copy=False,
        domain="[('company_id', '=', company_id)]",
        help="The manager's rating.",
    )
    rating_justification = fields.Text(
        copy=False,
        help="Required when the rating is more than one step from the suggested "
        "one.",
    )
    rating_justification_required = fields.Boolean(
        compute="_compute_rating_justification_required"
    )
    potential = fields.Selection(
        [("low", "Low"), ("medium", "Medium"), ("high", "High")],
        tracking=True,
        copy=False,
        help="The manager's view of the employee's potential (talent review).",
    )
    appraisal_department_id = fields.Many2one(
        "hr.department",
        string="Department (at rating)",
        related="employee_id.department_id",
        store=True,
        help="Stored for the rating distribution by department.",
    )

    @api.depends(
        "objective_line_ids.achievement",
        "objective_line_ids.weight",
        "skill_assessment_ids.assessed_level_id",
        "skill_assessment_ids.required_level_id",
        "skill_assessment_ids.scope",
    )
    def _compute_rating_scores(self):
        # stored fields, computed as superuser (compute_sudo): the employees'
        # jobs (hr.employee is HR-only) and the jobs' competencies (HR
        # configuration) give a score every reader of the appraisal sees
        competencies = self.env["hr.job.competency"].search_fetch(
            [("job_id", "in", self.employee_id.job_id.ids)],
            ["job_id", "skill_id", "importance"],
        )
        weights = defaultdict(dict)  # job_id -> {skill_id: importance weight}
        for competency in competencies:
            weights[competency.job_id.id][competency.skill_id.id] = importance_weight(
                competency.importance
            )
        Matching = self.env["hr.career.matching"]
        for appraisal in self:
            lines = appraisal.objective_line_ids
            total = sum(line.weight for line in lines)
            appraisal.objective_score = (
                sum(line.achievement * line.weight for line in lines) / total
                if total
                else 0.0
            )
            # the job fit of the matching engine, of the assessed levels: the
            # lines of the current job assessed so far (the target job's gaps
            # show the way ahead, not performance)
            assessed = appraisal.skill_assessment_ids.filtered(
                lambda line: line.scope == "current"
                and line.assessed_level_id
                and line.required_level_id
            )
            if not assessed:
                appraisal.competency_score = 0.0
                continue
            job = appraisal.employee_id.job_id.id
            appraisal.competency_score = Matching._fit(
                {line.skill_id.id: line.required_progress for line in assessed},
                {line.skill_id.id: line.assessed_progress for line in assessed},
                {
                    line.skill_id.id: weights[job].get(
                        line.skill_id.id, importance_weight(False)
                    )
                    for line in assessed
                },
            )

    @api.depends(
        "objective_score",
        "competency_score",
        "objective_line_ids.achievement_set",
        "skill_assessment_ids.assessed_level_id",
        "company_id.rating_objective_weight",
    )
    def _compute_suggested_rating_id(self):
        Rating = self.env["hr.performance.rating"]
        # a stored field, computed as superuser (compute_sudo): the company's
        # rating scale is configuration every reader of the appraisal may see
        scales = {company: Rating._scale_for(company) for company in self.company_id}
        for appraisal in self:
            scale = scales.get(appraisal.company_id)
            has_objectives = bool(appraisal.objective_line_ids)
            has_skills = any(
                line.assessed_level_id
                and line.required_level_id
                and line.scope == "current"
                for line in appraisal.skill_assessment_ids
            )
            if (
                not scale
                or not (has_objectives or has_skills)
                or any(appraisal._rating_unassessed())
            ):
                # nothing assessed yet scores 0: no "Unsatisfactory" from it
                appraisal.suggested_rating_id = False
                continue
            weight = appraisal.company_id.rating_objective_weight / 100.0
            if not has_skills:
                weight = 1.0
            elif not has_objectives:
                weight = 0.0
            score = (
                weight * appraisal.objective_score
                + (1 - weight) * appraisal.competency_score
            )
            appraisal.suggested_rating_id = Rating._suggest(scale, score).with_env(
                self.env
            )

    @api.depends(
        "objective_line_ids.achievement_set",
        "skill_assessment_ids.assessed_level_id",
    )
    def _compute_suggested_rating_note(self):
        for appraisal in self:
            skills, objectives = appraisal._rating_unassessed()
            missing = []
            if skills:
                missing.append(
                    self.env._(
                        "competencies still to assess: %(count)s",
                        count=len(skills),
                    )
                )
            if objectives:
                missing.append(
                    self.env._(
                        "objectives without an achievement yet: %(objectives)s "
                        "(type it, or it follows the objective's progress once "
                        "there is some)",
                        # sudo: the names of the lines' objectives, shown in the
                        # list, also to appraisal HR officers (who read no
                        # objective)
                        objectives=", ".join(objectives.sudo().mapped("name")),
                    )
                )
            appraisal.suggested_rating_note = (
                self.env._(
                    "No suggested rating until the competencies are assessed and "
                    "the objectives have an achievement; %(missing)s.",
                    missing="; ".join(missing),
                )
                if missing
                else False
            )

    @api.depends("rating_id", "suggested_rating_id")
    def _compute_rating_justification_required(self):
        for appraisal in self:
            appraisal.rating_justification_required = (
                appraisal._rating_steps_apart() > 1
            )

    def _rating_unassessed(self):
        """What the suggested rating waits for: the skill lines without an
        assessed level and the objectives whose line has no achievement."""
        self.ensure_one()
        skills = self.skill_assessment_ids.filtered(
            lambda line: not line.assessed_level_id
        )
        objectives = self.objective_line_ids.filtered(
            lambda line: not line.achievement_set
        ).objective_id
        return skills, objectives

    def _rating_steps_apart(self):
        self.ensure_one()
        if not (self.rating_id and self.suggested_rating_id):
            return 0
        # the company's scale is configuration its users read (ACL and the
        # multi-company rule): the appraisal's readers are of its company
        scale = self.env["hr.performance.rating"]._scale_for(self.company_id)
        ids = scale.ids
        if self.rating_id.id not in ids or self.suggested_rating_id.id not in ids:
            return 0
        return abs(
            ids.index(self.rating_id.id) - ids.index(self.suggested_rating_id.id)
        )

    @api.constrains("rating_id", "rating_justification", "suggested_rating_id")
    def _check_rating_justification(self):
        for appraisal in self:
            if (
                appraisal._rating_steps_apart() > 1
                and not (appraisal.rating_justification or "").strip()
            ):
                raise ValidationError(
                    self.env._(
                        "The rating “%(rating)s” is %(steps)s steps from the "
                        "suggested “%(suggested)s”: write a justification for it.",
                        rating=appraisal.rating_id.name,
                        steps=appraisal._rating_steps_apart(),
                        suggested=appraisal.suggested_rating_id.name,
                    )
                )

    @api.constrains("rating_id", "company_id")
    def _check_rating_company(self):
        for appraisal in self.filtered("rating_id"):
            if appraisal.rating_id.company_id != appraisal.company_id:
                raise ValidationError(
                    self.env._(
                        "The rating “%(rating)s” belongs to the scale of another "
                        "company.",
                        rating=appraisal.rating_id.name,
                    )
                )

    # ------------------------------------------------------------ actions
    def action_confirm(self):
        # the period's objectives are listed on confirmation; a review cycle
        # lists them when it launches the appraisal, if it includes them
        res = super().action_confirm()
        self._fill_objective_lines()
        return res

    # ------------------------------------------------------------ business
    def _check_objective_line_rights(self):
        """Objective lines (achievement) are the manager chain's and HR's; the
        appraised employee reads them."""
        if self._is_appraisal_hr():
            return
        roles = self._get_appraisal_roles()
        for appraisal in self:
            if roles.get(appraisal.id) == "self":
                raise AccessError(
                    self.env._(
                        "%(employee)s, your managers assess the achievement of "
                        "your objectives: you cannot change it.",
                        # their own appraisal and employee: a plain read
                        employee=appraisal.employee_id.name,
                    )
                )
            if roles.get(appraisal.id) != "manager":
                raise AccessError(
                    self.env._(
                        "Only the managers of %(employee)s or HR can assess "
                        "their objectives.",
                        # the name every internal user reads (a user who cannot
                        # read the appraisal is refused by the read itself)
                        employee=self.env["hr.employee.public"]
                        .browse(appraisal.employee_id.id)
                        .name,
                    )
                )

    def _fill_objective_lines(self):
        """One line per objective of the employee whose period overlaps the
        appraisal's (active or done), not listed yet (one search, one create)."""
        dated = self.filtered(lambda a: a.employee_id and a.date_close)
        if not dated:
            return self.env["hr.appraisal.objective"]
        # The appraised employees' objectives and the lines already listed,
        # also those the confirming user may not read (appraisal HR officers
        # read no objective); only compared, the lines are created below with
        # the user's rights.
        # sudo: reads the objectives and lines to list (comment above)
        Line = self.env["hr.appraisal.objective"].sudo()
        listed = {
            (appraisal.id, objective.id)
            for appraisal, objective in Line._read_group(
                [("appraisal_id", "in", dated.ids)], ["appraisal_id", "objective_id"]
            )
        }
        objectives = Line.env["hr.performance.objective"].search(
            [
                ("employee_id", "in", dated.employee_id.ids),
                ("state", "in", ("active", "done")),
                ("date_start", "<=", max(dated.mapped("date_close"))),
                ("date_end", ">=", min(dated.mapped("date_period_start"))),
            ]
        )
        vals_list = []
        for appraisal in dated:
            vals_list += [
                {"appraisal_id": appraisal.id, "objective_id": objective.id}
                for objective in objectives
                if objective.employee_id == appraisal.employee_id
                and (appraisal.id, objective.id) not in listed
                and objective.date_start <= appraisal.date_close
                and objective.date_end >= appraisal.date_period_start
            ]
        return self.env["hr.appraisal.objective"].create(vals_list)
