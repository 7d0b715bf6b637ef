# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

PROMOTION_ACTION = "hr_recognition.action_grant_promotion"


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    recognition_post_in_channel = fields.Boolean(
        related="company_id.recognition_post_in_channel", readonly=False
    )
    recognition_skill_threshold = fields.Integer(
        related="company_id.recognition_skill_threshold", readonly=False
    )
    recognition_promotion_path_only = fields.Boolean(
        string="Promotions Along Career Paths Only",
        config_parameter="hr_recognition.promotion_path_only",
        help="The rule “promotion” awards its badge only when a career path "
        "leads from the employee's previous job to the new one.",
    )

    def set_values(self):
        res = super().set_values()
        self._recognition_apply_to_rules()
        return res

    def _recognition_apply_to_rules(self):
        """Report the settings on the shipped rules (when HR kept them)."""
        self.env["res.company"]._recognition_apply_skill_threshold()
        promotion = self.env.ref(PROMOTION_ACTION, raise_if_not_found=False)
        if promotion:
            flag = self.recognition_promotion_path_only
            if promotion.badge_require_career_path != flag:
                promotion.badge_require_career_path = flag
