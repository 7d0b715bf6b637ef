# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class SlideChannelPartner(models.Model):
    _inherit = "slide.channel.partner"

    def _recompute_completion(self):
        res = super()._recompute_completion()
        completed = self.filtered(lambda m: m.member_status == "completed")
        if completed:
            # sudo: learners complete courses with their own rights; evidence and
            # skills are HR data written on their behalf, after this check.
            self.env["hr.skill.evidence"].sudo()._create_from_completions(completed)
        return res
