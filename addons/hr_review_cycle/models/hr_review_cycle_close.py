# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Closing a review cycle: it locks the cycle, lists the appraisals nobody
signed off, and completes none of them unless HR decides so, appraisal by
appraisal or in bulk (extend, cancel, or complete with what was written).
Skill levels, development plans and badges follow only from the appraisals
the manager signed off (``hr.appraisal.signed_off``)."""

from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import UserError, ValidationError

CLOSE_DECISIONS = [
    ("extend", "Extend"),
    ("cancel", "Cancel"),
    ("complete", "Complete with what was written"),
]


class HrReviewCycle(models.Model):
    _inherit = "hr.review.cycle"  # pylint: disable=consider-merging-classes-inherited

    def action_close(self):
        """Lock the cycle (no launch any more) and list the appraisals not
        signed off: HR decides about them in the close wizard, which this
        returns for one cycle. A cycle whose appraisals are all signed off is
        done at once. Nothing is completed here."""
        self._check_hr()
        for cycle in self:
            if cycle.state not in ("running", "closing"):
                raise UserError(
                    self.env._(
                        "The review cycle %(name)s is not running: launch it before "
                        "closing it.",
                        name=cycle.name,
                    )
                    if cycle.state == "draft"
                    else self.env._(
                        "The review cycle %(name)s is already closed.", name=cycle.name
                    )
                )
            cycle._check_jobs_done()
        self.state = "closing"
        unreviewed = self._get_unreviewed_appraisals()
        (self - unreviewed.review_cycle_id).state = "done"
        if len(self) == 1 and unreviewed:
            return {
                "type": "ir.actions.act_window",
                "name": self.env._("Close %(name)s", name=self.name),
                "res_model": "hr.review.cycle.close",
                "view_mode": "form",
                "target": "new",
                "context": {"default_cycle_id": self.id},
            }
        return True

    def _get_unreviewed_appraisals(self):
        """The cycles' appraisals open (not done) and not cancelled."""
        return self.env["hr.appraisal"].search(
            [("review_cycle_id", "in", self.ids), ("state", "!=", "3_done")],
            order="id",
        )

    def _close_decide(self, extend, cancel, complete, date_extended=None):
        """HR's decisions on the unreviewed appraisals of the closing cycle:
        ``extend`` stay open until ``date_extended`` (their managers sign them
        off later), ``cancel`` are archived, ``complete`` are completed with
        what was written by the close jobs, without sign-off. Appraisals
        signed off meanwhile are left as they are."""
        self.ensure_one()
        self._check_hr()
        if self.state != "closing":
            raise UserError(
                self.env._(
                    "The review cycle %(name)s is not closing: close it first.",
                    name=self.name,
                )
            )
        self._check_jobs_done()
        open_ones = self._get_unreviewed_appraisals()
        extend, cancel, complete = (
            extend & open_ones,
            cancel & open_ones,
            complete & open_ones,
        )
        if extend:
            if not date_extended or date_extended < fields.Date.context_today(self):
                raise ValidationError(
                    self.env._(
                        "Give the new deadline of the %(count)s extended "
                        "appraisals: today or later.",
                        count=len(extend),
                    )
                )
            extend.with_context(mail_notrack=True).write(
                {"date_close": date_extended, "close_decision": "extend"}
            )
            self._log_on(
                extend,
                self.env._(
                    "Extended to %(date)s when the review cycle %(cycle)s closed: "
                    "the manager signs it off by then.",
                    date=fields.Date.to_string(date_extended),
                    cycle=self.name,
                ),
            )
        if cancel:
            self.env["mail.activity"].search(
                [("res_model", "=", "hr.appraisal"), ("res_id", "in", cancel.ids)]
            ).unlink()
            cancel.with_context(mail_notrack=True).write(
                {"active": False, "close_decision": "cancel"}
            )
            self._log_on(
                cancel,
                self.env._(
                    "Cancelled when the review cycle %(cycle)s closed.",
                    cycle=self.name,
                ),
            )
        if complete:
            complete.with_context(mail_notrack=True).write(
                {"close_decision": "complete"}
            )
            self._enqueue_chunks(
                "_job_close", complete.employee_id.ids, "_job_close_finish"
            )
        else:
            self.state = "done"
        return True

    def _log_on(self, appraisals, message):
        body = Markup("<p>%s</p>") % message
        appraisals._message_log_batch(bodies=dict.fromkeys(appraisals.ids, body))

    def _job_close(self, employee_ids):
        """Job: complete with what was written the cycle's appraisals of
        ``employee_ids`` HR chose so and not completed yet (no sign-off: no
        levels, no plan, no badge); a retried chunk completes nothing twice."""
        self.ensure_one()
        self._check_hr()
        if self.state != "closing":
            return
        self._clear_failures("close", employee_ids)
        appraisals = self.env["hr.appraisal"].search(
            [
                ("review_cycle_id", "=", self.id),
                ("employee_id", "in", employee_ids),
                ("close_decision", "=", "complete"),
                ("state", "!=", "3_done"),
            ]
        )
        self._run_batch(
            "close",
            appraisals,
            self._complete_appraisals,
            {},
            employee_of=lambda appraisal: appraisal.employee_id,
        )

    def _complete_appraisals(self, appraisals):
        """Complete ``appraisals`` unreviewed, with one note for all of them
        saying so instead of a tracking message created appraisal by
        appraisal."""
        appraisals.with_context(mail_notrack=True).write(
            {"state": "3_done", "completed_unreviewed": True}
        )
        self._log_on(
            appraisals,
            self.env._(
                "Completed with what was written when the review cycle %(cycle)s "
                "closed, without the manager's sign-off: no skill level, "
                "development plan or badge follows from it.",
                cycle=self.name,
            ),
        )

    def _job_close_finish(self):
        """Job, after every close chunk: the cycle is done when every
        appraisal HR chose to complete is completed (else it stays closing,
        failures listed)."""
        self.ensure_one()
        self._check_hr()
        if self.state != "closing":
            return
        left = self.env["hr.appraisal"].search_count(
            [
                ("review_cycle_id", "=", self.id),
                ("close_decision", "=", "complete"),
                ("state", "!=", "3_done"),
            ],
            limit=1,
        )
        if not left:
            self.state = "done"
