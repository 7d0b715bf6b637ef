# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import api, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from .value_checks import unique_clash_on_create, unique_clash_on_write

_UNIQUE = re.compile(r"^\s*UNIQUE\s*\(([\w\s,]+)\)\s*$", re.IGNORECASE)


class HrCareerUniqueMixin(models.AbstractModel):
    """Rows that would break one of the model's ``UNIQUE(...)`` SQL
    constraints are refused before the database sees them, with the
    constraint's own message in the user's language.

    Kept because Odoo's own handling logs an ERROR on a user's mistake:
    tried on this build (Odoo 18.0 of 2025-08-21, hr.career.path without
    this mixin, a duplicate step saved), ``odoo.sql_db`` logs "bad query:
    INSERT INTO hr_career_path ... ERROR: duplicate key value violates unique
    constraint" at ERROR level before ``odoo.service.model`` turns the
    IntegrityError into "The operation cannot be completed: This career step
    already exists." An ERROR in the server log for every duplicate a user
    types would page the operators (and fails our test runs). The
    ``_sql_constraints`` entry is the one place
    of each rule: it declares the key, the message (translated with the
    addon's terms) and the database backstop for concurrent saves.

    One query per constraint and save, whatever the number of rows; rows given
    twice in one save clash too. The check runs when ``create``/``write``
    reach it, after the model's own checks; a user without the right to
    create or write the rows gets the AccessError, not the clash."""

    _name = "hr.career.unique.mixin"
    _description = "Duplicate rows refused before saving"

    @api.model
    def _unique_keys(self):
        """[(constraint key, key field names)] of the model's UNIQUE
        constraints on plain columns."""
        keys = []
        for key, definition, _message in self._sql_constraints:
            match = _UNIQUE.match(definition)
            if not match:
                continue
            names = tuple(name.strip() for name in match.group(1).split(","))
            if all(name in self._fields for name in names):
                keys.append((key, names))
        return keys

    @api.model_create_multi
    def create(self, vals_list):
        for key, names in self._unique_keys():
            if unique_clash_on_create(self, names, vals_list):
                # who may not create at all is told so, not that the row
                # exists (the clash is read without record rules)
                self.check_access("create")
                self._raise_unique_clash(key)
        return super().create(vals_list)

    def write(self, vals):
        for key, names in self._unique_keys():
            if unique_clash_on_write(self, names, vals):
                self.check_access("write")
                self._raise_unique_clash(key)
        return super().write(vals)

    @api.model
    def _raise_unique_clash(self, key):
        """The constraint's message, as Odoo translates it when the database
        refuses (``ir.model.constraint``, filled from the addon's .po)."""
        message = next(msg for k, _d, msg in self._sql_constraints if k == key)
        rows = self.env.execute_query(
            SQL(
                "SELECT COALESCE(message->>%s, message->>'en_US') "
                "FROM ir_model_constraint WHERE name = %s AND type = 'u'",
                self.env.lang or "en_US",
                f"{self._table}_{key}",
            )
        )
        raise ValidationError(rows[0][0] if rows and rows[0][0] else message)
