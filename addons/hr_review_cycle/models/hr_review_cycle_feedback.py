# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The review cycle's 360° feedback: who is asked on launch (the cycle's rule
over the org chart), the requests created by the launch jobs, their counts."""

from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HrReviewCycle(models.Model):
    _inherit = "hr.review.cycle"

    create_feedback_requests = fields.Boolean(
        string="Create 360° Requests",
        help="On launch, ask the reviewers chosen below for 360° feedback on "
        "each appraisal of the cycle. Reviewers without a login are skipped "
        "(and counted).",
    )
    feedback_from_manager = fields.Boolean(
        string="From the Manager",
        default=True,
        help="The employee's manager gives feedback.",
    )
    feedback_from_nominations = fields.Boolean(
        string="From Nominated Peers",
        default=True,
        help="During the self-review and 360° phases each employee nominates "
        "up to the number of peers set in Settings; their manager approves "
        "them and each approved peer is asked.",
    )
    feedback_from_peers = fields.Boolean(
        string="From Every Teammate",
        help="Every other report of the employee's manager gives feedback "
        "(in a team of 15, each person is asked 14 times): prefer nominated "
        "peers.",
    )
    feedback_from_reports = fields.Boolean(
        string="From Direct Reports",
        help="The employee's direct reports give feedback.",
    )
    feedback_anonymous = fields.Boolean(
        string="Anonymous Feedback",
        default=True,
        help="The employees never learn who gave the feedback.",
    )
    feedback_request_count = fields.Integer(
        string="360° Requests", compute="_compute_feedback_counts"
    )
    feedback_skipped_count = fields.Integer(
        string="Reviewers Skipped",
        compute="_compute_feedback_counts",
        help="Reviewers the rule chose who have no login: no request was "
        "created for them.",
    )

    @api.depends("appraisal_ids.feedback_skipped_count")
    def _compute_feedback_counts(self):
        appraisals = self.env["hr.appraisal"].with_context(active_test=False)
        skipped = {
            cycle.id: total
            for cycle, total in appraisals._read_group(
                [("review_cycle_id", "in", self.ids)],
                ["review_cycle_id"],
                ["feedback_skipped_count:sum"],
            )
        }
        # sudo: counts only, shown to whoever may read the cycle
        request_counts = {
            cycle.id: count
            for cycle, count in self.env["hr.feedback.request"]
            # sudo: counts only (comment above)
            .sudo()
            ._read_group(
                [("review_cycle_id", "in", self.ids)],
                ["review_cycle_id"],
                ["__count"],
            )
        }
        for cycle in self:
            cycle.feedback_request_count = request_counts.get(cycle.id, 0)
            cycle.feedback_skipped_count = skipped.get(cycle.id, 0)

    @api.constrains(
        "create_feedback_requests",
        "feedback_from_manager",
        "feedback_from_nominations",
        "feedback_from_peers",
        "feedback_from_reports",
    )
    def _check_feedback_rule(self):
        for cycle in self:
            if cycle.create_feedback_requests and not (
                cycle.feedback_from_manager
                or cycle.feedback_from_nominations
                or cycle.feedback_from_peers
                or cycle.feedback_from_reports
            ):
                raise ValidationError(
                    self.env._(
                        "The review cycle %(name)s creates 360° requests: choose "
                        "who gives feedback (the manager, nominated peers, every "
                        "teammate or direct reports).",
                        name=cycle.name,
                    )
                )

    def _takes_nominations(self):
        """Whether the employees of this cycle nominate their 360° peers now."""
        self.ensure_one()
        return (
            self.state == "running"
            and self.create_feedback_requests
            and self.feedback_from_nominations
            and self.phase in ("self_review", "feedback")
        )

    def _feedback_request_defaults(self):
        """Deadline and anonymity of the 360° requests this cycle sends."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        return {
            "date_deadline": (
                self.date_manager_review
                if self.date_manager_review and self.date_manager_review >= today
                else False
            ),
            "anonymous": self.feedback_anonymous,
        }

    def _get_feedback_reviewers(self, employees):
        """``{employee id: [(reviewer, relation)]}``: who gives 360° feedback
        on each of ``employees`` by the cycle's rule (their manager, the
        manager's other reports, their direct reports). One search for all."""
        # the org chart decides who reviews, read with the rights of the HR
        # officer who runs the cycle's job (_job_launch checks HR)
        managers = employees.parent_id
        parent_ids = []
        if self.feedback_from_peers:
            parent_ids += managers.ids
        if self.feedback_from_reports:
            parent_ids += employees.ids
        reports_of = defaultdict(list)  # manager id -> their reports
        if parent_ids:
            for report in self.env["hr.employee"].search(
                [("parent_id", "in", parent_ids)], order="id"
            ):
                reports_of[report.parent_id.id].append(report)
        result = {}
        for employee in employees:
            reviewers = []
            manager = employee.parent_id
            if self.feedback_from_manager and manager.active:
                reviewers.append((manager, "manager"))
            if self.feedback_from_peers and manager:
                reviewers += [
                    (peer, "peer")
                    for peer in reports_of[manager.id]
                    if peer != employee
                ]
            if self.feedback_from_reports:
                reviewers += [
                    (report, "subordinate") for report in reports_of[employee.id]
                ]
            result[employee.id] = reviewers
        return result

    def _create_feedback_requests(self, appraisals):
        """Ask the reviewers of the cycle's rule for 360° feedback on
        ``appraisals``: one create and one send for all; reviewers already
        asked on an appraisal (in any state) are not asked again, reviewers
        without a login are skipped and counted on the appraisal."""
        reviewers = self._get_feedback_reviewers(appraisals.employee_id)
        Request = self.env["hr.feedback.request"]
        # every request of these appraisals (the HR officer running the
        # cycle's job reads them all), so that nobody is asked twice
        asked = {
            (request.appraisal_id.id, request.reviewer_id.id)
            for request in Request.search_fetch(
                [("appraisal_id", "in", appraisals.ids)],
                ["appraisal_id", "reviewer_id"],
            )
        }
        defaults = self._feedback_request_defaults()
        vals_list = []
        skipped = defaultdict(list)  # number skipped -> appraisal ids
        for appraisal in appraisals:
            no_login = 0
            for reviewer, relation in reviewers[appraisal.employee_id.id]:
                if not reviewer.user_id:
                    no_login += 1
                    continue
                if (appraisal.id, reviewer.id) in asked:
                    continue
                asked.add((appraisal.id, reviewer.id))
                vals_list.append(
                    {
                        "appraisal_id": appraisal.id,
                        "reviewer_id": reviewer.id,
                        "relation": relation,
                        **defaults,
                    }
                )
            if no_login != appraisal.feedback_skipped_count:
                skipped[no_login].append(appraisal.id)
        requests = Request.create(vals_list)
        requests.action_request()
        for count, appraisal_ids in skipped.items():
            appraisals.browse(appraisal_ids).write({"feedback_skipped_count": count})
        return requests
