# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""/my/career reads only the employee's own rows (issue 16): no query of the
dashboard reads the whole company."""

from odoo.tests import tagged
from odoo.tools import SQL

from .common import CareerCase


@tagged("post_install", "-at_install")
class TestPortalScale(CareerCase):
    def _plan(self, query):
        cr = self.env.cr
        # with sequential scans priced out, a query that has no index to use
        # still shows one
        cr.execute("SET LOCAL enable_seqscan = off")
        try:
            cr.execute(SQL("EXPLAIN %s", query))
            return "\n".join(row[0] for row in cr.fetchall())
        finally:
            cr.execute("SET LOCAL enable_seqscan = on")

    def test_team_lookup_of_the_dashboard_uses_an_index(self):
        """The dashboard's "my team" check (``employee.child_ids``) looks the
        employee's reports up by ``parent_id``."""
        query = (
            self.env["hr.employee"]
            .sudo()
            ._search([("parent_id", "in", self.emp_manager.ids)])
        )
        plan = self._plan(query.select())
        self.assertNotIn("Seq Scan on hr_employee", plan)
        self.assertIn("hr_employee__parent_id_index", plan)
