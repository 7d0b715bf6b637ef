# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The suite's menus as each role loads them (issue 29, item 7): Employees >
Career is a few sections, not a long list; its settings, scales and
templates sit under Configuration, its reports under Reporting; the review
side (objectives, check-ins, 360° feedback, review cycles, calibration) lives
in the Appraisals app only; no name twice in one app; the calibration
session has one name. Tested here, in the bridge that installs with the
whole suite, so that every addon's menus are in the tree."""

from collections import Counter

from odoo import Command
from odoo.tests import TransactionCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

CAREER = "hr_career_dev.menu_career_root"
APPRAISALS = "hr_appraisal_oca.menu_hr_appraisal_root"
# the models of the review: their menus are the Appraisals app's only
REVIEW_MODELS = {
    "hr.performance.objective",
    "hr.performance.checkin",
    "hr.feedback.request",
    "hr.review.cycle",
    "hr.talent.review",
}


@tagged("post_install", "-at_install")
class TestSuiteMenus(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_hr = mail_new_test_user(
            cls.env,
            login="menus_hr",
            groups="base.group_user,hr.group_hr_user",
            name="Hana Menus HR",
        )
        cls.user_manager = mail_new_test_user(
            cls.env, login="menus_manager", groups="base.group_user", name="Mo Manager"
        )
        cls.user_employee = mail_new_test_user(
            cls.env, login="menus_employee", groups="base.group_user", name="Em Menus"
        )
        manager = cls.env["hr.employee"].create(
            {"name": "Mo Manager", "user_id": cls.user_manager.id}
        )
        # a report makes Mo a manager: the suite gives managers the Appraisals app
        cls.env["hr.employee"].create(
            {
                "name": "Em Menus",
                "user_id": cls.user_employee.id,
                "parent_id": manager.id,
            }
        )

    def _menus(self, user):
        """The menu tree the web client loads for ``user``: {id: item}."""
        return self.env["ir.ui.menu"].with_user(user).load_menus(False)

    def _subtree(self, menus, xmlid):
        """(item, [items below it, any depth]) of the menu ``xmlid``, or
        (None, []) when ``user`` does not see it."""
        item = menus.get(self.env.ref(xmlid).id)
        if not item:
            return None, []
        below, todo = [], list(item["children"])
        while todo:
            child = menus[todo.pop(0)]
            below.append(child)
            todo.extend(child["children"])
        return item, below

    def _children(self, menus, xmlid):
        item, _below = self._subtree(menus, xmlid)
        return [menus[child]["name"] for child in item["children"]] if item else []

    def _action_model(self, item):
        if not item.get("action"):
            return False
        model, action_id = item["action"].split(",")
        action = self.env[model].browse(int(action_id))
        return action.res_model if model == "ir.actions.act_window" else False

    def test_career_has_a_few_sections_for_every_role(self):
        for user in (self.user_hr, self.user_manager, self.user_employee):
            with self.subTest(user=user.login):
                menus = self._menus(user)
                children = self._children(menus, CAREER)
                self.assertTrue(children, "Employees > Career is visible")
                self.assertLessEqual(len(children), 8, children)
                self.assertIn("Development", children)
                self.assertIn("Mobility", children)
                # every direct child is a section (no loose action among them)
                career, _below = self._subtree(menus, CAREER)
                for child in career["children"]:
                    self.assertTrue(menus[child]["children"], menus[child]["name"])
        # HR: the reports and the configuration; the others neither
        hr_children = self._children(self._menus(self.user_hr), CAREER)
        self.assertEqual(hr_children[-2:], ["Reporting", "Configuration"])
        for user in (self.user_manager, self.user_employee):
            children = self._children(self._menus(user), CAREER)
            self.assertNotIn("Configuration", children)
            self.assertNotIn("Reporting", children)

    def test_settings_scales_and_templates_under_configuration(self):
        menus = self._menus(self.user_hr)
        career_config = self._children(menus, "hr_career_dev.menu_career_config")
        self.assertIn("Goal Templates", career_config)
        appraisal_config = self._children(
            menus, "hr_appraisal_oca.menu_hr_appraisal_configuration"
        )
        self.assertIn("Key Result Templates", appraisal_config)
        reporting = self._children(menus, "hr_career_dev.menu_career_reporting")
        self.assertIn("Skills Heatmap", reporting)
        self.assertIn("Readiness Pipeline", reporting)
        # in both apps, a template, scale or rule is found under Configuration
        for root in (CAREER, APPRAISALS):
            _item, below = self._subtree(menus, root)
            for item in below:
                if item["name"].endswith(("Templates", "Scale", "Rules", "Types")):
                    parent = menus[item["parent_id"][0]]
                    self.assertEqual(parent["name"], "Configuration", item["name"])

    def test_review_menus_in_the_appraisals_app_only(self):
        for user in (self.user_hr, self.user_manager):
            with self.subTest(user=user.login):
                menus = self._menus(user)
                _career, career_below = self._subtree(menus, CAREER)
                self.assertFalse(
                    [
                        item["name"]
                        for item in career_below
                        if self._action_model(item) in REVIEW_MODELS
                    ]
                )
                appraisals, appraisal_below = self._subtree(menus, APPRAISALS)
                self.assertTrue(appraisals, "the Appraisals app is visible")
                self.assertLessEqual(len(appraisals["children"]), 8)
                models = {self._action_model(item) for item in appraisal_below}
                self.assertIn("hr.performance.checkin", models)
                self.assertIn("hr.feedback.request", models)
                # no action reached from both apps
                career_actions = {i["action"] for i in career_below if i["action"]}
                appraisal_actions = {
                    i["action"] for i in appraisal_below if i["action"]
                }
                self.assertFalse(career_actions & appraisal_actions)
        manager_menus = self._menus(self.user_manager)
        self.assertIn("My Team's Reviews", self._children(manager_menus, APPRAISALS))
        # invited to calibrate, the manager finds the session under Talent
        self.env["hr.talent.review"].create(
            {
                "name": "Menus calibration (test)",
                "manager_ids": [Command.link(self.user_manager.id)],
            }
        )
        self.assertIn(
            "Calibration Sessions",
            self._children(
                self._menus(self.user_manager),
                "hr_talent_review.hr_talent_review_menu_root",
            ),
        )
        self.assertNotIn(self.env.ref(APPRAISALS).id, self._menus(self.user_employee))

    def test_no_name_twice_in_one_app(self):
        for user in (self.user_hr, self.user_manager, self.user_employee):
            menus = self._menus(user)
            for root in (CAREER, APPRAISALS):
                _item, below = self._subtree(menus, root)
                names = Counter(item["name"] for item in below)
                with self.subTest(user=user.login, root=root):
                    self.assertFalse(
                        [name for name, count in names.items() if count > 1]
                    )

    def test_calibration_session_has_one_name(self):
        """hr.talent.review is a "calibration session" in the menu, its
        action, its model's description and its board; "Talent Review" is
        no longer a name shown for it."""
        menus = self._menus(self.user_hr)
        _item, below = self._subtree(menus, APPRAISALS)
        names = {item["name"] for item in below}
        self.assertIn("Calibration Sessions", names)
        self.assertFalse([name for name in names if "Talent Review" in name])
        menu = self.env.ref("hr_talent_review.hr_talent_review_menu")
        self.assertEqual(menu.action.name, "Calibration Sessions")
        model = self.env["ir.model"]._get("hr.talent.review")
        self.assertEqual(model.name, "Calibration session")
        board = self.env.ref("hr_talent_review.hr_talent_review_board_action")
        self.assertNotIn("Talent Review", board.name)
        field = self.env["hr.talent.placement"]._fields["review_id"]
        self.assertEqual(field.string, "Calibration Session")
