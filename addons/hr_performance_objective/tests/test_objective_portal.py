# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import html

from odoo import http
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .objective_common import ObjectiveCase


@tagged("post_install", "-at_install", "suite_upgrade")
class TestObjectivePortal(HttpCase, ObjectiveCase):
    """/my/career/objectives over real HTTP: own objectives only, CSRF, bad
    values answered in words and nothing saved."""

    def _post(self, key_result, value, csrf=True):
        data = {"current_value": value}
        if csrf:
            data["csrf_token"] = http.Request.csrf_token(self)
        return self.url_open(
            f"/my/career/objectives/key-result/{key_result.id}",
            data=data,
            allow_redirects=False,
        )

    def _value(self, key_result):
        key_result.invalidate_recordset()
        return key_result.current_value

    def test_employee_sees_own_objectives_and_what_they_contribute_to(self):
        self.authenticate("pl_employee", "pl_employee")
        page = self.url_open("/my/career/objectives").text
        self.assertIn("Release v2 (test)", page)
        self.assertIn("Features shipped", page)
        self.assertIn("Ship faster (test)", page)  # department, aligned
        self.assertIn("Grow (test)", page)  # company, aligned
        self.assertNotIn("Fix bugs (test)", page)  # a colleague's
        self.assertNotIn("Sell (test)", page)
        self.assertIn("/my/career/objectives", self.url_open("/my/career").text)

    def test_employee_updates_a_key_result_value(self):
        self.authenticate("pl_employee", "pl_employee")
        response = self._post(self.kr_features, "8")
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self._value(self.kr_features), 8)
        self.obj_employee.invalidate_recordset()
        self.assertIn("Features shipped: 5 → 8", self.obj_employee.message_ids[0].body)

    def test_yes_no_key_result_is_a_checkbox(self):
        """Issue 29, item 9: a yes/no key result is ticked, not typed."""
        self.authenticate("pl_employee", "pl_employee")
        page = html.fromstring(self.url_open("/my/career/objectives").text)
        action = "//form[@action='/my/career/objectives/key-result/%s']"
        docs = page.xpath(action % self.kr_docs.id)[0]
        self.assertEqual(
            [
                (i.get("type"), i.get("name"))
                for i in docs.xpath(".//input[@name='current_value']")
            ],
            [("checkbox", "current_value")],
        )
        features = page.xpath(action % self.kr_features.id)[0]
        self.assertEqual(
            features.xpath(".//input[@name='current_value']/@type"), ["text"]
        )
        # ticked: yes
        data = {"yes_no": "1", "current_value": "1"}
        data["csrf_token"] = http.Request.csrf_token(self)
        url = f"/my/career/objectives/key-result/{self.kr_docs.id}"
        self.assertEqual(
            self.url_open(url, data=data, allow_redirects=False).status_code, 303
        )
        self.assertEqual(self._value(self.kr_docs), 1)
        page = html.fromstring(self.url_open("/my/career/objectives").text)
        self.assertEqual(
            page.xpath(f"//input[@id='key_result_{self.kr_docs.id}']/@checked"),
            ["checked"],
        )
        # unticked (the browser sends no value): no
        data = {"yes_no": "1", "csrf_token": http.Request.csrf_token(self)}
        self.assertEqual(
            self.url_open(url, data=data, allow_redirects=False).status_code, 303
        )
        self.assertEqual(self._value(self.kr_docs), 0)

    def test_bad_values_are_answered_in_words_and_nothing_changes(self):
        self.authenticate("pl_employee", "pl_employee")
        for key_result, value, words in (
            (self.kr_features, "eight", "as a number"),
            (self.kr_features, "nan", "as a number"),
            (self.kr_docs, "3", "yes/no"),
        ):
            before = self._value(key_result)
            response = self._post(key_result, value)
            self.assertEqual(response.status_code, 200)
            self.assertIn(words, response.text)
            self.assertEqual(self._value(key_result), before)

    @mute_logger("odoo.http")
    def test_post_without_csrf_token_changes_nothing(self):
        self.authenticate("pl_employee", "pl_employee")
        response = self._post(self.kr_features, "9", csrf=False)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self._value(self.kr_features), 5)

    def test_someone_elses_key_result_is_not_found(self):
        for login in ("pl_employee", "pl_manager"):
            self.authenticate(login, login)
            response = self._post(self.kr_bugs, "0")
            self.assertEqual(response.status_code, 404)
            self.assertEqual(self._value(self.kr_bugs), 10)
