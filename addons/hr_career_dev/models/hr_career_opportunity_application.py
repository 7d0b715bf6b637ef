# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .. import matching
from .hr_career_role import SELF

APPLICATION_STATES = [
    ("interested", "Interested"),
    ("approved", "Approved by Manager"),
    ("accepted", "Accepted"),
    ("declined", "Declined"),
    ("withdrawn", "Withdrawn"),
]
# states that hold the employee's place (applying again is refused)
LIVE_STATES = ("interested", "approved", "accepted")
# who may move an application: (from, to) -> roles
TRANSITIONS = {
    ("interested", "approved"): {"manager"},
    ("interested", "declined"): {"manager", "owner"},
    ("approved", "accepted"): {"owner"},
    ("approved", "declined"): {"owner"},
    ("interested", "withdrawn"): {"applicant"},
    ("approved", "withdrawn"): {"applicant"},
}
# development action added to the plan when an application is accepted
ACTION_TYPE_OF = {
    "rotation": "job_rotation",
    "shadowing": "other",
    "project": "cross_functional",
    "mentoring": "mentoring",
    "stretch": "other",
}
MOTIVATION_MAX_LENGTH = 4000


class HrCareerOpportunityApplication(models.Model):
    _name = "hr.career.opportunity.application"
    _description = "Application to an internal opportunity"
    _inherit = ["mail.thread", "mail.activity.mixin", "hr.career.policy.mixin"]
    _order = "id desc"
    _rec_name = "employee_id"
    _check_company_auto = True
    # the applicant applies and words the motivation until the manager
    # decides; the applicant, the manager and the opportunity's owner move
    # the state (which move, whose: TRANSITIONS)
    _career_policy = {
        "employee": {
            "create": {"opportunity_id", "employee_id", "motivation"},
            "write": {"state"},
        },
        "manager": {"write": {"state"}},
        "owner": {"write": {"state"}},
    }
    _career_policy_states = {"employee": {"write": {"interested": {"motivation"}}}}

    opportunity_id = fields.Many2one(
        "hr.career.opportunity",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        default=lambda self: self.env.user.employee_id,
    )
    company_id = fields.Many2one(
        related="opportunity_id.company_id", store=True, index=True
    )
    opportunity_type = fields.Selection(related="opportunity_id.opportunity_type")
    owner_id = fields.Many2one(related="opportunity_id.owner_id")
    motivation = fields.Text()
    state = fields.Selection(
        APPLICATION_STATES,
        required=True,
        default="interested",
        tracking=True,
        index=True,
    )
    development_action_id = fields.Many2one(
        "hr.development.action", readonly=True, copy=False
    )
    # what the manager and the owner weigh: the matching engine's figures
    fit = fields.Integer(
        string="Fit (%)",
        compute="_compute_skill_match",
        help="How far the applicant meets the required levels (the matching "
        "engine's fit: 100 only when nothing is missing).",
    )
    skill_match = fields.Text(
        compute="_compute_skill_match",
        help="Each required skill: the applicant's level and the level required.",
    )
    is_applicant = fields.Boolean(compute="_compute_is_applicant")

    def init(self):
        # one live application per employee and opportunity, also against two
        # concurrent transactions (checked in create() first, with a message)
        self.env.cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS hr_career_opportunity_application_live "
            "ON hr_career_opportunity_application (opportunity_id, employee_id) "
            "WHERE state IN ('interested', 'approved', 'accepted')"
        )

    @api.depends("opportunity_id", "employee_id")
    def _compute_skill_match(self):
        """Fit and skill match of every application at once: one query for
        the requirements, one for the applicants' levels."""
        Matching = self.env["hr.career.matching"]
        required, weights, _developed = Matching._get_opportunity_requirements(
            self.opportunity_id.ids
        )
        levels = defaultdict(dict)
        for (employee_id, skill_id), progress in Matching._current_levels(
            self.employee_id.ids
        ).items():
            levels[employee_id][skill_id] = progress
        # skill and level names of the requirements (every employee reads skills)
        skills = self.env["hr.skill"].browse(
            {skill_id for rows in required.values() for skill_id in rows}
        )
        for application in self:
            wanted = required.get(application.opportunity_id.id, {})
            mine = levels[application.employee_id.id]
            application.fit = matching.requirement_fit(
                wanted, weights.get(application.opportunity_id.id, {}), mine
            )
            lines = []
            for skill in skills.filtered(lambda s, w=wanted: s.id in w).sorted("name"):
                current, needed = mine.get(skill.id, 0), wanted[skill.id]
                lines.append(
                    self.env._(
                        "%(mark)s %(skill)s: %(current)s (required: %(required)s)",
                        mark="✓" if current >= needed else "✗",
                        skill=skill.name,
                        current=skill._level_label(current),
                        required=skill._level_label(needed),
                    )
                )
            application.skill_match = "\n".join(lines)

    @api.depends("employee_id")
    @api.depends_context("uid")
    def _compute_is_applicant(self):
        mine = self.env["hr.career.role"]._my_employees()
        for application in self:
            application.is_applicant = application.employee_id in mine

    @api.constrains("motivation")
    def _check_motivation(self):
        for application in self:
            if len(application.motivation or "") > MOTIVATION_MAX_LENGTH:
                raise ValidationError(
                    self.env._(
                        "Keep the motivation under %(max)s characters.",
                        max=MOTIVATION_MAX_LENGTH,
                    )
                )

    # ------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        self._check_can_apply(vals_list)
        applications = super().create(vals_list)
        flow = applications._flow()
        # applicants without a manager go straight to the owner (the manager's
        # user, from the applicant's public profile)
        no_manager = flow.filtered(lambda a: not a.employee_id.parent_id.user_id)
        if no_manager:
            super(HrCareerOpportunityApplication, no_manager).write(
                {"state": "approved"}
            )
        flow._schedule_next_activity()
        return applications

    def _flow(self):
        """The applications as their flow's to-dos are routed: internal users
        close and assign them with their own rights (mail.activity's rules
        follow the application); portal applicants, who may read neither
        employees nor to-dos, have them routed on their behalf."""
        if self.env.su or not self.env["hr.career.role"]._is_portal_user():
            return self
        # sudo: a portal applicant's own application (created or written as
        # them just before): its manager's user and its to-dos, which portal
        # users cannot read, are routed on their behalf
        return self.sudo()

    def _check_can_apply(self, vals_list):
        """Clear errors for what the database would refuse or what makes no
        sense: applying twice, to a closed or full opportunity, to one's own."""
        role = self.env["hr.career.role"]
        if not role._is_hr_officer():
            mine = set(role._my_employees().ids)
            if any(vals.get("employee_id") not in mine for vals in vals_list):
                raise AccessError(
                    self.env._("You can only apply to an opportunity for yourself.")
                )
        Opportunity = self.env["hr.career.opportunity"]
        opportunities = Opportunity.browse(
            {
                vals.get("opportunity_id")
                for vals in vals_list
                if vals.get("opportunity_id")
            }
        )
        # everyone reads the open opportunities of their companies: one the
        # applicant may not read is not open to them (and keeps its name)
        readable = opportunities._filtered_access("read")
        pairs = [
            (vals.get("opportunity_id"), vals.get("employee_id")) for vals in vals_list
        ]
        # the live applications of these employees: one applies for oneself
        # (and HR for anybody) and reads one's own applications
        existing = self.search(
            [
                ("opportunity_id", "in", opportunities.ids),
                ("employee_id", "in", [e for _o, e in pairs if e]),
                ("state", "in", LIVE_STATES),
            ]
        )
        taken = {(a.opportunity_id.id, a.employee_id.id) for a in existing}
        for opportunity_id, employee_id in pairs:
            opportunity = opportunities.browse(opportunity_id)
            if not opportunity:
                continue
            if opportunity not in readable:
                raise ValidationError(
                    self.env._("This opportunity is not open for applications.")
                )
            if opportunity.state != "open":
                raise ValidationError(
                    self.env._(
                        "“%(name)s” is not open for applications.",
                        name=opportunity.name,
                    )
                )
            if opportunity.is_full:
                raise ValidationError(
                    self.env._(
                        "“%(name)s” is full: all its seats are taken.",
                        name=opportunity.name,
                    )
                )
            if opportunity.owner_id.id == employee_id:
                raise ValidationError(
                    self.env._(
                        "You cannot apply to “%(name)s”: you posted it.",
                        name=opportunity.name,
                    )
                )
            if (opportunity_id, employee_id) in taken:
                raise ValidationError(
                    self.env._(
                        "An application to “%(name)s” already exists for this "
                        "employee.",
                        name=opportunity.name,
                    )
                )
            taken.add((opportunity_id, employee_id))

    def write(self, vals):
        if "state" in vals and not self.env["hr.career.role"]._is_hr_officer():
            # who may reach the record first, which move then
            self.check_access("write")
            self._check_transition(vals["state"])
        if vals.get("state") == "accepted":
            self._check_seats_left()
        return super().write(vals)

    def _career_policy_roles(self):
        """``employee`` (the applicant), ``manager`` (the applicant's
        ``parent_id`` chain, ``hr.career.role``) and ``owner`` (of the
        opportunity)."""
        roles = super()._career_policy_roles()
        owners = self.env["hr.career.role"]._get_record_roles(
            self, "opportunity_id.owner_id"
        )
        for application in self:
            if owners[application.id] == SELF:
                roles[application.id].add("owner")
        return roles

    def _roles(self):
        """The roles of the current user on each application: ``applicant``,
        ``manager`` (the applicant's ``parent_id`` chain) and ``owner``."""
        names = {"employee": "applicant", "manager": "manager", "owner": "owner"}
        return {
            application_id: {names[role] for role in roles}
            for application_id, roles in self._career_policy_roles().items()
        }

    def _check_transition(self, new_state):
        states = dict(self._fields["state"]._description_selection(self.env))
        roles = self._roles()
        for application in self:
            if application.state == new_state:
                continue
            allowed = TRANSITIONS.get((application.state, new_state))
            if allowed is None:
                raise UserError(
                    self.env._(
                        "An application cannot go from “%(from)s” to “%(to)s”.",
                        **{
                            "from": states[application.state],
                            "to": states[new_state],
                        },
                    )
                )
            if not allowed & roles[application.id]:
                raise AccessError(self._refusal_message(new_state))

    def _refusal_message(self, new_state):
        if new_state == "approved":
            return self.env._(
                "Only the applicant's manager (or HR) can approve an application."
            )
        if new_state == "withdrawn":
            return self.env._("Only the applicant can withdraw an application.")
        return self.env._(
            "Only the opportunity's owner (or HR) can accept or decline an "
            "application approved by the manager."
        )

    def _check_seats_left(self):
        # the owner (or HR) accepts: they read the opportunity, whose
        # seats_taken counts every accepted application
        for opportunity in self.opportunity_id:
            new = self.filtered(
                lambda a, o=opportunity: a.opportunity_id == o and a.state != "accepted"
            )
            if opportunity.seats_taken + len(new) > opportunity.seats:
                raise ValidationError(
                    self.env._(
                        "“%(name)s” is full: all its seats are taken.",
                        name=opportunity.name,
                    )
                )

    # ------------------------------------------------------------ actions
    def action_approve(self):
        self.write({"state": "approved"})
        self._schedule_next_activity()

    def action_accept(self):
        self.write({"state": "accepted"})
        self._on_accepted()

    def action_decline(self):
        self.write({"state": "declined"})
        self._flow()._feedback_activities()

    def action_withdraw(self):
        self.write({"state": "withdrawn"})
        self._flow()._feedback_activities()

    # ------------------------------------------------------------ flow
    def _feedback_activities(self):
        # the applicant, their managers, the owner and HR write the application
        # (record rules), which lets them close its to-dos, also other people's
        self.activity_ids.action_feedback()

    def _schedule_next_activity(self):
        """The manager approves, then the owner accepts or declines."""
        self._feedback_activities()
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self)
        vals_list = []
        # the opportunity as the application shows it (a plain read: its name
        # goes with the application, also once it is closed)
        names = {
            row["id"]: row["opportunity_id"][1] for row in self.read(["opportunity_id"])
        }
        for application in self:
            # the users of the manager and the owner: their public profiles
            if application.state == "interested":
                user = application.employee_id.parent_id.user_id
                summary = self.env._("Approve an application")
                note = self.env._(
                    "%(employee)s is interested in “%(opportunity)s”: approve "
                    "(it takes their time) or decline.",
                    employee=application.employee_id.name,
                    opportunity=names[application.id],
                )
            elif application.state == "approved":
                user = application.owner_id.user_id
                summary = self.env._("Accept or decline an application")
                note = self.env._(
                    "%(employee)s applies to “%(opportunity)s”, approved by their "
                    "manager.",
                    employee=application.employee_id.name,
                    opportunity=names[application.id],
                )
            else:
                continue
            if user:
                vals_list.append(
                    {
                        "res_model_id": model_id,
                        "res_id": application.id,
                        "activity_type_id": activity_type.id,
                        "summary": summary,
                        "note": note,
                        "user_id": user.id,
                        "date_deadline": today,
                    }
                )
        if vals_list:
            # the writer of the application assigns its to-dos (mail.activity's
            # rules follow the application)
            self.env["mail.activity"].create(vals_list)

    def _on_accepted(self):
        """Development roles become an action of the employee's active plan;
        an open role is proposed to HR as a job change."""
        self._feedback_activities()
        # sudo: the user was checked as owner (or HR) by write(); the plan and
        # action of the applicant (below, in this environment) and the job
        # change to-do for HR are created on their behalf
        applications = self.sudo()
        developing = applications.filtered(
            lambda a: a.opportunity_type in ACTION_TYPE_OF
        )
        if developing:
            Plan = applications.env["hr.development.plan"]
            plans = Plan._get_or_create_active_plan(developing.employee_id)
            vals_list = []
            for application in developing:
                opportunity = application.opportunity_id
                developed = opportunity.skill_ids.filtered(
                    lambda s: s.kind == "developed"
                )
                vals_list.append(
                    {
                        "name": opportunity.name,
                        "plan_id": plans[application.employee_id.id].id,
                        "action_type": ACTION_TYPE_OF[opportunity.opportunity_type],
                        "skill_id": developed[:1].skill_id.id,
                        "mentor_id": opportunity.owner_id.id
                        if opportunity.opportunity_type == "mentoring"
                        else False,
                        "date_due": opportunity.date_end,
                        "note": self.env._(
                            "Accepted internal opportunity: %(type)s.",
                            type=dict(
                                opportunity._fields[
                                    "opportunity_type"
                                ]._description_selection(self.env)
                            )[opportunity.opportunity_type],
                        ),
                    }
                )
            actions = applications.env["hr.development.action"].create(vals_list)
            for application, action in zip(developing, actions, strict=True):
                application.development_action_id = action
        roles = applications - developing
        if roles:
            roles._propose_job_change()

    def _propose_job_change(self):
        """One activity per accepted open role for HR officers: change the
        employee's job (the promotion badge follows the job change)."""
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        hr_group = self.env.ref("hr.group_hr_user")
        vals_list = []
        for application in self:
            officers = hr_group.users.filtered(
                lambda u, c=application.company_id: c in u.company_ids and not u.share
            )
            user = (
                application.employee_id.department_id.manager_id.user_id
                if application.employee_id.department_id.manager_id.user_id in officers
                else officers[:1]
            )
            if not user:
                continue
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": application.id,
                    "activity_type_id": activity_type.id,
                    "summary": self.env._("Change the job"),
                    "note": self.env._(
                        "%(employee)s was accepted for the open role “%(opportunity)s”:"
                        " change their job to %(job)s.",
                        employee=application.employee_id.name,
                        opportunity=application.opportunity_id.name,
                        job=application.opportunity_id.job_id.name,
                    ),
                    "user_id": user.id,
                    "date_deadline": fields.Date.context_today(self),
                }
            )
        if vals_list:
            self.env["mail.activity"].create(vals_list)

    def action_apply_job_change(self):
        """HR: give the accepted employee the open role's job."""
        if not self.env["hr.career.role"]._is_hr_officer():
            raise AccessError(self.env._("Only HR officers change an employee's job."))
        for application in self:
            if (
                application.state != "accepted"
                or application.opportunity_type != "open_role"
            ):
                raise UserError(
                    self.env._("Only an accepted open role changes the job.")
                )
            application.employee_id.job_id = application.opportunity_id.job_id
        self._feedback_activities()
