# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

# Self-assessment and manager's assessment "disagree" when they are this far
# apart, in levels of the skill type or in progress points.
DISAGREEMENT_LEVELS = 2
DISAGREEMENT_PROGRESS = 40
# a line assesses a skill of the employee's current job (or one they hold), or
# a gap towards their target job (the job of their long-term goal)
SCOPES = [("current", "Current job"), ("target", "Target job")]
# what the appraised employee and their managers set on a line
# (hr.career.policy.mixin); the skill, the scope and the snapshot levels are
# fixed once listed
SELF_FIELDS = frozenset({"self_level_id"})
MANAGER_FIELDS = frozenset({"assessed_level_id", "comment"})


class HrAppraisalSkill(models.Model):
    """One skill assessed in an appraisal: the level the employee had when the
    appraisal was confirmed, the level the job requires, the employee's own
    view and the manager's assessment (applied when the appraisal is done)."""

    _name = "hr.appraisal.skill"
    _description = "Skill assessed in an appraisal"
    _inherit = ["hr.career.unique.mixin", "hr.career.policy.mixin"]
    _order = "appraisal_id, required_sequence, skill_type_id, skill_id"
    _rec_name = "skill_id"
    _career_policy_employee = "appraisal_id.employee_id"
    _career_policy = {
        "employee": {"create": frozenset(), "write": SELF_FIELDS},
        "manager": {
            "create": MANAGER_FIELDS | {"appraisal_id", "skill_id", "scope"},
            "write": MANAGER_FIELDS,
        },
    }
    # create() takes the snapshot levels from the data
    _career_policy_derived = {"skill_id": {"current_level_id", "required_level_id"}}

    appraisal_id = fields.Many2one(
        "hr.appraisal", required=True, index=True, ondelete="cascade"
    )
    employee_id = fields.Many2one(
        related="appraisal_id.employee_id", store=True, index=True
    )
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True)
    skill_id = fields.Many2one("hr.skill", required=True, ondelete="cascade")
    skill_type_id = fields.Many2one(
        related="skill_id.skill_type_id", store=True, string="Skill Type"
    )
    current_level_id = fields.Many2one(
        "hr.skill.level",
        string="Level Before",
        readonly=True,
        ondelete="set null",
        help="The employee's level when the appraisal was confirmed.",
    )
    current_progress = fields.Integer(
        related="current_level_id.level_progress", string="Progress Before"
    )
    required_level_id = fields.Many2one(
        "hr.skill.level",
        readonly=True,
        ondelete="set null",
        help="The level the employee's job requires (competency matrix), or "
        "their target job for a line of the target job.",
    )
    scope = fields.Selection(
        SCOPES,
        required=True,
        default="current",
        readonly=True,
        help="Target job: a skill the employee's target job requires above "
        "their level, assessed to see how far they are; it does not count in "
        "the competencies score of the appraisal.",
    )
    required_progress = fields.Integer(
        related="required_level_id.level_progress", string="Required Progress"
    )
    required_sequence = fields.Integer(compute="_compute_required_sequence", store=True)
    self_level_id = fields.Many2one(
        "hr.skill.level",
        string="Self-assessment",
        ondelete="restrict",
        domain="[('skill_type_id', '=', skill_type_id)]",
    )
    assessed_level_id = fields.Many2one(
        "hr.skill.level",
        string="Manager's Assessment",
        ondelete="restrict",
        domain="[('skill_type_id', '=', skill_type_id)]",
    )
    assessed_progress = fields.Integer(
        related="assessed_level_id.level_progress", string="Assessed Progress"
    )
    comment = fields.Text()
    disagreement = fields.Boolean(
        compute="_compute_disagreement",
        store=True,
        help="The self-assessment and the manager's assessment are at least two "
        "levels (or 40 progress points) apart.",
    )
    below_required = fields.Boolean(compute="_compute_below_required")

    _sql_constraints = [
        (
            "appraisal_skill_unique",
            "UNIQUE(appraisal_id, skill_id)",
            "An appraisal assesses each skill once.",
        ),
    ]

    @api.depends("required_level_id")
    def _compute_required_sequence(self):
        for line in self:
            line.required_sequence = 0 if line.required_level_id else 1

    @api.depends(
        "self_level_id.level_progress",
        "assessed_level_id.level_progress",
        "skill_type_id.skill_level_ids",
    )
    def _compute_disagreement(self):
        for line in self:
            mine, theirs = line.self_level_id, line.assessed_level_id
            if not mine or not theirs:
                line.disagreement = False
                continue
            levels = line.skill_type_id.skill_level_ids.sorted(
                lambda lvl: (lvl.level_progress, lvl.id)
            ).ids
            rank_gap = (
                abs(levels.index(mine.id) - levels.index(theirs.id))
                if mine.id in levels and theirs.id in levels
                else 0
            )
            line.disagreement = (
                rank_gap >= DISAGREEMENT_LEVELS
                or abs(mine.level_progress - theirs.level_progress)
                >= DISAGREEMENT_PROGRESS
            )

    @api.depends("assessed_level_id", "current_level_id", "required_level_id")
    def _compute_below_required(self):
        for line in self:
            level = line.assessed_level_id or line.current_level_id
            line.below_required = bool(
                line.required_level_id
                and level.level_progress < line.required_level_id.level_progress
            )

    @api.constrains("skill_id", "assessed_level_id", "self_level_id")
    def _check_level_type(self):
        # the levels' skill types and names, compared and named in the
        # message: the vocabulary every employee reads (portal employees too)
        for line in self:
            for level, who in (
                (line.assessed_level_id, self.env._("manager's assessment")),
                (line.self_level_id, self.env._("self-assessment")),
            ):
                if level and level.skill_type_id != line.skill_type_id:
                    raise ValidationError(
                        self.env._(
                            "The %(who)s of %(skill)s cannot be “%(level)s”: that "
                            "is a level of %(other)s. Choose one of %(levels)s.",
                            who=who,
                            skill=line.skill_id.name,
                            level=level.name,
                            other=level.skill_type_id.name,
                            levels=", ".join(
                                line.skill_type_id.skill_level_ids.mapped("name")
                            ),
                        )
                    )

    # ------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        Appraisal = self.env["hr.appraisal"]
        hr = Appraisal._is_appraisal_hr()
        appraisals = Appraisal.browse(
            {vals["appraisal_id"] for vals in vals_list if vals.get("appraisal_id")}
        )
        if not hr:
            roles = appraisals._get_appraisal_roles()
            for vals in vals_list:
                appraisal = Appraisal.browse(vals.get("appraisal_id"))
                if roles.get(appraisal.id) != "manager":
                    raise AccessError(
                        self.env._(
                            "Only the managers of %(employee)s or HR can add skills "
                            "to assess in their appraisal.",
                            employee=appraisal._appraised_name()
                            if appraisal
                            else self.env._("this employee"),
                        )
                    )
                # the manager reads the appraisal (record rules: their chain)
                self._check_not_done(appraisal)
                if vals.get("self_level_id"):
                    raise AccessError(
                        self.env._(
                            "The self-assessment of %(employee)s is theirs to give.",
                            employee=appraisal._appraised_name(),
                        )
                    )
        # the snapshot levels come from the employee's skills and the job's
        # competencies, not from the caller (HR may still set them)
        snapshot = self._get_snapshot_levels(appraisals, vals_list)
        for vals in vals_list:
            current, required = snapshot.get(
                (
                    vals.get("appraisal_id"),
                    vals.get("skill_id"),
                    vals.get("scope") or "current",
                ),
                (False, False),
            )
            if hr:
                vals.setdefault("current_level_id", current)
                vals.setdefault("required_level_id", required)
            else:
                vals.update(current_level_id=current, required_level_id=required)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env["hr.appraisal"]._is_appraisal_hr():
            self._check_write_rights(vals)
        return super().write(vals)

    def unlink(self):
        if not self.env["hr.appraisal"]._is_appraisal_hr():
            roles = self._get_line_roles()
            for line in self:
                if roles.get(line.id) != "manager":
                    raise AccessError(
                        self.env._(
                            "Only the managers of %(employee)s or HR can remove "
                            "%(skill)s from their appraisal.",
                            **line._message_names(),
                        )
                    )
                # the manager reads the line (record rules: their chain)
                self._check_not_done(line.appraisal_id)
        return super().unlink()

    # ------------------------------------------------------------ checks
    def _get_line_roles(self):
        """``{line id: role}`` of the current user on each line: their role
        on its appraisal (the role service, ``hr.career.role``)."""
        return self.env["hr.career.role"]._get_appraisal_roles(
            self, "appraisal_id.employee_id"
        )

    def _message_names(self):
        """``{'employee': …, 'skill': …}`` of ``self`` (one line) for a
        message, as the user may read them: from the line when they read it
        (``read``: display names), else "this employee" and "this skill"."""
        self.ensure_one()
        readable = self._filtered_access("read")
        values = readable.read(["employee_id", "skill_id"])[0] if readable else {}
        employee, skill = values.get("employee_id"), values.get("skill_id")
        return {
            "employee": employee[1] if employee else self.env._("this employee"),
            "skill": skill[1] if skill else self.env._("this skill"),
        }

    def _check_write_rights(self, vals):
        """Who may change a line at all (the fields each role sets are the
        field policy's): the employee and their managers up the chain, while
        the appraisal is not done (HR excepted, the caller checks)."""
        roles = self._get_line_roles()
        for line in self:
            if roles.get(line.id) not in ("self", "manager"):
                raise AccessError(
                    self.env._(
                        "Only %(employee)s, their managers or HR can change the "
                        "assessment of %(skill)s.",
                        **line._message_names(),
                    )
                )
            # the employee (when the appraisal is visible to them) and the
            # manager chain read the line and its appraisal (record rules)
            self._check_not_done(line.appraisal_id)

    @api.model
    def _career_policy_is_hr(self):
        return self.env["hr.appraisal"]._is_appraisal_hr()

    def _check_not_done(self, appraisal):
        if appraisal.state == "3_done":
            raise AccessError(
                self.env._(
                    "The appraisal of %(employee)s is done: its skill assessments "
                    "can no longer change (HR can correct them).",
                    employee=appraisal._appraised_name(),
                )
            )

    @api.model
    def _get_snapshot_levels(self, appraisals, vals_list):
        """``{(appraisal id, skill id, scope): (current level id, required
        level id)}`` for the lines of ``vals_list``: the employee's level now
        and the level their job (scope ``current``) or their target job (scope
        ``target``) requires, with two searches for the whole batch."""
        # sudo: the employees' jobs and target jobs (the target job is an
        # HR-only field), of appraisals the caller may fill (checked by
        # create), only to look their levels up below
        appraisals = appraisals.sudo()
        employees = appraisals.employee_id
        skill_ids = {vals.get("skill_id") for vals in vals_list} - {None, False}
        # with the user's rights: every internal user reads the employees'
        # skills (hr_skills' rules) and the competency matrix of the companies
        # they work in
        held = {
            (es.employee_id.id, es.skill_id.id): es.skill_level_id.id
            for es in self.env["hr.employee.skill"].search(
                [
                    ("employee_id", "in", employees.ids),
                    ("skill_id", "in", list(skill_ids)),
                ]
            )
        }
        required = {
            (c.job_id.id, c.skill_id.id): c.required_level_id.id
            for c in self.env["hr.job.competency"].search(
                [
                    ("job_id", "in", (employees.job_id | employees.target_job_id).ids),
                    ("skill_id", "in", list(skill_ids)),
                ]
            )
        }
        # the employee and the job of each scope, per appraisal
        job_of = {
            appraisal.id: (
                appraisal.employee_id.id,
                {
                    "current": appraisal.employee_id.job_id.id,
                    "target": appraisal.employee_id.target_job_id.id,
                },
            )
            for appraisal in appraisals
        }
        result = {}
        for vals in vals_list:
            appraisal_id, skill_id = vals.get("appraisal_id"), vals.get("skill_id")
            if appraisal_id not in job_of:
                continue
            scope = vals.get("scope") or "current"
            employee_id, jobs = job_of[appraisal_id]
            result[(appraisal_id, skill_id, scope)] = (
                held.get((employee_id, skill_id), False),
                required.get((jobs.get(scope), skill_id), False),
            )
        return result
