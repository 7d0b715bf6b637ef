# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""/my/career as a first-time employee reads it (issue 29, item 9): levels
by name, goal colours that know the due date, a real icon on /my, sections
with an in-page navigation (collapsed on a phone: see the phone tour)."""

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time
from lxml import html

from odoo import fields
from odoo.tests import tagged

from .test_portal_http import CareerPortalCase


def _by_class(element, tag, name):
    return element.xpath(
        f".//{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"
    )


@tagged("post_install", "-at_install")
class TestCareerPortalFinish(CareerPortalCase):
    def _page(self, url="/my/career"):
        self.authenticate("career_portal", "career_portal")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return html.fromstring(response.text)

    def test_gaps_and_courses_say_levels_by_name(self):
        page = self._page()
        rows = [
            [cell.text_content().strip() for cell in row.xpath("./td")]
            for row in _by_class(page, "table", "o_career_gaps")[0].xpath(".//tbody/tr")
        ]
        refactoring = next(row for row in rows if row[0] == "Refactoring")
        self.assertEqual(refactoring[2:4], ["YouNovice", "RequiredExpert"])
        testing = next(row for row in rows if row[0] == "Testing")
        self.assertEqual(testing[2:4], ["Younone", "RequiredPractitioner"])
        why = _by_class(page, "div", "o_career_suggestion")[0].text_content()
        self.assertIn("Refactoring:", why)
        self.assertIn("Novice → Expert", " ".join(why.split()))
        self.assertNotIn("%", why)

    def test_goal_colour_takes_the_due_date_into_account(self):
        today = fields.Date.today()
        Goal = self.env["hr.career.goal"]
        # 10 % a day after it started, due in a year: on track, not red
        self.goal.write({"target_date": today + relativedelta(years=1)})
        # 40 % with ninety days gone out of a hundred: behind
        with freeze_time(today - relativedelta(days=90)):
            behind = Goal.create(
                {
                    "employee_id": self.employee.id,
                    "name": "Write the test guide",
                    "progress": 40,
                    "target_date": today + relativedelta(days=10),
                }
            )
        # 90 % but past its date: overdue, red
        with freeze_time(today - relativedelta(days=30)):
            late = Goal.create(
                {
                    "employee_id": self.employee.id,
                    "name": "Migrate the old tests",
                    "progress": 90,
                    "target_date": today - relativedelta(days=1),
                }
            )
        # the database stamps create_date with its own clock
        self.env.cr.execute(
            "UPDATE hr_career_goal SET create_date = %s WHERE id = %s",
            (fields.Datetime.now() - relativedelta(days=90), behind.id),
        )
        Goal.invalidate_model(["create_date"])
        self.assertEqual(behind.schedule_status, "behind")
        page = self._page()
        colours = {}
        for goal in (self.goal, behind, late):
            row = page.xpath(f"//tr[@data-goal-id='{goal.id}']")[0]
            bar = _by_class(row, "div", "progress-bar")[0]
            colours[goal.name] = bar.get("class").split()[-1]
        self.assertEqual(
            colours,
            {
                "Lead the refactoring guild": "bg-success",
                "Write the test guide": "bg-warning",
                "Migrate the old tests": "bg-danger",
            },
        )

    def test_my_home_tile_has_a_real_icon(self):
        self.authenticate("career_portal", "career_portal")
        page = html.fromstring(self.url_open("/my").text)
        tile = page.xpath("//a[@href='/my/career']//img")
        self.assertEqual(tile[0].get("src"), "/hr_career_dev/static/src/img/career.svg")
        icon = self.url_open(tile[0].get("src"))
        self.assertEqual(icon.status_code, 200)
        self.assertIn(b"<svg", icon.content)

    def test_sections_have_an_in_page_navigation_and_collapse(self):
        page = self._page()
        links = [
            a.get("href")
            for a in page.xpath("//nav[contains(@class, 'o_career_section_nav')]//a")
        ]
        for section in ("gaps", "courses", "goals", "actions", "assessment"):
            with self.subTest(section=section):
                self.assertIn(f"#career_{section}", links)
                body = page.xpath(
                    f"//section[@id='career_{section}']/div[@id='career_{section}_body']"
                )
                self.assertIn("collapse", body[0].get("class").split())
                toggle = page.xpath(
                    f"//section[@id='career_{section}']//button[@data-bs-target='#career_{section}_body']"
                )
                self.assertEqual(toggle[0].get("aria-expanded"), "false")
