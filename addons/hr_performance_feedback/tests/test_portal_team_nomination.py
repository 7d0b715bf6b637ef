# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import Command, http
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.hr_career_dev.tests.common import JsonRpcMixin
from odoo.addons.hr_performance_link.tests.common import PerformanceLinkData
from odoo.addons.mail.tests.common import mail_new_test_user

ACCESS_ERROR = "odoo.exceptions.AccessError"


@tagged("post_install", "-at_install")
class TestPortalTeamNomination(JsonRpcMixin, PerformanceLinkData, HttpCase):
    """Mona approves or rejects, from her portal team pages, the peers Eve
    nominated for her 360° feedback, and Pia, a portal user, those of her
    report Paul; a colleague, another team's manager and Pia on anybody
    else's nomination are refused and nothing changes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        env.company.feedback_peer_count = 8
        Employee = env["hr.employee"]
        users = [
            mail_new_test_user(env, login=f"tn_peer{index}", name=f"Team Peer {index}")
            for index in range(8)
        ]
        cls.peers = Employee.create(
            [
                {"name": user.name, "user_id": user.id, "parent_id": cls.manager.id}
                for user in users
            ]
        )
        # Otto manages another team (Olaf), outside Mona's
        cls.user_other_manager = mail_new_test_user(
            env,
            login="tn_other_mgr",
            name="Otto Other",
            groups="base.group_user,hr_appraisal_oca.group_appraisal_user",
        )
        cls.other_manager = Employee.create(
            {"name": "Otto Other", "user_id": cls.user_other_manager.id}
        )
        cls.other_report = Employee.create(
            {"name": "Olaf Other", "parent_id": cls.other_manager.id}
        )
        # Pia, a portal user, manages Paul: she decides on his nominations
        # (portal record rule), on nobody else's
        cls.user_portal_manager = mail_new_test_user(
            env, login="tn_portal_mgr", name="Pia Portal", groups="base.group_portal"
        )
        cls.portal_manager = Employee.create(
            {"name": "Pia Portal", "user_id": cls.user_portal_manager.id}
        )
        cls.portal_report = Employee.create(
            {"name": "Paul Report", "parent_id": cls.portal_manager.id}
        )
        cls.portal_appraisal = cls._appraisal(cls.portal_report, cls.portal_manager)
        cls.portal_nomination = env["hr.feedback.nomination"].create(
            {"appraisal_id": cls.portal_appraisal.id, "reviewer_id": cls.peers[0].id}
        )

    @classmethod
    def _appraisal(cls, employee, manager=None):
        return cls.env["hr.appraisal"].create(
            {
                "employee_id": employee.id,
                "manager_ids": [Command.set((manager or cls.manager).ids)],
                "date_close": cls.today + relativedelta(days=30),
            }
        )

    def _nominate(self, peers, appraisal=None):
        return self.env["hr.feedback.nomination"].create(
            [
                {
                    "appraisal_id": (appraisal or self.appraisal).id,
                    "reviewer_id": peer.id,
                    "note": f"Worked with {peer.name}",
                }
                for peer in peers
            ]
        )

    def _decide(self, login, nomination, decision, employee=None, data=None):
        self.authenticate(login, login)
        employee = employee or nomination.employee_id
        data = dict(data or {}, csrf_token=http.Request.csrf_token(self))
        return self.url_open(
            f"/my/career/team/{employee.id}/nomination/{nomination.id}/{decision}",
            data=data,
            allow_redirects=False,
        )

    def _requests(self, appraisal=None):
        return self.env["hr.feedback.request"].search(
            [("appraisal_id", "=", (appraisal or self.appraisal).id)]
        )

    def _assert_unchanged(self, nomination):
        nomination.invalidate_recordset()
        self.assertEqual(nomination.state, "proposed")
        self.assertFalse(nomination.manager_note)
        self.assertFalse(self._requests(nomination.appraisal_id))

    # ------------------------------------------------------------ portal
    def test_manager_approves_from_the_team_page_and_the_peer_is_asked(self):
        nomination = self._nominate(self.peers[:1])
        self.authenticate("pl_manager", "pl_manager")
        page = self.url_open("/my/career/team").text
        self.assertIn("360° peers to approve", page)
        self.assertIn(f'data-nomination-id="{nomination.id}"', page)
        self.assertIn("Worked with Team Peer 0", page)
        member_page = self.url_open(f"/my/career/team/{self.employee.id}").text
        self.assertIn("o_career_nomination_approve", member_page)
        response = self._decide(
            "pl_manager", nomination, "approve", data={"back": "team"}
        )
        self.assertIn(response.status_code, (302, 303))
        self.assertTrue(
            response.headers["Location"].endswith(
                "/my/career/team?message=nomination_approved"
            )
        )
        self.assertEqual(nomination.state, "approved")
        feedback_request = self._requests()
        self.assertEqual(feedback_request.reviewer_id, self.peers[0])
        self.assertEqual(feedback_request.state, "requested")
        self.assertEqual(feedback_request.create_uid, self.user_manager)
        # the peer finds the request to answer
        self.assertEqual(
            self.env["hr.feedback.request"]
            .with_user(self.peers[0].user_id)
            .search([("appraisal_id", "=", self.appraisal.id)]),
            feedback_request,
        )
        page = self.url_open(response.headers["Location"]).text
        self.assertIn("o_career_nomination_approved", page)
        self.assertNotIn(f'data-nomination-id="{nomination.id}"', page)

    def test_manager_rejects_with_a_reason_and_a_reason_is_asked(self):
        nomination = self._nominate(self.peers[:1])
        response = self._decide("pl_manager", nomination, "reject")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Say in a few words why you reject Team Peer 0.", response.text)
        response = self._decide(
            "pl_manager", nomination, "reject", data={"manager_note": "x" * 257}
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("at most 256 characters", response.text)
        self._assert_unchanged(nomination)
        response = self._decide(
            "pl_manager", nomination, "reject", data={"manager_note": " Not on it "}
        )
        self.assertIn(response.status_code, (302, 303))
        self.assertTrue(
            response.headers["Location"].endswith(
                f"/my/career/team/{self.employee.id}?message=nomination_rejected"
            )
        )
        self.assertEqual(
            (nomination.state, nomination.manager_note), ("rejected", "Not on it")
        )
        self.assertFalse(self._requests())

    def test_a_decided_nomination_answers_words_and_changes_nothing(self):
        nomination = self._nominate(self.peers[:1])
        nomination.with_user(self.user_manager).action_reject()
        response = self._decide("pl_manager", nomination, "approve")
        self.assertEqual(response.status_code, 200)
        self.assertIn("The nomination of Team Peer 0 is already", response.text)
        self.assertEqual(nomination.state, "rejected")
        self.assertFalse(self._requests())

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_rule")
    def test_others_are_refused_and_nothing_changes(self):
        nomination = self._nominate(self.peers[:1])
        for login, employee, status in (
            # a colleague of Eve (no report) and Eve herself
            ("pl_reviewer", self.employee, 404),
            ("pl_employee", self.employee, 404),
            # another team's manager: Eve is not his, nor the nomination Olaf's
            ("tn_other_mgr", self.employee, 404),
            ("tn_other_mgr", self.other_report, 404),
            # Mona, with the nomination under another of her reports
            ("pl_manager", self.reviewer, 404),
        ):
            for decision in ("approve", "reject"):
                with self.subTest(login=login, employee=employee.name, d=decision):
                    response = self._decide(
                        login,
                        nomination,
                        decision,
                        employee=employee,
                        data={"manager_note": "No"},
                    )
                    self.assertEqual(response.status_code, status)
        self._assert_unchanged(nomination)
        # the others' pages list nothing of Eve's
        self.authenticate("tn_other_mgr", "tn_other_mgr")
        page = self.url_open("/my/career/team").text
        self.assertNotIn(f'data-nomination-id="{nomination.id}"', page)
        # without the CSRF token: refused
        self.authenticate("pl_manager", "pl_manager")
        response = self.url_open(
            f"/my/career/team/{self.employee.id}/nomination/{nomination.id}/approve",
            data={"confirm": "1"},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 400)
        self._assert_unchanged(nomination)

    # ------------------------------------------------------------ portal managers
    def test_portal_manager_approves_their_reports_nomination(self):
        """Pia, a portal user, decides on the peers Paul (her report)
        nominated, from her team pages: the request goes to the peer and is
        hers (create_uid), as an internal manager's."""
        nomination = self.portal_nomination
        self.authenticate("tn_portal_mgr", "tn_portal_mgr")
        page = self.url_open("/my/career/team").text
        self.assertIn(f'data-nomination-id="{nomination.id}"', page)
        self.assertIn("o_career_nomination_approve", page)
        member_page = self.url_open(f"/my/career/team/{self.portal_report.id}").text
        self.assertIn("o_career_nomination_approve", member_page)
        self.assertIn("Team Peer 0", member_page)
        response = self._decide("tn_portal_mgr", nomination, "approve")
        self.assertIn(response.status_code, (302, 303))
        nomination.invalidate_recordset()
        self.assertEqual(nomination.state, "approved")
        self.assertEqual(nomination.write_uid, self.user_portal_manager)
        feedback_request = self._requests(self.portal_appraisal)
        self.assertEqual(feedback_request.reviewer_id, self.peers[0])
        self.assertEqual(feedback_request.state, "requested")
        self.assertEqual(feedback_request.create_uid, self.user_portal_manager)

    def test_portal_manager_rejects_with_a_reason(self):
        nomination = self.portal_nomination
        response = self._decide("tn_portal_mgr", nomination, "reject")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Say in a few words why you reject Team Peer 0.", response.text)
        self._assert_unchanged(nomination)
        response = self._decide(
            "tn_portal_mgr", nomination, "reject", data={"manager_note": "Not him"}
        )
        self.assertIn(response.status_code, (302, 303))
        nomination.invalidate_recordset()
        self.assertEqual(
            (nomination.state, nomination.manager_note), ("rejected", "Not him")
        )
        self.assertFalse(self._requests(self.portal_appraisal))

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_portal_manager_is_refused_other_nominations_over_the_orm(self):
        """Pia reads and decides only her reports' nominations: Mona's (Eve)
        and Otto's (Olaf) stay refused; she creates and removes none; the
        appraised portal user reads none of their own through the ORM."""
        eve_nomination = self._nominate(self.peers[:1])
        olaf_nomination = self._nominate(
            self.peers[1:2], self._appraisal(self.other_report, self.other_manager)
        )
        Nomination = self.env["hr.feedback.nomination"].with_user(
            self.user_portal_manager
        )
        self.assertEqual(Nomination.search([]), self.portal_nomination)
        for nomination in (eve_nomination, olaf_nomination):
            as_pia = nomination.with_user(self.user_portal_manager)
            for name, call in (
                ("read", lambda r=as_pia: r.read(["state", "note"])),
                ("write", lambda r=as_pia: r.write({"manager_note": "No"})),
                ("approve", as_pia.action_approve),
                ("reject", as_pia.action_reject),
                ("unlink", as_pia.unlink),
            ):
                with self.subTest(nomination=nomination.employee_id.name, call=name):
                    with self.assertRaises(AccessError), self.env.cr.savepoint():
                        call()
            self._assert_unchanged(nomination)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            Nomination.create(
                {
                    "appraisal_id": self.portal_appraisal.id,
                    "reviewer_id": self.peers[2].id,
                }
            )
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.portal_nomination.with_user(self.user_portal_manager).unlink()
        # Paul, given a portal login, reads none of his nominations himself
        self.portal_report.user_id = mail_new_test_user(
            self.env, login="tn_portal_paul", groups="base.group_portal"
        )
        self.assertFalse(
            self.env["hr.feedback.nomination"]
            .with_user(self.portal_report.user_id)
            .search([])
        )

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_rule")
    def test_portal_manager_is_refused_other_nominations_over_http(self):
        eve_nomination = self._nominate(self.peers[:1])
        for employee in (self.employee, self.portal_report):
            for decision in ("approve", "reject"):
                with self.subTest(employee=employee.name, decision=decision):
                    response = self._decide(
                        "tn_portal_mgr",
                        eve_nomination,
                        decision,
                        employee=employee,
                        data={"manager_note": "No"},
                    )
                    self.assertEqual(response.status_code, 404)
        self._assert_unchanged(eve_nomination)
        page = self.url_open("/my/career/team").text
        self.assertNotIn(f'data-nomination-id="{eve_nomination.id}"', page)
        self.assertRpcRefused(
            "tn_portal_mgr",
            "hr.feedback.nomination",
            "action_approve",
            [eve_nomination.ids],
            error=ACCESS_ERROR,
        )
        self._assert_unchanged(eve_nomination)
        self._assert_unchanged(self.portal_nomination)

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_rule")
    def test_json_rpc_approve_by_a_non_manager_is_refused(self):
        nomination = self._nominate(self.peers[:1])
        for login in ("pl_reviewer", "pl_employee", "tn_other_mgr"):
            with self.subTest(login=login):
                self.assertRpcRefused(
                    login,
                    "hr.feedback.nomination",
                    "action_approve",
                    [nomination.ids],
                    error=ACCESS_ERROR,
                )
        self._assert_unchanged(nomination)
        # Mona, over the same route, approves
        self.call_kw(
            "pl_manager", "hr.feedback.nomination", "action_approve", [nomination.ids]
        )
        nomination.invalidate_recordset()
        self.assertEqual(nomination.state, "approved")
        self.assertEqual(self._requests().reviewer_id, self.peers[0])

    # ------------------------------------------------------------ queries
    def _approve_queries(self, budgets, context=None):
        """Mona's action_approve on 2, then 8 nominations (each of another
        report's appraisal), after a warm-up approval: at most ``budgets``
        queries; returns the queries counted each time."""
        subjects = self.env["hr.employee"].create(
            [
                {"name": f"Subject {index}", "parent_id": self.manager.id}
                for index in range(3)
            ]
        )
        batches = [
            self._nominate(self.peers[:size], self._appraisal(subject))
            .with_user(self.user_manager)
            .with_context(**(context or {}))
            for subject, size in zip(subjects, (1, 2, 8), strict=True)
        ]
        batches[0].action_approve()
        counts = []
        for nominations, budget in zip(batches[1:], budgets, strict=True):
            self.env.invalidate_all()
            with self.assertQueryCount(budget):
                before = self.cr.sql_log_count
                nominations.action_approve()
                self.env.flush_all()
                counts.append(self.cr.sql_log_count - before)
            requests = self._requests(nominations.appraisal_id)
            self.assertEqual(requests.reviewer_id, nominations.reviewer_id)
            self.assertEqual(set(nominations.mapped("state")), {"approved"})
        return counts

    def test_approve_queries_at_2_and_8_nominations(self):
        """The approval itself is set-based (one create of the requests, one
        of their activities); what grows with the peers is Odoo's mail, per
        activity: mail.activity.create subscribes each assignee and checks
        the access to each record (7 queries), and action_notify sends each
        peer their own "assigned to you" email (41 more)."""
        quiet = {"mail_activity_quick_update": True}  # no assignment email
        quiet_2, quiet_8 = self._approve_queries(APPROVE_QUERIES_QUIET, quiet)
        full_2, full_8 = self._approve_queries(APPROVE_QUERIES)
        self.assertLessEqual(
            (quiet_8 - quiet_2) / 6, 7, "queries per peer, without the email"
        )
        self.assertLessEqual(
            (full_8 - full_2) / 6, 48, "queries per peer, with the email"
        )

    def test_team_listing_takes_as_many_queries_for_2_or_8_nominations(self):
        Nomination = self.env["hr.feedback.nomination"].with_user(self.user_manager)
        team = self.env["hr.employee"].search([("parent_id", "=", self.manager.id)])
        subject = self.env["hr.employee"].create(
            {"name": "Subject Big", "parent_id": self.manager.id}
        )
        team |= subject
        self._nominate(self.peers[:2])
        page_counts = []
        self.authenticate("pl_manager", "pl_manager")
        self.url_open("/my/career/team")  # warm the templates
        Nomination._team_proposals(team)  # and the role service's caches
        for size, appraisal in ((2, self.appraisal), (8, self._appraisal(subject))):
            if size == 8:
                self._nominate(self.peers[:6], appraisal)
            self.env.invalidate_all()
            with self.assertQueryCount(LISTING_QUERIES):
                proposals = Nomination._team_proposals(team)
            self.assertEqual(sum(len(p) for p in proposals.values()), size)
            self.env.flush_all()
            before = self.cr.sql_log_count
            page = self.url_open("/my/career/team").text
            page_counts.append(self.cr.sql_log_count - before)
            self.assertEqual(page.count('class="o_career_team_nomination"'), size)
        self.assertEqual(page_counts[0], page_counts[1], "page queries per size")


# (2 nominations, 8 nominations): see test_approve_queries_at_2_and_8_nominations;
# the whole suite installed (with hr_performance_feedback and its dependencies
# alone: 97/135 and 168/456, other addons add their reactions to the requests).
# Issue 27 item 7 (sudo only where a write needs it) costs 5 queries per approval
# with the whole suite (94/135 and 168/456 before; alone, 13 and 9: 84/126 and
# 159/447 before): the request reads its appraisal, the subjects' target gaps
# and its own state under the record rules (the manager rule's child_of), and
# the reviewer's role comes from the role service instead of a superuser read
APPROVE_QUERIES_QUIET = (99, 140)
APPROVE_QUERIES = (173, 461)
LISTING_QUERIES = 12
