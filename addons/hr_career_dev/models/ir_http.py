# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _get_translation_frontend_modules_name(cls):
        # the career map of /my/career/paths is drawn by a public OWL
        # component: its terms are the addon's JavaScript translations
        return super()._get_translation_frontend_modules_name() + ["hr_career_dev"]
