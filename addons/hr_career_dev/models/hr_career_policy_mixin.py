# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The field write policy of the suite, deny by default (as core's
``SELF_WRITEABLE_FIELDS`` of ``res.users``).

A model inheriting ``hr.career.policy.mixin`` declares which fields the
people around a record may set, per role and operation::

    _career_policy = {
        "employee": {"create": {"name", ...}, "write": {"name", ...}},
        "manager": {"create": {...}, "write": {...}},
    }
    # optional: more fields only while the record is in a state (before the
    # write), e.g. the applicant's motivation while still "interested"
    _career_policy_states = {"employee": {"write": {"interested": {"motivation"}}}}
    # the employee the record belongs to (dotted path to an hr.employee)
    _career_policy_employee = "employee_id"
    # fields the model's own create/write adds when a field is set
    _career_policy_derived = {"state": {"date_done"}}
    # documented ranges of typed numbers, checked for everyone before the
    # values reach a compute (no OverflowError, no NaN)
    _career_value_ranges = {"weight": (0.01, 100.0)}
    # system fields: no one sets them by hand, the model's own actions move
    # them on the user's behalf once the action checked the user
    # (_career_write_system), e.g. "the completion was applied"
    _career_system_fields = ("career_applied",)

Roles come from ``hr.career.role`` (``employee``: the record is the user's
own; ``manager``: it belongs to someone below the user in the ``parent_id``
chain); a model may add roles in ``_career_policy_roles`` (e.g. an
opportunity's owner). Every field not declared is HR-only: HR officers,
the superuser and ``sudo()`` bypass the policy, as the ORM does for rights.
Whatever the declaration, non-HR users never set ``company_id`` (it follows
the employee) nor a stored computed field without an inverse.

The refusal is an AccessError naming the fields; nothing is written."""

from odoo import api, models
from odoo.exceptions import AccessError
from odoo.tools.misc import clean_context

from .hr_career_role import MANAGER, SELF
from .value_checks import check_typed_bounds, check_typed_values

POLICY_ROLES = ("employee", "manager")
ROLE_OF = {SELF: "employee", MANAGER: "manager"}
OPERATIONS = ("create", "write")


class HrCareerPolicyMixin(models.AbstractModel):
    _name = "hr.career.policy.mixin"
    _description = "Field write policy, deny by default"

    _career_policy = {}
    _career_policy_states = {}
    _career_policy_employee = "employee_id"
    _career_policy_derived = {}
    _career_value_ranges = {}
    _career_system_fields = ()
    # the addon whose readme documents the policy (default: the model's own)
    _career_policy_module = None

    # ------------------------------------------------------------ declaration
    @api.model
    def _career_policy_never(self):
        """Fields no non-HR user ever sets, whatever the declaration."""
        return {
            name
            for name, field in self._fields.items()
            if name == "company_id"
            or (field.store and field.compute and not field.inverse and field.readonly)
        }

    @api.model
    def _career_policy_transient(self):
        """Computed fields neither stored nor inverted: a value given to them
        stores nothing (a compute called by hand assigns them)."""
        return {
            name
            for name, field in self._fields.items()
            if field.compute and not field.store and not field.inverse
        }

    @api.model
    def _career_policy_mail_fields(self):
        """Followers, activities and messages: checked by mail itself."""
        names = set()
        for mixin in ("mail.thread", "mail.activity.mixin"):
            names |= set(self.env[mixin]._fields) & set(self._fields)
        return names - set(models.MAGIC_COLUMNS) - {"display_name", "id"}

    @api.model
    def _career_policy_allowed(self, roles, operation, state=None):
        """The fields a user with ``roles`` (a set of role names) may set in
        ``operation`` on a record in ``state``: the declaration, less what
        nobody but HR sets."""
        allowed = set()
        for role in roles:
            allowed |= set(self._career_policy.get(role, {}).get(operation, ()))
            by_state = self._career_policy_states.get(role, {}).get(operation, {})
            allowed |= set(by_state.get(state, ()))
        if allowed:
            allowed |= self._career_policy_mail_fields()
        return allowed - self._career_policy_never()

    @api.model
    def _career_policy_declared(self):
        """Every field the declaration names, for any role and state."""
        declared = set()
        for role in POLICY_ROLES + tuple(self._career_policy):
            for operation in OPERATIONS:
                declared |= set(self._career_policy.get(role, {}).get(operation, ()))
                for names in (
                    self._career_policy_states.get(role, {}).get(operation, {}).values()
                ):
                    declared |= set(names)
        return declared

    # ------------------------------------------------------------ roles
    def _career_policy_roles(self):
        """``{record id: set of role names}`` of the current user on each
        record of ``self``: ``employee`` or ``manager`` (``hr.career.role``)."""
        roles = self.env["hr.career.role"]._get_record_roles(
            self, self._career_policy_employee
        )
        return {
            record_id: {ROLE_OF[role]} if role in ROLE_OF else set()
            for record_id, role in roles.items()
        }

    # ------------------------------------------------------------ enforcement
    def _career_policy_allowed_with(self, roles, operation, state, vals, cache):
        key = (frozenset(roles), operation, state)
        if key not in cache:
            cache[key] = self._career_policy_allowed(key[0], operation, state)
        allowed = set(cache[key])
        for name in set(vals) & allowed:
            allowed |= set(self._career_policy_derived.get(name, ()))
        return allowed

    @api.model
    def _career_policy_is_hr(self):
        """Whether the current user bypasses the policy: HR officers (the
        role service); a model may add its own HR group (appraisals)."""
        return self.env["hr.career.role"]._is_hr_officer()

    def _career_policy_check(self, operation, vals_list):
        """Refuse, for a non-HR user, any field of ``vals_list`` (one dict per
        record of ``self``, or one for all) the policy does not allow them on
        ``self`` (``operation``: ``write``). A field given its current value
        is no change."""
        if not self or self._career_policy_is_hr():
            return
        if len(vals_list) == 1 and len(self) > 1:
            vals_list = vals_list * len(self)
        roles = self._career_policy_roles()
        has_state = "state" in self._fields
        transient = self._career_policy_transient()
        cache = {}
        # sudo: the current values, only compared with the written ones
        for record, vals in zip(self.sudo(), vals_list, strict=True):
            state = record.state if has_state else None
            allowed = self._career_policy_allowed_with(
                roles[record.id], operation, state, vals, cache
            )
            refused = [
                name
                for name in vals
                if name not in allowed
                and name not in transient
                and not (
                    name in self._fields
                    and self._career_equal(name, vals[name], record[name])
                )
            ]
            if refused:
                raise AccessError(self._career_policy_message(record, refused))

    def _career_write_system(self, vals):
        """Write ``vals`` on ``self``: system fields only (declared in
        ``_career_system_fields``; any other is a programming error), for an
        action of the model that checked the user beforehand. The one place
        where the suite writes the fields no user sets by hand."""
        undeclared = set(vals) - set(self._career_system_fields)
        if undeclared:
            raise ValueError(
                f"{self._name}: {sorted(undeclared)} are not system fields "
                "(_career_system_fields)"
            )
        # sudo: system fields (declared above), moved by an action that
        # checked the user before calling this
        return self.sudo().write(vals)

    @api.model
    def _career_policy_check_create(self, vals_list):
        """Refuse, for a non-HR user, any field of ``vals_list`` the policy
        does not allow them to create with, before anything is written. The
        role comes from the employee the new record will belong to; a field
        given its default value (as forms send them) is allowed."""
        if self._career_policy_is_hr():
            return
        head = self._career_policy_employee.partition(".")[0]
        needed = [
            name
            for name in (head, "state")
            if name in self._fields and any(name not in vals for vals in vals_list)
        ]
        defaults = self.default_get(needed) if needed else {}
        cache = {}
        for vals, roles in zip(
            vals_list,
            self._career_policy_create_roles(vals_list, defaults),
            strict=True,
        ):
            allowed = self._career_policy_allowed_with(
                roles,
                "create",
                vals.get("state", defaults.get("state")),
                vals,
                cache,
            )
            refused = [name for name in vals if name not in allowed]
            if refused:
                # the model's own defaults, not the caller's (default_* keys
                # of the context are the caller's to choose)
                field_defaults = self.with_env(
                    self.env(context=clean_context(self.env.context))
                ).default_get(refused)
                refused = [
                    name
                    for name in refused
                    if name not in field_defaults
                    or not self._career_equal(name, vals[name], field_defaults[name])
                ]
            if refused:
                raise AccessError(self._career_policy_message(self.browse(), refused))

    @api.model
    def _career_policy_create_roles(self, vals_list, defaults):
        """The policy roles of the current user on each record ``vals_list``
        would create (a list of sets): from the employee the new record will
        belong to (``_career_policy_employee``; ``defaults`` fill it in)."""
        head, _dot, rest = self._career_policy_employee.partition(".")
        Role = self.env["hr.career.role"]
        heads = []
        for vals in vals_list:
            value = vals.get(head, defaults.get(head))
            heads.append(value.id if isinstance(value, models.BaseModel) else value)
        records = self.env[self._fields[head].comodel_name].browse(
            {value for value in heads if value}
        )
        # the role service reads the employees behind ``head`` (e.g. a plan's
        # employee), which the user may not read: the decision only
        roles = (
            Role._get_record_roles(records, rest) if rest else Role._get_roles(records)
        )
        result = []
        for value in heads:
            role = ROLE_OF.get(roles.get(value)) if value else None
            result.append({role} if role else set())
        return result

    @api.model
    def _career_equal(self, name, new, current):
        """Whether two values of the field ``name`` are the same."""
        field = self._fields.get(name)
        if field is None or field.type in ("one2many", "many2many"):
            return False
        try:
            new = field.convert_to_cache(new, self, validate=False)
            current = field.convert_to_cache(current, self, validate=False)
        except (TypeError, ValueError):
            return False
        return (new or False) == (current or False)

    def _career_policy_message(self, record, names):
        labels = ", ".join(
            f"“{self._fields[name]._description_string(self.env)}”"
            if name in self._fields
            else name
            for name in names
        )
        model = self.env["ir.model"]._get(self._name).name
        if not record:
            return self.env._(
                "Only HR officers can set %(fields)s on a new %(model)s.",
                fields=labels,
                model=model,
            )
        return self.env._(
            "Only HR officers can set %(fields)s on %(model)s “%(record)s”.",
            fields=labels,
            model=model,
            record=record.display_name,
        )

    @api.model_create_multi
    def create(self, vals_list):
        check_typed_values(self, vals_list, self._career_value_ranges)
        self._career_policy_check_create(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        check_typed_values(self, [vals], self._career_value_ranges)
        hr = self._career_policy_is_hr()
        if not hr:
            self._career_policy_check("write", [vals])
        result = super().write(vals)
        if not hr:
            # rules are checked on the values before a write: again after
            # it, so that no write moves a record out of the writer's reach
            self.check_access("write")
        return result

    def _validate_fields(self, field_names, excluded_names=()):
        """The model's own constraints first (their messages are more
        precise), then the bounds of typed values (value_checks)."""
        field_names = set(field_names)  # create() gives a generator
        result = super()._validate_fields(field_names, excluded_names)
        # the values just written, in cache: measured as they were written
        check_typed_bounds(self, field_names - set(excluded_names))
        return result

    # ------------------------------------------------------------ readme
    @api.model
    def _career_policy_models(self, module=None):
        """The names of the models that inherit this mixin, sorted; with
        ``module``, those it defines (or whose policy it documents, as
        ``_career_policy_module`` says for a host model's extension)."""
        names = [
            name
            for name in self.env.registry.descendants([self._name], "_inherit")
            if not self.env[name]._abstract
        ]
        if module is not None:
            names = [
                name
                for name in names
                if (
                    self.env[name]._career_policy_module
                    or self.env[name]._original_module
                )
                == module
            ]
        return sorted(names)

    @api.model
    def _career_policy_markdown(self, module=None, names=None):
        """The readme's table "who sets which field", from the declarations
        (English labels: the readme is in English): of the models of
        ``module`` (see ``_career_policy_models``; each addon's readme holds
        its own), or of the models ``names``; default every model with a
        policy."""
        lines = [
            "| model | field | employee: create | employee: write "
            "| manager: create | manager: write | other roles |",
            "|---|---|---|---|---|---|---|",
        ]
        for name in names or self._career_policy_models(module):
            model = self.env[name].with_context(lang="en_US")
            never = model._career_policy_never()
            for fname in sorted(model._career_policy_declared() - never):
                cells = []
                for role in POLICY_ROLES:
                    for operation in OPERATIONS:
                        cells.append(model._career_policy_cell(role, operation, fname))
                others = [
                    f"{role}: {operation} {cell}"
                    for role in sorted(set(model._career_policy) - set(POLICY_ROLES))
                    for operation in OPERATIONS
                    if (cell := model._career_policy_cell(role, operation, fname))
                    != "✗"
                ]
                lines.append(
                    f"| `{name}` | `{fname}` | {' | '.join(cells)} "
                    f"| {', '.join(others) or '✗'} |"
                )
            lines.append(f"| `{name}` | every other field | ✗ | ✗ | ✗ | ✗ | ✗ |")
        return "\n".join(lines) + "\n"

    @api.model
    def _career_policy_cell(self, role, operation, fname):
        """✓, ✗, or ✓ with the states it is limited to."""
        if fname in self._career_policy.get(role, {}).get(operation, ()):
            return "✓"
        by_state = self._career_policy_states.get(role, {}).get(operation, {})
        states = sorted(state for state, names in by_state.items() if fname in names)
        return f"✓ ({', '.join(states)})" if states else "✗"
