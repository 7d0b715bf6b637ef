# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who the current user is to each employee: the one rule of the suite.

- ``self``: the employee is one of the user's own employees;
- ``manager``: the user's employee is above the employee in the
  ``parent_id`` chain, at any level (never a field the requester can write:
  not a department's manager, an appraisal's ``manager_ids`` or a check-in's
  ``manager_id``);
- ``hr_officer`` (``hr.group_hr_user``) and ``hr_manager``
  (``hr.group_hr_manager``): every employee of the companies the request
  is allowed in (record rules keep the others out);
- ``none``: anybody else.

Every answer costs a bounded number of queries whatever the number of
employees (one ``child_of`` search)."""

from odoo import api, models
from odoo.exceptions import AccessError

SELF = "self"
MANAGER = "manager"
HR_OFFICER = "hr_officer"
HR_MANAGER = "hr_manager"
NONE = "none"


class HrCareerRole(models.AbstractModel):
    _name = "hr.career.role"
    _description = "Career roles of the current user"

    # ------------------------------------------------------------ groups
    @api.model
    def _is_hr_officer(self):
        """Superuser (and sudo()), or an HR officer: the suite's "HR"."""
        return self.env.su or self.env.user.has_group("hr.group_hr_user")

    @api.model
    def _is_hr_manager(self):
        return self.env.su or self.env.user.has_group("hr.group_hr_manager")

    @api.model
    def _is_portal_user(self):
        """A portal (or other non-internal) user: the suite's pages read for
        them under the portal record rules, and what those rules do not open
        (employees, to-dos, appraisals) is done on their behalf."""
        return not self.env.user._is_internal()

    @api.model
    def _check_scheduled_run(self):
        """The suite's scheduled actions are not buttons: only the cron's
        user (the superuser) and HR managers run them; anybody else, even
        through ``ir.actions.server.run``, gets an AccessError."""
        if not self._is_hr_manager():
            raise AccessError(
                self.env._(
                    "Only HR managers and the scheduler run the suite's "
                    "scheduled actions."
                )
            )

    # ------------------------------------------------------------ hierarchy
    @api.model
    def _my_employees(self):
        """The current user's own employees (one per company)."""
        # env.user is the superuser's view of the user (Odoo's Environment.user):
        # their employees are read whatever the user's rights on hr.employee
        return self.env.user.employee_ids.with_env(self.env)

    @api.model
    def _organisation_domain(self, field="id", include_self=False, employees=None):
        """The domain of "my organisation" on ``field`` (a path to an
        hr.employee): the employees below the user's own (or ``employees``,
        e.g. the portal's employee of the current company) in the
        ``parent_id`` chain, at any level, and those themselves when
        ``include_self``. Record rules say the same with
        ``[(field, 'child_of', user.employee_ids.ids)]``."""
        ids = (self._my_employees() if employees is None else employees).ids
        domain = [(field, "child_of", ids)]
        if not include_self:
            domain.append((field, "not in", ids))
        return domain

    @api.model
    def _managed(self, employees):
        """The employees of ``employees`` below the user's own in the
        ``parent_id`` chain (any level), the user's own excluded. One query."""
        mine = self._my_employees()
        if not employees or not mine:
            return employees.browse()
        # sudo: the hierarchy is only compared, nothing of it is returned
        below = (
            self.env["hr.employee"]
            .sudo()
            .with_context(active_test=False)
            .search([("id", "in", employees.ids), *self._organisation_domain()])
        )
        below_ids = set(below.ids)
        return employees.filtered(lambda e: e.id in below_ids)

    @api.model
    def _get_roles(self, employees):
        """``{employee id: role}`` for each of ``employees``: the strongest of
        ``hr_manager``, ``hr_officer``, ``self``, ``manager``, ``none``."""
        if self._is_hr_manager():
            return dict.fromkeys(employees.ids, HR_MANAGER)
        if self._is_hr_officer():
            return dict.fromkeys(employees.ids, HR_OFFICER)
        mine = set(self._my_employees().ids)
        managed = set(self._managed(employees).ids)
        return {
            employee.id: SELF
            if employee.id in mine
            else MANAGER
            if employee.id in managed
            else NONE
            for employee in employees
        }

    @api.model
    def _get_record_roles(self, records, path):
        """``{record id: role}`` of the current user to the employee each of
        ``records`` belongs to (``path``: a dotted path to an hr.employee,
        e.g. ``employee_id`` or ``opportunity_id.owner_id``). Two queries."""
        # sudo: the owners are read to compare with the user's employees
        owners = {record.id: record.sudo().mapped(path) for record in records}
        employees = self.env["hr.employee"].browse(
            {employee.id for owner in owners.values() for employee in owner}
        )
        roles = self._get_roles(employees)
        return {
            record_id: roles.get(owner[:1].id, NONE) if owner else NONE
            for record_id, owner in owners.items()
        }
