# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Checks of written values made before the database sees them: a CHECK
constraint refuses them too, but only after PostgreSQL has logged the failed
query at ERROR level, and with a message that names no record. The same goes
for UNIQUE constraints a user can break from a form or the portal."""

import math
from datetime import date

from odoo import fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

# what a person may type into a field of each type (hr.career.policy.mixin
# checks them on every model of the suite that inherits it)
TYPED_LIMITS = {"char": 256, "text": 10_000, "html": 100_000}  # html: bytes
DATE_MIN = date(1900, 1, 1)
DATE_MAX = date(2200, 12, 31)


def check_value_range(model, vals_list, field_name, low=None, high=None):
    """Refuse a value of ``field_name`` outside ``[low, high]`` in the
    create/write values ``vals_list`` of ``model`` (on a write, ``model`` is
    the records written: the message names them)."""
    for vals in vals_list:
        value = vals.get(field_name)
        if isinstance(value, bool) or not isinstance(value, int | float):
            continue
        if (low is None or value >= low) and (high is None or value <= high):
            continue
        raise ValidationError(_range_message(model, field_name, value, low, high))


def _range_message(model, field_name, value, low, high):
    env = model.env
    subject = model._description
    if model:
        names = model.mapped("display_name")
        subject = f"{subject} “{', '.join(names[:3])}{'…' if names[3:] else ''}”"
    names = {
        "field": model._fields[field_name]._description_string(env),
        "model": subject,
        "value": value,
        "low": low,
        "high": high,
    }
    if high is None:
        return env._(
            "%(field)s (%(model)s) must be at least %(low)s, not %(value)s.", **names
        )
    return env._(
        "%(field)s (%(model)s) must be between %(low)s and %(high)s, not %(value)s.",
        **names,
    )


def _key_value(value):
    """A create/write value or a record's value, as the database stores it."""
    if isinstance(value, models.BaseModel):
        return value.id or None
    return None if value is False else value


def _clashing_keys(model, key_fields, keys, exclude_ids=()):
    """The keys (tuples of ``key_fields`` values) given twice in ``keys`` or
    already stored on a row of ``model`` other than ``exclude_ids``: one
    query whatever the number of keys. A key with an empty value never
    clashes (a UNIQUE constraint ignores NULL), nor do archived or unreadable
    rows escape it (the constraint sees them all: plain SQL, no rules)."""
    keys = [key for key in keys if None not in key]
    if not keys:
        return set()
    seen, clashes = set(), set()
    for key in keys:
        (clashes if key in seen else seen).add(key)
    model.flush_model(key_fields)
    conditions = [
        SQL("%s IN %s", SQL.identifier(name), tuple({key[i] for key in keys}))
        for i, name in enumerate(key_fields)
    ]
    if exclude_ids:
        conditions.append(SQL("id NOT IN %s", tuple(exclude_ids)))
    rows = model.env.execute_query(
        SQL(
            "SELECT %s FROM %s WHERE %s",
            SQL(", ").join(SQL.identifier(name) for name in key_fields),
            SQL.identifier(model._table),
            SQL(" AND ").join(conditions),
        )
    )
    return clashes | (seen & set(map(tuple, rows)))


def unique_clash_on_create(model, key_fields, vals_list):
    """True when creating ``vals_list`` would break ``UNIQUE(key_fields)`` of
    ``model``: two of the new rows share a key, or one shares it with a stored
    row. Checked before the INSERT, so that the user gets the constraint's
    message as a ValidationError and the database logs no failed query; the
    SQL constraint stays the backstop for concurrent transactions. Missing
    values take the model's defaults (as the create will)."""
    missing = {name for vals in vals_list for name in key_fields if name not in vals}
    defaults = model.default_get(list(missing)) if missing else {}
    keys = [
        tuple(_key_value(vals.get(name, defaults.get(name))) for name in key_fields)
        for vals in vals_list
    ]
    return bool(_clashing_keys(model, key_fields, keys))


def unique_clash_on_write(records, key_fields, vals):
    """True when writing ``vals`` on ``records`` would break
    ``UNIQUE(key_fields)``: see :func:`unique_clash_on_create`."""
    if not records or not any(name in vals for name in key_fields):
        return False
    keys = [
        tuple(
            _key_value(vals[name] if name in vals else record[name])
            for name in key_fields
        )
        for record in records
    ]
    return bool(_clashing_keys(records, key_fields, keys, records.ids))


def check_typed_values(model, vals_list, ranges=None):
    """Refuse, before anything is computed or written, a number that is not
    finite (NaN, infinity), a number of ``ranges`` (``{field: (low, high)}``)
    outside its range, and a typed date outside 1900-2200 in the create/write
    values ``vals_list`` of ``model``: an enormous value never reaches a
    compute (no OverflowError, no NaN stored)."""
    ranges = ranges or {}
    for vals in vals_list:
        for name, value in vals.items():
            field = model._fields.get(name)
            if field is None or isinstance(value, bool) or value is None:
                continue
            if field.type in ("float", "monetary", "integer") and isinstance(
                value, int | float
            ):
                if isinstance(value, float) and not math.isfinite(value):
                    raise ValidationError(
                        model.env._(
                            "%(field)s (%(model)s) must be a number, not %(value)s.",
                            field=field._description_string(model.env),
                            model=model._description,
                            value=value,
                        )
                    )
                if name in ranges:
                    low, high = ranges[name]
                    check_value_range(model, [vals], name, low, high)
            elif field.type in ("date", "datetime") and isinstance(value, str):
                try:
                    day = fields.Date.to_date(value[:10])
                except ValueError:
                    continue  # the ORM's own message
                _check_day(model, field, day)
            elif field.type in ("date", "datetime") and isinstance(value, date):
                _check_day(model, field, fields.Date.to_date(value))


def _check_day(model, field, day):
    if day and not DATE_MIN <= day <= DATE_MAX:
        raise ValidationError(
            model.env._(
                "%(field)s (%(model)s) must be between %(min)s and %(max)s, "
                "not %(value)s.",
                field=field._description_string(model.env),
                model=model._description,
                min=DATE_MIN,
                max=DATE_MAX,
                value=day,
            )
        )


def check_typed_bounds(records, field_names):
    """Refuse a typed value out of bounds on ``records`` (after a create or a
    write of ``field_names``, before the transaction ends: nothing is kept):
    names at most 256 characters, texts 10,000, html 100 kB, dates between
    1900 and 2200. Python only: the values are in cache after the write."""
    env = records.env
    for name in field_names:
        field = records._fields.get(name)
        if field is None or not field.store or field.compute:
            continue
        if field.type in TYPED_LIMITS:
            limit = TYPED_LIMITS[field.type]
            for record in records:
                value = record[name] or ""
                size = len(value.encode()) if field.type == "html" else len(value)
                if size > limit:
                    raise ValidationError(
                        env._(
                            "%(field)s (%(model)s) is limited to %(max)s "
                            "%(unit)s; %(size)s were given.",
                            field=field._description_string(env),
                            model=records._description,
                            max=limit,
                            unit=env._("bytes")
                            if field.type == "html"
                            else env._("characters"),
                            size=size,
                        )
                    )
        elif field.type in ("date", "datetime"):
            for record in records:
                value = record[name]
                day = fields.Date.to_date(value) if value else None
                if day and not DATE_MIN <= day <= DATE_MAX:
                    raise ValidationError(
                        env._(
                            "%(field)s (%(model)s) must be between %(min)s and "
                            "%(max)s, not %(value)s.",
                            field=field._description_string(env),
                            model=records._description,
                            min=DATE_MIN,
                            max=DATE_MAX,
                            value=day,
                        )
                    )
