# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who may do what on an appraisal: the user's role towards the appraised
employee (self, manager up the chain, HR) and the field guard of create and
write that hr_appraisal.py calls."""

from odoo import Command, api, models
from odoo.exceptions import AccessError

# Groups whose members act as HR on every appraisal of their allowed companies.
APPRAISAL_HR_GROUPS = (
    "hr.group_hr_user",
    "hr_appraisal_oca.group_appraisal_hr_officer",
)
# What the appraised employee may write on their own appraisal; the rest
# (status, managers, manager feedback, note, visibility, dates, ...) is for
# their managers and HR. Mail/activity fields are allowed by prefix.
EMPLOYEE_FIELDS = frozenset(
    {
        "employee_feedback",
        "employee_feedback_published",
        "career_goal_ids",
        # commands on lines go through hr.appraisal.skill's own checks
        "skill_assessment_ids",
        "color",
    }
)
MAIL_FIELD_PREFIXES = ("message_", "activity_", "website_message_")
# Results of the completion, written by the suite itself.
SYSTEM_FIELDS = frozenset(
    {"development_plan_id", "career_applied", "completed_unreviewed", "signed_off"}
)


# one concern per file: hr_appraisal.py alone would be over 600 lines
class HrAppraisal(models.Model):
    _inherit = "hr.appraisal"  # pylint: disable=consider-merging-classes-inherited

    def _check_create_rights(self, vals_list):
        """Employees do not create their own appraisals; a manager creates them
        for their reports only, with managers from the employee's chain."""
        Employee = self.env["hr.employee"]
        employees = Employee.browse(
            {vals["employee_id"] for vals in vals_list if vals.get("employee_id")}
        )
        roles = self._get_employee_roles(employees)
        chains = self._get_manager_chains(employees)
        for vals in vals_list:
            # sudo: the name, for the message only
            employee = Employee.browse(vals.get("employee_id")).sudo()
            role = roles.get(employee.id)
            if role == "self":
                raise AccessError(
                    self.env._(
                        "Your manager or HR creates your appraisal, "
                        "%(employee)s: you cannot create it yourself.",
                        employee=employee.name,
                    )
                )
            if role != "manager":
                raise AccessError(
                    self.env._(
                        "Only the managers of %(employee)s or HR can create an "
                        "appraisal for them.",
                        employee=employee.name or self.env._("this employee"),
                    )
                )
            forbidden = SYSTEM_FIELDS & set(vals)
            if forbidden:
                raise AccessError(
                    self.env._(
                        "The development plan of an appraisal is set when it is "
                        "completed; it cannot be given when creating it."
                    )
                )
            if "manager_ids" in vals:
                managers = self._managers_from_commands(vals["manager_ids"])
                self._check_managers_in_chain(employee, managers, chains[employee.id])

    def _check_write_rights(self, vals):
        """Field guard for everyone but HR: the employee writes only the
        employee-side fields, managers the rest; the appraised employee and
        the managers come from the employee's manager chain."""
        fields_written = set(vals)
        roles = self._get_appraisal_roles()
        chains = (
            # sudo: the employees' manager chains, compared with the managers written
            self._get_manager_chains(self.sudo().employee_id)
            if "manager_ids" in vals
            else {}
        )
        for appraisal in self:
            role = roles.get(appraisal.id)
            # sudo: names for the messages, the employee to check managers
            employee = appraisal.sudo().employee_id
            if role == "self":
                manager_side = {
                    name
                    for name in fields_written - EMPLOYEE_FIELDS
                    if not name.startswith(MAIL_FIELD_PREFIXES)
                }
                if manager_side:
                    raise AccessError(
                        self.env._(
                            "%(employee)s, you can write your own feedback on your "
                            "appraisal; %(fields)s is for your managers or HR to "
                            "change.",
                            employee=employee.name,
                            fields=", ".join(
                                self._fields[name].get_description(self.env)["string"]
                                for name in sorted(manager_side)
                                if name in self._fields
                            )
                            or ", ".join(sorted(manager_side)),
                        )
                    )
                continue
            if role != "manager":
                raise AccessError(
                    self.env._(
                        "Only %(employee)s, their managers or HR can change this "
                        "appraisal.",
                        employee=employee.name,
                    )
                )
            if "employee_id" in vals and vals["employee_id"] != employee.id:
                raise AccessError(
                    self.env._(
                        "The appraisal of %(employee)s stays theirs: only HR can "
                        "move it to another employee.",
                        employee=employee.name,
                    )
                )
            if fields_written & SYSTEM_FIELDS:
                raise AccessError(
                    self.env._(
                        "The development plan of the appraisal of %(employee)s is "
                        "set when it is completed.",
                        employee=employee.name,
                    )
                )
            if "manager_ids" in vals:
                # sudo: the managers already set, to tell who is being added
                current = appraisal.sudo().manager_ids
                # anyone may be removed; whoever is added comes from the chain
                added = self._managers_from_commands(
                    vals["manager_ids"], current
                ) - set(current.ids)
                self._check_managers_in_chain(employee, added, chains[employee.id])

    @api.model
    def _managers_from_commands(self, commands, current=None):
        """The employees a ``manager_ids`` x2many value leaves on the record."""
        Employee = self.env["hr.employee"]
        result = set((current or Employee).ids)
        for command in commands or ():
            if isinstance(command, int):
                result.add(command)
                continue
            if not isinstance(command, list | tuple):
                continue
            code = command[0]
            if code == Command.SET:
                result = set(command[2] or ())
            elif code == Command.LINK:
                result.add(command[1])
            elif code in (Command.UNLINK, Command.DELETE):
                result.discard(command[1])
            elif code == Command.CLEAR:
                result = set()
            elif code == Command.CREATE:
                # a new employee cannot be in anybody's chain yet
                result.add(0)
        return result

    @api.model
    def _check_managers_in_chain(self, employee, manager_ids, chain):
        """Outside HR, an appraisal's managers are the employee's managers up
        the ``parent_id`` chain (``chain``: their ids), never colleagues nor
        the employee."""
        strangers = set(manager_ids) - chain
        if strangers:
            names = (
                self.env["hr.employee"]
                .sudo()  # names for the message only
                .browse([i for i in strangers if i])
                .mapped("name")
            )
            raise AccessError(
                self.env._(
                    "The managers of the appraisal of %(employee)s are their "
                    "managers up the organisation chart; only HR can add "
                    "%(others)s.",
                    employee=employee.name,
                    others=", ".join(names) or self.env._("a new employee"),
                )
            )

    # ------------------------------------------------------------ roles
    @api.model
    def _is_appraisal_hr(self):
        """Superuser, HR officers (hence HR managers) and appraisal HR officers
        act on every appraisal of their allowed companies."""
        user = self.env.user
        return self.env.is_superuser() or any(
            user.has_group(group) for group in APPRAISAL_HR_GROUPS
        )

    @api.model
    def _get_employee_roles(self, employees):
        """``{employee id: role}`` of the current user towards each employee:
        ``'hr'``, ``'manager'`` (the employee reports to one of the user's
        employees, at any depth of the ``parent_id`` chain), ``'self'`` or
        ``False``. One search for the whole batch. The appraisal's
        ``manager_ids`` are never a source of rights."""
        if not employees:
            return {}
        if self._is_appraisal_hr():
            return dict.fromkeys(employees.ids, "hr")
        user = self.env.user
        mine = user.employee_ids
        # sudo: plain employees may not read hr.employee; only ids and user_id
        # are used, to decide the user's role towards these employees.
        employees = employees.sudo().with_context(active_test=False)
        reports = set()
        if mine:
            reports = set(
                employees.search(
                    [("id", "in", employees.ids), ("id", "child_of", mine.ids)]
                ).ids
            ) - set(mine.ids)
        roles = {}
        for employee in employees:
            if employee in mine or (employee.user_id and employee.user_id == user):
                roles[employee.id] = "self"
            elif employee.id in reports:
                roles[employee.id] = "manager"
            else:
                roles[employee.id] = False
        return roles

    def _get_appraisal_roles(self):
        """``{appraisal id: role}`` (see ``_get_employee_roles``)."""
        # sudo: the appraised employee, only to decide the role of the user
        appraisals = self.sudo()
        roles = self._get_employee_roles(appraisals.employee_id)
        return {
            appraisal.id: roles.get(appraisal.employee_id.id, False)
            for appraisal in appraisals
        }

    @api.model
    def _get_manager_chains(self, employees):
        """``{employee id: {ids of their managers up the parent_id chain}}``,
        one read per level of the organisation chart for the whole batch."""
        # sudo: the chain of managers only (ids), for the checks of the callers
        employees = employees.sudo().with_context(active_test=False)
        chains = {employee.id: set() for employee in employees}
        cursors = {employee.id: employee.parent_id for employee in employees}
        while cursors:
            following = {}
            for employee_id, manager in cursors.items():
                if not manager or manager.id in chains[employee_id]:
                    continue  # top of the chart, or a loop
                if manager.id == employee_id:
                    continue
                chains[employee_id].add(manager.id)
                following[employee_id] = manager.parent_id
            cursors = following
        return chains
