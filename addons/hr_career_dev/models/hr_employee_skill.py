# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import fields, models
from odoo.tools.sql import create_index

# the holders of one skill at one level in employee-id order (the mentor
# ranking reads the first few of each level, not every holder)
HOLDERS_INDEX = "hr_employee_skill_skill_level_employee_idx"


class HrEmployeeSkill(models.Model):
    _inherit = "hr.employee.skill"

    # who holds a skill (mentors, internal candidates, course evidence): hr_skills
    # indexes the lines by employee only, which made these lookups read every
    # employee's skills
    skill_id = fields.Many2one(index=True)

    def init(self):
        result = super().init()
        # created by -u on existing databases too (create_index: unless it
        # exists)
        create_index(
            self.env.cr,
            HOLDERS_INDEX,
            self._table,
            ["skill_id", "skill_level_id", "employee_id"],
        )
        return result

    def _create_logs(self):
        """hr_skills' skill history of the day (``hr.employee.skill.log``),
        the same rows, in a bounded number of queries: hr_skills writes each
        existing log of the day one by one, so raising the skills of many
        employees at once (skill evidence of many completions) cost a query per
        skill line. Here: one write per level, one create."""
        today = fields.Date.context_today(self)
        employees = self.employee_id
        employee_skills = self.env["hr.employee.skill"].search(
            [("employee_id", "in", employees.ids)]
        )
        Log = self.env["hr.employee.skill.log"]
        logs = Log.search([("employee_id", "in", employees.ids), ("date", "=", today)])
        logs_by_key = defaultdict(lambda: Log)
        for log in logs:
            logs_by_key[log.employee_id.id, log.department_id.id, log.skill_id.id] |= (
                log
            )
        to_write = defaultdict(lambda: Log)
        to_create = []
        for skill_line in employee_skills:
            employee = skill_line.employee_id
            existing = logs_by_key.get(
                (employee.id, employee.department_id.id, skill_line.skill_id.id)
            )
            if existing:
                stale = existing.filtered(
                    lambda log, line=skill_line: log.skill_level_id
                    != line.skill_level_id
                )
                to_write[skill_line.skill_level_id] |= stale
            else:
                to_create.append(
                    {
                        "employee_id": employee.id,
                        "skill_id": skill_line.skill_id.id,
                        "skill_level_id": skill_line.skill_level_id.id,
                        "department_id": employee.department_id.id,
                        "skill_type_id": skill_line.skill_type_id.id,
                    }
                )
        for level, stale in to_write.items():
            if stale:
                stale.write({"skill_level_id": level.id})
        if to_create:
            Log.create(to_create)
