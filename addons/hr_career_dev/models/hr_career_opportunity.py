# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

OPPORTUNITY_TYPES = [
    ("open_role", "Open Role"),
    ("rotation", "Job Rotation"),
    ("shadowing", "Job Shadowing"),
    ("project", "Cross-functional Project"),
    ("mentoring", "Mentoring"),
    ("stretch", "Stretch Assignment"),
]
# application states that count as "applied" (a withdrawn one may apply again)
APPLIED_STATES = ("interested", "approved", "accepted", "declined")
# Weekly digest: opportunities opened in the last DIGEST_DAYS days, at most
# DIGEST_LIMIT per e-mail, employees ranked DIGEST_BATCH at a time.
DIGEST_DAYS = 7
DIGEST_LIMIT = 5
DIGEST_BATCH = 200
OPPORTUNITY_STATES = [("draft", "Draft"), ("open", "Open"), ("closed", "Closed")]

# what the owner of an opportunity types (hr.career.policy.mixin)
OPPORTUNITY_INPUT = {
    "name",
    "opportunity_type",
    "description",
    "job_id",
    "department_id",
    "skill_ids",
    "date_start",
    "date_end",
    "seats",
    "state",
}


class HrCareerOpportunity(models.Model):
    _name = "hr.career.opportunity"
    _description = "Internal opportunity"
    _inherit = ["mail.thread", "mail.activity.mixin", "hr.career.policy.mixin"]
    _order = "state_sequence, date_start desc, id desc"
    _check_company_auto = True
    # the owner and the owner's managers manage it; the owner is fixed once
    # posted, the company follows the creator (HR move them)
    _career_policy_employee = "owner_id"
    _career_policy = {
        role: {"create": OPPORTUNITY_INPUT | {"owner_id"}, "write": OPPORTUNITY_INPUT}
        for role in ("employee", "manager")
    }
    _career_policy_derived = {"state": {"date_open"}}

    name = fields.Char(required=True, tracking=True)
    opportunity_type = fields.Selection(
        OPPORTUNITY_TYPES, string="Type", required=True, default="rotation", index=True
    )
    description = fields.Text()
    job_id = fields.Many2one(
        "hr.job",
        check_company=True,
        help="Open roles: the job whose competency matrix is required.",
    )
    department_id = fields.Many2one("hr.department", check_company=True, index=True)
    owner_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
        default=lambda self: self.env.user.employee_id,
        help="Who posted the opportunity and accepts or declines applications.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    skill_ids = fields.One2many(
        "hr.career.opportunity.skill", "opportunity_id", string="Skills", copy=True
    )
    date_start = fields.Date(string="Start", tracking=True)
    date_end = fields.Date(string="End", tracking=True)
    seats = fields.Integer(default=1, required=True, tracking=True)
    state = fields.Selection(
        OPPORTUNITY_STATES, required=True, default="draft", tracking=True, index=True
    )
    state_sequence = fields.Integer(compute="_compute_state_sequence", store=True)
    date_open = fields.Date(
        string="Opened On", readonly=True, copy=False, help="For the weekly digest."
    )
    application_ids = fields.One2many(
        "hr.career.opportunity.application", "opportunity_id", string="Applications"
    )
    application_count = fields.Integer(compute="_compute_application_counts")
    seats_taken = fields.Integer(compute="_compute_application_counts")
    is_full = fields.Boolean(compute="_compute_application_counts")
    candidate_data = fields.Json(
        string="Ranked Candidates",
        compute="_compute_candidate_data",
        exportable=False,
        help="Drawn by the career_opportunity_candidates widget.",
    )

    @api.depends("state")
    def _compute_state_sequence(self):
        order = {key: index for index, (key, _label) in enumerate(OPPORTUNITY_STATES)}
        for opportunity in self:
            opportunity.state_sequence = order.get(opportunity.state, 9)

    @api.depends("application_ids.state", "seats")
    @api.depends_context("uid")
    def _compute_application_counts(self):
        Application = self.env["hr.career.opportunity.application"]
        # the applications the user may read
        counts = dict(
            Application._read_group(
                [("opportunity_id", "in", self.ids), ("state", "!=", "withdrawn")],
                ["opportunity_id"],
                ["__count"],
            )
        )
        # sudo: the number of seats taken, a figure without names, counts the
        # accepted applications the user may not read
        taken = dict(
            Application.sudo()._read_group(
                [("opportunity_id", "in", self.ids), ("state", "=", "accepted")],
                ["opportunity_id"],
                ["__count"],
            )
        )
        for opportunity in self:
            opportunity.application_count = counts.get(opportunity, 0)
            opportunity.seats_taken = taken.get(opportunity, 0)
            opportunity.is_full = opportunity.seats_taken >= opportunity.seats

    @api.depends_context("uid")
    def _compute_candidate_data(self):
        for opportunity in self:
            opportunity.candidate_data = opportunity._get_candidate_data()

    def _get_candidate_data(self):
        """The ranked colleagues of this opportunity as plain data, for the
        Candidates tab: ``{'candidates': [{'employee_id', 'name', 'fit',
        'missing': [{'skill', 'from_progress', 'to_progress'}]}]}``. The
        owner, their managers and HR (who may change it) see them; other
        employees reading it, or a closed opportunity, get none."""
        self.ensure_one()
        candidates = (
            self._get_internal_candidates()
            if self.id and self.state != "closed" and self.has_access("write")
            else []
        )
        return {
            "candidates": [
                {
                    "employee_id": candidate["employee"].id,
                    "name": candidate["employee"].name,
                    "fit": candidate["fit"],
                    "missing": [
                        {
                            "skill": gap["skill"].name,
                            "from_progress": gap["from_progress"],
                            "to_progress": gap["to_progress"],
                        }
                        for gap in candidate["missing"]
                    ],
                }
                for candidate in candidates
            ]
        }

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for opportunity in self:
            if (
                opportunity.date_start
                and opportunity.date_end
                and opportunity.date_end < opportunity.date_start
            ):
                raise ValidationError(
                    self.env._(
                        "The opportunity “%(name)s” cannot end (%(end)s) before it "
                        "starts (%(start)s).",
                        name=opportunity.name,
                        end=opportunity.date_end,
                        start=opportunity.date_start,
                    )
                )

    @api.constrains("seats")
    def _check_seats(self):
        for opportunity in self:
            if opportunity.seats < 1:
                raise ValidationError(
                    self.env._(
                        "The opportunity “%(name)s” needs at least one seat.",
                        name=opportunity.name,
                    )
                )

    @api.constrains("opportunity_type", "job_id")
    def _check_open_role_job(self):
        for opportunity in self:
            if opportunity.opportunity_type == "open_role" and not opportunity.job_id:
                raise ValidationError(
                    self.env._(
                        "The open role “%(name)s” needs a job position.",
                        name=opportunity.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        today = fields.Date.context_today(self)
        for vals in vals_list:
            if vals.get("state") == "open":
                vals.setdefault("date_open", today)
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("state") == "open":
            vals = dict(vals, date_open=fields.Date.context_today(self))
        return super().write(vals)

    def action_open(self):
        if self.filtered(lambda o: o.state != "draft"):
            raise UserError(self.env._("Only draft opportunities can be opened."))
        self.write({"state": "open"})

    def action_close(self):
        self.filtered(lambda o: o.state != "closed").write({"state": "closed"})

    def action_reset_draft(self):
        if self.filtered(lambda o: o.state != "closed"):
            raise UserError(
                self.env._("Only closed opportunities can be set back to draft.")
            )
        self.write({"state": "draft"})

    def action_open_applications(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_career_dev.hr_career_opportunity_application_action"
        )
        action["domain"] = [("opportunity_id", "=", self.id)]
        action["context"] = {"default_opportunity_id": self.id}
        return action

    # ------------------------------------------------------------ ranking
    def _get_internal_candidates(self, limit=20):
        """Employees ranked by fit for this opportunity, best first: those who
        opted in, of the opportunity's company, visible to the current user,
        who are not the owner and have not applied. A fixed number of queries
        whatever the number of employees
        (``hr.career.matching._get_internal_candidates``).

        Returns ``[{'employee', 'score', 'fit', 'missing': [{'skill',
        'from_progress', 'to_progress'}]}]``."""
        self.ensure_one()
        return self.env["hr.career.matching"]._get_internal_candidates(
            self, limit=limit
        )

    # ------------------------------------------------------------ digest
    @api.model
    def _cron_send_digest(self):
        """E-mail each opted-in employee the opportunities opened this week
        whose fit reaches their company's threshold; a fixed number of queries
        per batch of employees, one create for the e-mails of a batch."""
        # not a button: the scheduler and HR managers only (AccessError)
        self.env["hr.career.role"]._check_scheduled_run()
        since = fields.Date.context_today(self) - timedelta(days=DIGEST_DAYS)
        # Each e-mail holds only what its employee may see (open opportunities
        # of their company); the employees below are read in this environment.
        # sudo: the cron reads every company's new opportunities and
        # employees, and mails them (mail.mail is administrators')
        new = self.sudo().search([("state", "=", "open"), ("date_open", ">=", since)])
        if not new:
            return
        Employee = new.env["hr.employee"]
        # at most one digest per person per week, however often it runs
        sent_since = fields.Date.context_today(self) - timedelta(days=DIGEST_DAYS - 1)
        employees = Employee.search(
            [
                ("career_opportunity_opt_in", "=", True),
                "|",
                ("career_digest_date", "=", False),
                ("career_digest_date", "<", sent_since),
                ("company_id", "in", new.company_id.ids),
                "|",
                ("user_id", "!=", False),
                ("work_email", "!=", False),
            ]
        )
        for start in range(0, len(employees), DIGEST_BATCH):
            employees[start : start + DIGEST_BATCH]._send_opportunity_digest(new)
