# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The suite's Settings, read in one place.

``ir.config_parameter`` is readable by administrators only, while the suite's
flags decide what every user sees (whether potential is shown, whether
employees nominate reviewers, chunk sizes of the jobs). Every addon reads its
parameters here, by key: the one ``sudo()`` of the suite for Settings."""

from odoo import api, models


class HrCareerSettings(models.AbstractModel):
    _name = "hr.career.settings"
    _description = "Career suite settings reader"

    @api.model
    def _get_param(self, key, default=False):
        """The raw value of the parameter ``key`` (a string), or ``default``."""
        # sudo: Settings parameters are administrators' records; their values
        # (flags and sizes, never personal data) decide what every user sees
        return self.env["ir.config_parameter"].sudo().get_param(key, default)

    @api.model
    def _get_flag(self, key):
        """Whether the boolean Settings parameter ``key`` is on."""
        return bool(self._get_param(key))

    @api.model
    def _get_int(self, key, default, minimum=None):
        """The integer parameter ``key``; ``default`` when it is not set or is
        not a whole number; never below ``minimum``."""
        value = str(self._get_param(key) or "").strip()
        number = int(value) if value.lstrip("-").isdigit() else default
        return number if minimum is None else max(number, minimum)
