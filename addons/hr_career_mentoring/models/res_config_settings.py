# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .hr_career_mentor import DEFAULT_MIN_PROGRESS, MIN_PROGRESS_PARAM

BADGE_RULE = "hr_career_mentoring.automation_mentor_badge"
DEFAULT_BADGE_THRESHOLD = 3


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    mentoring_min_progress = fields.Integer(
        string="Mentors' Minimum Level (%)",
        config_parameter=MIN_PROGRESS_PARAM,
        default=DEFAULT_MIN_PROGRESS,
        help="A mentor offers the skills they hold at this level or above.",
    )
    mentoring_badge_threshold = fields.Integer(
        string="Completed Mentorships for the Mentor Badge",
        config_parameter="hr_career_mentoring.badge_threshold",
        default=DEFAULT_BADGE_THRESHOLD,
        help="The rule “Recognition: mentor” awards the badge Mentor after "
        "this many completed mentorships.",
    )

    @api.constrains("mentoring_min_progress", "mentoring_badge_threshold")
    def _check_mentoring_settings(self):
        for settings in self:
            if not 0 <= settings.mentoring_min_progress <= 100:
                raise ValidationError(
                    self.env._("The mentors' minimum level is between 0 and 100%.")
                )
            if settings.mentoring_badge_threshold < 1:
                raise ValidationError(
                    self.env._(
                        "The Mentor badge needs at least one completed mentorship."
                    )
                )

    def set_values(self):
        res = super().set_values()
        # sudo: the shipped rule is administrators' data; HR officers change
        # its condition through the settings only
        rule = self.sudo().env.ref(BADGE_RULE, raise_if_not_found=False)
        if rule:
            threshold = max(self.mentoring_badge_threshold, 1)
            domain = f"[('done_count', '>=', {threshold})]"
            pre = f"[('done_count', '<', {threshold})]"
            if rule.filter_domain != domain or rule.filter_pre_domain != pre:
                rule.write({"filter_domain": domain, "filter_pre_domain": pre})
        return res
