# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""/my/career/objectives for a portal user linked to an employee, read and
written with the user's rights (issue 27, item 7: portal pages read under
record rules): their own objectives and key results, their company's company
and department objectives; nothing of anybody else's, over HTTP or the ORM."""

from odoo import Command, http
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.mail.tests.common import mail_new_test_user

from .objective_common import ObjectiveCase


# suite_upgrade: the portal rules reach an upgraded database (-u)
@tagged("post_install", "-at_install", "suite_upgrade")
class TestObjectivePortalUser(HttpCase, ObjectiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_pete = mail_new_test_user(
            cls.env, login="pl_pete", name="Pete Portal", groups="base.group_portal"
        )
        cls.pete = cls.env["hr.employee"].create(
            {
                "name": "Pete Portal",
                "user_id": cls.user_pete.id,
                "department_id": cls.rnd.id,
                "parent_id": cls.manager.id,
            }
        )
        cls.obj_pete = cls.env["hr.performance.objective"].create(
            {
                "name": "Write the manual (test)",
                "employee_id": cls.pete.id,
                "parent_id": cls.obj_rnd.id,
                "state": "active",
                "date_start": cls.date_start,
                "date_end": cls.date_end,
                "key_result_ids": [
                    Command.create(
                        {"name": "Chapters", "target_value": 12, "current_value": 2}
                    )
                ],
            }
        )
        cls.kr_chapters = cls.obj_pete.key_result_ids
        cls.kr_company = cls.env["hr.performance.key.result"].create(
            {"objective_id": cls.obj_company.id, "name": "Revenue", "target_value": 9}
        )
        cls.company_b = cls.env["res.company"].create({"name": "Objectives B (test)"})
        cls.obj_company_b = cls.env["hr.performance.objective"].create(
            {
                "name": "Grow B (test)",
                "level": "company",
                "company_id": cls.company_b.id,
                "state": "active",
                "date_start": cls.date_start,
                "date_end": cls.date_end,
            }
        )

    def _post(self, key_result, value):
        return self.url_open(
            f"/my/career/objectives/key-result/{key_result.id}",
            data={
                "current_value": value,
                "csrf_token": http.Request.csrf_token(self),
            },
            allow_redirects=False,
        )

    def _value(self, key_result):
        key_result.invalidate_recordset()
        return key_result.current_value

    def test_portal_employee_sees_own_objectives_and_aligned_ones(self):
        self.authenticate("pl_pete", "pl_pete")
        page = self.url_open("/my/career/objectives").text
        self.assertIn("Write the manual (test)", page)
        self.assertIn("Chapters", page)
        self.assertIn("Ship faster (test)", page)  # department, aligned
        self.assertIn("Grow (test)", page)  # company, aligned
        for other in ("Release v2 (test)", "Fix bugs (test)", "Sell (test)"):
            self.assertNotIn(other, page)
        self.assertNotIn("Grow B (test)", page)

    def test_portal_employee_updates_own_key_result_with_a_note(self):
        department_before = self.obj_rnd.progress
        self.authenticate("pl_pete", "pl_pete")
        response = self._post(self.kr_chapters, "5")
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self._value(self.kr_chapters), 5)
        self.obj_pete.invalidate_recordset()
        self.assertIn("Chapters: 2 → 5", self.obj_pete.message_ids[0].body)
        self.assertEqual(
            self.obj_pete.message_ids[0].author_id, self.user_pete.partner_id
        )
        # the roll-up reaches the department objective Pete only reads
        self.assertEqual(self.obj_pete.progress, round(100 * 5 / 12, 1))
        self.obj_rnd.invalidate_recordset()
        self.assertGreater(self.obj_rnd.progress, department_before)

    @mute_logger("odoo.http")
    def test_portal_employee_posts_to_others_key_results_not_found(self):
        self.authenticate("pl_pete", "pl_pete")
        for key_result in (self.kr_features, self.kr_bugs, self.kr_company):
            before = self._value(key_result)
            response = self._post(key_result, "1")
            self.assertEqual(response.status_code, 404)
            self.assertEqual(self._value(key_result), before)

    def test_portal_employee_orm_reads_and_writes_only_their_own(self):
        Objective = self.env["hr.performance.objective"].with_user(self.user_pete)
        KeyResult = self.env["hr.performance.key.result"].with_user(self.user_pete)
        self.assertEqual(
            Objective.search([("id", "in", self._all_objectives().ids)]),
            self.obj_pete | self.obj_rnd | self.obj_company,
        )
        for objective in (self.obj_employee, self.obj_outsider, self.obj_company_b):
            with self.assertRaises(AccessError):
                objective.with_user(self.user_pete).read(["name"])
        for key_result in (self.kr_features, self.kr_bugs, self.kr_deals):
            with self.assertRaises(AccessError):
                key_result.with_user(self.user_pete).read(["current_value"])
        # writes: the current value of their own key results, nothing else
        self.kr_chapters.with_user(self.user_pete).current_value = 3
        self.assertEqual(self._value(self.kr_chapters), 3)
        for key_result in (self.kr_features, self.kr_company):
            with self.assertRaises(AccessError):
                key_result.with_user(self.user_pete).write({"current_value": 1})
        with self.assertRaises(AccessError):
            self.obj_pete.with_user(self.user_pete).write({"name": "Mine"})
        with self.assertRaises(AccessError):
            KeyResult.create(
                {"objective_id": self.obj_pete.id, "name": "More", "target_value": 2}
            )
        with self.assertRaises(AccessError):
            self.kr_chapters.with_user(self.user_pete).unlink()
        with self.assertRaises(AccessError):
            Objective.create(
                {
                    "name": "New (test)",
                    "employee_id": self.pete.id,
                    "level": "individual",
                }
            )

    def test_portal_user_without_employee_reads_no_objective(self):
        Objective = self.env["hr.performance.objective"].with_user(self.user_portal)
        self.assertFalse(Objective.search([("id", "in", self._all_objectives().ids)]))
        with self.assertRaises(AccessError):
            self.obj_company.with_user(self.user_portal).read(["name"])
        with self.assertRaises(AccessError):
            self.kr_company.with_user(self.user_portal).read(["current_value"])

    def _all_objectives(self):
        """The test's objectives (demo data may hold more)."""
        return (
            self.obj_company
            | self.obj_rnd
            | self.obj_employee
            | self.obj_reviewer
            | self.obj_outsider
            | self.obj_pete
            | self.obj_company_b
        )
