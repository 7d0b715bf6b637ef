# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from werkzeug.exceptions import NotFound

from odoo import Command, http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request
from odoo.tools import html2plaintext, plaintext2html

from odoo.addons.hr_career_dev.controllers.portal import CareerPortal
from odoo.addons.hr_performance_link.controllers.portal_team import (
    PerformanceTeamPortal,
)

# what /my/career shows of the employee's own appraisals: the read guard of
# hr_performance_link decides what of it they may read (released results)
PORTAL_FIELDS = ["date_close", "review_status", "rating_id", "rating_justification"]
# what a person may type in the self-assessment (value_checks' text limit)
SELF_REVIEW_MAX_LENGTH = 10_000
SELF_REVIEW_MESSAGES = ("saved", "submitted")


class ReviewCareerPortal(CareerPortal):
    def _career_dashboard_values(self, employee):
        values = super()._career_dashboard_values(employee)
        # the logged-in user's own appraisals (``employee`` is theirs:
        # _career_employee) visible to them, with their rights (record rules:
        # their own when visible to them, internal and portal users alike);
        # the released results only, by the read guard (_read_as_employee)
        appraisals = request.env["hr.appraisal"].search_fetch(
            [("employee_id", "=", employee.id), ("visibility", "=", "all")],
            # read with the search (one query): what the section shows
            # and what the read guard looks at
            [*PORTAL_FIELDS, "employee_id"],
            order="date_close desc, id desc",
            limit=5,
        )
        statuses = dict(
            appraisals._fields["review_status"]._description_selection(request.env)
        )
        editable = appraisals._self_review_editable_ids()
        values["career_appraisals"] = [
            dict(
                row,
                status=statuses.get(row["review_status"]) or "",
                self_review_open=row["id"] in editable,
            )
            for row in appraisals._read_as_employee(PORTAL_FIELDS)
        ]
        return values

    # ------------------------------------------------------------ self-review
    def _career_own_appraisal(self, appraisal_id):
        """The logged-in user's own appraisal ``appraisal_id``, found with
        their rights (record rules: their own, when visible to them), or 404:
        another person's appraisal shows nothing, not even that it exists."""
        employee = self._career_employee()
        if not employee:
            raise NotFound()
        appraisal = request.env["hr.appraisal"].search(
            [("id", "=", appraisal_id), ("employee_id", "=", employee.id)]
        )
        if not appraisal:
            raise NotFound()
        return employee, appraisal

    def _career_appraisal_render(self, employee, appraisal, error=None, post=None):
        data = appraisal._self_review_data()
        post = post or {}
        message = post.get("message")
        return request.render(
            "hr_review_cycle.portal_my_career_appraisal",
            {
                "page_name": "career_appraisal",
                "employee": employee,
                "appraisal": data,
                "feedback_text": post.get("employee_feedback")
                if error and "employee_feedback" in post
                else html2plaintext(data["employee_feedback"] or ""),
                "chosen_levels": {
                    line["id"]: post.get(f"level_{line['id']}")
                    if error
                    else str((line["self_level_id"] and line["self_level_id"][0]) or "")
                    for line in data["lines"]
                },
                "max_length": SELF_REVIEW_MAX_LENGTH,
                "error": error,
                "message": message if message in SELF_REVIEW_MESSAGES else None,
            },
        )

    def _career_self_review_values(self, data, post):
        """The write of the self-review the form ``post`` asks for, or an
        error in the user's words: levels among their skill's levels, the
        text within bounds and, to submit, written."""
        text = (post.get("employee_feedback") or "").strip()
        if len(text) > SELF_REVIEW_MAX_LENGTH:
            return None, request.env._(
                "Your self-assessment is %(length)s characters long: keep it "
                "under %(max)s.",
                length=len(text),
                max=SELF_REVIEW_MAX_LENGTH,
            )
        submit = post.get("action") == "submit"
        if submit and not text:
            return None, request.env._(
                "Write your self-assessment before you submit your self-review."
            )
        commands = []
        for line in data["lines"]:
            chosen = post.get(f"level_{line['id']}") or ""
            allowed = {str(level_id): level_id for level_id, _name in line["levels"]}
            if chosen and chosen not in allowed:
                return None, request.env._(
                    "Choose one of the levels of %(skill)s.",
                    skill=line["skill_id"][1],
                )
            level_id = allowed.get(chosen, False)
            if level_id != (line["self_level_id"] and line["self_level_id"][0]):
                commands.append(Command.update(line["id"], {"self_level_id": level_id}))
        vals = {"employee_feedback": plaintext2html(text) if text else False}
        if commands:
            vals["skill_assessment_ids"] = commands
        if submit:
            vals["employee_feedback_published"] = True
        return vals, None

    @http.route(
        "/my/career/appraisal/<int:appraisal_id>",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_my_career_appraisal(self, appraisal_id, **post):
        """My appraisal: the self-review to write and submit while its
        phase is open, my goals and objectives of the period, and the
        results once released."""
        employee, appraisal = self._career_own_appraisal(appraisal_id)
        if request.httprequest.method != "POST":
            return self._career_appraisal_render(employee, appraisal, post=post)
        data = appraisal._self_review_data()
        if not data["editable"]:
            return self._career_appraisal_render(
                employee,
                appraisal,
                error=request.env._(
                    "Your self-review is submitted or its phase is over: it can "
                    "no longer change. Ask your manager to reopen it."
                ),
            )
        vals, error = self._career_self_review_values(data, post)
        if not error:
            try:
                # as the user: the field policy and the record rules decide;
                # undone as a whole when the model refuses
                with request.env.cr.savepoint():
                    # the levels and the text first: once published, the
                    # lines of the self-review no longer change (in one
                    # write, the lines would be written after the flag)
                    publish = vals.pop("employee_feedback_published", False)
                    appraisal.write(vals)
                    if publish:
                        appraisal.write({"employee_feedback_published": True})
            except (AccessError, UserError, ValidationError) as refused:
                error = refused.args[0]
        if error:
            return self._career_appraisal_render(
                employee, appraisal, error=error, post=post
            )
        message = "submitted" if post.get("action") == "submit" else "saved"
        return request.redirect(
            f"/my/career/appraisal/{appraisal.id}?message={message}"
        )

    # ------------------------------------------------------------ team
    @http.route()
    def portal_my_career_team(self, **kw):
        """The team page shows each report's current review: its status,
        whom it waits for, late, and a link to the backend form."""
        response = super().portal_my_career_team(**kw)
        team = response.qcontext.get("team")
        if team is not None:
            response.qcontext.update(
                team_reviews=request.env["hr.appraisal"]._team_review_status(team),
                can_open_reviews=not request.env["hr.career.role"]._is_portal_user(),
            )
        return response


class ReviewTeamPortal(PerformanceTeamPortal):
    def _career_member_values(self, manager, member):
        """A report's page shows their current review too."""
        values = super()._career_member_values(manager, member)
        values["member_review"] = (
            request.env["hr.appraisal"]._team_review_status(member).get(member.id)
        )
        return values
