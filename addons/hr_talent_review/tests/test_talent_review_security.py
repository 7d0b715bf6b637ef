# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who sees and moves what in a talent review, from the refused side: the ORM
as each user, then JSON-RPC as the web client would call it."""

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.hr_career_dev.tests.common import JsonRpcMixin
from odoo.addons.mail.tests.common import mail_new_test_user

from .talent_common import TalentReviewCase, TalentReviewData

ACCESS_ERROR = "odoo.exceptions.AccessError"


@tagged("post_install", "-at_install")
class TestTalentReviewSecurity(TalentReviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._calibrating(cls, cls.review)
        cls.eve_line = cls._line(cls, cls.review, cls.employee)
        cls.otis_line = cls._line(cls, cls.review, cls.other_report)

    def test_invited_manager_sees_only_their_organisation(self):
        review = self.review.with_user(self.user_manager)
        data = review.get_board_data()
        self.assertEqual(
            {card["name"] for card in data["cards"]},
            {"Eve Employee", "Mallory Colleague", "Rita Reviewer"},
            "Otis reports to Nick: not on Mona's board",
        )
        self.assertFalse(data["review"]["readonly"])
        with self.assertRaises(AccessError):
            self.otis_line.with_user(self.user_manager).read(["box"])

    def test_invited_manager_moves_their_reports_only(self):
        self.eve_line.with_user(self.user_manager).move_to(
            potential="high", reason="Ready for more"
        )
        self.assertEqual(self.eve_line.box, 8)
        with self.assertRaises(AccessError):
            self.otis_line.with_user(self.user_manager).move_to(
                performance="low", reason="Not my team"
            )
        self.assertEqual(self.otis_line.box, 8)
        # a move only: no other field, no session action
        for attempt in (
            lambda: self.eve_line.with_user(self.user_manager).write(
                {"employee_id": self.colleague.id}
            ),
            lambda: self.eve_line.with_user(self.user_manager).unlink(),
            lambda: self.review.with_user(self.user_manager).write({"name": "Mine"}),
            lambda: self.review.with_user(self.user_manager).action_close(),
            lambda: self.review.with_user(self.user_manager).action_populate(),
            lambda: self.env["hr.talent.review.line"]
            .with_user(self.user_manager)
            .create(
                {
                    "review_id": self.review.id,
                    "employee_id": self.reviewer2.id,
                    "performance": "high",
                    "potential": "high",
                }
            ),
        ):
            with self.assertRaises(AccessError), self.env.cr.savepoint():
                attempt()
        self.assertEqual(self.eve_line.employee_id, self.employee)
        self.assertEqual(self.review.state, "calibrating")

    def test_calibrator_refusals_name_the_person_without_privileges(self):
        """Issue 27, item 7: a move without a reason names the person from
        their public profile, and the calibrator role is decided with the
        user's rights: Mona calibrates Eve's line, not Otis's (outside her
        organisation), and Nick, not invited, calibrates none."""
        eve = self.eve_line.with_user(self.user_manager)
        with self.assertRaisesRegex(
            ValidationError, "Eve Employee.*reason is required"
        ):
            eve.move_to(potential="high", reason=" ")
        self.assertEqual(self.eve_line.box, 5)
        lines = self.eve_line | self.otis_line
        roles = lines.with_user(self.user_manager)._career_policy_roles()
        self.assertIn("calibrator", roles[self.eve_line.id])
        self.assertNotIn("calibrator", roles[self.otis_line.id])
        roles = lines.with_user(self.user_other_manager)._career_policy_roles()
        self.assertFalse(any("calibrator" in found for found in roles.values()))

    def test_a_manager_not_invited_sees_nothing(self):
        # Mona's own manager chain would cover her reports, but she is not
        # invited to this second session
        other = self.env["hr.talent.review"].create(
            {"name": "HR only", "department_ids": [Command.set(self.department.ids)]}
        )
        other.action_populate()
        with self.assertRaises(AccessError):
            other.with_user(self.user_manager).get_board_data()
        with self.assertRaises(AccessError):
            self.review.with_user(self.user_other_manager).get_board_data()
        self.assertFalse(
            self.env["hr.talent.review.line"]
            .with_user(self.user_other_manager)
            .search([])
        )

    def test_employee_never_sees_their_placement_unless_settings_allow(self):
        self.review.action_close()
        placement = self.employee.talent_placement_id
        self.assertTrue(placement)
        Placement = self.env["hr.talent.placement"].with_user(self.user_employee)
        self.assertFalse(Placement.search([]))
        with self.assertRaises(AccessError):
            placement.with_user(self.user_employee).read(["box"])
        with self.assertRaises(AccessError):
            self.review.with_user(self.user_employee).read(["name"])
        self.assertFalse(
            self.env["hr.talent.review.line"].with_user(self.user_employee).search([])
        )
        # Settings: employees see their own placement (and only theirs)
        settings = self.env["res.config.settings"].create(
            {"talent_employee_visible": True}
        )
        settings.execute()
        self.env.invalidate_all()
        self.assertEqual(Placement.search([]), placement)
        self.assertEqual(placement.with_user(self.user_employee).box, 5)
        with self.assertRaises(AccessError):
            self.colleague.talent_placement_id.with_user(self.user_employee).read(
                ["box"]
            )
        # the manager chain reads the placements of their reports
        self.assertEqual(
            self.env["hr.talent.placement"]
            .with_user(self.user_manager)
            .search([])
            .employee_id,
            self.employee | self.colleague | self.reviewer,
        )

    def test_hr_of_another_company_sees_nothing(self):
        company_b = self.env["res.company"].create({"name": "Company B (test)"})
        hr_b = mail_new_test_user(
            self.env,
            login="talent_hr_b",
            name="Bruno HR B",
            groups="base.group_user,hr.group_hr_user",
            company_id=company_b.id,
            company_ids=[Command.set(company_b.ids)],
        )
        with self.assertRaises(AccessError):
            self.review.with_user(hr_b).read(["name"])
        with self.assertRaises(AccessError):
            self.review.with_user(hr_b).get_board_data()
        self.assertFalse(self.env["hr.talent.review.line"].with_user(hr_b).search([]))


@tagged("post_install", "-at_install")
class TestTalentReviewRpc(JsonRpcMixin, TalentReviewData, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.review.action_populate()
        cls.review.action_start()
        cls.eve_line = cls.review.line_ids.filtered(
            lambda line: line.employee_id == cls.employee
        )
        cls.otis_line = cls.review.line_ids.filtered(
            lambda line: line.employee_id == cls.other_report
        )

    @mute_logger("odoo.http")
    def test_board_of_a_session_not_invited_to_is_refused(self):
        self.assertRpcRefused(
            "pl_nick",
            "hr.talent.review",
            "get_board_data",
            [self.review.ids],
            error=ACCESS_ERROR,
        )
        self.assertRpcRefused(
            "pl_employee",
            "hr.talent.review",
            "read",
            [self.review.ids, ["name"]],
            error=ACCESS_ERROR,
        )

    @mute_logger("odoo.http")
    def test_moving_a_card_outside_ones_organisation_is_refused(self):
        self.assertRpcRefused(
            "pl_manager",
            "hr.talent.review.line",
            "move_to",
            [self.otis_line.ids],
            {"performance": "low", "reason": "Not mine"},
            error=ACCESS_ERROR,
        )
        self.assertRpcRefused(
            "pl_manager",
            "hr.talent.review.line",
            "write",
            [self.eve_line.ids, {"employee_id": self.colleague.id}],
            error=ACCESS_ERROR,
        )
        self.otis_line.invalidate_recordset()
        self.eve_line.invalidate_recordset()
        self.assertEqual((self.otis_line.box, self.otis_line.moved), (8, False))
        self.assertEqual(self.eve_line.employee_id, self.employee)
        # the manager's own move goes through
        self.call_kw(
            "pl_manager",
            "hr.talent.review.line",
            "move_to",
            [self.eve_line.ids],
            {"potential": "high", "reason": "Ready for more"},
        )
        self.eve_line.invalidate_recordset()
        self.assertEqual(self.eve_line.box, 8)

    @mute_logger("odoo.http")
    def test_employee_cannot_read_their_placement(self):
        self.review.action_close()
        placement = self.employee.talent_placement_id
        self.assertRpcRefused(
            "pl_employee",
            "hr.talent.placement",
            "read",
            [placement.ids, ["box"]],
            error=ACCESS_ERROR,
        )
        self.assertEqual(
            self.call_kw(
                "pl_employee",
                "hr.talent.placement",
                "search_read",
                [[]],
                {"fields": ["box"]},
            ),
            [],
        )
        self.assertEqual(
            self.call_kw(
                "pl_employee",
                "hr.talent.review.line",
                "search_read",
                [[]],
                {"fields": ["box"]},
            ),
            [],
        )
