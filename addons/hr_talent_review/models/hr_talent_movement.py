# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL

from .hr_talent_review_line import BOX_SELECTION

DIRECTIONS = [
    ("new", "First placement"),
    ("up", "Moved up"),
    ("same", "Same box"),
    ("down", "Moved down"),
    ("across", "Moved across"),
]


class HrTalentMovement(models.Model):
    """Movements between sessions: each placement beside the employee's
    previous one (the placement of their previous closed session). Read-only
    SQL view, one query."""

    _name = "hr.talent.movement"
    _description = "Talent placement movement"
    _auto = False
    _order = "date desc, employee_id"
    _rec_name = "employee_id"
    _depends = {
        "hr.talent.placement": [
            "employee_id",
            "review_id",
            "date",
            "department_id",
            "company_id",
            "box",
        ],
    }

    employee_id = fields.Many2one("hr.employee", readonly=True)
    review_id = fields.Many2one("hr.talent.review", string="Session", readonly=True)
    previous_review_id = fields.Many2one(
        "hr.talent.review", string="Previous Session", readonly=True
    )
    date = fields.Date(readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    box_name = fields.Selection(BOX_SELECTION, string="Placement", readonly=True)
    previous_box_name = fields.Selection(
        BOX_SELECTION, string="Previous Placement", readonly=True
    )
    box_change = fields.Integer(
        readonly=True,
        aggregator="sum",
        help="Difference of the box numbers (a row of potential counts three, "
        "a column of performance one).",
    )
    direction = fields.Selection(DIRECTIONS, readonly=True)
    employee_count = fields.Integer(string="Employees", readonly=True)

    @property
    def _table_query(self):
        # up: neither performance nor potential lower and one higher; down:
        # the reverse; across: one higher and the other lower
        return SQL(
            """
            WITH placed AS (
                SELECT p.id, p.employee_id, p.review_id, p.date, p.department_id,
                       p.company_id, p.box_name, p.box,
                       lag(p.review_id) OVER w AS previous_review_id,
                       lag(p.box_name) OVER w AS previous_box_name,
                       lag(p.box) OVER w AS previous_box
                  FROM hr_talent_placement p
                WINDOW w AS (PARTITION BY p.employee_id ORDER BY p.date, p.id)
            )
            SELECT id, employee_id, review_id, previous_review_id, date,
                   department_id, company_id, box_name, previous_box_name,
                   COALESCE(box - previous_box, 0) AS box_change,
                   CASE WHEN previous_box IS NULL THEN 'new'
                        WHEN box = previous_box THEN 'same'
                        WHEN (box - 1) / 3 >= (previous_box - 1) / 3
                         AND mod(box - 1, 3) >= mod(previous_box - 1, 3) THEN 'up'
                        WHEN (box - 1) / 3 <= (previous_box - 1) / 3
                         AND mod(box - 1, 3) <= mod(previous_box - 1, 3) THEN 'down'
                        ELSE 'across' END AS direction,
                   1 AS employee_count
              FROM placed
            """
        )
