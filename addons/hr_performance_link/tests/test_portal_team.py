# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.hr_career_dev.tests.test_portal_team import CareerPortalTeamCase


@tagged("post_install", "-at_install")
class TestPerformancePortalTeamSelfAssessment(CareerPortalTeamCase):
    """A self-assessment given in an open appraisal: the manager accepts it
    from the report's page as their assessment; nobody else can."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.appraisal = cls.env["hr.appraisal"].create(
            {
                "employee_id": cls.employee.id,
                "date_close": fields.Date.today() + relativedelta(days=30),
            }
        )
        cls.appraisal.action_confirm()
        cls.line = cls.appraisal.skill_assessment_ids.filtered(
            lambda line: line.skill_id == cls.testing
        )
        cls.line.self_level_id = cls.practitioner
        # Rita reports to Paula (portal), who reports to Maria
        cls.rita_appraisal = cls.env["hr.appraisal"].create(
            {
                "employee_id": cls.emp_rita.id,
                "date_close": fields.Date.today() + relativedelta(days=30),
            }
        )
        cls.rita_appraisal.action_confirm()
        cls.rita_line = cls.rita_appraisal.skill_assessment_ids.filtered(
            lambda line: line.skill_id == cls.testing
        )
        cls.rita_line.self_level_id = cls.practitioner

    def _accept(self, login, employee=None):
        self.authenticate(login, login)
        return self._post(
            self._url(
                employee or self.employee, f"/appraisal-skill/{self.line.id}/accept"
            )
        )

    def test_manager_accepts_the_self_assessment_as_their_assessment(self):
        self.authenticate("team_maria", "team_maria")
        page = self.url_open(self._url(self.employee)).text
        self.assertIn(f'data-line-id="{self.line.id}"', page)
        response = self._accept("team_maria")
        self.assertIn(response.status_code, (302, 303))
        self.assertEqual(self.line.assessed_level_id, self.practitioner)
        self.assertEqual(self.line.write_uid, self.user_maria)
        # assessed: no longer waiting on the page
        page = self.url_open(response.headers["Location"]).text
        self.assertIn("o_career_self_assessment_accepted", page)
        self.assertNotIn(f'data-line-id="{self.line.id}"', page)

    @mute_logger("odoo.http")
    def test_done_appraisal_is_no_longer_listed_nor_changed(self):
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE hr_appraisal SET state = '3_done' WHERE id = %s",
            [self.appraisal.id],
        )
        self.env.invalidate_all()
        self.authenticate("team_maria", "team_maria")
        page = self.url_open(self._url(self.employee)).text
        self.assertNotIn(f'data-line-id="{self.line.id}"', page)
        response = self._accept("team_maria")
        self.assertEqual(response.status_code, 403)  # the line is frozen
        self.assertFalse(self.line.assessed_level_id)

    @mute_logger("odoo.http")
    def test_others_are_refused(self):
        for login, employee, status in (
            ("team_peer", self.employee, 404),
            ("team_bruno", self.employee, 404),
            ("career_portal", self.employee, 404),  # her own line
            ("team_maria", self.emp_rita, 404),  # not Rita's line
        ):
            with self.subTest(login=login):
                response = self._accept(login, employee)
                self.assertEqual(response.status_code, status)
        self.authenticate("team_maria", "team_maria")
        response = self._post(
            self._url(self.employee, f"/appraisal-skill/{self.line.id}/accept"),
            csrf=False,
        )
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self.line.assessed_level_id)

    def test_lines_are_read_with_the_managers_rights(self):
        """Maria, two levels above Rita, lists Rita's self-assessment with her
        own rights; Paula, Rita's portal manager, who accepts nothing, has
        no rights on appraisals: her page lists none, nor Paula's own."""
        self.authenticate("team_maria", "team_maria")
        page = self.url_open(self._url(self.emp_rita)).text
        self.assertIn(f'data-line-id="{self.rita_line.id}"', page)
        self.assertNotIn(f'data-line-id="{self.line.id}"', page)
        self.authenticate("career_portal", "career_portal")
        response = self.url_open(self._url(self.emp_rita))
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("o_career_member_appraisal_skills", response.text)
        self.assertNotIn("o_career_appraisal_skill_accept", response.text)
        # nor over RPC (with hr_review_cycle, Paula reads her own lines only)
        lines = self.env["hr.appraisal.skill"].with_user(self.portal_user)
        if lines.has_access("read"):
            self.assertNotIn(self.rita_line, lines.search([]))

    @mute_logger("odoo.http")
    def test_portal_manager_cannot_accept(self):
        response = self._accept("career_portal", self.emp_rita)
        self.assertIn(response.status_code, (403, 404))
        self.assertFalse(self.rita_line.assessed_level_id)
