# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The employee's self-review on /my/career/appraisal/<id>, for internal
and portal users, and the team page's review status for managers."""

from dateutil.relativedelta import relativedelta

from odoo import http
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.hr_career_dev.tests.common import JsonRpcMixin
from odoo.addons.mail.tests.common import mail_new_test_user

from .test_review_cycle import ReviewCycleData


class SelfReviewData(ReviewCycleData):
    """Pete, a portal user linked to an employee reporting to Mona, is in
    the cycle with her four other reports; Otis (Nick's report) is not
    Mona's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_pete = mail_new_test_user(
            cls.env, login="rc_pete", name="Pete Portal", groups="base.group_portal"
        )
        cls.pete = cls.env["hr.employee"].create(
            {
                "name": "Pete Portal",
                "user_id": cls.user_pete.id,
                "parent_id": cls.manager.id,
                "job_id": cls.job.id,
            }
        )
        cls.cycle.sudo().employee_ids = [(4, cls.pete.id), (4, cls.other_report.id)]
        cls.rating = cls.env["hr.performance.rating"].search(
            [("company_id", "=", cls.company.id)], order="sequence desc", limit=1
        )

    def _appraisal_of(self, employee):
        return self._cycle_appraisals().filtered(lambda a: a.employee_id == employee)

    def _rate_and_sign_off(self, appraisal):
        appraisal.with_user(self.user_manager).write(
            {
                "rating_id": self.rating.id,
                "rating_justification": "Shipped the platform (test)",
            }
        )
        appraisal.with_user(self.user_manager).action_done()


class TestSelfReview(SelfReviewData, TransactionCase):
    def test_portal_user_writes_then_submits_and_cannot_change_after(self):
        self._launch()
        appraisal = self._appraisal_of(self.pete)
        python = self._line(appraisal, self.python)
        # Pete, a portal user, writes his self-review with his own rights
        as_pete = appraisal.with_user(self.user_pete)
        as_pete.write(
            {
                "employee_feedback": "<p>My year (test)</p>",
                "skill_assessment_ids": [
                    (1, python.id, {"self_level_id": self.advanced.id})
                ],
            }
        )
        self.assertEqual(python.self_level_id, self.advanced)
        self.assertEqual(appraisal.review_status, "self_review")
        as_pete.employee_feedback_published = True
        self.assertEqual(appraisal.review_status, "manager_review")
        # submitted: nothing of it changes any more, nothing is stored
        for vals in (
            {"employee_feedback": "<p>Rewritten (test)</p>"},
            {"employee_feedback_published": False},
            {"skill_assessment_ids": [(1, python.id, {"self_level_id": False})]},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                as_pete.write(vals)
        with self.assertRaisesRegex(AccessError, "Ask your manager to reopen it"):
            python.with_user(self.user_pete).self_level_id = self.expert
        appraisal.invalidate_recordset()
        python.invalidate_recordset()
        self.assertIn("My year", appraisal.employee_feedback)
        self.assertTrue(appraisal.employee_feedback_published)
        self.assertEqual(python.self_level_id, self.advanced)
        # saving the same value is no change
        as_pete.employee_feedback_published = True
        # Mona reopens it: Pete writes again
        appraisal.with_user(self.user_manager).employee_feedback_published = False
        python.with_user(self.user_pete).self_level_id = self.expert
        self.assertEqual(python.self_level_id, self.expert)

    def test_self_review_closes_with_its_phases(self):
        self._launch()
        appraisal = self._appraisal_of(self.employee)
        as_eve = appraisal.with_user(self.user_employee)
        as_eve.employee_feedback = "<p>Draft (test)</p>"
        self.assertEqual(appraisal._self_review_editable_ids(), {appraisal.id})
        for _phase in ("feedback", "manager_review", "calibration"):
            self.cycle.action_next_phase()
        self.assertEqual(self.cycle.phase, "calibration")
        self.assertFalse(appraisal._self_review_editable_ids())
        with self.assertRaises(AccessError):
            as_eve.employee_feedback = "<p>Too late (test)</p>"
        appraisal.invalidate_recordset()
        self.assertIn("Draft", appraisal.employee_feedback)
        # the manager still writes on it
        appraisal.with_user(self.user_manager).employee_feedback_published = True

    def test_strangers_and_portal_users_of_others_read_no_appraisal(self):
        self._launch()
        eve = self._appraisal_of(self.employee)
        pete = self._appraisal_of(self.pete)
        with self.assertRaises(AccessError):
            eve.with_user(self.user_pete).read(["employee_feedback"])
        with self.assertRaises(AccessError):
            pete.with_user(self.user_portal).read(["employee_feedback"])
        with self.assertRaises(AccessError):
            pete.with_user(self.user_colleague).write({"employee_feedback": "<p>x</p>"})
        self.assertEqual(
            self.env["hr.appraisal"].with_user(self.user_pete).search([]), pete
        )

    def test_a_portal_users_link_to_the_appraisal_opens_the_portal_page(self):
        self._launch()
        pete = self._appraisal_of(self.pete)
        action = pete._get_access_action(access_uid=self.user_pete.id)
        self.assertEqual(action["url"], f"/my/career/appraisal/{pete.id}")
        # Mona's stays the backend form
        action = pete._get_access_action(access_uid=self.user_manager.id)
        self.assertEqual(action["type"], "ir.actions.act_window")

    def test_team_review_status_of_reports_only_in_bounded_queries(self):
        self._launch()
        Appraisal = self.env["hr.appraisal"].with_user(self.user_manager)
        eve = self._appraisal_of(self.employee)
        eve.with_user(self.user_employee).employee_feedback_published = True
        self.cycle.date_manager_review = self.today - relativedelta(days=1)
        everyone = self.reports | self.pete | self.other_report
        status = Appraisal._team_review_status(everyone)
        # Otis reports to Nick: nothing of his appraisal for Mona
        self.assertEqual(set(status), set((self.reports | self.pete).ids))
        self.assertEqual(status[self.employee.id]["appraisal_id"], eve.id)
        self.assertEqual(status[self.employee.id]["status"], "Waiting for the Manager")
        self.assertEqual(status[self.employee.id]["waiting_on"], "Manager")
        self.assertTrue(status[self.employee.id]["late"])
        self.assertFalse(status[self.pete.id]["late"])
        self.assertFalse(
            self.env["hr.appraisal"]
            .with_user(self.user_other_manager)
            ._team_review_status(self.reports)
        )
        # twice the team, the same number of queries
        self.env.invalidate_all()
        with self.assertQueryCount(TEAM_STATUS_QUERIES):
            Appraisal._team_review_status(everyone)
        cycle, people = self._cycle_of_new_reports(6, "Bigger team (test)")
        self._launch(cycle)
        self.env.invalidate_all()
        with self.assertQueryCount(TEAM_STATUS_QUERIES):
            status = Appraisal._team_review_status(everyone | people)
        self.assertEqual(len(status), len(self.reports | self.pete | people))


# whatever the size of the team: the reports among the employees (role
# service), their appraisals, which of them are late
TEAM_STATUS_QUERIES = 8


@tagged("post_install", "-at_install")
class TestSelfReviewPortal(JsonRpcMixin, SelfReviewData, HttpCase):
    def _post(self, appraisal, data):
        data = dict(data, csrf_token=http.Request.csrf_token(self))
        return self.url_open(
            f"/my/career/appraisal/{appraisal.id}", data=data, allow_redirects=False
        )

    def test_portal_user_saves_a_draft_then_submits_on_the_portal(self):
        self._launch()
        appraisal = self._appraisal_of(self.pete)
        python = self._line(appraisal, self.python)
        self.authenticate("rc_pete", "rc_pete")
        dashboard = self.url_open("/my/career").text
        self.assertIn(f'href="/my/career/appraisal/{appraisal.id}"', dashboard)
        self.assertIn("o_career_self_review_open", dashboard)
        page = self.url_open(f"/my/career/appraisal/{appraisal.id}").text
        self.assertIn(f'name="level_{python.id}"', page)
        # the backend's level names
        self.assertIn(">Advanced<", page)
        self.assertIn("o_career_self_review_text", page)
        response = self._post(
            appraisal,
            {
                "employee_feedback": "Shipped two releases (test)",
                f"level_{python.id}": str(self.advanced.id),
                "action": "save",
            },
        )
        self.assertEqual(response.status_code, 303)
        appraisal.invalidate_recordset()
        python.invalidate_recordset()
        self.assertIn("Shipped two releases", appraisal.employee_feedback)
        self.assertEqual(python.self_level_id, self.advanced)
        self.assertFalse(appraisal.employee_feedback_published)
        self.assertEqual(appraisal.review_status, "self_review")
        response = self._post(
            appraisal,
            {
                "employee_feedback": "Shipped two releases (test)",
                f"level_{python.id}": str(self.advanced.id),
                "action": "submit",
            },
        )
        self.assertEqual(response.status_code, 303)
        appraisal.invalidate_recordset()
        self.assertTrue(appraisal.employee_feedback_published)
        self.assertEqual(appraisal.review_status, "manager_review")
        page = self.url_open(f"/my/career/appraisal/{appraisal.id}").text
        self.assertIn("o_career_self_review_done", page)
        self.assertNotIn(f'name="level_{python.id}"', page)
        # after the submission: refused, nothing stored
        response = self._post(
            appraisal,
            {
                "employee_feedback": "Rewritten (test)",
                f"level_{python.id}": str(self.expert.id),
                "action": "save",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("can no longer change", response.text)
        appraisal.invalidate_recordset()
        python.invalidate_recordset()
        self.assertNotIn("Rewritten", appraisal.employee_feedback)
        self.assertEqual(python.self_level_id, self.advanced)

    def test_levels_chosen_and_submitted_at_once(self):
        # the levels chosen and Submit clicked without a saved draft: all
        # stored, then submitted (the lines were refused as written after
        # the publication); Eve, an internal user, on the portal page
        self._launch()
        appraisal = self._appraisal_of(self.employee)
        python = self._line(appraisal, self.python)
        self.authenticate("pl_employee", "pl_employee")
        response = self._post(
            appraisal,
            {
                "employee_feedback": "Shipped two releases (test)",
                f"level_{python.id}": str(self.expert.id),
                "action": "submit",
            },
        )
        self.assertEqual(response.status_code, 303)
        appraisal.invalidate_recordset()
        python.invalidate_recordset()
        self.assertEqual(python.self_level_id, self.expert)
        self.assertTrue(appraisal.employee_feedback_published)
        self.assertIn("Shipped two releases", appraisal.employee_feedback)

    def test_bad_input_is_refused_in_words_and_stores_nothing(self):
        self._launch()
        appraisal = self._appraisal_of(self.employee)
        python = self._line(appraisal, self.python)
        before = appraisal.employee_feedback
        self.authenticate("pl_employee", "pl_employee")
        for data, words in (
            ({"employee_feedback": "", "action": "submit"}, "before you submit"),
            (
                {
                    "employee_feedback": "x",
                    f"level_{python.id}": str(self.lang_a2.id),
                    "action": "save",
                },
                "Choose one of the levels of Python",
            ),
            (
                {f"level_{python.id}": "999999999", "action": "save"},
                "Choose one of the levels of Python",
            ),
            ({"employee_feedback": "y" * 10_001, "action": "save"}, "keep it under"),
        ):
            with self.subTest(words=words):
                response = self._post(appraisal, data)
                self.assertEqual(response.status_code, 200)
                self.assertIn(words, response.text)
        appraisal.invalidate_recordset()
        python.invalidate_recordset()
        self.assertFalse(python.self_level_id)
        self.assertFalse(appraisal.employee_feedback_published)
        self.assertEqual(appraisal.employee_feedback, before)

    @mute_logger("odoo.http")
    def test_another_persons_appraisal_answers_404(self):
        self._launch()
        eve = self._appraisal_of(self.employee)
        pete = self._appraisal_of(self.pete)
        before = {eve: eve.employee_feedback, pete: pete.employee_feedback}
        for login, appraisal in (
            ("rc_pete", eve),
            ("pl_employee", pete),
            ("pl_portal", pete),
            # her report's: the backend is Mona's place, not this page
            ("pl_manager", pete),
        ):
            with self.subTest(login=login):
                self.authenticate(login, login)
                response = self.url_open(f"/my/career/appraisal/{appraisal.id}")
                self.assertEqual(response.status_code, 404)
                self.assertNotIn("o_career_appraisal_page", response.text)
                response = self._post(
                    appraisal, {"employee_feedback": "Hacked (test)", "action": "save"}
                )
                self.assertEqual(response.status_code, 404)
        (eve | pete).invalidate_recordset()
        self.assertEqual(eve.employee_feedback, before[eve])
        self.assertEqual(pete.employee_feedback, before[pete])

    @mute_logger("odoo.http")
    def test_portal_user_reads_no_result_before_release_page_and_json_rpc(self):
        self._launch()
        appraisal = self._appraisal_of(self.pete)
        self._rate_and_sign_off(appraisal)
        self.authenticate("rc_pete", "rc_pete")
        page = self.url_open(f"/my/career/appraisal/{appraisal.id}").text
        self.assertIn("o_career_results_hidden", page)
        self.assertNotIn(self.rating.name, page)
        self.assertNotIn("Shipped the platform", page)
        self.assertNotIn("o_career_appraisal_competency_score", page)
        self.assertNotIn("o_career_manager_level", page)
        fields = ["rating_id", "rating_justification", "competency_score", "note"]
        values = self.call_kw(
            "rc_pete", "hr.appraisal", "read", [appraisal.ids, fields]
        )[0]
        self.assertFalse(values["rating_id"])
        self.assertFalse(values["rating_justification"])
        self.assertFalse(values["competency_score"])
        found = self.call_kw(
            "rc_pete",
            "hr.appraisal",
            "search_read",
            [[("rating_id", "!=", False)], ["rating_id"]],
        )
        self.assertFalse(found)
        # released (from the sign-off on): the page and the ORM show the results
        self.cycle.phase = "signoff"
        self.cycle.action_release()
        self.authenticate("rc_pete", "rc_pete")
        page = self.url_open(f"/my/career/appraisal/{appraisal.id}").text
        self.assertIn("o_career_appraisal_results", page)
        self.assertIn(self.rating.name, page)
        self.assertIn("Shipped the platform", page)
        self.assertIn("o_career_appraisal_competency_score", page)
        values = self.call_kw(
            "rc_pete", "hr.appraisal", "read", [appraisal.ids, fields]
        )[0]
        self.assertEqual(values["rating_id"][0], self.rating.id)
        self.assertFalse(values["note"])

    def test_team_page_shows_the_review_status_of_reports(self):
        self._launch()
        eve = self._appraisal_of(self.employee)
        otis = self._appraisal_of(self.other_report)
        eve.with_user(self.user_employee).employee_feedback_published = True
        self.authenticate("pl_manager", "pl_manager")
        page = self.url_open("/my/career/team").text
        self.assertEqual(page.count("o_career_team_review_link"), 5)
        self.assertIn(f'href="/odoo/hr.appraisal/{eve.id}"', page)
        self.assertIn("Waiting for the Manager", page)
        self.assertNotIn(f'href="/odoo/hr.appraisal/{otis.id}"', page)
        # the report's own page too
        page = self.url_open(f"/my/career/team/{self.employee.id}").text
        self.assertIn("o_career_member_review", page)
        self.assertIn(f'href="/odoo/hr.appraisal/{eve.id}"', page)
        self.authenticate("pl_nick", "pl_nick")
        page = self.url_open("/my/career/team").text
        self.assertIn(f'href="/odoo/hr.appraisal/{otis.id}"', page)
        self.assertNotIn(f'href="/odoo/hr.appraisal/{eve.id}"', page)
