# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    talent_target_low = fields.Integer(
        string="Target Share Low (%)",
        default=10,
        help="Target distribution of the talent review: share of the people "
        "expected at the low level of performance (and of potential).",
    )
    talent_target_medium = fields.Integer(string="Target Share Medium (%)", default=70)
    talent_target_high = fields.Integer(string="Target Share High (%)", default=20)
    talent_high_potential_boxes = fields.Char(
        string="High-potential Boxes",
        default="8,9",
        help="Boxes of the 9-box grid (1 = low performance and potential, 9 = "
        "high and high), comma-separated, whose employees join the High "
        "potential talent pool when a talent review closes.",
    )

    @api.constrains(
        "talent_target_low",
        "talent_target_medium",
        "talent_target_high",
        "talent_high_potential_boxes",
    )
    def _check_talent_settings(self):
        for company in self:
            shares = (
                company.talent_target_low,
                company.talent_target_medium,
                company.talent_target_high,
            )
            if any(share < 0 for share in shares) or sum(shares) != 100:
                raise ValidationError(
                    self.env._(
                        "The target distribution of the talent review is three "
                        "shares (low, medium, high) that add up to 100%%, not "
                        "%(low)s/%(medium)s/%(high)s.",
                        low=shares[0],
                        medium=shares[1],
                        high=shares[2],
                    )
                )
            company._talent_high_potential_boxes()

    def _talent_target_shares(self):
        self.ensure_one()
        return {
            "low": self.talent_target_low,
            "medium": self.talent_target_medium,
            "high": self.talent_target_high,
        }

    def _talent_high_potential_boxes(self):
        """The high-potential boxes of Settings as a set of integers."""
        self.ensure_one()
        text = self.talent_high_potential_boxes or ""
        boxes = set()
        for part in text.replace(" ", "").split(","):
            if not part:
                continue
            if not part.isdigit() or not 1 <= int(part) <= 9:
                raise ValidationError(
                    self.env._(
                        "High-potential boxes are numbers from 1 to 9 separated "
                        "by commas (e.g. 8,9), not “%(text)s”.",
                        text=text,
                    )
                )
            boxes.add(int(part))
        return boxes
