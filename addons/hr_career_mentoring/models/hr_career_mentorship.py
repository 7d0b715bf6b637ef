# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.hr_career_dev.models.hr_career_role import SELF

OPEN_STATES = ("requested", "active")


class HrCareerMentorship(models.Model):
    """A mentee asks a mentor for help on skills (a goal or a development
    action); the mentor accepts or declines; the pair logs sessions (private
    to them) until the mentorship is done. States move by the actions only:
    the mentor accepts and declines, either of the pair (or HR) ends it."""

    _name = "hr.career.mentorship"
    _description = "Mentorship"
    _inherit = ["mail.thread", "hr.career.policy.mixin"]
    _order = "id desc"

    _career_policy = {
        "employee": {
            "create": {
                "mentor_id",
                "mentee_id",
                "skill_ids",
                "goal_id",
                "action_id",
                "message",
            },
        },
    }
    _career_policy_states = {
        "employee": {"write": {"requested": {"skill_ids", "message"}}},
    }
    _career_policy_employee = "mentee_id"

    mentor_id = fields.Many2one(
        "hr.career.mentor",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    mentor_employee_id = fields.Many2one(
        related="mentor_id.employee_id",
        store=True,
        index=True,
        string="Mentor (Employee)",
    )
    mentee_id = fields.Many2one(
        "hr.employee", required=True, index=True, ondelete="cascade", tracking=True
    )
    company_id = fields.Many2one(related="mentee_id.company_id", store=True, index=True)
    skill_ids = fields.Many2many(
        "hr.skill",
        "hr_career_mentorship_hr_skill_rel",
        "mentorship_id",
        "skill_id",
        string="Skills",
    )
    gap_skill_ids = fields.Many2many(
        "hr.skill",
        "hr_career_mentorship_gap_skill_rel",
        "mentorship_id",
        "skill_id",
        string="Gaps at the Request",
        readonly=True,
        help="The skills of the mentorship the mentee lacked at the level of "
        "their job when they asked.",
    )
    closed_skill_ids = fields.Many2many(
        "hr.skill",
        "hr_career_mentorship_closed_skill_rel",
        "mentorship_id",
        "skill_id",
        string="Gaps Closed",
        readonly=True,
        help="Gaps at the request that were closed when the mentorship ended.",
    )
    gap_count = fields.Integer(
        compute="_compute_gap_counts", store=True, string="Number of Gaps"
    )
    closed_count = fields.Integer(
        compute="_compute_gap_counts",
        store=True,
        string="Number of Gaps Closed",
    )
    goal_id = fields.Many2one("hr.career.goal", index="btree_not_null")
    action_id = fields.Many2one(
        "hr.development.action",
        string="Development Action",
        index="btree_not_null",
        help="Done with the mentorship.",
    )
    message = fields.Text(help="What the mentee hopes from the mentorship.")
    date_requested = fields.Datetime(
        default=fields.Datetime.now, readonly=True, required=True
    )
    date_start = fields.Date(readonly=True, tracking=True)
    date_end = fields.Date(readonly=True, tracking=True)
    days_to_match = fields.Integer(
        readonly=True, help="Days between the request and its acceptance."
    )
    state = fields.Selection(
        [
            ("requested", "Requested"),
            ("active", "Active"),
            ("done", "Done"),
            ("declined", "Declined"),
            ("cancelled", "Cancelled"),
        ],
        default="requested",
        required=True,
        readonly=True,
        tracking=True,
    )
    session_ids = fields.One2many("hr.career.mentorship.session", "mentorship_id")
    session_count = fields.Integer(compute="_compute_sessions")
    date_last_session = fields.Date(compute="_compute_sessions")

    @api.depends("gap_skill_ids", "closed_skill_ids")
    def _compute_gap_counts(self):
        for mentorship in self:
            mentorship.gap_count = len(mentorship.gap_skill_ids)
            mentorship.closed_count = len(mentorship.closed_skill_ids)

    def _compute_sessions(self):
        """Dates and counts, for everyone who reads the mentorship (HR, the
        mentee's managers): never the notes."""
        # sudo: the count and last date of sessions only, no note is read
        groups = (
            self.env["hr.career.mentorship.session"]
            .sudo()
            ._read_group(
                [("mentorship_id", "in", self.ids)],
                ["mentorship_id"],
                ["__count", "date:max"],
            )
        )
        by_id = {mentorship.id: (count, last) for mentorship, count, last in groups}
        for mentorship in self:
            count, last = by_id.get(mentorship.id, (0, False))
            mentorship.session_count = count
            mentorship.date_last_session = last

    @api.depends("mentor_employee_id", "mentee_id", "skill_ids")
    def _compute_display_name(self):
        for mentorship in self:
            mentorship.display_name = self.env._(
                "%(mentee)s with %(mentor)s",
                mentee=mentorship.mentee_id.name or "",
                mentor=mentorship.mentor_employee_id.name or "",
            )

    # ------------------------------------------------------------ checks
    @api.constrains("mentor_id", "mentee_id")
    def _check_pair(self):
        for mentorship in self:
            if mentorship.mentor_employee_id == mentorship.mentee_id:
                raise ValidationError(
                    self.env._(
                        "%(employee)s cannot be their own mentor.",
                        employee=mentorship.mentee_id.name,
                    )
                )
            if mentorship.mentor_id.company_id != mentorship.mentee_id.company_id:
                raise ValidationError(
                    self.env._(
                        "%(mentor)s mentors in another company than %(mentee)s's.",
                        mentor=mentorship.mentor_employee_id.name,
                        mentee=mentorship.mentee_id.name,
                    )
                )
        open_ones = self.filtered(lambda m: m.state in OPEN_STATES)
        if not open_ones:
            return
        # one search for all: another open mentorship of the same pair
        others = self.search(
            [
                ("id", "not in", open_ones.ids),
                ("mentor_id", "in", open_ones.mentor_id.ids),
                ("mentee_id", "in", open_ones.mentee_id.ids),
                ("state", "in", OPEN_STATES),
            ]
        ).sudo()  # sudo: only the pairs are compared
        pairs = {(m.mentor_id.id, m.mentee_id.id) for m in others}
        for mentorship in open_ones:
            if (mentorship.mentor_id.id, mentorship.mentee_id.id) in pairs:
                raise ValidationError(
                    self.env._(
                        "%(mentee)s already has a request or a mentorship "
                        "with %(mentor)s.",
                        mentee=mentorship.mentee_id.name,
                        mentor=mentorship.mentor_employee_id.name,
                    )
                )

    @api.constrains("goal_id", "action_id", "mentee_id")
    def _check_links(self):
        # sudo: the owners of the goal and the action, only compared
        for mentorship in self.sudo():
            goal, action = mentorship.goal_id, mentorship.action_id
            if (goal and goal.employee_id != mentorship.mentee_id) or (
                action and action.employee_id != mentorship.mentee_id
            ):
                raise ValidationError(
                    self.env._(
                        "The goal and the development action of a mentorship "
                        "are the mentee's own."
                    )
                )

    # ------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        mentorships = super().create(vals_list)
        mentorships._check_mentor_open()
        # sudo: the gaps of the mentee, kept to measure what the mentorship closed
        created = mentorships.sudo()
        gaps = created._open_gaps()
        for mentorship in created:
            mentorship.gap_skill_ids = mentorship.skill_ids.filtered(
                lambda s, m=mentorship: (m.mentee_id.id, s.id) in gaps
            )
        return mentorships

    def _check_mentor_open(self):
        paused = self.filtered(lambda m: m.mentor_id.state != "open")
        if paused:
            raise ValidationError(
                self.env._(
                    "%(mentor)s takes no new mentee for now.",
                    mentor=paused[0].mentor_employee_id.name,
                )
            )

    def _open_gaps(self):
        """``{(employee_id, skill_id)}``: the skills of the mentorships their
        mentees lack for their job (one search for all)."""
        gaps = self.env["hr.competency.gap"].search_fetch(
            [
                ("employee_id", "in", self.mentee_id.ids),
                ("skill_id", "in", self.skill_ids.ids),
                ("scope", "=", "current"),
                ("gap", ">", 0),
            ],
            ["employee_id", "skill_id"],
        )
        return {(gap.employee_id.id, gap.skill_id.id) for gap in gaps}

    # ------------------------------------------------------------ roles
    def _career_policy_roles(self):
        roles = super()._career_policy_roles()
        # the role service: whether each record's mentor is the user's own
        mentors = self.env["hr.career.role"]._get_record_roles(
            self, "mentor_employee_id"
        )
        for mentorship in self:
            if mentors.get(mentorship.id) == SELF:
                roles[mentorship.id] = roles[mentorship.id] | {"mentor"}
        return roles

    def _mentoring_role(self):
        """``mentor``, ``mentee``, ``hr`` or None: who the user is to the
        mentorship (one record)."""
        self.ensure_one()
        Role = self.env["hr.career.role"]
        if Role._is_hr_officer():
            return "hr"
        # the role service decides who the pair's two employees are to the user
        if Role._get_record_roles(self, "mentor_employee_id").get(self.id) == SELF:
            return "mentor"
        if Role._get_record_roles(self, "mentee_id").get(self.id) == SELF:
            return "mentee"
        return None

    def _check_role(self, roles, words):
        for mentorship in self:
            if mentorship._mentoring_role() not in roles:
                raise AccessError(words)

    def _check_state(self, states):
        wrong = self.filtered(lambda m: m.state not in states)
        if wrong:
            raise UserError(
                self.env._(
                    "The mentorship “%(name)s” is %(state)s: nothing to do.",
                    name=wrong[0].display_name,
                    state=dict(self._fields["state"]._description_selection(self.env))[
                        wrong[0].state
                    ],
                )
            )

    def _checked_action(self, roles, words, states):
        """The mentorships of ``self``, once the user was found to be one of
        ``roles`` to each (else an AccessError saying ``words``) and each is
        in one of ``states`` (else a UserError): the one place where a
        mentoring action takes the privilege it needs. The pair's moves (the
        state, the dates, the gaps closed, the mentor's lock) are not fields
        of the policy: they move by these actions only, on behalf of the
        mentor, the mentee or HR."""
        self._check_role(roles, words)
        self._check_state(states)
        # sudo: the user is the mentor, the mentee or HR (checked above); the
        # action's moves are fields no one sets by hand
        return self.sudo()

    # ------------------------------------------------------------ actions
    def action_accept(self):
        """The mentor (or HR) accepts: within the mentor's capacity, counted
        under a lock of their profile so that two acceptances at once cannot
        both take the last place."""
        mentorships = self._checked_action(
            ("mentor", "hr"),
            self.env._("Only the mentor accepts a mentoring request."),
            ("requested",),
        )
        mentorships.mentor_id._lock()
        mentorships.mentor_id.invalidate_recordset(
            ["active_count", "places_left", "capacity", "state"]
        )
        for mentor in mentorships.mentor_id:
            accepting = mentorships.filtered(lambda m, t=mentor: m.mentor_id == t)
            if mentor.state != "open" or mentor.places_left < len(accepting):
                raise ValidationError(
                    self.env._(
                        "%(mentor)s has no place left: %(count)s active "
                        "mentorships for a capacity of %(capacity)s.",
                        mentor=mentor.employee_id.name,
                        count=mentor.active_count,
                        capacity=mentor.capacity,
                    )
                    if mentor.state == "open"
                    else self.env._(
                        "%(mentor)s takes no new mentee for now.",
                        mentor=mentor.employee_id.name,
                    )
                )
        now = fields.Datetime.now()
        for mentorship in mentorships:
            mentorship.write(
                {
                    "state": "active",
                    "date_start": fields.Date.context_today(self),
                    "days_to_match": (now - mentorship.date_requested).days,
                }
            )
        # the profile's counts are written now: a concurrent acceptance
        # waiting on the lock fails on this row instead of counting stale data
        mentorships.flush_recordset()
        mentorships.mentor_id.flush_recordset()
        return True

    def action_decline(self):
        self._checked_action(
            ("mentor", "hr"),
            self.env._("Only the mentor declines a mentoring request."),
            ("requested",),
        ).write({"state": "declined"})
        return True

    def action_done(self):
        """Either of the pair (or HR) ends an active mentorship: its
        development action is done too, and the gaps it closed recorded."""
        # the development action follows whoever of the pair asks
        mentorships = self._checked_action(
            ("mentor", "mentee", "hr"),
            self.env._("Only the mentor and the mentee end a mentorship."),
            ("active",),
        )
        gaps = mentorships._open_gaps()
        for mentorship in mentorships:
            closed = mentorship.gap_skill_ids.filtered(
                lambda s, m=mentorship: (m.mentee_id.id, s.id) not in gaps
            )
            mentorship.write(
                {
                    "state": "done",
                    "date_end": fields.Date.context_today(self),
                    "closed_skill_ids": [fields.Command.set(closed.ids)],
                }
            )
        mentorships.action_id.action_done()
        return True

    def action_cancel(self):
        self._checked_action(
            ("mentor", "mentee", "hr"),
            self.env._("Only the mentor and the mentee cancel a mentorship."),
            OPEN_STATES,
        ).write({"state": "cancelled"})
        return True
