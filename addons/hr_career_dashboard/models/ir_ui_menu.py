# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

DASHBOARDS_ROOT = "spreadsheet_dashboard.spreadsheet_dashboard_menu_root"
DASHBOARDS_ADMIN = "spreadsheet_dashboard.group_dashboard_manager"


class IrUiMenu(models.Model):
    _inherit = "ir.ui.menu"

    @api.model
    def _visible_menu_ids(self, debug=False):
        """No empty Dashboards app: a user who may read no published
        dashboard (a manager without HR rights, the suite's dashboard being
        for HR officers) does not get the app; its admins keep it to
        configure dashboards. Super's answer is cached by groups; this check
        is not (one count), so a new dashboard shows the app at once."""
        visible = super()._visible_menu_ids(debug)
        root = self.env["ir.model.data"]._xmlid_to_res_id(
            DASHBOARDS_ROOT, raise_if_not_found=False
        )
        if (
            root in visible
            and not self.env.user.has_group(DASHBOARDS_ADMIN)
            and not self.env["spreadsheet.dashboard"].search_count(
                [("is_published", "=", True)], limit=1
            )
        ):
            # a new set: super's answer is cached, never changed in place
            return visible - {root}
        return visible
