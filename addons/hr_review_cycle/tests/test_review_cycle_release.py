# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.hr_career_dev.tests.common import JsonRpcMixin
from odoo.addons.mail.tools.discuss import Store

from .test_review_cycle import ReviewCycleData

RESULTS = [
    "rating_id",
    "suggested_rating_id",
    "rating_justification",
    "objective_score",
    "competency_score",
    "feedback_average",
    "feedback_summary",
]


class ReleaseData(ReviewCycleData):
    """Eve's appraisal of the cycle, rated and signed off by Mona, with a
    private note, unpublished feedback and a potential."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rating = cls.env["hr.performance.rating"].search(
            [("company_id", "=", cls.company.id)], order="sequence desc", limit=1
        )

    def _signed_off_eve(self):
        self._launch()
        eve = self._cycle_appraisals().filtered(
            lambda a: a.employee_id == self.employee
        )
        eve.with_user(self.user_manager).write(
            {
                "rating_id": self.rating.id,
                "rating_justification": "Shipped the platform (test)",
                "potential": "high",
                "note": "<p>Private: flight risk (test)</p>",
                "manager_feedback": "<p>Draft words (test)</p>",
            }
        )
        eve.with_user(self.user_manager).action_done()
        # OCA publishes the feedback when done: Mona unpublishes hers
        eve.with_user(self.user_manager).manager_feedback_published = False
        # the results are released from the sign-off on
        self.cycle.phase = "signoff"
        return eve


class TestReviewCycleRelease(ReleaseData, TransactionCase):
    def test_employee_reads_no_result_before_release_over_the_orm(self):
        eve = self._signed_off_eve()
        as_eve = eve.with_user(self.user_employee)
        values = as_eve.read(RESULTS + ["potential", "note", "manager_feedback"])[0]
        self.assertFalse(values["rating_id"])
        self.assertFalse(values["rating_justification"])
        self.assertFalse(values["potential"])
        self.assertFalse(values["note"])
        self.assertFalse(values["manager_feedback"])
        # neither through a search on the rating, nor a grouping by it
        Appraisal = self.env["hr.appraisal"].with_user(self.user_employee)
        self.assertFalse(Appraisal.search([("rating_id", "=", self.rating.id)]))
        groups = Appraisal.read_group([], ["rating_id"], ["rating_id"])
        self.assertFalse([g for g in groups if g["rating_id"]])
        # Mona and HR read everything meanwhile
        mona = eve.with_user(self.user_manager).read(["rating_id", "potential"])[0]
        self.assertEqual(mona["rating_id"][0], self.rating.id)
        self.assertEqual(mona["potential"], "high")

        # only HR releases
        with self.assertRaises(AccessError):
            self.cycle.with_user(self.user_manager).action_release()
        self.cycle.action_release()
        self.assertEqual(self.cycle.phase, "release")
        values = as_eve.read(
            [
                "rating_id",
                "rating_justification",
                "note",
                "potential",
                "manager_feedback",
            ]
        )[0]
        self.assertEqual(values["rating_id"][0], self.rating.id)
        self.assertEqual(values["rating_justification"], "Shipped the platform (test)")
        self.assertEqual(Appraisal.search([("rating_id", "=", self.rating.id)]), eve)
        # never the private note; the feedback once published; the potential
        # only when Settings allow
        self.assertFalse(values["note"])
        self.assertFalse(values["manager_feedback"])
        self.assertFalse(values["potential"])
        eve.with_user(self.user_manager).manager_feedback_published = True
        self.env["ir.config_parameter"].set_param(
            "hr_performance_link.talent_employee_visible", "1"
        )
        values = as_eve.read(["manager_feedback", "potential", "note"])[0]
        self.assertIn("Draft words", values["manager_feedback"])
        self.assertEqual(values["potential"], "high")
        self.assertFalse(values["note"])

    def _tracked_fields_seen_by(self, appraisal, user):
        """The fields whose tracked changes ``user`` sees in the chatter."""
        appraisal.flush_recordset()
        appraisal.env.cr.precommit.run()  # the tracking messages are written
        messages = appraisal.with_user(user).message_ids
        formatted = Store(messages, for_current_user=True).get_result()
        return {
            value["fieldName"]
            for message in formatted.get("mail.message", [])
            for value in message.get("trackingValues", [])
        }

    def test_employee_reads_no_rating_in_the_chatter_before_release(self):
        eve = self._signed_off_eve()
        # HR corrects the rating and the potential, tracked in the chatter
        other = self.env["hr.performance.rating"].search(
            [("company_id", "=", self.company.id), ("id", "!=", self.rating.id)],
            limit=1,
        )
        eve.with_context(tracking_disable=False, mail_notrack=False).write(
            {"rating_id": other.id, "potential": "medium"}
        )
        rating_label, potential_label = "rating_id", "potential"
        # Mona sees the tracked rating and potential in the chatter
        seen = self._tracked_fields_seen_by(eve, self.user_manager)
        self.assertTrue({rating_label, potential_label} <= seen, seen)
        # Eve sees neither before the release
        seen = self._tracked_fields_seen_by(eve, self.user_employee)
        self.assertNotIn(rating_label, seen)
        self.assertNotIn(potential_label, seen)
        # after it, the rating's change (the potential stays hidden)
        self.cycle.action_release()
        seen = self._tracked_fields_seen_by(eve, self.user_employee)
        self.assertIn(rating_label, seen)
        self.assertNotIn(potential_label, seen)

    def test_completed_but_not_released_stays_hidden(self):
        eve = self._signed_off_eve()
        self.assertEqual(eve.state, "3_done")
        # what the web client asks for its form
        spec = {"rating_id": {"fields": {"display_name": {}}}, "competency_score": {}}
        values = eve.with_user(self.user_employee).web_read(spec)[0]
        self.assertFalse(values["rating_id"])
        self.assertFalse(values["competency_score"])


@tagged("post_install", "-at_install")
class TestReviewCycleReleaseRpc(JsonRpcMixin, ReleaseData, HttpCase):
    @mute_logger("odoo.http")
    def test_employee_reads_no_result_before_release_over_json_rpc(self):
        eve = self._signed_off_eve()
        values = self.call_kw(
            "pl_employee",
            "hr.appraisal",
            "read",
            [eve.ids, ["rating_id", "rating_justification", "note", "potential"]],
        )[0]
        self.assertFalse(values["rating_id"])
        self.assertFalse(values["rating_justification"])
        self.assertFalse(values["note"])
        self.assertFalse(values["potential"])
        found = self.call_kw(
            "pl_employee",
            "hr.appraisal",
            "search_read",
            [[("rating_id", "!=", False)], ["rating_id"]],
        )
        self.assertFalse(found)
        self.cycle.action_release()
        values = self.call_kw(
            "pl_employee", "hr.appraisal", "read", [eve.ids, ["rating_id", "note"]]
        )[0]
        self.assertEqual(values["rating_id"][0], self.rating.id)
        self.assertFalse(values["note"])

    def test_employee_reads_no_result_before_release_on_the_portal(self):
        self._signed_off_eve()
        self.authenticate("pl_employee", "pl_employee")
        page = self.url_open("/my/career").text
        self.assertIn("o_career_appraisals", page)
        self.assertIn("Results not released yet", page)
        self.assertNotIn("o_career_appraisal_rating", page)
        self.assertNotIn("Shipped the platform", page)
        self.cycle.action_release()
        page = self.url_open("/my/career").text
        self.assertIn("o_career_appraisal_rating", page)
        self.assertIn(self.rating.name, page)
        self.assertIn("Shipped the platform", page)
