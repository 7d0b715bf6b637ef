# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import split_every

from .hr_career_goal import OPEN_GOAL_STATES
from .value_checks import check_value_range

# Employees handled by one background job of a population-wide operation.
JOB_CHUNK_PARAM = "hr_career_dev.job_chunk_size"
DEFAULT_JOB_CHUNK_SIZE = 200


def job_chunk_size(env):
    """Employees per job (Settings parameter ``hr_career_dev.job_chunk_size``)."""
    return env["hr.career.settings"]._get_int(
        JOB_CHUNK_PARAM, DEFAULT_JOB_CHUNK_SIZE, minimum=1
    )


def chunks(env, ids):
    """``ids`` sorted, by chunks of ``job_chunk_size``."""
    return split_every(job_chunk_size(env), sorted(ids), list)


class HrCareerGoalTemplate(models.Model):
    """A goal HR assigns to many employees at once (by department, job or a
    selection), see the "Assign" wizard."""

    _name = "hr.career.goal.template"
    _description = "Career goal template"
    _order = "name, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    description = fields.Html(translate=True)
    horizon = fields.Selection(
        [("short", "Short term"), ("long", "Long term")],
        required=True,
        default="short",
    )
    duration_days = fields.Integer(
        string="Default Duration (Days)",
        default=90,
        help="The target date of an assigned goal is this many days after the "
        "assignment (no target date when 0).",
    )
    measure = fields.Text(help="How the achievement of the goal is measured.")
    job_ids = fields.Many2many(
        "hr.job",
        string="Jobs",
        check_company=True,
        help="The jobs this goal is meant for.",
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Departments",
        check_company=True,
        help="The departments this goal is meant for.",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, index=True
    )
    goal_ids = fields.One2many("hr.career.goal", "template_id", string="Goals")
    goal_count = fields.Integer(compute="_compute_goal_count")

    _sql_constraints = [
        (
            "duration_days_positive",
            "CHECK(duration_days >= 0)",
            "The default duration cannot be negative.",
        ),
    ]

    @api.depends("goal_ids")
    def _compute_goal_count(self):
        counts = dict(
            self.env["hr.career.goal"]._read_group(
                [("template_id", "in", self.ids)], ["template_id"], ["__count"]
            )
        )
        for template in self:
            template.goal_count = counts.get(template, 0)

    # the CHECK constraint holds for good; this check comes first so that a
    # user's mistake gets a message and logs no database error
    @api.model_create_multi
    def create(self, vals_list):
        check_value_range(self, vals_list, "duration_days", 0)
        return super().create(vals_list)

    def write(self, vals):
        check_value_range(self, [vals], "duration_days", 0)
        return super().write(vals)

    def action_open_assign_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Assign %(template)s", template=self.name),
            "res_model": "hr.career.goal.template.assign",
            "view_mode": "form",
            "target": "new",
            "context": {"default_template_id": self.id},
        }

    def action_open_goals(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_career_dev.hr_career_goal_action"
        )
        action["domain"] = [("template_id", "=", self.id)]
        action["context"] = {}
        return action

    def _goal_description(self):
        self.ensure_one()
        description = self.description or Markup()
        if self.measure:
            description += Markup("<p><strong>%s</strong> %s</p>") % (
                self.env._("Measure:"),
                self.measure,
            )
        return description

    def _assign_to_employees(self, employee_ids, target_date=False):
        """Create the template's goal for each of ``employee_ids`` who has no
        open goal from it yet (one search, one create): assigning again, or a
        retried job, creates nothing twice. Returns ``(goals, skipped)``, the
        goals created and the employees who already had one."""
        self.ensure_one()
        employees = self.env["hr.employee"].browse(employee_ids).exists()
        already = (
            self.env["hr.career.goal"]
            .search(
                [
                    ("template_id", "=", self.id),
                    ("employee_id", "in", employees.ids),
                    ("state", "in", OPEN_GOAL_STATES),
                ]
            )
            .employee_id
        )
        description = self._goal_description()
        goals = self.env["hr.career.goal"].create(
            [
                {
                    "name": self.name,
                    "description": description,
                    "horizon": self.horizon,
                    "target_date": target_date,
                    "employee_id": employee.id,
                    "template_id": self.id,
                }
                for employee in employees - already
            ]
        )
        return goals, already

    def _job_assign(self, employee_ids, target_date=False):
        """Job: ``_assign_to_employees`` for one chunk."""
        self._assign_to_employees(employee_ids, target_date)
