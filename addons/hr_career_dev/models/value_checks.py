# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Checks of written values made before the database sees them: a CHECK
constraint refuses them too, but only after PostgreSQL has logged the failed
query at ERROR level, and with a message that names no record."""

from odoo.exceptions import ValidationError


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
