# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from odoo.addons.hr_career_dev.controllers.portal import CareerPortal

OPEN_OBJECTIVE_STATES = ("draft", "active")


class ObjectiveCareerPortal(CareerPortal):
    # ------------------------------------------------------------ helpers
    def _career_objectives(self, employee):
        """The employee's open objectives and the broader ones they roll up
        to (company and department objectives, read by everyone of the
        company).

        Read with the user's rights: the record rules let employees, and
        portal users linked to an employee, read their own objectives and
        their company's company and department objectives."""
        objectives = request.env["hr.performance.objective"].search(
            [
                ("employee_id", "=", employee.id),
                ("state", "in", OPEN_OBJECTIVE_STATES),
            ],
            order="date_end, id",
        )
        # the objectives they contribute to, up the tree (parent_of on the
        # parent_path), as far as the user may read them; only company and
        # department objectives: another person's individual objective is
        # never shown
        aligned = objectives.search([("id", "parent_of", objectives.parent_id.ids)])
        return objectives, aligned.filtered(lambda o: o.level != "individual")

    def _career_key_result(self, employee, key_result_id):
        """The user's own key result ``key_result_id``, read under the record
        rules; someone else's (or an unknown id) is not found."""
        if not employee:
            raise NotFound()
        key_result = request.env["hr.performance.key.result"].search(
            [("id", "=", key_result_id), ("employee_id", "=", employee.id)]
        )
        if not key_result:
            raise NotFound()
        return key_result

    def _career_key_result_value(self, key_result, raw):
        """The value typed for ``key_result``, or an error message in words."""
        env = request.env
        if key_result.is_bound:
            return None, env._(
                "“%(name)s” is counted from Odoo data every day: it cannot be "
                "changed by hand.",
                name=key_result.name,
            )
        if key_result.objective_id.state not in OPEN_OBJECTIVE_STATES:
            return None, env._(
                "The objective “%(objective)s” is closed: its key results can no "
                "longer be updated.",
                objective=key_result.objective_id.name,
            )
        text = (raw or "").strip().replace(",", ".")
        try:
            value = float(text)
        except ValueError:
            return None, env._(
                "Enter the current value of “%(name)s” as a number, e.g. 12 or "
                "12.5.",
                name=key_result.name,
            )
        if value != value or value in (float("inf"), float("-inf")):
            return None, env._(
                "Enter the current value of “%(name)s” as a number, e.g. 12 or "
                "12.5.",
                name=key_result.name,
            )
        return value, None

    def _career_dashboard_values(self, employee):
        values = super()._career_dashboard_values(employee)
        # the user's own open objectives, under the record rules; one query
        # (name and progress fetched with the search)
        values["career_objectives"] = request.env[
            "hr.performance.objective"
        ].search_fetch(
            [
                ("employee_id", "=", employee.id),
                ("state", "in", OPEN_OBJECTIVE_STATES),
            ],
            ["name", "progress"],
            order="date_end, id",
        )
        return values

    # ------------------------------------------------------------ routes
    @http.route("/my/career/objectives", type="http", auth="user", website=True)
    def portal_my_career_objectives(self, **kw):
        employee = self._career_employee()
        if not employee:
            return request.render(
                "hr_career_dev.portal_my_career_no_employee", {"page_name": "career"}
            )
        return self._career_objectives_render(employee, saved=bool(kw.get("saved")))

    def _career_objectives_render(
        self, employee, error=None, error_id=None, saved=False
    ):
        objectives, aligned = self._career_objectives(employee)
        return request.render(
            "hr_performance_objective.portal_my_career_objectives",
            {
                "page_name": "career_objectives",
                "employee": employee,
                "objectives": objectives,
                "aligned": aligned,
                "error": error,
                "error_id": error_id,
                "saved": saved,
            },
        )

    @http.route(
        "/my/career/objectives/key-result/<int:key_result_id>",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_career_key_result(self, key_result_id, **post):
        employee = self._career_employee()
        key_result = self._career_key_result(employee, key_result_id)
        raw = post.get("current_value")
        if post.get("yes_no") and key_result.metric == "boolean":
            # the checkbox of a yes/no result: ticked sends 1, unticked nothing
            raw = raw or "0"
        value, error = self._career_key_result_value(key_result, raw)
        if not error:
            try:
                with request.env.cr.savepoint():
                    # the user's own key result, written with their rights
                    # (record rules and the field policy)
                    key_result.write({"current_value": value})
            except (ValidationError, UserError) as exc:
                error = exc.args[0]
        if error:
            return self._career_objectives_render(
                employee, error=error, error_id=key_result.id
            )
        return request.redirect("/my/career/objectives?saved=1")
