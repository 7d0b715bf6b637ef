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

    def test_reading_gap_rows_reads_only_their_employees(self):
        """The dashboard reads the employee's gap rows by id (one2many, then
        the fields): PostgreSQL must read that employee's rows only, not
        every employee's."""
        # a search (the One2many on the view may be cached from the set-up)
        gaps = self.env["hr.competency.gap"].search(
            [("employee_id", "=", self.emp_employee.id)]
        )
        self.assertTrue(gaps)
        # what the ORM runs to read their fields: a search on their ids
        query = gaps._search([("id", "in", gaps.ids)])
        self.env.flush_all()
        self.env.cr.execute(SQL("EXPLAIN (ANALYZE, FORMAT JSON) %s", query.select("*")))
        plan = self.env.cr.fetchone()[0][0]["Plan"]
        read = []

        def walk(node):
            if node.get("Relation Name") == "hr_employee":
                read.append(
                    (node["Relation Name"], node["Actual Rows"] * node["Actual Loops"])
                )
            for child in node.get("Plans", ()):
                walk(child)

        walk(plan)
        employees = sum(rows for table, rows in read if table == "hr_employee")
        # the current and target job rows of this one employee (rows counted
        # after the filters), not every employee with a job
        self.assertTrue(read)
        self.assertLessEqual(employees, 2)
