# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HrTalentBox(models.Model):
    """The nine boxes of the grid, by name, for Settings to choose from
    (the high-potential boxes). Shipped as data: one record per box."""

    _name = "hr.talent.box"
    _description = "9-box grid box"
    _order = "number"

    number = fields.Integer(
        required=True,
        readonly=True,
        help="1 = low performance and low potential, 9 = high and high.",
    )
    name = fields.Char(required=True, translate=True)

    _sql_constraints = [
        ("number_unique", "UNIQUE(number)", "Each box of the grid exists once."),
        (
            "number_range",
            "CHECK(number BETWEEN 1 AND 9)",
            "The boxes of the grid are numbered 1 to 9.",
        ),
    ]

    @api.depends("number", "name")
    def _compute_display_name(self):
        for box in self:
            box.display_name = f"{box.number} {box.name}"
