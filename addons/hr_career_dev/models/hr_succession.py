# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

from .. import matching


class HrSuccessionCandidate(models.TransientModel):
    """One employee ranked for one job: the rows behind the "Succession
    candidates" list of a job."""

    _name = "hr.succession.candidate"
    _description = "Succession candidate"
    _order = "rank, id"

    job_id = fields.Many2one("hr.job", required=True, ondelete="cascade")
    employee_id = fields.Many2one("hr.employee", required=True, ondelete="cascade")
    current_job_id = fields.Many2one("hr.job")
    rank = fields.Integer()
    readiness = fields.Integer(string="Readiness (%)", aggregator="avg")
    missing_skill_ids = fields.Many2many("hr.skill", string="Missing Competencies")
    months_to_ready = fields.Integer(
        string="Ready In (Months)",
        help="Estimated time before the employee meets every required level.",
    )
    has_path = fields.Boolean(
        string="On a Career Path",
        help="A career path leads from the employee's current job to this job.",
    )
    open_action_count = fields.Integer(
        string="Open Actions",
        help="Open actions of the employee's active development plan on a "
        "missing competency.",
    )

    # ------------------------------------------------------------ access
    @api.model
    def _check_job_access(self, jobs):
        """HR officers, and the manager of the job's department, may see the
        candidates for a job; anybody else gets an AccessError."""
        if self.env["hr.career.role"]._is_hr_officer():
            return
        # sudo: only the department's manager is read, to compare with the user
        for job in jobs.sudo():
            if job.department_id.manager_id.user_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only HR officers and the manager of its department may "
                        "see the succession candidates for the job %(job)s.",
                        job=job.name,
                    )
                )

    # ------------------------------------------------------------ readiness
    @api.model
    def _months_to_ready(
        self, weighted_gap, weighted_required, typical_months, actions
    ):
        """0 when nothing is missing; otherwise the path's typical months (12
        without a path) times the missing weighted share, rounded up, minus one
        month per open development action on a missing skill, at least 1
        (:func:`matching.months_to_ready`)."""
        return matching.months_to_ready(
            weighted_gap, weighted_required, typical_months, actions
        )

    @api.model
    def _get_readiness_rows(self, jobs, employee_ids=None, movers_only=False):
        """``[{'job_id', 'employee_id', 'current_job_id', 'readiness',
        'missing_skill_ids', 'months_to_ready', 'has_path',
        'open_action_count', 'weighted_gap', 'weighted_required'}]`` for the
        jobs of ``self`` and every candidate employee (or only
        ``employee_ids``), with one SQL query, whatever the number of
        employees (``hr.career.matching._get_readiness_rows``). No access
        check: callers check first."""
        return self.env["hr.career.matching"]._get_readiness_rows(
            jobs, employee_ids=employee_ids, movers_only=movers_only
        )

    @api.model
    def _get_candidates(self, job):
        """The candidates for ``job``, best first: highest readiness, then
        soonest ready, then on a career path."""
        job.ensure_one()
        self._check_job_access(job)
        # plausible movers: nobody above the job in the chart or the paths
        rows = self._get_readiness_rows(job, movers_only=True)
        rows.sort(
            key=lambda r: (
                -r["readiness"],
                r["months_to_ready"],
                not r["has_path"],
                r["employee_id"],
            )
        )
        for rank, row in enumerate(rows, start=1):
            row["rank"] = rank
        return rows

    # ------------------------------------------------------------ actions
    def action_open_employee(self):
        """Open the candidate (the employee form; the public profile for
        whom may not read the employee)."""
        self.ensure_one()
        return self.employee_id.get_formview_action()

    @api.model
    def _action_open_for_job(self, job):
        rows = self._get_candidates(job)
        # the rows carry more than the candidate keeps (the weighted sums)
        candidates = self.create(
            [
                dict(
                    {
                        name: value
                        for name, value in row.items()
                        if name in self._fields
                    },
                    missing_skill_ids=[fields.Command.set(row["missing_skill_ids"])],
                )
                for row in rows
            ]
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Succession candidates for %(job)s", job=job.name),
            "res_model": "hr.succession.candidate",
            "view_mode": "list",
            "views": [
                (
                    self.env.ref("hr_career_dev.hr_succession_candidate_view_list").id,
                    "list",
                )
            ],
            "domain": [("id", "in", candidates.ids)],
            "context": {"create": False},
        }
