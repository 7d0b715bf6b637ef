# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who may do what on an appraisal: the user's role towards the appraised
employee (self, manager up the chain, HR) and the field guard of create and
write that hr_appraisal.py calls."""

from odoo import api, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

from .hr_career_role import APPRAISAL_ROLES

# What the appraised employee sets on their own appraisal; the rest (status,
# managers, manager feedback, note, visibility, dates, ...) is for their
# managers and HR (hr.career.policy.mixin). Later addons add their fields.
EMPLOYEE_FIELDS = frozenset(
    {
        "employee_feedback",
        "employee_feedback_published",
        "career_goal_ids",
        # commands on lines go through hr.appraisal.skill's own policy
        "skill_assessment_ids",
        "color",
    }
)
MANAGER_FIELDS = frozenset(
    {
        "manager_ids",
        "date_close",
        "appraisal_template_id",
        "state",
        "employee_feedback",
        "manager_feedback",
        "employee_feedback_published",
        "manager_feedback_published",
        "note",
        "tag_ids",
        "active",
        "visibility",
        "color",
        "career_goal_ids",
        "skill_assessment_ids",
    }
)
APPRAISAL_POLICY = {
    "employee": {"create": frozenset(), "write": EMPLOYEE_FIELDS},
    "manager": {
        "create": MANAGER_FIELDS | {"employee_id", "created_by"},
        "write": MANAGER_FIELDS,
    },
}


def extend_policy(policy, **roles):
    """``policy`` with more fields: ``roles`` maps a role to
    ``{operation: fields}`` (each addon extending hr.appraisal adds its own)."""
    result = {role: dict(operations) for role, operations in policy.items()}
    for role, operations in roles.items():
        for operation, names in operations.items():
            current = result.setdefault(role, {}).get(operation, frozenset())
            result[role][operation] = frozenset(current) | frozenset(names)
    return result


# one concern per file: hr_appraisal.py alone would be over 600 lines
class HrAppraisal(models.Model):
    _name = "hr.appraisal"
    _inherit = ["hr.appraisal", "hr.career.policy.mixin"]
    _career_policy = APPRAISAL_POLICY
    # set by the completion the user was allowed to do (_check_can_complete)
    _career_system_fields = ("completed_unreviewed", "career_applied")
    _career_policy_module = "hr_performance_link"

    def _check_create_rights(self, vals_list):
        """Employees do not create their own appraisals; a manager creates them
        for their reports only (the managers they set: _check_added_managers,
        on the values after the create)."""
        employees = self.env["hr.employee"].browse(
            {vals["employee_id"] for vals in vals_list if vals.get("employee_id")}
        )
        roles = self._get_employee_roles(employees)
        for vals in vals_list:
            employee_id = vals.get("employee_id")
            role = roles.get(employee_id)
            if role == "manager":
                continue
            # the name from hr.employee.public (names for the message only)
            name = self._employee_names(employees).get(employee_id)
            if role == "self":
                raise AccessError(
                    self.env._(
                        "Your manager or HR creates your appraisal, "
                        "%(employee)s: you cannot create it yourself.",
                        employee=name or self.env.user.name,
                    )
                )
            raise AccessError(
                self.env._(
                    "Only the managers of %(employee)s or HR can create an "
                    "appraisal for them.",
                    employee=name or self.env._("this employee"),
                )
            )

    def _check_write_rights(self, vals):
        """Who may change the appraisal at all (the fields each role sets are
        the field policy's): the employee and their managers up the chain
        (the managers they add: _check_added_managers, after the write)."""
        roles = self._get_appraisal_roles()
        refused = self.filtered(lambda a: roles.get(a.id) not in ("self", "manager"))
        if refused:
            raise AccessError(
                self.env._(
                    "Only %(employee)s, their managers or HR can change this "
                    "appraisal.",
                    employee=refused[:1]._appraised_name(),
                )
            )

    def _managers_before(self, vals):
        """``{appraisal id: its managers' ids}`` before a write that sets
        ``manager_ids``, for _check_added_managers (empty otherwise)."""
        if "manager_ids" not in vals or self._is_appraisal_hr():
            return {}
        return {
            appraisal_id: manager_ids
            for appraisal_id, (_employee_id, manager_ids) in (
                self._stored_managers().items()
            )
        }

    def _check_added_managers(self, before):
        """Outside HR, whoever a create or write added to an appraisal's
        managers comes from the employee's ``parent_id`` chain; anyone may be
        removed. Checked on the values after the write, as the ORM applied
        the x2many commands (the refusal rolls the write back)."""
        stored = self._stored_managers()
        Employee = self.env["hr.employee"]
        chains = self._get_manager_chains(
            Employee.browse({employee_id for employee_id, _ids in stored.values()})
        )
        for appraisal_id, (employee_id, manager_ids) in stored.items():
            added = manager_ids - before.get(appraisal_id, set())
            self._check_managers_in_chain(
                Employee.browse(employee_id), added, chains.get(employee_id, set())
            )

    def _stored_managers(self):
        """``{appraisal id: (employee id, {managers' ids})}`` as stored, to
        tell whom a write adds: every manager counts, also one the user may
        not read (another company, archived), which only ids can compare."""
        # sudo: the stored managers and employee, only compared (nothing of
        # them is returned but their ids)
        stored = self.sudo()
        return {
            appraisal.id: (appraisal.employee_id.id, set(appraisal.manager_ids.ids))
            for appraisal in stored
        }

    @api.model
    def _check_managers_in_chain(self, employee, manager_ids, chain):
        """Outside HR, an appraisal's managers are the employee's managers up
        the ``parent_id`` chain (``chain``: their ids), never colleagues nor
        the employee."""
        strangers = set(manager_ids) - chain
        if strangers:
            Employee = self.env["hr.employee"]
            names = self._employee_names(
                employee | Employee.browse([i for i in strangers if i])
            )
            raise AccessError(
                self.env._(
                    "The managers of the appraisal of %(employee)s are their "
                    "managers up the organisation chart; only HR can add "
                    "%(others)s.",
                    employee=names.get(employee.id) or self.env._("this employee"),
                    others=", ".join(names[i] for i in sorted(strangers) if i in names)
                    or self.env._("a new employee"),
                )
            )

    # ------------------------------------------------------------ names
    @api.model
    def _employee_names(self, employees):
        """``{employee id: name}`` of ``employees`` for a message, from
        ``hr.employee.public``, which every internal user reads (its record
        rules apply); empty for a user who may not read it (portal)."""
        Public = self.env["hr.employee.public"]
        if not employees or not Public.has_access("read"):
            return {}
        return {
            employee.id: employee.name
            for employee in Public.with_context(active_test=False).search_fetch(
                [("id", "in", employees.ids)], ["name"]
            )
        }

    def _appraised_name(self):
        """The name of the appraised employee of ``self`` (one appraisal) for
        a message, as the user may read it: from the appraisal when they
        read it (``read``: its employee's display name), else "this
        employee" (nothing of an appraisal the user may not read)."""
        self.ensure_one()
        readable = self._filtered_access("read")
        employee = (
            readable.read(["employee_id"])[0]["employee_id"] if readable else False
        )
        return employee[1] if employee else self.env._("this employee")

    # ------------------------------------------------------------ roles
    @api.model
    def _is_appraisal_hr(self):
        """HR officers (hence HR managers and the superuser, hr.career.role)
        and appraisal HR officers act on every appraisal of their allowed
        companies: the role service's answer (hr.career.role)."""
        return self.env["hr.career.role"]._is_appraisal_hr()

    @api.model
    def _career_policy_is_hr(self):
        return self._is_appraisal_hr()

    @api.model
    def _get_employee_roles(self, employees):
        """``{employee id: role}`` of the current user towards each employee,
        from the role service (hr.career.role): ``'hr'``, ``'manager'`` (up
        the ``parent_id`` chain, at any depth), ``'self'`` or ``False``. The
        appraisal's ``manager_ids`` are never a source of rights."""
        if not employees:
            return {}
        if self._is_appraisal_hr():
            return dict.fromkeys(employees.ids, "hr")
        roles = self.env["hr.career.role"]._get_roles(employees)
        return {
            employee_id: APPRAISAL_ROLES.get(role, False)
            for employee_id, role in roles.items()
        }

    def _get_appraisal_roles(self):
        """``{appraisal id: role}`` (see ``_get_employee_roles``), from the
        role service (hr.career.role ``_get_appraisal_roles``)."""
        return self.env["hr.career.role"]._get_appraisal_roles(self)

    @api.model
    def _get_manager_chains(self, employees):
        """``{employee id: {ids of their managers up the parent_id chain}}``,
        for all ``employees`` in one recursive query (archived managers
        included, as ``parent_of`` without active_test; a cycle in the chart
        ends the walk)."""
        chains = {employee.id: set() for employee in employees}
        if not chains:
            return chains
        self.env["hr.employee"].flush_model(["parent_id"])
        self.env.cr.execute(
            SQL(
                """
                WITH RECURSIVE chain(employee_id, manager_id) AS (
                    SELECT id, parent_id FROM hr_employee
                     WHERE id IN %(ids)s AND parent_id IS NOT NULL
                    UNION
                    SELECT chain.employee_id, manager.parent_id
                      FROM chain
                      JOIN hr_employee manager ON manager.id = chain.manager_id
                     WHERE manager.parent_id IS NOT NULL
                )
                SELECT employee_id, manager_id FROM chain
                """,
                ids=tuple(chains),
            )
        )
        for employee_id, manager_id in self.env.cr.fetchall():
            if manager_id != employee_id:
                chains[employee_id].add(manager_id)
        return chains
