# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import html

from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestCertificateRoute(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_a = mail_new_test_user(
            cls.env, login="rec_cert_a", name="Alma Cert", groups="base.group_user"
        )
        cls.user_b = mail_new_test_user(
            cls.env, login="rec_cert_b", name="Boris Cert", groups="base.group_user"
        )
        cls.employee_a, cls.employee_b = cls.env["hr.employee"].create(
            [
                {"name": "Alma Cert", "user_id": cls.user_a.id},
                {"name": "Boris Cert", "user_id": cls.user_b.id},
            ]
        )
        badge = cls.env.ref("hr_recognition.badge_goal_achieved")
        cls.award_a, cls.award_b = cls.env["gamification.badge.user"].create(
            [
                {
                    "badge_id": badge.id,
                    "user_id": employee.user_id.id,
                    "employee_id": employee.id,
                    "res_model": "hr.employee",
                    "res_id": employee.id,
                    "comment": "Career goal achieved",
                }
                for employee in (cls.employee_a, cls.employee_b)
            ]
        )

    def test_employee_downloads_own_certificate_only(self):
        self.authenticate("rec_cert_a", "rec_cert_a")
        own = self.url_open(f"/my/career/certificate/{self.award_a.id}")
        self.assertEqual(own.status_code, 200)
        self.assertIn(b"Alma Cert", own.content)
        other = self.url_open(f"/my/career/certificate/{self.award_b.id}")
        self.assertEqual(other.status_code, 404)
        self.assertNotIn(b"Boris Cert", other.content)
        missing = self.url_open("/my/career/certificate/999999999")
        self.assertEqual(missing.status_code, 404)

    def test_without_wkhtmltopdf_the_certificate_is_a_printable_page(self):
        """No "Bad Request: Unable to find Wkhtmltopdf": the HTML certificate,
        inline, saying why and how to print it."""
        if self.env["ir.actions.report"].get_wkhtmltopdf_state() == "ok":
            self.skipTest("wkhtmltopdf is installed here: the PDF is served")
        self.authenticate("rec_cert_a", "rec_cert_a")
        response = self.url_open(f"/my/career/certificate/{self.award_a.id}")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.headers["Content-Type"].startswith("text/html"))
        self.assertNotIn("attachment", response.headers.get("Content-Disposition", ""))
        self.assertIn("Certificate of Recognition", response.text)
        self.assertIn("Alma Cert", response.text)
        self.assertIn("o_recognition_html_fallback", response.text)
        self.assertIn("cannot make PDF files", response.text)
        self.assertNotIn("Wkhtmltopdf", response.text)
        # still only one's own
        other = self.url_open(f"/my/career/certificate/{self.award_b.id}")
        self.assertEqual(other.status_code, 404)
        self.assertNotIn("Boris Cert", other.text)

    def test_career_dashboard_lists_own_badges_with_certificate_link(self):
        self.authenticate("rec_cert_a", "rec_cert_a")
        page = self.url_open("/my/career")
        self.assertEqual(page.status_code, 200)
        self.assertIn(f"/my/career/certificate/{self.award_a.id}", page.text)
        self.assertNotIn(f"/my/career/certificate/{self.award_b.id}", page.text)
        # the card says what the badge was for (issue 29, item 9)
        card = html.fromstring(page.text).xpath(
            "//div[contains(@class, 'o_career_badges')]"
            "//div[contains(@class, 'card-body')]"
        )[0]
        reason = card.xpath(".//p[contains(@class, 'o_career_badge_reason')]")
        self.assertEqual(
            [p.text_content().strip() for p in reason], ["Career goal achieved"]
        )

    def test_certificate_never_names_a_source_the_employee_cannot_read(self):
        """The certificate is rendered with superuser rights (its badge, rule
        and company may be unreadable to the employee), but its "awarded for"
        line follows the reader's own rights: a record they may not read (here
        a colleague's goal) is not named. HR, who read it, see it."""
        goal = self.env["hr.career.goal"].create(
            {"employee_id": self.employee_b.id, "name": "Quietly succeed Alma"}
        )
        self.award_a.write({"res_model": "hr.career.goal", "res_id": goal.id})
        as_alma = self.award_a.with_user(self.user_a)
        self.assertFalse(as_alma.source_ref)
        self.assertFalse(as_alma.sudo().source_ref)
        admin = self.env.ref("base.user_admin")
        self.assertEqual(self.award_a.with_user(admin).source_ref, goal)
        self.authenticate("rec_cert_a", "rec_cert_a")
        response = self.url_open(f"/my/career/certificate/{self.award_a.id}")
        self.assertEqual(response.status_code, 200)
        if response.headers["Content-Type"].startswith("text/html"):
            self.assertIn("Alma Cert", response.text)
            self.assertNotIn("Quietly succeed Alma", response.text)
