# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import tagged
from odoo.tools.convert import convert_file

from odoo.addons.hr_recognition.tests.common import RecognitionCase

from ..hooks import ACTION, RELEASED_PARAM, RULE, post_init_hook, pre_init_hook

MODULE = "hr_recognition_appraisal"
DATA_FILE = "data/base_automation_data.xml"


@tagged("post_install", "-at_install", "suite_upgrade")
class TestAppraisalRule(RecognitionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.badge = cls.env.ref("hr_recognition.badge_appraisal_done")
        cls.rule = cls.env.ref(f"{MODULE}.automation_appraisal_done")
        cls.grant = cls.env.ref(f"{MODULE}.action_grant_appraisal_done")

    def _appraisal_rules(self):
        """Every rule granting the badge Appraisal Completed."""
        return (
            self.env["ir.actions.server"]
            .search([("state", "=", "grant_badge"), ("badge_id", "=", self.badge.id)])
            .base_automation_id
        )

    def _load_data(self, mode):
        convert_file(self.env, MODULE, DATA_FILE, {}, mode=mode, noupdate=True)

    def test_completed_appraisal_awards_the_badge_once(self):
        self.assertEqual(self._appraisal_rules(), self.rule)
        self.assertEqual(self.rule.action_server_ids, self.grant)
        self.assertFalse(
            self.env.ref(
                "hr_recognition.automation_appraisal_done", raise_if_not_found=False
            ),
            "the released external id moved to the bridge",
        )
        appraisal = self.env["hr.appraisal"].create(
            {
                "employee_id": self.employee.id,
                "manager_ids": [Command.set(self.manager.ids)],
                "date_close": "2026-12-31",
            }
        )
        appraisal.state = "2_pending"
        self.assertFalse(self._awards(self.badge, self.employee))
        appraisal.state = "3_done"
        award = self._awards(self.badge, self.employee)
        self.assertEqual(award.source_ref, appraisal)
        self.assertEqual(award.automation_id, self.rule)
        appraisal.state = "2_pending"
        appraisal.state = "3_done"
        self.assertEqual(self._awards(self.badge, self.employee), award)

    def test_appraisal_completed_unreviewed_awards_nothing(self):
        """A review cycle's close completes an appraisal nobody reviewed with
        what was written: no badge. Signed off by the manager later, it is."""
        appraisal = self.env["hr.appraisal"].create(
            {
                "employee_id": self.employee.id,
                "manager_ids": [Command.set(self.manager.ids)],
                "date_close": "2026-12-31",
                "state": "2_pending",
            }
        )
        appraisal.write({"state": "3_done", "completed_unreviewed": True})
        self.assertFalse(appraisal.signed_off)
        self.assertFalse(self._awards(self.badge, self.employee))
        appraisal.state = "2_pending"
        appraisal.state = "3_done"
        self.assertTrue(appraisal.signed_off)
        self.assertEqual(self._awards(self.badge, self.employee).source_ref, appraisal)

    def _as_released(self):
        """The database as hr_recognition 18.0.1.0.0 left it: the rule (HR
        disabled it) under hr_recognition's external id, its action without
        one, the parameter remembering the rule was created."""
        Data = self.env["ir.model.data"]
        Data.search([("module", "=", MODULE)]).unlink()
        self.rule.active = False
        Data.create(
            {
                "module": "hr_recognition",
                "name": "automation_appraisal_done",
                "model": "base.automation",
                "res_id": self.rule.id,
                "noupdate": True,
            }
        )
        self.env["ir.config_parameter"].set_param(RELEASED_PARAM, "1")

    def test_install_on_an_upgraded_database_adopts_the_released_rule(self):
        self._as_released()
        awards_before = self.env["gamification.badge.user"].search_count([])

        pre_init_hook(self.env)
        self._load_data("init")
        post_init_hook(self.env)

        self.assertEqual(self._appraisal_rules(), self.rule, "no second rule")
        self.assertEqual(self.env.ref(f"{MODULE}.{RULE}"), self.rule)
        self.assertEqual(self.env.ref(f"{MODULE}.{ACTION}"), self.grant)
        self.assertEqual(self.rule.action_server_ids, self.grant)
        self.assertFalse(self.rule.active, "HR's choice is kept")
        self.assertFalse(self.env["ir.config_parameter"].get_param(RELEASED_PARAM))
        self.assertEqual(
            self.env["gamification.badge.user"].search_count([]), awards_before
        )

    def test_rule_deleted_by_hr_before_the_upgrade_stays_deleted(self):
        self._as_released()
        self.rule.unlink()

        pre_init_hook(self.env)
        self._load_data("init")
        post_init_hook(self.env)
        self.assertFalse(self._appraisal_rules())
        self.assertFalse(self.env["ir.config_parameter"].get_param(RELEASED_PARAM))

        self._load_data("update")  # -u of the bridge
        self.assertFalse(self._appraisal_rules())

    def test_fresh_install_creates_the_rule(self):
        Data = self.env["ir.model.data"]
        Data.search([("module", "=", MODULE)]).unlink()
        self.rule.unlink()

        pre_init_hook(self.env)
        self._load_data("init")
        post_init_hook(self.env)
        rule = self.env.ref(f"{MODULE}.automation_appraisal_done")
        self.assertEqual(self._appraisal_rules(), rule)
        self.assertTrue(rule.active)
        self.assertEqual(rule.action_server_ids.badge_id, self.badge)
