# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.hr_career_dev.models.hr_career_role import MANAGER, SELF
from odoo.addons.hr_performance_link.models.hr_appraisal_skill import SCOPES

from .hr_feedback_request import CLOSED_STATES

# what the reviewer writes on an answer line while the request waits for it
REVIEWER_FIELDS = frozenset({"rating", "level_id", "comment", "cannot_judge"})


class HrFeedbackAnswer(models.Model):
    _name = "hr.feedback.answer"
    _description = "360° feedback answer on one competency"
    _inherit = ["hr.career.unique.mixin", "hr.career.policy.mixin"]
    _order = "request_id, id"
    # the subject's managers choose what the feedback covers; the reviewer
    # rates while the request waits for the answer (hr.career.policy.mixin)
    _career_policy_employee = "request_id.employee_id"
    _career_policy = {
        "manager": {"create": {"request_id", "skill_id", "scope"}, "write": set()},
        "reviewer": {"create": set(), "write": REVIEWER_FIELDS},
    }
    _rec_name = "skill_id"

    request_id = fields.Many2one(
        "hr.feedback.request", required=True, index=True, ondelete="cascade"
    )
    appraisal_id = fields.Many2one(
        related="request_id.appraisal_id", store=True, index=True
    )
    request_state = fields.Selection(related="request_id.state", store=True)
    company_id = fields.Many2one(related="request_id.company_id", store=True)
    skill_id = fields.Many2one("hr.skill", required=True, ondelete="cascade")
    skill_type_id = fields.Many2one(related="skill_id.skill_type_id")
    scope = fields.Selection(
        SCOPES,
        required=True,
        default="current",
        help="Target job: a skill the subject's target job requires above their "
        "level.",
    )
    rating = fields.Integer(
        aggregator="avg",
        help="Required to send the answer: 1 Far below expectations, 2 Below "
        "expectations, 3 Meets expectations, 4 Above expectations, 5 Outstanding.",
    )
    level_id = fields.Many2one(
        "hr.skill.level",
        string="Level Observed",
        ondelete="set null",
        domain="[('skill_type_id', '=', skill_type_id)]",
    )
    comment = fields.Text()
    cannot_judge = fields.Boolean(
        string="Can't Judge",
        help="The reviewer has not seen this competency at work: no rating, "
        "left out of the averages.",
    )

    _sql_constraints = [
        (
            "request_skill_unique",
            "UNIQUE(request_id, skill_id)",
            "A feedback request rates each skill once.",
        ),
    ]

    @api.constrains("rating")
    def _check_rating(self):
        for answer in self:
            if answer.rating and not 1 <= answer.rating <= 5:
                raise ValidationError(
                    self.env._(
                        "Rate %(skill)s from 1 to 5 (or leave it empty), not "
                        "%(rating)s.",
                        skill=answer.skill_id.name,
                        rating=answer.rating,
                    )
                )

    @api.constrains("rating", "level_id", "cannot_judge")
    def _check_cannot_judge(self):
        for answer in self:
            if answer.cannot_judge and (answer.rating or answer.level_id):
                raise ValidationError(
                    self.env._(
                        "%(skill)s: either rate it or say you can't judge it, "
                        "not both.",
                        skill=answer.skill_id.name,
                    )
                )

    @api.constrains("level_id", "skill_id")
    def _check_level_type(self):
        for answer in self:
            if answer.level_id and answer.level_id.skill_type_id != (
                answer.skill_type_id
            ):
                raise ValidationError(
                    self.env._(
                        "“%(level)s” is not a level of %(type)s (skill %(skill)s).",
                        level=answer.level_id.name,
                        type=answer.skill_type_id.name,
                        skill=answer.skill_id.name,
                    )
                )

    @api.model
    def _rating_legend(self):
        """The scale in words, e.g. "1 Far below expectations, ..."."""
        return ", ".join(
            f"{value} {label}" for value, label in self._get_rating_selection()
        )

    @api.model
    def _get_rating_selection(self):
        """``[(value, words)]`` of the rating scale, translated."""
        return [
            (1, self.env._("Far below expectations")),
            (2, self.env._("Below expectations")),
            (3, self.env._("Meets expectations")),
            (4, self.env._("Above expectations")),
            (5, self.env._("Outstanding")),
        ]

    # ------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env["hr.appraisal"]._is_appraisal_hr():
            requests = self.env["hr.feedback.request"].browse(
                {vals["request_id"] for vals in vals_list if vals.get("request_id")}
            )
            self._check_manager_of(requests)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env["hr.appraisal"]._is_appraisal_hr():
            self._check_write_rights(vals)
        return super().write(vals)

    def unlink(self):
        if not self.env["hr.appraisal"]._is_appraisal_hr():
            self._check_manager_of(self.request_id)
        return super().unlink()

    def _check_manager_of(self, requests):
        """Answer lines are made when the subject's manager chain sends the
        request, for the competencies of the subject's job (the role service
        decides; the request is read as the user once they manage its
        subject, and named only to whoever reads it)."""
        roles = self.env["hr.career.role"]._get_record_roles(requests, "employee_id")
        for request in requests:
            if roles.get(request.id) != MANAGER:
                raise AccessError(
                    self.env._(
                        "Only the managers of %(employee)s or HR choose what 360° "
                        "feedback on them covers.",
                        employee=request.employee_id.name
                        if request.has_access("read")
                        else self.env._("this employee"),
                    )
                )
            if request.state in CLOSED_STATES:
                raise AccessError(
                    self.env._(
                        "The feedback of %(reviewer)s on %(employee)s is already "
                        "given: only HR can reopen it.",
                        reviewer=request.reviewer_id.name,
                        employee=request.employee_id.name,
                    )
                )

    def _check_write_rights(self, vals):
        """Once answered, the feedback is frozen (HR excepted); the fields
        each role sets are the field policy's."""
        # read as the user: an answer they cannot read is refused right here
        for answer in self:
            request = answer.request_id
            if answer.request_state in CLOSED_STATES:
                raise AccessError(
                    self.env._(
                        "The feedback of %(reviewer)s on %(employee)s is already "
                        "given: only HR can reopen it.",
                        reviewer=request.reviewer_id.name,
                        employee=request.employee_id.name,
                    )
                )

    def _career_policy_roles(self):
        """The reviewer rates while the request waits for the answer."""
        roles = super()._career_policy_roles()
        # the reviewer is the user's own employee: the role service's "self"
        reviewers = self.env["hr.career.role"]._get_record_roles(
            self, "request_id.reviewer_id"
        )
        for answer in self:
            if reviewers.get(answer.id) == SELF and answer.request_state == "requested":
                roles[answer.id].add("reviewer")
        return roles

    @api.model
    def _career_policy_is_hr(self):
        return self.env["hr.appraisal"]._is_appraisal_hr()
