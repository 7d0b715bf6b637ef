# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The phases of a review cycle and its completion: the share of its
appraisals signed off (``review_progress``), how many wait for whom, how
many are late; HR moves the cycle from phase to phase."""

from itertools import pairwise

from odoo import api, fields, models
from odoo.exceptions import UserError

CYCLE_PHASES = [
    ("self_review", "Self-review"),
    ("feedback", "360° Feedback"),
    ("manager_review", "Manager Review"),
    ("calibration", "Calibration"),
    ("signoff", "Sign-off"),
    ("release", "Released"),
]
# the phases HR moves through with "Next Phase"; release is action_release()
NEXT_PHASE = dict(pairwise(key for key, _label in CYCLE_PHASES[:-1]))

# phase -> the deadline field whose reminder goes out when the phase starts
# (the 360° reviewers have their requests' own reminders)
PHASE_DEADLINES = {
    "self_review": "date_self_assessment",
    "manager_review": "date_manager_review",
    "signoff": "date_signoff",
}


class HrReviewCycle(models.Model):
    _inherit = "hr.review.cycle"  # pylint: disable=consider-merging-classes-inherited

    phase = fields.Selection(
        CYCLE_PHASES,
        default="self_review",
        required=True,
        tracking=True,
        help="Where the cycle stands; each appraisal has its own status within " "it.",
    )
    released = fields.Boolean(
        readonly=True,
        copy=False,
        tracking=True,
        help="The results were released: the employees read the rating, the "
        "scores and the 360° aggregate of their completed appraisal.",
    )
    review_progress = fields.Float(
        compute="_compute_review_status_counts",
        help="Share of the cycle's appraisals signed off by the manager "
        "(cancelled ones left out).",
    )
    signed_off_count = fields.Integer(
        string="Signed Off", compute="_compute_review_status_counts"
    )
    not_started_count = fields.Integer(
        string="Not Started", compute="_compute_review_status_counts"
    )
    waiting_employee_count = fields.Integer(
        string="Waiting for Employees", compute="_compute_review_status_counts"
    )
    waiting_reviewers_count = fields.Integer(
        string="Waiting for 360° Reviewers", compute="_compute_review_status_counts"
    )
    waiting_manager_count = fields.Integer(
        string="Waiting for Managers", compute="_compute_review_status_counts"
    )
    late_count = fields.Integer(string="Late", compute="_compute_review_status_counts")
    no_reviewer_count = fields.Integer(
        string="No Reviewer",
        compute="_compute_review_status_counts",
        help="Open appraisals of people without a manager: HR assigns their "
        "reviewer (they are not failures).",
    )

    @api.depends("appraisal_ids.review_status")
    def _compute_review_status_counts(self):
        Appraisal = self.env["hr.appraisal"]
        counts = {}  # (cycle id, status) -> count
        for cycle, status, count in Appraisal._read_group(
            [("review_cycle_id", "in", self.ids)],
            ["review_cycle_id", "review_status"],
            ["__count"],
        ):
            counts[cycle.id, status] = count
        late = {
            cycle.id: count
            for cycle, count in Appraisal._read_group(
                [("review_cycle_id", "in", self.ids), ("is_late", "=", True)],
                ["review_cycle_id"],
                ["__count"],
            )
        }
        no_reviewer = {
            cycle.id: count
            for cycle, count in Appraisal._read_group(
                [
                    ("review_cycle_id", "in", self.ids),
                    ("manager_ids", "=", False),
                    ("state", "!=", "3_done"),
                ],
                ["review_cycle_id"],
                ["__count"],
            )
        }
        for cycle in self:
            cycle.no_reviewer_count = no_reviewer.get(cycle.id, 0)
            by_status = {
                status: count
                for (cycle_id, status), count in counts.items()
                if cycle_id == cycle.id
            }
            total = sum(by_status.values())
            signed = by_status.get("signed_off", 0)
            cycle.signed_off_count = signed
            cycle.review_progress = 100.0 * signed / total if total else 0.0
            cycle.not_started_count = by_status.get("not_started", 0)
            cycle.waiting_employee_count = by_status.get(
                "not_started", 0
            ) + by_status.get("self_review", 0)
            cycle.waiting_reviewers_count = by_status.get("feedback", 0)
            cycle.waiting_manager_count = by_status.get("manager_review", 0)
            cycle.late_count = late.get(cycle.id, 0)

    def action_next_phase(self):
        """HR moves the running cycle to its next phase (up to sign-off;
        the results are released with action_release)."""
        self._check_hr()
        for cycle in self:
            following = NEXT_PHASE.get(cycle.phase)
            if cycle.state == "draft" or not following:
                raise UserError(
                    self.env._(
                        "The review cycle %(name)s has no next phase: launch it "
                        "first, or release its results.",
                        name=cycle.name,
                    )
                )
            cycle.phase = following
        self._schedule_phase_activities()
        return True

    def action_release(self):
        """Release the results: the employees read the rating, the scores
        and the 360° aggregate of their completed appraisals (the private
        note never, the manager's feedback once published)."""
        self._check_hr()
        for cycle in self:
            if cycle.state == "draft":
                raise UserError(
                    self.env._(
                        "The review cycle %(name)s is not launched: there is "
                        "nothing to release.",
                        name=cycle.name,
                    )
                )
            if not cycle._can_release():
                raise UserError(
                    self.env._(
                        "The review cycle %(name)s has not reached its sign-off: "
                        "move it to the Sign-off phase (Next Phase) or close it "
                        "before releasing its results.",
                        name=cycle.name,
                    )
                )
        self.write({"released": True, "phase": "release"})
        return True

    def _can_release(self):
        """The results are released once the cycle reached its sign-off:
        the sign-off phase (or later), or the cycle closed. The view shows
        the button under the same condition."""
        self.ensure_one()
        return self.phase in ("signoff", "release") or self.state == "done"

    def action_open_review_status(self):
        """The cycle's appraisals filtered as the clicked count says
        (context ``review_filter``: a search filter of the appraisals)."""
        action = self.action_open_appraisals()
        review_filter = self.env.context.get("review_filter")
        if review_filter:
            action["context"] = dict(
                action["context"], **{f"search_default_{review_filter}": 1}
            )
        return action
