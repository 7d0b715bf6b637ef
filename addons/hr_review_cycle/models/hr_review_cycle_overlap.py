# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One review at a time per person: launching a cycle whose people already
have an appraisal in another cycle of an overlapping period is refused, or
goes on with a warning in the cycle's log, as Settings decide."""

from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import UserError

OVERLAP_PARAM = "hr_review_cycle.overlap_policy"
OVERLAP_POLICIES = [
    ("warn", "Warn in the cycle's log"),
    ("refuse", "Refuse the launch"),
]


class HrReviewCycle(models.Model):
    _inherit = "hr.review.cycle"  # pylint: disable=consider-merging-classes-inherited

    def _check_overlaps(self, employees):
        """Refuse (Settings: refuse) or note on the cycle (warn, the default)
        the ``employees`` already reviewed by another launched cycle whose
        period overlaps this one's. One search."""
        self.ensure_one()
        others = self.env["hr.appraisal"].search(
            [
                ("employee_id", "in", employees.ids),
                ("review_cycle_id", "not in", [False, self.id]),
                ("review_cycle_id.state", "!=", "draft"),
                ("review_cycle_id.date_start", "<=", self.date_end),
                ("review_cycle_id.date_end", ">=", self.date_start),
            ]
        )
        if not others:
            return
        names = ", ".join(sorted(set(others.employee_id.mapped("name"))))
        cycles = ", ".join(sorted(set(others.review_cycle_id.mapped("name"))))
        policy = self.env["hr.career.settings"]._get_param(OVERLAP_PARAM) or "warn"
        if policy == "refuse":
            raise UserError(
                self.env._(
                    "%(names)s already have an appraisal in %(cycles)s, whose "
                    "period overlaps %(cycle)s: leave them out of this cycle, "
                    "or allow overlapping cycles in Settings.",
                    names=names,
                    cycles=cycles,
                    cycle=self.name,
                )
            )
        self.message_post(
            body=Markup("<p>%s</p>")
            % self.env._(
                "%(names)s already have an appraisal in %(cycles)s, whose period "
                "overlaps this one: they get a second appraisal.",
                names=names,
                cycles=cycles,
            ),
            subtype_xmlid="mail.mt_note",
        )


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    review_cycle_overlap_policy = fields.Selection(
        OVERLAP_POLICIES,
        string="Overlapping Review Cycles",
        config_parameter=OVERLAP_PARAM,
        default="warn",
        help="When a launched cycle's people already have an appraisal in "
        "another cycle of an overlapping period.",
    )
