# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The to-dos of a review cycle's phases: when the cycle creates its
appraisals and at each phase change, whoever must act in the phase gets a
mail activity (the employee for their self-review, the manager for the
review and the sign-off); the to-dos of the phase that ended go. A portal
employee, who cannot open a backend activity, gets a mail with the link to
their career page instead. Set-based: a bounded number of queries whatever
the number of appraisals."""

from odoo import Command, fields, models

from .hr_review_cycle import BATCH_TODO_KEY
from .hr_review_cycle_phase import CYCLE_PHASES, PHASE_DEADLINES


class MailActivity(models.Model):
    _inherit = "mail.activity"

    review_cycle_phase = fields.Selection(
        CYCLE_PHASES,
        readonly=True,
        help="The review cycle phase this to-do belongs to: it goes when the "
        "cycle moves to another phase.",
    )


class HrAppraisal(models.Model):
    _inherit = "hr.appraisal"  # pylint: disable=consider-merging-classes-inherited

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        # the review cycle's to-dos, created in one batch: mail.activity
        # would subscribe each assignee with queries of their own
        if self.env.context.get(BATCH_TODO_KEY):
            return True
        return super().message_subscribe(
            partner_ids=partner_ids, subtype_ids=subtype_ids
        )

    def write(self, vals):
        result = super().write(vals)
        if {"employee_feedback_published", "state", "active"} & set(vals):
            self._remove_done_phase_activities()
        return result

    def _remove_done_phase_activities(self):
        """The cycle's to-dos that are done: the self-review's once the
        employee published it, every one once the appraisal is completed or
        cancelled. One search, one unlink."""
        activity_type = self.env.ref(
            "hr_review_cycle.mail_activity_type_review_phase", raise_if_not_found=False
        )
        if not activity_type or not self.ids:
            return
        # the suite's own to-dos of these appraisals, removed by the change the
        # user was allowed to make
        activities = (
            self.env["mail.activity"]
            # sudo: a portal employee publishing has no rights on activities
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
        )
        by_id = {appraisal.id: appraisal for appraisal in self}
        activities.filtered(
            lambda activity, appraisals=by_id: (
                appraisals[activity.res_id].state == "3_done"
                or not appraisals[activity.res_id].active
                or (
                    activity.review_cycle_phase == "self_review"
                    and appraisals[activity.res_id].waiting_on != "employee"
                )
            )
        ).unlink()


class HrReviewCycle(models.Model):
    _inherit = "hr.review.cycle"  # pylint: disable=consider-merging-classes-inherited

    def _schedule_phase_activities(self, appraisals=None):
        """The to-dos of the phase each running cycle of ``self`` is in, on
        ``appraisals`` (default: the open appraisals of the cycles): the
        activities of another phase go, the missing ones are created (never
        twice)."""
        cycles = self.filtered(lambda cycle: cycle.state == "running")
        if appraisals is None:
            appraisals = self.env["hr.appraisal"].search(
                [("review_cycle_id", "in", cycles.ids), ("state", "!=", "3_done")]
            )
        appraisals = appraisals.filtered(lambda a: a.review_cycle_id in cycles)
        phase_of = {a.id: a.review_cycle_id.phase for a in appraisals}
        activity_type = self.env.ref("hr_review_cycle.mail_activity_type_review_phase")
        # the to-dos of the phase that ended (the cron's reminders too) go
        self.env["mail.activity"].search(
            [
                ("res_model", "=", "hr.appraisal"),
                ("res_id", "in", appraisals.ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        ).filtered(
            lambda activity: activity.review_cycle_phase != phase_of[activity.res_id]
        ).unlink()
        due = [
            (cycle, field, cycle[field] or cycle.date_end)
            for cycle in cycles
            for field in [PHASE_DEADLINES.get(cycle.phase)]
            if field
        ]
        return self._create_phase_activities(due, appraisals)

    def _mail_portal_self_reviews(self, appraisals):
        """A mail to each portal employee of ``appraisals`` whose self-review
        waits: the link to their career page, where they write it (a backend
        activity is out of their reach). Sent when the cycle creates the
        appraisal (once: one appraisal per employee and cycle). One create
        for all."""
        waiting = appraisals.filtered(
            lambda a: a.waiting_on == "employee"
            and a.visibility == "all"
            and a.employee_id.user_id.share
        )
        if not waiting:
            return self.env["mail.mail"]
        url = f"{self.get_base_url()}/my/career"
        sender = (
            self.env.company.email_formatted
            or self.env.user.email_formatted
            or self.env.ref("base.partner_root").email_formatted
        )
        vals_list = []
        for appraisal in waiting:
            user = appraisal.employee_id.user_id
            cycle = appraisal.review_cycle_id.with_context(lang=user.lang)
            vals_list.append(
                {
                    "subject": cycle.env._(
                        "%(cycle)s: write your self-review", cycle=cycle.name
                    ),
                    "body_html": cycle.env["ir.qweb"]._render(
                        "hr_review_cycle.mail_self_review_portal",
                        {
                            "cycle": cycle,
                            "user": user,
                            "url": url,
                            "deadline": cycle.date_self_assessment or cycle.date_end,
                        },
                        minimal_qcontext=True,
                    ),
                    "recipient_ids": [Command.link(user.partner_id.id)],
                    "email_from": sender,
                    "model": "hr.appraisal",
                    "res_id": appraisal.id,
                    "auto_delete": True,
                }
            )
        # sudo: the mails the cycle sends on HR's behalf to the employees
        return self.env["mail.mail"].sudo().create(vals_list)
