# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import Counter

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression

NOMINATION_STATES = [
    ("proposed", "Proposed"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
]
# colleagues offered to an employee who nominates peers (portal)
CANDIDATE_LIMIT = 200


class HrFeedbackNomination(models.Model):
    """A peer the appraised employee proposes for their 360° feedback; their
    manager approves it (a feedback request is sent) or rejects it. Each
    appraisal has at most the company's number of peers (Settings)."""

    _name = "hr.feedback.nomination"
    _description = "360° reviewer nomination"
    _inherit = ["hr.career.state.mixin", "hr.career.policy.mixin"]
    _order = "appraisal_id, id"
    # the employee proposes and may change a proposal; the manager decides
    _career_policy_employee = "appraisal_id.employee_id"
    _career_policy = {
        "employee": {"create": {"appraisal_id", "reviewer_id", "note"}, "write": set()},
        "manager": {
            "create": {"appraisal_id", "reviewer_id", "note"},
            "write": {"manager_note"},
        },
    }
    _career_policy_states = {
        "employee": {"write": {"proposed": {"reviewer_id", "note"}}},
        "manager": {"write": {"proposed": {"reviewer_id", "note", "state"}}},
    }

    appraisal_id = fields.Many2one(
        "hr.appraisal", required=True, index=True, ondelete="cascade"
    )
    employee_id = fields.Many2one(
        related="appraisal_id.employee_id", store=True, index=True
    )
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True)
    reviewer_id = fields.Many2one(
        "hr.employee",
        string="Peer",
        required=True,
        ondelete="cascade",
        domain="[('user_id', '!=', False), ('id', '!=', employee_id)]",
        help="Only colleagues with a login (internal or portal) can answer.",
    )
    note = fields.Char(string="Why Them", help="What this peer saw of the work.")
    state = fields.Selection(
        NOMINATION_STATES, required=True, default="proposed", index=True
    )
    manager_note = fields.Char(help="Why the manager rejected the nomination.")
    request_id = fields.Many2one(
        "hr.feedback.request",
        compute="_compute_request_id",
        help="The feedback request sent when the manager approved.",
    )

    @api.depends("state", "appraisal_id", "reviewer_id")
    @api.depends_context("uid")
    def _compute_request_id(self):
        approved = self.filtered(lambda n: n.state == "approved")
        requests = self.env["hr.feedback.request"]
        if approved:
            requests = requests.search(
                [
                    ("appraisal_id", "in", approved.appraisal_id.ids),
                    ("reviewer_id", "in", approved.reviewer_id.ids),
                    ("state", "!=", "cancelled"),
                ]
            )
        by_pair = {(r.appraisal_id.id, r.reviewer_id.id): r for r in requests}
        for nomination in self:
            nomination.request_id = by_pair.get(
                (nomination.appraisal_id.id, nomination.reviewer_id.id)
            )

    # ------------------------------------------------------------ checks
    @api.constrains("reviewer_id", "appraisal_id")
    def _check_reviewer(self):
        for nomination in self:
            reviewer = nomination.reviewer_id
            employee = nomination.employee_id
            if reviewer == employee:
                raise ValidationError(
                    self.env._(
                        "%(employee)s cannot give 360° feedback about themselves: "
                        "nominate a colleague.",
                        employee=employee.name,
                    )
                )
            if reviewer == employee.parent_id:
                raise ValidationError(
                    self.env._(
                        "%(reviewer)s is the manager of %(employee)s and is asked "
                        "anyway: nominate a peer.",
                        reviewer=reviewer.name,
                        employee=employee.name,
                    )
                )
            if not reviewer.user_id:
                raise ValidationError(
                    self.env._(
                        "%(reviewer)s has no login and could not answer: nominate "
                        "a colleague with a user or portal access.",
                        reviewer=reviewer.name,
                    )
                )

    @api.constrains("appraisal_id", "reviewer_id", "state")
    def _check_peer_count(self):
        """At most the company's number of peers per appraisal, each once
        (rejected nominations left out): one grouped query."""
        # read as the user: the employee and their managers read every
        # nomination of the appraisal
        groups = self._read_group(
            [
                ("appraisal_id", "in", self.appraisal_id.ids),
                ("state", "!=", "rejected"),
            ],
            ["appraisal_id", "reviewer_id"],
            ["__count"],
        )
        per_appraisal = Counter()
        for appraisal, reviewer, count in groups:
            per_appraisal[appraisal.id] += count
            if count > 1:
                raise ValidationError(
                    self.env._(
                        "%(reviewer)s is already nominated for the 360° feedback "
                        "on %(employee)s.",
                        reviewer=reviewer.name,
                        employee=appraisal.employee_id.name,
                    )
                )
        for appraisal in self.appraisal_id:
            limit = appraisal.employee_id.company_id.feedback_peer_count
            if per_appraisal[appraisal.id] > limit:
                raise ValidationError(
                    self.env._(
                        "%(employee)s may nominate up to %(limit)s peers for 360° "
                        "feedback: withdraw a nomination before adding another.",
                        employee=appraisal.employee_id.name,
                        limit=limit,
                    )
                )

    # ------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        if not self._career_policy_is_hr():
            appraisals = self.env["hr.appraisal"].browse(
                {vals["appraisal_id"] for vals in vals_list if vals.get("appraisal_id")}
            )
            closed = appraisals - appraisals._feedback_nominations_open()
            if closed:
                raise UserError(
                    self.env._(
                        "The 360° nominations of %(employees)s are closed: the "
                        "review is past its 360° phase.",
                        employees=", ".join(closed.employee_id.mapped("name")),
                    )
                )
        return super().create(vals_list)

    def unlink(self):
        if not self._career_policy_is_hr():
            roles = self._career_policy_roles()
            for nomination in self:
                if nomination.state != "proposed" or not roles[nomination.id]:
                    raise AccessError(
                        self.env._(
                            "The nomination of %(reviewer)s is %(state)s: only HR "
                            "can remove it now.",
                            reviewer=nomination.reviewer_id.name,
                            state=dict(
                                self._fields["state"]._description_selection(self.env)
                            )[nomination.state],
                        )
                    )
        return super().unlink()

    @api.model
    def _career_policy_is_hr(self):
        return self.env["hr.appraisal"]._is_appraisal_hr()

    # ------------------------------------------------------------ actions
    def _check_decider(self):
        """Only the subject's manager chain (or HR) approves or rejects."""
        if self._career_policy_is_hr():
            return
        # read as the user: a nomination they cannot read is refused here
        roles = self.env["hr.appraisal"]._get_employee_roles(self.employee_id)
        for nomination in self:
            if roles.get(nomination.employee_id.id) != "manager":
                raise AccessError(
                    self.env._(
                        "Only the managers of %(employee)s or HR approve the peers "
                        "they nominate for 360° feedback.",
                        employee=nomination.employee_id.name,
                    )
                )

    def _decided_by_user(self):
        """``self``, once ``_check_decider`` let the user decide, with the
        rights the decision needs: as they are for internal users; for a
        portal user who manages the subject, with superuser rights (the
        decision is still recorded as theirs: ``create_uid``/``write_uid``)."""
        self._check_decider()
        if not self.env["hr.career.role"]._is_portal_user():
            return self
        # sudo: a portal manager's decision, allowed just above by the role
        # service, carried out on their behalf: portal users read neither
        # appraisals nor employees and create no feedback request
        return self.sudo()

    def _check_proposed(self):
        self._check_state(
            ("proposed",),
            lambda nomination, state: self.env._(
                "The nomination of %(reviewer)s is already %(state)s.",
                reviewer=nomination.reviewer_id.name,
                state=state,
            ),
        )

    def action_approve(self):
        """Send a 360° request to each approved peer: one create for all."""
        nominations = self._decided_by_user()
        nominations._check_proposed()
        requests = nominations.env["hr.feedback.request"].create(
            [nomination._prepare_feedback_request_vals() for nomination in nominations]
        )
        requests.action_request()
        nominations.write({"state": "approved"})
        return True

    def action_reject(self):
        nominations = self._decided_by_user()
        nominations._check_proposed()
        nominations.write({"state": "rejected"})
        return True

    @api.model
    def _team_proposals(self, employees):
        """The proposed nominations of ``employees`` the user decides on (the
        role service's ``_managed``; HR too), read as the user, as data for
        the portal team pages: ``{employee id: [{id, reviewer, note,
        date}]}``. A constant number of queries whatever the team's size."""
        if not self.has_access("read"):
            return {}
        managed = self.env["hr.career.role"]._managed(employees)
        if self._career_policy_is_hr():
            managed = employees
        if not managed:
            return {}
        nominations = self.search(
            [("employee_id", "in", managed.ids), ("state", "=", "proposed")],
            order="employee_id, id",
        )
        if self.env["hr.career.role"]._is_portal_user():
            # sudo: the names on nominations a portal manager reads (found
            # above under the record rules): portal users read no employee
            nominations = nominations.sudo()
        proposals = {}
        for nomination in nominations:
            proposals.setdefault(nomination.employee_id.id, []).append(
                {
                    "id": nomination.id,
                    "employee": nomination.employee_id.name,
                    "employee_id": nomination.employee_id.id,
                    "reviewer": nomination.reviewer_id.name,
                    "note": nomination.note or "",
                    "date": nomination.create_date.date(),
                }
            )
        return proposals

    def _prepare_feedback_request_vals(self):
        self.ensure_one()
        return {
            "appraisal_id": self.appraisal_id.id,
            "reviewer_id": self.reviewer_id.id,
            "relation": "peer",
            "anonymous": True,
        }

    @api.model
    def _candidate_reviewers(self, employee):
        """Colleagues ``employee`` may nominate, by name: those with a login
        (internal or portal) in their department, their manager's other
        reports and their own reports; never themselves nor their manager."""
        around = [("parent_id", "=", employee.id)]
        if employee.parent_id:
            around.append(("parent_id", "=", employee.parent_id.id))
        if employee.department_id:
            around.append(("department_id", "=", employee.department_id.id))
        domain = expression.AND(
            [
                [
                    ("user_id", "!=", False),
                    ("company_id", "=", employee.company_id.id),
                    ("id", "not in", (employee | employee.parent_id).ids),
                ],
                expression.OR([[leaf] for leaf in around]),
            ]
        )
        return self.env["hr.employee"].search(
            domain, order="name, id", limit=CANDIDATE_LIMIT
        )
