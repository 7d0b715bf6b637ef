# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command

from odoo.addons.hr_career_dev.tests.common import CareerCase


class MentoringCase(CareerCase):
    """Carl Colleague (Python expert, SQL intermediate) mentors; Emma Employee
    (Python intermediate, her job wants advanced) is his mentee; Marc
    Manager manages both; Hector is HR."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].set_param(
            "hr_career_mentoring.min_progress", "50"
        )
        cls.mentor = cls.env["hr.career.mentor"].create(
            {
                "employee_id": cls.emp_colleague.id,
                "skill_ids": [Command.set(cls.python.ids)],
                "capacity": 1,
                "state": "open",
            }
        )
        cls.plan = cls.env["hr.development.plan"].create(
            {"employee_id": cls.emp_employee.id}
        )
        cls.dev_action = cls.env["hr.development.action"].create(
            {
                "name": "Mentoring: Python",
                "plan_id": cls.plan.id,
                "action_type": "mentoring",
                "skill_id": cls.python.id,
            }
        )

    @classmethod
    def _request(cls, mentor=None, mentee=None, user=None, **vals):
        mentee = mentee or cls.emp_employee
        Mentorship = cls.env["hr.career.mentorship"]
        if user:
            Mentorship = Mentorship.with_user(user)
        return Mentorship.create(
            {
                "mentor_id": (mentor or cls.mentor).id,
                "mentee_id": mentee.id,
                "skill_ids": [Command.set(cls.python.ids)],
                **vals,
            }
        )
