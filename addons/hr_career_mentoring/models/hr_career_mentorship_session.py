# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.hr_career_dev.models.hr_career_role import SELF


class HrCareerMentorshipSession(models.Model):
    """A session of a mentorship. Private to the pair: record rules give the
    sessions to the mentor and the mentee only, HR and managers included
    out; they see the count and the last date on the mentorship."""

    _name = "hr.career.mentorship.session"
    _description = "Mentoring Session"
    _inherit = ["hr.career.policy.mixin"]
    _order = "date desc, id desc"

    _career_policy = {
        "employee": {
            "create": {"mentorship_id", "date", "notes", "next_step"},
            "write": {"date", "notes", "next_step"},
        },
        "mentor": {
            "create": {"mentorship_id", "date", "notes", "next_step"},
            "write": {"date", "notes", "next_step"},
        },
    }
    _career_policy_employee = "mentorship_id.mentee_id"

    mentorship_id = fields.Many2one(
        "hr.career.mentorship", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="mentorship_id.company_id", store=True, index=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    notes = fields.Text()
    next_step = fields.Char()

    @api.constrains("mentorship_id")
    def _check_mentorship_active(self):
        for session in self:
            if session.mentorship_id.state != "active":
                raise ValidationError(
                    self.env._(
                        "Sessions are logged on active mentorships only: "
                        "“%(name)s” is not.",
                        name=session.mentorship_id.display_name,
                    )
                )

    def _career_policy_roles(self):
        roles = super()._career_policy_roles()
        # the role service: whether each session's mentor is the user's own
        mentors = self.env["hr.career.role"]._get_record_roles(
            self, "mentorship_id.mentor_employee_id"
        )
        for session in self:
            if mentors.get(session.id) == SELF:
                roles[session.id] = roles[session.id] | {"mentor"}
        return roles

    @api.model
    def _career_policy_check_create(self, vals_list):
        """The mentor creates with the mentor's fields; the others as the
        policy says of the mentee and their managers."""
        if self.env["hr.career.role"]._is_hr_officer():
            return
        mentorships = self.env["hr.career.mentorship"].browse(
            {vals.get("mentorship_id") for vals in vals_list} - {None, False}
        )
        # the role service: the mentorships whose mentor is the user's own
        mentors = self.env["hr.career.role"]._get_record_roles(
            mentorships, "mentor_employee_id"
        )
        as_mentor = {mid for mid, role in mentors.items() if role == SELF}
        allowed = self._career_policy_allowed({"mentor"}, "create")
        others = []
        for vals in vals_list:
            if vals.get("mentorship_id") in as_mentor:
                refused = set(vals) - allowed
                if refused:
                    raise AccessError(
                        self._career_policy_message(self.browse(), sorted(refused))
                    )
            else:
                others.append(vals)
        if others:
            super()._career_policy_check_create(others)
