# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.http import request

from odoo.addons.hr_career_dev.controllers.portal import CareerPortal

# what /my/career shows of the employee's own appraisals: the read guard of
# hr_performance_link decides what of it they may read (released results)
PORTAL_FIELDS = ["date_close", "review_status", "rating_id", "rating_justification"]


class ReviewCareerPortal(CareerPortal):
    def _career_dashboard_values(self, employee):
        values = super()._career_dashboard_values(employee)
        # sudo: the logged-in user's own appraisals visible to them (portal
        # users have no rights on appraisals); the released results only,
        # by the read guard (_read_as_employee)
        appraisals = (
            request.env["hr.appraisal"]
            .sudo()
            .search_fetch(
                [
                    ("employee_id", "=", employee.id),
                    ("employee_id.user_id", "=", request.env.uid),
                    ("visibility", "=", "all"),
                ],
                # read with the search (one query): what the section shows
                # and what the read guard looks at
                [*PORTAL_FIELDS, "employee_id"],
                order="date_close desc, id desc",
                limit=5,
            )
        )
        statuses = dict(
            appraisals._fields["review_status"]._description_selection(request.env)
        )
        values["career_appraisals"] = [
            dict(row, status=statuses.get(row["review_status"]) or "")
            for row in appraisals.with_env(request.env)._read_as_employee(PORTAL_FIELDS)
        ]
        return values
