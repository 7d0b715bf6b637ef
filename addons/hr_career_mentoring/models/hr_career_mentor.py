# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL, create_index

# each profile's place on a circle of draws (0 to 2**32 - 1), a scramble of
# its id: the mentor suggestions walk a skill's profiles in this order from a
# start drawn for the mentee (hr.career.matching._mentor_programme_rows), by
# the index on the skills offered below
MENTOR_DRAW = "((%s::bigint * 2654435761) & 4294967295)"

MIN_PROGRESS_PARAM = "hr_career_mentoring.min_progress"
DEFAULT_MIN_PROGRESS = 50


class HrCareerMentor(models.Model):
    """An employee's mentor profile: the skills they offer (among their own
    current skills at the programme's minimum level), how many mentees they
    carry at once, and whether they take new ones."""

    _name = "hr.career.mentor"
    _description = "Mentor"
    _inherit = ["mail.thread", "mail.activity.mixin", "hr.career.policy.mixin"]
    _order = "state, places_left desc, id"
    _rec_name = "employee_id"

    _career_policy = {
        "employee": {
            "create": {"employee_id", "skill_ids", "capacity", "note", "state"},
            "write": {"skill_ids", "capacity", "note", "state"},
        },
    }

    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, ondelete="cascade", tracking=True
    )
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index=True
    )
    department_id = fields.Many2one(related="employee_id.department_id")
    skill_ids = fields.Many2many(
        "hr.skill",
        "hr_career_mentor_hr_skill_rel",
        "mentor_id",
        "skill_id",
        string="Skills Offered",
    )
    capacity = fields.Integer(
        default=2, tracking=True, help="The most mentees mentored at once."
    )
    state = fields.Selection(
        [("open", "Open"), ("paused", "Paused")],
        default="open",
        required=True,
        tracking=True,
        help="Paused: no new mentee is suggested nor accepted.",
    )
    note = fields.Text(help="A short word to mentees: how you like to mentor.")
    mentorship_ids = fields.One2many("hr.career.mentorship", "mentor_id")
    active_count = fields.Integer(
        compute="_compute_counts", store=True, string="Active Mentorships"
    )
    done_count = fields.Integer(
        compute="_compute_counts", store=True, string="Completed Mentorships"
    )
    places_left = fields.Integer(compute="_compute_counts", store=True)

    _sql_constraints = [
        ("employee_uniq", "unique(employee_id)", "An employee has one mentor profile."),
        (
            "capacity_range",
            "CHECK(capacity >= 1 AND capacity <= 20)",
            "A mentor's capacity is between 1 and 20 mentees.",
        ),
    ]

    def _auto_init(self):
        res = super()._auto_init()
        create_index(
            self.env.cr,
            "hr_career_mentor_hr_skill_rel_draw_idx",
            "hr_career_mentor_hr_skill_rel",
            ["skill_id", MENTOR_DRAW % "mentor_id"],
        )
        return res

    @api.depends("capacity", "mentorship_ids.state")
    def _compute_counts(self):
        # sudo: counts only, whoever reads the profile (the pairs are private)
        groups = (
            self.env["hr.career.mentorship"]
            .sudo()
            ._read_group(
                [("mentor_id", "in", self.ids), ("state", "in", ("active", "done"))],
                ["mentor_id", "state"],
                ["__count"],
            )
        )
        counts = {(mentor.id, state): count for mentor, state, count in groups}
        for mentor in self:
            mentor.active_count = counts.get((mentor.id, "active"), 0)
            mentor.done_count = counts.get((mentor.id, "done"), 0)
            mentor.places_left = max(mentor.capacity - mentor.active_count, 0)

    @api.constrains("skill_ids", "employee_id")
    def _check_skill_ids(self):
        """Skills offered are the mentor's own, at the minimum level."""
        minimum = self._min_progress()
        levels = self.env["hr.career.matching"]._current_levels(
            self.employee_id.ids, self.skill_ids.ids
        )
        for mentor in self:
            lacking = mentor.skill_ids.filtered(
                lambda s, m=mentor: levels.get((m.employee_id.id, s.id), 0) < minimum
            )
            if lacking:
                raise ValidationError(
                    self.env._(
                        "%(employee)s can offer only skills of their profile at "
                        "%(minimum)s%% or more: %(skills)s.",
                        employee=mentor.employee_id.name,
                        minimum=minimum,
                        skills=", ".join(lacking.mapped("name")),
                    )
                )

    @api.constrains("capacity", "mentorship_ids")
    def _check_capacity(self):
        for mentor in self:
            if mentor.active_count > mentor.capacity:
                raise ValidationError(
                    self.env._(
                        "%(mentor)s mentors %(count)s people, more than their "
                        "capacity of %(capacity)s.",
                        mentor=mentor.employee_id.name,
                        count=mentor.active_count,
                        capacity=mentor.capacity,
                    )
                )

    @api.model
    def _min_progress(self):
        return self.env["hr.career.settings"]._get_int(
            MIN_PROGRESS_PARAM, DEFAULT_MIN_PROGRESS, minimum=0
        )

    @api.model_create_multi
    def create(self, vals_list):
        # HR invites: a profile created for someone else waits, paused, for
        # its employee to open it (unless HR says otherwise)
        mine = self.env["hr.career.role"]._my_employees()
        for vals in vals_list:
            if vals.get("employee_id") not in mine.ids:
                vals.setdefault("state", "paused")
        mentors = super().create(vals_list)
        invited = mentors.filtered(lambda m: m.employee_id not in mine)
        for mentor in invited.filtered(lambda m: m.employee_id.user_id):
            mentor.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("You are invited to mentor"),
                user_id=mentor.employee_id.user_id.id,
            )
        return mentors

    def action_open(self):
        self.write({"state": "open"})

    def action_pause(self):
        self.write({"state": "paused"})

    def _lock(self):
        """Lock the profiles until the end of the transaction: accepting a
        mentee is counted against a capacity nobody else is changing."""
        if self:
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM hr_career_mentor WHERE id = ANY(%s) FOR UPDATE",
                    self.ids,
                )
            )
