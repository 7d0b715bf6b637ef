# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta
from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from odoo.addons.hr_career_dev.controllers.portal import CareerPortal

# done check-ins shown on the dashboard: those of the last months
CHECKIN_HISTORY_MONTHS = 6
# the rating a reviewer picks for a competency they have not seen at work
CANNOT_JUDGE = "na"


class PerformanceCareerPortal(CareerPortal):
    # ------------------------------------------------------------ helpers
    def _career_feedback_request(self, request_id):
        """The feedback request addressed to the logged-in user, or 404.

        Anyone else (the subject, their manager, another colleague) gets a 404
        and nothing of the request."""
        # sudo: browse by id, then refuse unless the logged-in user is the
        # reviewer; only such a request is read or written below.
        feedback_request = (
            request.env["hr.feedback.request"].sudo().browse(request_id).exists()
        )
        if (
            not feedback_request
            or feedback_request.reviewer_id.user_id != request.env.user
            or feedback_request.state == "draft"  # not sent to the reviewer yet
        ):
            raise NotFound()
        return feedback_request

    def _career_checkin_values(self, employee):
        # the employee's check-ins (the user's own, or a report's on the team
        # page), read through the employee record the portal looked up
        # (_career_employee, _career_team), as the employee's job and skills
        Checkin = employee.env["hr.performance.checkin"]
        today = fields.Date.context_today(Checkin)
        since = today - relativedelta(months=CHECKIN_HISTORY_MONTHS)
        # the next check-in is due after the last one held (a planned one's
        # own next date is the one after it)
        latest_held = Checkin._search(
            [("employee_id", "=", employee.id), ("state", "=", "done")],
            order=Checkin._order,
            limit=1,
        )
        # the planned ones, those held since ``since`` and the last one held,
        # in one search
        found = Checkin.search(
            [
                ("employee_id", "=", employee.id),
                "|",
                "|",
                "&",
                ("state", "=", "draft"),
                ("date", ">=", today),
                "&",
                ("state", "=", "done"),
                ("date", ">=", since),
                ("id", "in", latest_held),
            ]
        )
        planned = found.filtered(lambda c: c.state == "draft").sorted(
            lambda c: (c.date, c.id)
        )
        held = found.filtered(lambda c: c.state == "done")  # latest first (_order)
        latest = held[:1]
        done = held.filtered(lambda c: c.date >= since)
        return {
            "checkin_next_date": latest.next_date,
            "checkins_planned": planned,
            "checkins_done": done,
        }

    def _career_dashboard_values(self, employee):
        values = super()._career_dashboard_values(employee)
        values.update(self._career_checkin_values(employee))
        # sudo: only the requests whose reviewer is the logged-in user
        values["feedback_to_give"] = (
            request.env["hr.feedback.request"]
            .sudo()
            .search(
                [
                    ("reviewer_id.user_id", "=", request.env.uid),
                    ("state", "=", "requested"),
                ],
                order="date_deadline, id",
            )
        )
        return values

    def _career_feedback_parse(self, feedback_request, post):
        """Answer values per line, and an error message (nothing saved then)."""
        answers = {}
        for answer in feedback_request.answer_ids:
            raw = (post.get(f"rating_{answer.id}") or "").strip()
            rating = 0
            if raw == CANNOT_JUDGE:
                answers[answer] = {
                    "rating": 0,
                    "level_id": False,
                    "cannot_judge": True,
                    "comment": (post.get(f"comment_{answer.id}") or "").strip(),
                }
                continue
            if raw:
                try:
                    rating = int(raw)
                except ValueError:
                    rating = -1
                if not 1 <= rating <= 5:
                    return {}, request.env._(
                        "Rate %(skill)s with a whole number from 1 to 5.",
                        skill=answer.skill_id.name,
                    )
            answers[answer] = {
                "rating": rating,
                "cannot_judge": False,
                "comment": (post.get(f"comment_{answer.id}") or "").strip(),
            }
        return answers, None

    # ------------------------------------------------------------ routes
    @http.route(
        "/my/career/feedback/<int:request_id>",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_my_career_feedback(self, request_id, **post):
        feedback_request = self._career_feedback_request(request_id)
        error = None
        closed = feedback_request.state != "requested"
        if request.httprequest.method == "POST" and not closed:
            answers, error = self._career_feedback_parse(feedback_request, post)
            if not error:
                try:
                    # nothing is kept when the model refuses the answer
                    with request.env.cr.savepoint():
                        # comments and free text go to Text fields: stored as
                        # typed, escaped when rendered
                        for answer, vals in answers.items():
                            answer.write(vals)
                        feedback_request.feedback = (post.get("feedback") or "").strip()
                        # "Save draft" keeps the answers; the request still
                        # waits for them
                        if post.get("action") != "draft":
                            feedback_request.action_submit()
                except (UserError, ValidationError) as refusal:
                    error = refusal.args[0]
                else:
                    outcome = "draft" if post.get("action") == "draft" else "saved"
                    return request.redirect(
                        f"/my/career/feedback/{feedback_request.id}?{outcome}=1"
                    )
        return request.render(
            "hr_performance_feedback.portal_my_career_feedback",
            {
                "page_name": "career_feedback",
                "feedback_request": feedback_request,
                "closed": closed,
                "closed_on_post": closed and request.httprequest.method == "POST",
                "error": error,
                "post": post if error else {},
                "saved": bool(post.get("saved")),
                "draft_saved": bool(post.get("draft")),
                "declined": bool(post.get("declined")),
                "cannot_judge": CANNOT_JUDGE,
                "rating_scale": request.env[
                    "hr.feedback.answer"
                ]._get_rating_selection(),
            },
        )

    @http.route(
        "/my/career/feedback/<int:request_id>/decline",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_career_feedback_decline(self, request_id, reason=None, **post):
        """The reviewer declines, saying why (nothing changes without a
        reason); anyone else gets a 404."""
        feedback_request = self._career_feedback_request(request_id)
        error = None
        if feedback_request.state == "requested":
            try:
                with request.env.cr.savepoint():
                    feedback_request.action_decline(reason)
            except (UserError, ValidationError) as refusal:
                error = refusal.args[0]
            else:
                return request.redirect(
                    f"/my/career/feedback/{feedback_request.id}?declined=1"
                )
        return request.render(
            "hr_performance_feedback.portal_my_career_feedback",
            {
                "page_name": "career_feedback",
                "feedback_request": feedback_request,
                "closed": feedback_request.state != "requested",
                "closed_on_post": feedback_request.state != "requested",
                "error": error,
                "post": {},
                "saved": False,
                "draft_saved": False,
                "declined": False,
                "cannot_judge": CANNOT_JUDGE,
                "rating_scale": request.env[
                    "hr.feedback.answer"
                ]._get_rating_selection(),
            },
        )
