# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

JOB_CHANGES = [
    ("promotion", "Promotion"),
    ("other", "Lateral Move or Move Down"),
]


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    last_job_change = fields.Selection(
        JOB_CHANGES,
        readonly=True,
        copy=False,
        # HR's: read with the employee's other private fields, and not in
        # hr.employee.public (a colleague's reading of an employee skips it)
        groups="hr.group_hr_user",
        help="The last change of job: a promotion when a career path marked as a "
        "promotion leads from the previous job to the new one. The rule "
        "“Recognition: promotion” awards its badge on a promotion only.",
    )

    def write(self, vals):
        """Tell the promotions apart in the write that changes the job, so that
        the condition of the promotion rule (checked after the write) reads
        them: one write per kind of change (at most three)."""
        if "job_id" not in vals or "last_job_change" in vals:
            return super().write(vals)
        new_job = vals["job_id"] or False
        old_jobs = {employee.id: employee.job_id.id for employee in self}
        moved = self.filtered(lambda e: old_jobs[e.id] != new_job)
        promotions = self._recognition_promotion_pairs(
            {(old_jobs[e.id], new_job) for e in moved}
        )
        promoted = moved.filtered(lambda e: (old_jobs[e.id], new_job) in promotions)
        result = True
        for employees, change in (
            (self - moved, None),
            (promoted, "promotion"),
            (moved - promoted, "other"),
        ):
            if employees:
                values = dict(vals, last_job_change=change) if change else vals
                result = super(HrEmployee, employees).write(values) and result
        return result

    @api.model
    def _recognition_promotion_pairs(self, pairs):
        """The ``(from job id, to job id)`` pairs of ``pairs`` that are
        promotions: a career path marked as a promotion leads from the one to
        the other. One query."""
        pairs = {(old, new) for old, new in pairs if old and new}
        if not pairs:
            return set()
        # career paths are read by every employee (of the companies the
        # request is allowed in, as the job change itself)
        paths = self.env["hr.career.path"].search_fetch(
            [
                ("from_job_id", "in", list({old for old, _new in pairs})),
                ("to_job_id", "in", list({new for _old, new in pairs})),
                ("is_promotion", "=", True),
            ],
            ["from_job_id", "to_job_id"],
        )
        return pairs & {(p.from_job_id.id, p.to_job_id.id) for p in paths}
