# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CareerCase


@tagged("post_install", "-at_install")
class TestGoalTemplate(CareerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.department = cls.env["hr.department"].create(
            {"name": "Engineering (template test)"}
        )
        (cls.emp_employee | cls.emp_colleague).department_id = cls.department
        cls.template = cls.env["hr.career.goal.template"].create(
            {
                "name": "Secure coding",
                "description": "<p>Follow the secure coding course.</p>",
                "measure": "Course completed with a score above 80%",
                "horizon": "short",
                "duration_days": 30,
                "job_ids": [cls.job_dev.id],
                "department_ids": [cls.department.id],
            }
        )

    def _assign(self, user=None, **vals):
        Wizard = self.env["hr.career.goal.template.assign"]
        if user:
            Wizard = Wizard.with_user(user)
        wizard = Wizard.create(dict({"template_id": self.template.id}, **vals))
        return wizard.action_assign()

    def _goals(self):
        return self.env["hr.career.goal"].search(
            [("template_id", "=", self.template.id)]
        )

    def test_assign_by_department_creates_one_goal_each(self):
        self._assign(user=self.user_hr, assign_by="department")
        goals = self._goals()
        self.assertEqual(goals.employee_id, self.emp_employee | self.emp_colleague)
        goal = goals[0]
        self.assertEqual(goal.name, "Secure coding")
        self.assertEqual(goal.state, "draft")
        self.assertEqual(
            goal.target_date,
            fields.Date.context_today(goal) + timedelta(days=30),
        )
        self.assertIn("secure coding course", goal.description)
        self.assertIn("score above 80%", goal.description)

    def test_wizard_defaults_from_template(self):
        wizard = self.env["hr.career.goal.template.assign"].create(
            {"template_id": self.template.id}
        )
        self.assertEqual(wizard.department_ids, self.department)
        self.assertEqual(wizard.job_ids, self.job_dev)

    def test_assign_twice_does_not_duplicate(self):
        self._assign(assign_by="job")
        self.assertEqual(len(self._goals()), 2)
        action = self._assign(assign_by="job")
        self.assertEqual(action["domain"], [("id", "in", [])])
        self.assertEqual(len(self._goals()), 2)
        # a closed goal does not count: the template can be assigned again
        self._goals().filtered(
            lambda g: g.employee_id == self.emp_employee
        ).action_abandon()
        self._assign(assign_by="job")
        self.assertEqual(
            len(self._goals().filtered(lambda g: g.employee_id == self.emp_employee)),
            2,
        )

    def test_assign_selected_employees_in_one_create(self):
        employees = self.env["hr.employee"].create(
            [{"name": f"Templated {n}"} for n in range(10)]
        )
        Goal = self.env.registry["hr.career.goal"]
        original = Goal.create
        calls = []

        def spy(model, vals_list):
            calls.append(len(vals_list))
            return original(model, vals_list)

        with patch.object(Goal, "create", spy):
            self._assign(assign_by="employee", employee_ids=[(6, 0, employees.ids)])
        self.assertEqual(calls, [10])
        self.assertEqual(self._goals().employee_id, employees)

    def test_templates_are_for_hr_only(self):
        with self.assertRaises(AccessError):
            self.env["hr.career.goal.template"].with_user(self.user_employee).search([])
        with self.assertRaises(AccessError):
            self._assign(user=self.user_manager, assign_by="job")
        self.assertFalse(self._goals())
