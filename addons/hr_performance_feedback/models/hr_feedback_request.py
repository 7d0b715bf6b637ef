# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.hr_career_dev.models.hr_career_role import MANAGER, SELF

from .hr_appraisal import NOMINATE_PARAM

RELATIONS = [
    ("peer", "Peer"),
    ("subordinate", "Subordinate"),
    ("manager", "Manager"),
    ("other", "Other"),
]
REQUEST_STATES = [
    ("draft", "Draft"),
    ("requested", "Requested"),
    ("answered", "Answered"),
    ("declined", "Declined"),
    ("cancelled", "Cancelled"),
]
# states in which the reviewer is done with the request: frozen (HR may
# reopen it), left out of what is still awaited
CLOSED_STATES = ("answered", "declined")
# the reminder cron warns reviewers this many days before the deadline
REMINDER_DAYS = 2
# without a deadline, reviewers get this many days (or until the appraisal)
DEFAULT_DEADLINE_DAYS = 14
# what the reviewer writes while the request waits for their answer
REVIEWER_FIELDS = frozenset({"feedback", "answer_ids"})
# who sets what (hr.career.policy.mixin): the subject's managers run the
# request, the subject nominates reviewers (drafts), the reviewer answers;
# the subject and the appraisal are fixed once created
REQUEST_INPUT = frozenset(
    {"reviewer_id", "relation", "date_deadline", "anonymous", "state"}
)
REQUEST_POLICY = {
    "employee": {
        "create": REQUEST_INPUT | {"employee_id", "appraisal_id"},
        "write": frozenset(),
    },
    "manager": {
        "create": REQUEST_INPUT | {"employee_id", "appraisal_id", "feedback"},
        "write": REQUEST_INPUT | {"date_answered", "feedback", "answer_ids"},
    },
    "reviewer": {"create": frozenset(), "write": frozenset()},
}
REQUEST_POLICY_STATES = {
    "reviewer": {
        "write": {
            "requested": REVIEWER_FIELDS | {"state", "date_answered", "decline_reason"}
        }
    },
}


class HrFeedbackRequest(models.Model):
    """360° feedback: a colleague (the reviewer) is asked to rate the subject's
    competencies. The subject only ever sees the aggregate on the appraisal."""

    _name = "hr.feedback.request"
    _description = "360° feedback request"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "hr.career.state.mixin",
        "hr.career.reminder.mixin",
        "hr.career.policy.mixin",
    ]
    _order = "date_deadline, id desc"
    _career_policy = REQUEST_POLICY
    _career_policy_states = REQUEST_POLICY_STATES

    name = fields.Char(compute="_compute_name", store=True)
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
        help="The person the feedback is about.",
    )
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index=True
    )
    reviewer_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
        # only who can answer: a user, internal or portal
        domain="[('user_id', '!=', False), ('id', '!=', employee_id)]",
        help="Only colleagues with a login (internal or portal) can answer.",
    )
    reviewer_user_id = fields.Many2one(related="reviewer_id.user_id")
    relation = fields.Selection(RELATIONS, required=True, default="peer", tracking=True)
    appraisal_id = fields.Many2one(
        "hr.appraisal", index=True, ondelete="cascade", tracking=True
    )
    date_deadline = fields.Date(
        string="Deadline",
        required=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self)
        + relativedelta(days=DEFAULT_DEADLINE_DAYS),
        help="By default the appraisal's date when it is ahead, else two weeks "
        "from today.",
    )
    anonymous = fields.Boolean(
        help="The employee never learns who gave this feedback.",
    )
    state = fields.Selection(
        REQUEST_STATES, required=True, default="draft", tracking=True, index=True
    )
    answer_ids = fields.One2many("hr.feedback.answer", "request_id", string="Answers")
    feedback = fields.Text(string="Free Feedback")
    date_answered = fields.Date(readonly=True, copy=False)
    decline_reason = fields.Text(
        copy=False,
        help="Why the reviewer declined to give this feedback.",
    )

    @api.depends("employee_id.name", "reviewer_id.name")
    def _compute_name(self):
        for request in self:
            request.name = self.env._(
                "Feedback on %(employee)s", employee=request.employee_id.name or ""
            )

    @api.constrains("employee_id", "reviewer_id")
    def _check_reviewer(self):
        for request in self:
            if request.reviewer_id == request.employee_id:
                raise ValidationError(
                    self.env._(
                        "%(employee)s cannot give 360° feedback about themselves: "
                        "choose another reviewer.",
                        employee=request.employee_id.name,
                    )
                )

    @api.constrains("reviewer_id")
    def _check_reviewer_can_answer(self):
        for request in self:
            if not request.reviewer_id.user_id:
                raise ValidationError(
                    self.env._(
                        "%(reviewer)s has no login and could not answer: choose a "
                        "colleague with a user or portal access, or invite "
                        "%(reviewer)s to the portal first.",
                        reviewer=request.reviewer_id.name,
                    )
                )

    @api.constrains("appraisal_id", "reviewer_id", "state")
    def _check_one_request_per_reviewer(self):
        # the subject's own nominations (drafts) are checked when their
        # manager sends them: a refusal would tell the subject who was
        # already asked, anonymously perhaps
        own = self._own_nominations()
        with_appraisal = self.filtered(
            lambda r: r.appraisal_id and r.state != "cancelled" and r not in own
        )
        if not with_appraisal:
            return
        # sudo: duplicates may be requests the user cannot read
        counts = {
            (appraisal.id, reviewer.id): count
            for appraisal, reviewer, count in self.sudo()._read_group(
                [
                    ("appraisal_id", "in", with_appraisal.appraisal_id.ids),
                    ("reviewer_id", "in", with_appraisal.reviewer_id.ids),
                    ("state", "!=", "cancelled"),
                ],
                ["appraisal_id", "reviewer_id"],
                ["__count"],
            )
        }
        for request in with_appraisal:
            if counts.get((request.appraisal_id.id, request.reviewer_id.id), 0) > 1:
                raise ValidationError(
                    self.env._(
                        "%(reviewer)s is already asked for feedback on %(employee)s "
                        "in this appraisal.",
                        reviewer=request.reviewer_id.name,
                        employee=request.employee_id.name,
                    )
                )

    def _own_nominations(self):
        """The drafts of ``self`` about the current user (non-HR)."""
        drafts = self.filtered(lambda r: r.state == "draft")
        if not drafts or self._career_policy_is_hr():
            return self.browse()
        mine = self.env["hr.career.role"]._my_employees()
        # read as the user: whoever creates or changes a draft (the subject's
        # manager chain, the subject who nominated) reads it
        return drafts.filtered(lambda r: r.employee_id in mine)

    @api.constrains("date_deadline", "state")
    def _check_deadline(self):
        today = fields.Date.context_today(self)
        for request in self:
            if request.state == "requested" and request.date_deadline < today:
                raise ValidationError(
                    self.env._(
                        "The deadline %(date)s is already past: give %(reviewer)s a "
                        "deadline from today on.",
                        date=request.date_deadline,
                        reviewer=request.reviewer_id.name,
                    )
                )

    # ------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        Appraisal = self.env["hr.appraisal"]
        # read as the user: whoever asks (the manager chain, the nominating
        # employee, HR) reads the appraisal; anybody else is refused here
        appraisals = Appraisal.browse(
            {vals["appraisal_id"] for vals in vals_list if vals.get("appraisal_id")}
        )
        today = fields.Date.context_today(self)
        for vals in vals_list:
            appraisal = appraisals.browse(vals.get("appraisal_id"))
            if appraisal:
                # the subject of the feedback is the appraised employee
                vals["employee_id"] = appraisal.employee_id.id
            if not vals.get("date_deadline"):
                vals["date_deadline"] = (
                    appraisal.date_close
                    if appraisal.date_close and appraisal.date_close > today
                    else today + relativedelta(days=DEFAULT_DEADLINE_DAYS)
                )
        if not Appraisal._is_appraisal_hr():
            self._check_create_rights(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env["hr.appraisal"]._is_appraisal_hr():
            self._check_write_rights(vals)
        return super().write(vals)

    def _check_create_rights(self, vals_list):
        """Requests come from the subject's manager chain (or HR); the subject
        may nominate reviewers, as drafts, when Settings allow it."""
        Employee = self.env["hr.employee"]
        employees = Employee.browse(
            {vals["employee_id"] for vals in vals_list if vals.get("employee_id")}
        )
        roles = self.env["hr.appraisal"]._get_employee_roles(employees)
        nominate = self.env["hr.career.settings"]._get_flag(NOMINATE_PARAM)
        for vals in vals_list:
            # the name (a public field of employees), for the messages only
            employee = Employee.browse(vals.get("employee_id"))
            role = roles.get(employee.id)
            if role == "manager":
                continue
            if role == "self" and nominate:
                if vals.get("state", "draft") != "draft":
                    raise AccessError(
                        self.env._(
                            "%(employee)s, you can nominate reviewers; your "
                            "manager sends the requests.",
                            employee=employee.name,
                        )
                    )
                continue
            raise AccessError(
                self.env._(
                    "Only the managers of %(employee)s or HR can ask for 360° "
                    "feedback on them.",
                    employee=employee.name or self.env._("this employee"),
                )
            )

    def _check_write_rights(self, vals):
        """The states each role moves a request to (the fields are the field
        policy's): the reviewer only sends their answer while the request
        waits for it; an answered request is frozen (HR may reopen it)."""
        roles = self.env["hr.career.role"]._get_record_roles(self, "employee_id")
        # read as the user: a request they cannot read is refused right here,
        # and the reviewer is named only to whoever reads the request
        for request in self:
            if request.state in CLOSED_STATES and set(vals) - set(
                self._career_policy_mail_fields()
            ):
                raise AccessError(
                    self.env._(
                        "The feedback of %(reviewer)s on %(employee)s is already "
                        "given: only HR can reopen it.",
                        **request._message_names(),
                    )
                )
            if roles.get(request.id) == MANAGER:
                continue
            if "state" in vals and vals["state"] not in (
                *CLOSED_STATES,
                request.state,
            ):
                raise AccessError(
                    self.env._(
                        "%(reviewer)s, you can answer the feedback request on "
                        "%(employee)s while it waits for your answer; the rest is "
                        "for their managers or HR.",
                        **request._message_names(),
                    )
                )

    def _message_names(self):
        """The subject's and the reviewer's names, read as the user (only to
        refuse: whoever cannot read the request learns no name)."""
        self.ensure_one()
        return {"employee": self.employee_id.name, "reviewer": self.reviewer_id.name}

    def _career_policy_roles(self):
        """The reviewer of a request is a role of their own (they answer it);
        a reviewer who also manages the subject keeps the manager's fields."""
        roles = super()._career_policy_roles()
        # the reviewer is the user's own employee: the role service's "self"
        reviewers = self.env["hr.career.role"]._get_record_roles(self, "reviewer_id")
        for request in self:
            if reviewers.get(request.id) == SELF:
                roles[request.id].add("reviewer")
        return roles

    @api.model
    def _career_policy_is_hr(self):
        return self.env["hr.appraisal"]._is_appraisal_hr()

    # ------------------------------------------------------------ actions
    def action_request(self):
        """Send the requests: fill the answer lines from the subject's job
        competencies and schedule an activity for each reviewer."""
        self._check_state(
            ("draft",),
            lambda request, state: self.env._(
                "Cannot send the feedback request “%(request)s”: "
                "its status is “%(state)s”.",
                request=request.display_name,
                state=state,
            ),
        )
        self.write({"state": "requested"})
        self._fill_answer_lines()
        self._schedule_reviewer_activities()

    def action_submit(self):
        self._check_state(
            ("requested",),
            lambda request, state: self.env._(
                "Cannot submit the feedback “%(request)s”: its status is “%(state)s”.",
                request=request.display_name,
                state=state,
            ),
        )
        self._check_answers_rated()
        self.write(
            {"state": "answered", "date_answered": fields.Date.context_today(self)}
        )
        self.activity_unlink(["hr_performance_feedback.mail_activity_type_feedback"])

    def action_decline(self, reason):
        """The reviewer declines to give the feedback, saying why: nothing
        they rated is kept in the aggregates, whoever asked is told on the
        request's chatter (never the subject: the request may be anonymous)."""
        reason = (reason or "").strip()
        # read as the user: a request they cannot read is refused right here
        for feedback_request in self:
            if (
                feedback_request.reviewer_id.user_id != self.env.user
                and not self._career_policy_is_hr()
            ):
                raise AccessError(
                    self.env._(
                        "Only %(reviewer)s, who was asked, can decline the feedback "
                        "request on %(employee)s.",
                        reviewer=feedback_request.reviewer_id.name,
                        employee=feedback_request.employee_id.name,
                    )
                )
            if not reason:
                raise ValidationError(
                    self.env._(
                        "Say why you decline to give feedback on %(employee)s: "
                        "whoever asked needs the reason to find another reviewer.",
                        employee=feedback_request.employee_id.name,
                    )
                )
        self._check_state(
            ("requested",),
            lambda request, state: self.env._(
                "Cannot decline the feedback request “%(request)s”: "
                "its status is “%(state)s”.",
                request=request.display_name,
                state=state,
            ),
        )
        self.write({"state": "declined", "decline_reason": reason})
        self.activity_unlink(["hr_performance_feedback.mail_activity_type_feedback"])
        self._notify_declined()
        return True

    def action_decline_from_form(self):
        """The form's Decline button: the reason written on the request."""
        for feedback_request in self:
            feedback_request.action_decline(feedback_request.decline_reason)
        return True

    def _notify_declined(self):
        """One note per request to whoever created it (HR or the manager who
        asked), on the request's chatter, which the subject never reads."""
        for feedback_request in self:
            feedback_request.message_post(
                body=self.env._(
                    "%(reviewer)s declined to give feedback on %(employee)s: "
                    "%(reason)s",
                    reviewer=feedback_request.reviewer_id.name,
                    employee=feedback_request.employee_id.name,
                    reason=feedback_request.decline_reason,
                ),
                partner_ids=feedback_request.create_uid.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )

    def _check_answers_rated(self):
        """Every competency gets a rating (1-5): a blank one would say nothing
        and could never be given afterwards. Without competencies to rate, the
        free feedback is the answer."""
        for feedback_request in self:
            # the name (a public field of employees), for the messages only
            employee = feedback_request.employee_id.name
            answers = feedback_request.answer_ids
            if not answers and not (feedback_request.feedback or "").strip():
                raise UserError(
                    self.env._(
                        "Write your feedback on %(employee)s before sending it.",
                        employee=employee,
                    )
                )
            unrated = answers.filtered(
                lambda answer: not answer.rating and not answer.cannot_judge
            )
            if unrated:
                raise UserError(
                    self.env._(
                        "Rate every competency before sending your feedback on "
                        "%(employee)s; not rated yet: %(skills)s. The scale: "
                        "%(scale)s.",
                        employee=employee,
                        skills=", ".join(unrated.skill_id.mapped("name")),
                        scale=self.env["hr.feedback.answer"]._rating_legend(),
                    )
                )

    def action_cancel(self):
        self._check_state(
            ("draft", "requested"),
            lambda request, state: self.env._(
                "Cannot cancel the feedback request “%(request)s”: "
                "its status is “%(state)s”.",
                request=request.display_name,
                state=state,
            ),
        )
        self.write({"state": "cancelled"})
        self.activity_unlink(["hr_performance_feedback.mail_activity_type_feedback"])

    def action_draft(self):
        self._check_state(
            ("cancelled",),
            lambda request, state: self.env._(
                "Cannot reset the feedback request “%(request)s” to draft: "
                "its status is “%(state)s”.",
                request=request.display_name,
                state=state,
            ),
        )
        self.write({"state": "draft"})

    def _fill_answer_lines(self):
        """One answer line per competency of the subject's job, then one per
        gap towards their target job not listed yet (scope ``target``), in
        one create."""
        competencies = self.env["hr.job.competency"].search(
            [("job_id", "in", self.employee_id.job_id.ids)]
        )
        # read as the user: whoever sends the requests (the subjects' manager
        # chain, HR) reads their gaps
        target_gaps = self.env["hr.competency.gap"].search(
            [
                ("employee_id", "in", self.employee_id.ids),
                ("scope", "=", "target"),
                ("is_missing", "=", True),
            ]
        )
        vals_list = []
        for request in self:
            listed = set(request.answer_ids.skill_id.ids)
            employee = request.employee_id
            for scope, skills in (
                (
                    "current",
                    competencies.filtered(
                        lambda c, job=employee.job_id: c.job_id == job
                    ).skill_id,
                ),
                (
                    "target",
                    target_gaps.filtered(
                        lambda g, e=employee: g.employee_id == e
                    ).skill_id,
                ),
            ):
                for skill in skills:
                    if skill.id in listed:
                        continue
                    listed.add(skill.id)
                    vals_list.append(
                        {"request_id": request.id, "skill_id": skill.id, "scope": scope}
                    )
        self.env["hr.feedback.answer"].create(vals_list)

    def _schedule_reviewer_activities(self):
        activity_type = self.env.ref(
            "hr_performance_feedback.mail_activity_type_feedback"
        )
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = [
            {
                "res_model_id": model_id,
                "res_id": request.id,
                "activity_type_id": activity_type.id,
                "summary": self.env._(
                    "Give feedback on %(employee)s", employee=request.employee_id.name
                ),
                "user_id": request.reviewer_id.user_id.id,
                "date_deadline": request.date_deadline,
                "automated": True,
            }
            for request in self
            if request.reviewer_id.user_id
        ]
        return self.env["mail.activity"].create(vals_list)

    @api.model
    def _cron_remind_reviewers(self):
        """Requests due within REMINDER_DAYS or late: one reminder activity per
        request that has none open; late ones are also flagged on the chatter."""
        # not a button: the scheduler and HR managers only (AccessError)
        self.env["hr.career.role"]._check_scheduled_run()
        today = fields.Date.context_today(self)
        due = self.search(
            [
                ("state", "=", "requested"),
                ("date_deadline", "<=", today + relativedelta(days=REMINDER_DAYS)),
            ]
        )
        if not due:
            return self.env["mail.activity"]
        activity_type = self.env.ref(
            "hr_performance_feedback.mail_activity_type_feedback"
        )
        return due._without_open_activity(activity_type)._schedule_reviewer_activities()

    def copy_data(self, default=None):
        default = dict(default or {})
        default.setdefault("answer_ids", [Command.clear()])
        return super().copy_data(default)
