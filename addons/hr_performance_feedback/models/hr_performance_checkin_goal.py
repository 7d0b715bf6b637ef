# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.hr_career_dev.models.value_checks import check_value_range


class HrPerformanceCheckinGoal(models.Model):
    _name = "hr.performance.checkin.goal"
    _description = "Goal progress reported in a check-in"
    _inherit = ["hr.career.unique.mixin", "hr.career.policy.mixin"]
    # reported by the employee's managers (hr.career.policy.mixin); the line
    # stays on its check-in
    _career_policy_employee = "checkin_id.employee_id"
    _career_policy = {
        "manager": {
            "create": {"progress", "comment", "checkin_id", "goal_id"},
            "write": {"progress", "comment"},
        },
    }
    _career_policy_derived = {"goal_id": {"previous_progress"}}
    _order = "checkin_id, id"
    _rec_name = "goal_id"

    checkin_id = fields.Many2one(
        "hr.performance.checkin", required=True, index=True, ondelete="cascade"
    )
    employee_id = fields.Many2one(related="checkin_id.employee_id")
    company_id = fields.Many2one(related="checkin_id.company_id", store=True)
    goal_id = fields.Many2one(
        "hr.career.goal",
        required=True,
        ondelete="cascade",
        domain="[('employee_id', '=', employee_id), "
        "('state', 'in', ('draft', 'in_progress'))]",
    )
    previous_progress = fields.Integer(
        string="Progress Before",
        readonly=True,
        help="The goal's progress when the line was added.",
    )
    progress = fields.Integer(string="New Progress")
    comment = fields.Char()

    _sql_constraints = [
        (
            "checkin_goal_unique",
            "UNIQUE(checkin_id, goal_id)",
            "A check-in reports each goal once.",
        ),
        (
            "progress_range",
            "CHECK(progress BETWEEN 0 AND 100)",
            "Progress is a percentage between 0 and 100.",
        ),
    ]

    @api.constrains("goal_id", "checkin_id")
    def _check_goal_employee(self):
        for line in self:
            if line.goal_id.employee_id != line.checkin_id.employee_id:
                raise ValidationError(
                    self.env._(
                        "The goal “%(goal)s” belongs to %(owner)s, not to "
                        "%(employee)s.",
                        goal=line.goal_id.name,
                        owner=line.goal_id.employee_id.name,
                        employee=line.checkin_id.employee_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        checkins = self.env["hr.performance.checkin"].browse(
            {vals["checkin_id"] for vals in vals_list if vals.get("checkin_id")}
        )
        self._check_manager_of(checkins)
        checkins._check_lines_editable()
        check_value_range(self, vals_list, "progress", 0, 100)
        goals = self.env["hr.career.goal"].browse(
            [vals["goal_id"] for vals in vals_list if vals.get("goal_id")]
        )
        progress = {goal.id: goal.progress for goal in goals}
        for vals in vals_list:
            vals.setdefault("previous_progress", progress.get(vals.get("goal_id"), 0))
        return super().create(vals_list)

    def write(self, vals):
        self._check_manager_of(self, "checkin_id.employee_id")
        self.checkin_id._check_lines_editable()
        check_value_range(self, [vals], "progress", 0, 100)
        return super().write(vals)

    @api.model
    def _career_policy_is_hr(self):
        return self.env["hr.appraisal"]._is_appraisal_hr()

    def unlink(self):
        self._check_manager_of(self, "checkin_id.employee_id")
        self.checkin_id._check_lines_editable()
        return super().unlink()

    @api.model
    def _check_manager_of(self, records, path="employee_id"):
        """Goal progress is reported by the employee's manager chain or HR:
        ``records`` are check-ins, or lines with ``path`` to the employee
        (the role service decides)."""
        self.env["hr.performance.checkin"]._check_held_by_manager(records, path)

    def _apply_progress(self):
        """Set each goal's progress to the one reported (one write per value)."""
        by_progress = defaultdict(lambda: self.env["hr.career.goal"])
        for line in self:
            if line.goal_id.progress != line.progress:
                by_progress[line.progress] |= line.goal_id
        for progress, goals in by_progress.items():
            vals = {"progress": progress}
            started = goals.filtered(lambda g: g.state == "draft")
            goals.write(vals)
            if started and progress:
                started.write({"state": "in_progress"})
