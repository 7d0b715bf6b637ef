# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL
from odoo.tools.sql import column_exists

# the boxes of the "High potential" pool until Settings say otherwise
DEFAULT_HIGH_POTENTIAL_BOXES = (8, 9)
# the column of releases up to 18.0.1.0.0: the boxes typed as "8,9"
LEGACY_BOXES_COLUMN = "talent_high_potential_boxes"


class ResCompany(models.Model):
    _inherit = "res.company"

    talent_target_low = fields.Integer(
        string="Target Share Low (%)",
        default=10,
        help="Target distribution of the calibration sessions: share of the people "
        "expected at the low level of performance (and of potential).",
    )
    talent_target_medium = fields.Integer(string="Target Share Medium (%)", default=70)
    talent_target_high = fields.Integer(string="Target Share High (%)", default=20)
    talent_high_potential_box_ids = fields.Many2many(
        "hr.talent.box",
        "res_company_hr_talent_box_rel",
        "company_id",
        "box_id",
        string="High-potential Boxes",
        default=lambda self: self._talent_default_high_potential_boxes(),
        help="The boxes of the 9-box grid whose employees join the High "
        "potential talent pool when a calibration session closes.",
    )

    @api.constrains("talent_target_low", "talent_target_medium", "talent_target_high")
    def _check_talent_settings(self):
        for company in self:
            company._talent_check_target_shares(
                company.talent_target_low,
                company.talent_target_medium,
                company.talent_target_high,
            )

    @api.model
    def _talent_check_target_shares(self, low, medium, high):
        """Refuse, in words, three shares that are not a distribution."""
        if min(low, medium, high) < 0:
            raise ValidationError(
                self.env._(
                    "A target share of the calibration sessions cannot be negative "
                    "(low %(low)s%%, medium %(medium)s%%, high %(high)s%%).",
                    low=low,
                    medium=medium,
                    high=high,
                )
            )
        if low + medium + high != 100:
            raise ValidationError(
                self.env._(
                    "The target shares of the calibration sessions (low, medium, high) "
                    "must add up to 100%%: %(low)s%% + %(medium)s%% + "
                    "%(high)s%% makes %(total)s%%.",
                    low=low,
                    medium=medium,
                    high=high,
                    total=low + medium + high,
                )
            )

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
        return set(self.talent_high_potential_box_ids.mapped("number"))

    @api.model
    def _talent_default_high_potential_boxes(self):
        return self.env["hr.talent.box"].search(
            [("number", "in", DEFAULT_HIGH_POTENTIAL_BOXES)]
        )

    @api.model
    def _talent_init_high_potential_boxes(self):
        """At install and upgrade: each company without high-potential boxes
        gets the boxes it had typed (the column of earlier releases, "8,9"),
        or 8 and 9 (Odoo drops the old column with its field at the end of
        the update). Unknown numbers are left out."""
        boxes = {box.number: box for box in self.env["hr.talent.box"].search([])}
        typed = {}
        cr = self.env.cr
        if column_exists(cr, "res_company", LEGACY_BOXES_COLUMN):
            cr.execute(
                SQL(
                    "SELECT id, %s FROM res_company",
                    SQL.identifier(LEGACY_BOXES_COLUMN),
                )
            )
            for company_id, text in cr.fetchall():
                numbers = {
                    int(part)
                    for part in (text or "").replace(" ", "").split(",")
                    if part.isdigit()
                }
                known = [boxes[n].id for n in sorted(numbers) if n in boxes]
                if known:
                    typed[company_id] = known
        default = [boxes[n].id for n in DEFAULT_HIGH_POTENTIAL_BOXES if n in boxes]
        # sudo: every company, whatever the companies of the installing user
        companies = (
            self.sudo()
            .with_context(active_test=False)
            .search([("talent_high_potential_box_ids", "=", False)])
        )
        by_boxes = defaultdict(list)
        for company in companies:
            by_boxes[tuple(typed.get(company.id, default))].append(company.id)
        for box_ids, company_ids in by_boxes.items():
            companies.browse(company_ids).write(
                {"talent_high_potential_box_ids": [fields.Command.set(box_ids)]}
            )
