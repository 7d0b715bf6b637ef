# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .hr_talent_review_line import BOX_SELECTION, LEVELS, box_of

# Settings: employees see their own current placement
EMPLOYEE_VISIBLE_PARAM = "hr_performance_link.talent_employee_visible"


class HrTalentPlacement(models.Model):
    """The placement of an employee written back by a closed talent review:
    the history of placements, the latest one flagged current. This is "the
    employee's talent placement" (``hr.employee.talent_placement_id``)."""

    _name = "hr.talent.placement"
    _description = "Talent placement"
    # every field is HR's (hr.career.policy.mixin: nothing declared)
    _inherit = ["hr.career.policy.mixin"]
    _order = "date desc, id desc"
    _rec_name = "employee_id"

    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, ondelete="cascade", readonly=True
    )
    review_id = fields.Many2one(
        "hr.talent.review",
        string="Calibration Session",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    date = fields.Date(required=True, readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    company_id = fields.Many2one("res.company", required=True, readonly=True)
    performance = fields.Selection(LEVELS, required=True, readonly=True)
    potential = fields.Selection(LEVELS, required=True, readonly=True)
    box = fields.Integer(compute="_compute_box", store=True, aggregator=False)
    box_name = fields.Selection(
        BOX_SELECTION, string="Placement", compute="_compute_box", store=True
    )
    is_current = fields.Boolean(
        string="Current",
        readonly=True,
        index=True,
        help="The employee's latest placement.",
    )
    visible_to_employee = fields.Boolean(
        readonly=True,
        help="Settings: employees see their own placement (off by default).",
    )

    @api.depends("performance", "potential")
    def _compute_box(self):
        for placement in self:
            placement.box = box_of(placement.performance, placement.potential)
            placement.box_name = str(placement.box) if placement.box else False

    @api.model
    def _employees_see_placement(self):
        return self.env["hr.career.settings"]._get_flag(EMPLOYEE_VISIBLE_PARAM)

    @api.model
    def _current_boxes(self, employees):
        """``{employee id: box}`` of the current placements, one query."""
        return {
            placement.employee_id.id: placement.box
            for placement in self.search(
                [("employee_id", "in", employees.ids), ("is_current", "=", True)]
            )
        }
