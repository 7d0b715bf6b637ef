# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Where each appraisal stands in its review: who must act now (the
employee's self-review, the 360° reviewers, the manager), signed off,
completed unreviewed or cancelled; late when the one who must act missed
the deadline of their phase. Stored, so that the lists filter and group on
it and the cycle counts it with one grouped query."""

from odoo import api, fields, models
from odoo.osv import expression

REVIEW_STATUSES = [
    ("not_started", "Not Started"),
    ("self_review", "Waiting for the Employee"),
    ("feedback", "Waiting for 360° Reviewers"),
    ("manager_review", "Waiting for the Manager"),
    ("signed_off", "Signed Off"),
    ("completed_unreviewed", "Completed Unreviewed"),
    ("cancelled", "Cancelled"),
]
# review status -> who must act (the reminders and the "waiting for" filters)
WAITING_ON = {
    "not_started": "employee",
    "self_review": "employee",
    "feedback": "reviewers",
    "manager_review": "manager",
}


class HrAppraisal(models.Model):
    _inherit = "hr.appraisal"  # pylint: disable=consider-merging-classes-inherited

    review_status = fields.Selection(
        REVIEW_STATUSES,
        compute="_compute_review_status",
        store=True,
        index=True,
        help="Where the review stands: the employee writes and publishes their "
        "self-review, the 360° reviewers answer, the manager assesses and "
        "signs off.",
    )
    waiting_on = fields.Selection(
        [
            ("employee", "Employee"),
            ("reviewers", "360° Reviewers"),
            ("manager", "Manager"),
        ],
        string="Waiting For",
        compute="_compute_review_status",
        store=True,
    )
    is_late = fields.Boolean(
        string="Late",
        compute="_compute_is_late",
        search="_search_is_late",
        help="Whoever must act missed the deadline of their phase, or the "
        "appraisal's date is past and it is not done.",
    )

    @api.model
    def _action_my_team_reviews(self):
        """The appraisals of the user's organisation (their reports at any
        level, from the role service), open ones first, by review status."""
        domain = self.env["hr.career.role"]._organisation_domain("employee_id")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("My Team's Reviews"),
            "res_model": "hr.appraisal",
            "view_mode": "list,form",
            "domain": domain,
            "context": {"search_default_groupby_review_status": 1},
        }

    @api.depends(
        "active",
        "state",
        "signed_off",
        "employee_feedback_published",
        "feedback_request_ids.state",
        "skill_assessment_ids.self_level_id",
        "skill_assessment_ids.assessed_level_id",
    )
    def _compute_review_status(self):
        for appraisal in self:
            if not appraisal.active:
                status = "cancelled"
            elif appraisal.state == "3_done":
                status = (
                    "signed_off" if appraisal.signed_off else "completed_unreviewed"
                )
            else:
                lines = appraisal.skill_assessment_ids
                requests = appraisal.feedback_request_ids
                self_done = appraisal.employee_feedback_published
                started = (
                    self_done
                    or any(lines.mapped("self_level_id"))
                    or any(lines.mapped("assessed_level_id"))
                    or "answered" in requests.mapped("state")
                )
                if not started:
                    status = "not_started"
                elif not self_done:
                    status = "self_review"
                elif "requested" in requests.mapped("state"):
                    status = "feedback"
                else:
                    status = "manager_review"
            appraisal.review_status = status
            appraisal.waiting_on = WAITING_ON.get(status, False)

    @api.depends_context("date")
    def _compute_is_late(self):
        late = set(
            self.search([("id", "in", self.ids), ("is_late", "=", True)]).ids
            if self.ids
            else ()
        )
        for appraisal in self:
            appraisal.is_late = appraisal.id in late

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        today = fields.Date.context_today(self)
        domain = expression.OR(
            [
                [
                    ("waiting_on", "=", "employee"),
                    ("review_cycle_id.date_self_assessment", "<", today),
                ],
                [
                    ("waiting_on", "=", "reviewers"),
                    (
                        "feedback_request_ids",
                        "any",
                        [("state", "=", "requested"), ("date_deadline", "<", today)],
                    ),
                ],
                [
                    ("waiting_on", "=", "manager"),
                    ("review_cycle_id.date_manager_review", "<", today),
                ],
                [("waiting_on", "!=", False), ("date_close", "<", today)],
            ]
        )
        if (operator == "=") != value:
            domain = ["!", *domain]
        return domain
