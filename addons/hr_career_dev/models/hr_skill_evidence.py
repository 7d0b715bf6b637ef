# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .hr_career_role import MANAGER

EVIDENCE_STATES = [
    ("pending", "Waiting for validation"),
    ("applied", "Applied"),
    ("rejected", "Rejected"),
]


class HrSkillEvidence(models.Model):
    """A reason to raise an employee's skill: a completed course (or another
    source added by other addons). Applied at once or validated by the manager,
    as the company's settings say."""

    _name = "hr.skill.evidence"
    _description = "Skill evidence"
    _inherit = ["mail.thread", "mail.activity.mixin", "hr.career.policy.mixin"]
    _order = "create_date desc, id desc"
    _rec_name = "skill_id"
    # nothing is typed by employees or managers: evidence comes from the
    # courses, managers decide with the buttons (checked, then sudo)
    _career_policy = {}

    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index=True
    )
    skill_id = fields.Many2one("hr.skill", required=True, ondelete="cascade")
    skill_type_id = fields.Many2one(related="skill_id.skill_type_id", store=True)
    level_id = fields.Many2one(
        "hr.skill.level", string="Level Proposed", required=True, ondelete="cascade"
    )
    previous_level_id = fields.Many2one(
        "hr.skill.level", string="Level Before", ondelete="set null"
    )
    channel_id = fields.Many2one(
        "slide.channel", string="Course", index=True, ondelete="set null"
    )
    source = fields.Char(help="What proves the skill, when it is not a course.")
    state = fields.Selection(
        EVIDENCE_STATES, required=True, default="pending", tracking=True, index=True
    )
    date_decided = fields.Date(readonly=True)

    _sql_constraints = [
        (
            "course_evidence_unique",
            "UNIQUE(employee_id, channel_id, skill_id)",
            "This course was already recorded as evidence of this skill.",
        ),
    ]

    @api.constrains("employee_id", "skill_id", "state", "channel_id")
    def _check_one_pending_proposal(self):
        """One pending self-assessment (evidence without a course) per employee
        and skill: a second one waits for nothing new and would give the
        manager a second to-do. One grouped query."""
        proposals = self.filtered(lambda e: e.state == "pending" and not e.channel_id)
        if not proposals:
            return
        counts = {
            (employee.id, skill.id): count
            # proposals are made by HR (and on the portal, as superuser), who
            # read every proposal of the employee
            for employee, skill, count in self._read_group(
                [
                    ("employee_id", "in", proposals.employee_id.ids),
                    ("skill_id", "in", proposals.skill_id.ids),
                    ("state", "=", "pending"),
                    ("channel_id", "=", False),
                ],
                ["employee_id", "skill_id"],
                ["__count"],
            )
        }
        for proposal in proposals:
            if counts.get((proposal.employee_id.id, proposal.skill_id.id), 0) > 1:
                raise ValidationError(
                    self.env._(
                        "A proposal for %(skill)s of %(employee)s is already "
                        "waiting for validation: wait for the manager's decision "
                        "before proposing another level.",
                        skill=proposal.skill_id.name,
                        # read above (proposals.employee_id): the name of the
                        # employee's public profile
                        employee=proposal.employee_id.name,
                    )
                )

    @api.model
    def _create_from_completions(self, memberships):
        """Evidence for the skills of completed courses (batched): one row per
        (employee, course, skill) where the course's level is above the
        employee's; applied at once or left for the manager."""
        partners = memberships.partner_id
        employees = self.env["hr.employee"].search(
            [
                "|",
                ("user_id.partner_id", "in", partners.ids),
                ("work_contact_id", "in", partners.ids),
            ]
        )
        if not employees:
            return self.browse()
        employees_by_partner = defaultdict(lambda: self.env["hr.employee"])
        for employee in employees:
            employees_by_partner[
                employee.user_id.partner_id or employee.work_contact_id
            ] |= employee
        channels = memberships.channel_id
        self._close_training_actions(employees, memberships, employees_by_partner)
        if not channels.skill_ids:
            return self.browse()
        existing = {
            (e.employee_id.id, e.channel_id.id, e.skill_id.id)
            for e in self.search(
                [
                    ("employee_id", "in", employees.ids),
                    ("channel_id", "in", channels.ids),
                ]
            )
        }
        current = {
            (s.employee_id.id, s.skill_id.id): s.skill_level_id
            for s in self.env["hr.employee.skill"].search(
                [
                    ("employee_id", "in", employees.ids),
                    ("skill_id", "in", channels.skill_ids.skill_id.ids),
                ]
            )
        }
        vals_list = []
        for membership in memberships:
            for employee in employees_by_partner.get(membership.partner_id, []):
                for line in membership.channel_id.skill_ids:
                    key = (employee.id, membership.channel_id.id, line.skill_id.id)
                    before = current.get((employee.id, line.skill_id.id))
                    if key in existing or (
                        before and before.level_progress >= line.level_id.level_progress
                    ):
                        continue
                    existing.add(key)
                    vals_list.append(
                        {
                            "employee_id": employee.id,
                            "channel_id": membership.channel_id.id,
                            "skill_id": line.skill_id.id,
                            "level_id": line.level_id.id,
                            "previous_level_id": before.id if before else False,
                        }
                    )
        # one evidence per course skill of every completion (thousands when a
        # company completes courses in a batch): no creation note, follower or
        # tracking message each; applied at once, the employee's skill log and
        # the Skill Evidence list say what changed, a manager's later decision
        # on a pending one is tracked as usual
        quiet = self.with_context(tracking_disable=True)
        evidences = quiet.create(vals_list)
        immediate = evidences.filtered(
            lambda e: e.company_id.career_skill_evidence_mode != "validate"
        )
        immediate._apply()
        evidences = evidences.with_context(tracking_disable=False)
        (evidences - immediate)._request_validation()
        return evidences

    def _close_training_actions(self, employees, memberships, employees_by_partner):
        completed_pairs = {
            (employee.id, membership.channel_id.id)
            for membership in memberships
            for employee in employees_by_partner.get(membership.partner_id, [])
        }
        actions = self.env["hr.development.action"].search(
            [
                ("employee_id", "in", employees.ids),
                ("channel_id", "in", memberships.channel_id.ids),
                ("action_type", "=", "training"),
                ("state", "in", ("todo", "in_progress")),
            ]
        )
        actions.filtered(
            lambda a: (a.employee_id.id, a.channel_id.id) in completed_pairs
        ).action_done()

    def _apply(self):
        """Raise the employees' skills to the proposed levels, never lower them.
        hr.employee.skill logs every change in hr.employee.skill.log."""
        if not self:
            return
        EmployeeSkill = self.env["hr.employee.skill"]
        current = {
            (s.employee_id.id, s.skill_id.id): s
            for s in EmployeeSkill.search(
                [
                    ("employee_id", "in", self.employee_id.ids),
                    ("skill_id", "in", self.skill_id.ids),
                ]
            )
        }
        best = {}
        for evidence in self:
            key = (evidence.employee_id.id, evidence.skill_id.id)
            if key not in best or (
                evidence.level_id.level_progress > best[key].level_progress
            ):
                best[key] = evidence.level_id
        # hr_skills keeps the stored hr.employee.skill_ids in step with the
        # lines: read its current value for all employees at once, not one by
        # one when it is recomputed
        self.employee_id.mapped("skill_ids")
        to_write = defaultdict(lambda: EmployeeSkill)
        to_create = []
        for (employee_id, skill_id), level in best.items():
            skill_line = current.get((employee_id, skill_id))
            if not skill_line:
                to_create.append(
                    {
                        "employee_id": employee_id,
                        "skill_id": skill_id,
                        "skill_type_id": level.skill_type_id.id,
                        "skill_level_id": level.id,
                    }
                )
            elif skill_line.skill_level_id.level_progress < level.level_progress:
                to_write[level] |= skill_line
        for level, lines in to_write.items():
            lines.write({"skill_level_id": level.id})
        if to_create:
            EmployeeSkill.create(to_create)
        self.write(
            {"state": "applied", "date_decided": fields.Date.context_today(self)}
        )

    def _request_validation(self):
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        for evidence in self:
            manager = evidence.employee_id.parent_id.user_id
            if not manager:
                continue
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": evidence.id,
                    "activity_type_id": activity_type.id,
                    "user_id": manager.id,
                    "automated": True,  # closed by activity_feedback on decision
                    "summary": self.env._("Validate a skill level"),
                    "note": self.env._(
                        "%(employee)s completed %(course)s: raise %(skill)s to "
                        "%(level)s?",
                        employee=evidence.employee_id.name,
                        course=evidence.channel_id.name or evidence.source or "",
                        skill=evidence.skill_id.name,
                        level=evidence.level_id.name,
                    ),
                }
            )
        if vals_list:
            self.env["mail.activity"].create(vals_list)

    def _to_decide(self):
        """The pending proposals of ``self``, for a decision of the user: HR,
        or an internal user who manages the employee (the ``parent_id``
        chain, the role service); anybody else gets an AccessError, nothing
        pending a UserError. The one place where a decision takes the
        privilege it needs: skills are HR data a manager may not write
        directly, the proposal is not theirs to write, and its to-do may be
        another manager's."""
        pending = self.filtered(lambda e: e.state == "pending")
        if not pending:
            raise UserError(self.env._("There is nothing left to validate here."))
        Role = self.env["hr.career.role"]
        if not Role._is_hr_officer():
            # portal users follow their own proposals on /my/career, where no
            # decision is offered: the backend's managers decide
            roles = (
                {}
                if Role._is_portal_user()
                else Role._get_record_roles(pending, "employee_id")
            )
            for evidence in pending:
                if roles.get(evidence.id) != MANAGER:
                    raise AccessError(
                        self.env._(
                            "Only %(employee)s's managers or HR can validate "
                            "their skills.",
                            employee=evidence.employee_id.name,
                        )
                    )
        # sudo: the decision of HR or of the employee's manager (checked above)
        return pending.sudo()

    def action_approve(self):
        pending = self._to_decide()
        pending._apply()
        pending.activity_feedback(["mail.mail_activity_data_todo"])

    def action_reject(self):
        pending = self._to_decide()
        pending.write(
            {"state": "rejected", "date_decided": fields.Date.context_today(self)}
        )
        pending.activity_feedback(["mail.mail_activity_data_todo"])
