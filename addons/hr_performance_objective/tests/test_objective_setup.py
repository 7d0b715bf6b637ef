# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree

from odoo import fields
from odoo.tests import Form, tagged
from odoo.tools import date_utils

from .objective_common import ObjectiveCase


@tagged("post_install", "-at_install")
class TestObjectiveSetup(ObjectiveCase):
    """Company and department objectives as HR sets them up (issue 29,
    item 8): an owner, a default period, sub-objectives added from the
    parent, no empty avatar on cards, demo objectives not all at risk."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = cls.env["hr.employee"].create(
            {"name": "Olga Officer", "user_id": cls.user_officer.id}
        )

    def _new(self, context=None):
        return Form(
            self.env["hr.performance.objective"]
            .with_user(self.user_officer)
            .with_context(**(context or {}))
        )

    def test_company_objective_has_an_owner_and_the_current_year(self):
        form = self._new()
        form.name = "Win the market (test)"
        form.level = "company"
        objective = form.save()
        today = fields.Date.context_today(objective)
        self.assertEqual(objective.owner_id, self.officer)
        self.assertEqual(objective.date_start, date_utils.start_of(today, "year"))
        self.assertEqual(objective.date_end, date_utils.end_of(today, "year"))

    def test_department_objective_is_owned_by_its_manager(self):
        form = self._new()
        form.name = "Ship even faster (test)"
        form.level = "department"
        form.department_id = self.rnd
        self.assertEqual(form.save().owner_id, self.manager)
        # an individual objective is its employee's
        self.assertEqual(self.obj_employee.owner_id, self.employee)

    def test_add_a_sub_objective_from_the_parent(self):
        action = self.obj_company.with_user(
            self.user_officer
        ).action_add_sub_objective()
        self.assertEqual(action["res_model"], "hr.performance.objective")
        form = self._new(action["context"])
        self.assertEqual(form.level, "department")
        self.assertEqual(form.parent_id, self.obj_company)
        self.assertEqual(form.date_start, self.date_start)
        self.assertEqual(form.date_end, self.date_end)
        form.name = "Sell more (test)"
        form.department_id = self.sales
        child = form.save()
        self.assertIn(child, self.obj_company.child_ids)
        # from a department objective: an individual one of the department
        action = self.obj_rnd.with_user(self.user_officer).action_add_sub_objective()
        form = self._new(action["context"])
        self.assertEqual(form.level, "individual")
        self.assertEqual(form.department_id, self.rnd)
        form.name = "Review the pipeline (test)"
        form.employee_id = self.reviewer2
        self.assertEqual(form.save().parent_id, self.obj_rnd)
        # the form offers it where a sub-objective may be added
        arch = etree.fromstring(
            self.env["hr.performance.objective"].get_views([(False, "form")])["views"][
                "form"
            ]["arch"]
        )
        button = arch.xpath("//button[@name='action_add_sub_objective']")
        self.assertTrue(button)
        self.assertIn("level == 'individual'", button[0].get("invisible"))

    def test_cards_show_the_owner_and_no_empty_avatar(self):
        arch = etree.fromstring(
            self.env["hr.performance.objective"].get_views([(False, "kanban")])[
                "views"
            ]["kanban"]["arch"]
        )
        avatars = arch.xpath("//field[@widget='many2one_avatar_employee']")
        self.assertEqual([a.get("name") for a in avatars], ["owner_id"])
        self.assertEqual(avatars[0].get("invisible"), "not owner_id")

    def test_demo_objectives_are_not_all_at_risk(self):
        company = self.env.ref(
            "hr_performance_objective.hr_performance_objective_company_demo",
            raise_if_not_found=False,
        )
        if not company:
            self.skipTest("needs the demo data")
        demo = self.env["hr.performance.objective"].search(
            [("id", "child_of", company.id), ("state", "=", "active")]
        )
        self.assertGreater(len(demo), 4)
        at_risk = demo.filtered("at_risk")
        self.assertTrue(at_risk, "a realistic spread has some objective at risk")
        self.assertLess(
            len(at_risk), len(demo) / 2, "most demo objectives are on track"
        )
        self.assertTrue(all(demo.owner_id), "every demo objective has an owner")
