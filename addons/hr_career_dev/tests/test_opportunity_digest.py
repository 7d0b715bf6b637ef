# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo.tests import tagged

from .opportunity_common import OpportunityCase


@tagged("post_install", "-at_install")
class TestOpportunityDigest(OpportunityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.good = cls._opportunity(
            "Digest: SQL rotation", skills=[("required", cls.sql, cls.intermediate)]
        )
        cls.poor = cls._opportunity(
            "Digest: expert role",
            skills=[
                ("required", cls.python, cls.expert),
                ("required", cls.js, cls.advanced),
            ],
        )
        cls.old = cls._opportunity(
            "Digest: old rotation", skills=[("required", cls.sql, cls.beginner)]
        )
        cls.old.date_open = cls.today - timedelta(days=10)
        cls.emp_colleague.career_opportunity_opt_in = False

    def _digests(self):
        return self.env["mail.mail"].search(
            [("subject", "like", "New internal opportunities for you")]
        )

    def test_digest_sends_new_fitting_opportunities_to_opted_in(self):
        self.assertFalse(self._digests())
        self.env["hr.career.opportunity"]._cron_send_digest()
        mails = self._digests()
        emma = mails.filtered(
            lambda m: self.user_employee.partner_id in m.recipient_ids
        )
        self.assertEqual(len(emma), 1)
        self.assertIn("Digest: SQL rotation", emma.body_html)
        # 28% fit is below the 60% threshold; the old one is not new
        self.assertNotIn("Digest: expert role", emma.body_html)
        self.assertNotIn("Digest: old rotation", emma.body_html)
        self.assertIn("/my/career/opportunities", emma.body_html)
        # opted out: nothing at all
        self.assertFalse(
            mails.filtered(lambda m: self.user_colleague.partner_id in m.recipient_ids)
        )
        # the owner is never sent their own opportunities
        to_owner = mails.filtered(
            lambda m: self.user_owner.partner_id in m.recipient_ids
        )
        self.assertNotIn("Digest: ", "".join(to_owner.mapped("body_html")))

    def test_digest_threshold_per_company(self):
        self.company_a.career_opportunity_digest_threshold = 20
        self.env["hr.career.opportunity"]._cron_send_digest()
        emma = self._digests().filtered(
            lambda m: self.user_employee.partner_id in m.recipient_ids
        )
        self.assertIn("Digest: expert role", emma.body_html)
