# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CareerCase, JsonRpcMixin, UniqueRefusalMixin

JOB_SKILL_TWICE = "A job lists each skill once: change the existing row instead."
STEP_TWICE = "This career step already exists."
COURSE_SKILL_TWICE = (
    "A course teaches each skill once: change the level of the existing row."
)


@tagged("post_install", "-at_install")
class TestJobCompetency(UniqueRefusalMixin, CareerCase):
    def _lead_competencies(self):
        return self.env["hr.job.competency"].search([("job_id", "=", self.job_lead.id)])

    def test_level_of_another_skill_type_is_refused_and_nothing_created(self):
        before = self._lead_competencies()
        with self.assertRaises(ValidationError) as caught:
            self.env["hr.job.competency"].create(
                {
                    "job_id": self.job_lead.id,
                    "skill_id": self.js.id,
                    "required_level_id": self.good.id,  # a soft-skill level
                }
            )
        message = str(caught.exception)
        self.assertIn("Good", message)
        self.assertIn(self.type_tech.name, message)
        self.assertIn("Expert", message, "the message lists the valid levels")
        self.assertEqual(self._lead_competencies(), before)

    def test_skill_of_another_type_is_refused(self):
        with self.assertRaises(ValidationError) as caught:
            self.env["hr.job.competency"].create(
                {
                    "job_id": self.job_lead.id,
                    "skill_id": self.js.id,
                    "skill_type_id": self.type_soft.id,
                    "required_level_id": self.good.id,
                }
            )
        self.assertIn(self.js.name, str(caught.exception))
        self.assertNotIn(self.js, self._lead_competencies().skill_id)

    def test_skill_type_follows_the_skill(self):
        competency = self.env["hr.job.competency"].create(
            {
                "job_id": self.job_lead.id,
                "skill_id": self.js.id,
                "required_level_id": self.beginner.id,
            }
        )
        self.assertEqual(competency.skill_type_id, self.type_tech)
        self.assertEqual(competency.required_progress, 20)
        self.assertEqual(self.job_lead.competency_count, 4)

    def test_same_skill_twice_for_a_job_is_refused_in_words(self):
        before = self.job_dev.competency_ids
        self.assertDuplicateRefused(
            JOB_SKILL_TWICE,
            lambda: self.env["hr.job.competency"].create(
                {
                    "job_id": self.job_dev.id,
                    "skill_id": self.python.id,
                    "required_level_id": self.expert.id,
                }
            ),
        )
        self.assertEqual(self._dev_competencies(), before)

    def test_same_new_skill_twice_in_one_save_of_the_job_form_is_refused(self):
        before = self.job_lead.competency_ids
        row = {"skill_id": self.js.id, "required_level_id": self.beginner.id}
        self.assertDuplicateRefused(
            JOB_SKILL_TWICE,
            lambda: self.job_lead.write(
                {"competency_ids": [Command.create(row), Command.create(row)]}
            ),
        )
        self.assertEqual(self._lead_competencies(), before)
        self.assertNotIn(self.js, self._lead_competencies().skill_id)

    def test_changing_a_row_to_a_skill_the_job_lists_is_refused(self):
        sql_row = self.job_dev.competency_ids.filtered(
            lambda row: row.skill_id == self.sql
        )
        self.assertDuplicateRefused(
            JOB_SKILL_TWICE,
            lambda: self.job_dev.write(
                {
                    "competency_ids": [
                        Command.update(sql_row.id, {"skill_id": self.python.id})
                    ]
                }
            ),
        )
        self.env.invalidate_all()
        self.assertEqual(sql_row.skill_id, self.sql)

    def test_a_row_removed_and_added_again_in_one_save_is_accepted(self):
        python_row = self.job_dev.competency_ids.filtered(
            lambda row: row.skill_id == self.python
        )
        self.job_dev.write(
            {
                "competency_ids": [
                    Command.delete(python_row.id),
                    Command.create(
                        {
                            "skill_id": self.python.id,
                            "required_level_id": self.expert.id,
                        }
                    ),
                ]
            }
        )
        new_row = self._dev_competencies().filtered(
            lambda row: row.skill_id == self.python
        )
        self.assertEqual(new_row.required_level_id, self.expert)

    def _dev_competencies(self):
        return self.env["hr.job.competency"].search([("job_id", "=", self.job_dev.id)])


@tagged("post_install", "-at_install")
class TestCareerPath(UniqueRefusalMixin, CareerCase):
    def test_career_step_to_the_same_job_is_refused(self):
        # refused before the database: its CHECK would log an ERROR first
        with (
            self.assertNoLogs("odoo.sql_db", level="ERROR"),
            self.assertRaises(ValidationError),
        ):
            self.env["hr.career.path"].create(
                {"from_job_id": self.job_dev.id, "to_job_id": self.job_dev.id}
            )

    def test_same_career_step_twice_is_refused(self):
        path = self.env["hr.career.path"].create(
            {"from_job_id": self.job_dev.id, "to_job_id": self.job_lead.id}
        )
        self.assertEqual(self.job_dev.next_path_ids, path)
        self.assertEqual(self.job_lead.previous_path_ids, path)
        self.assertDuplicateRefused(
            STEP_TWICE,
            lambda: self.env["hr.career.path"].create(
                {
                    "from_job_id": self.job_dev.id,
                    "to_job_id": self.job_lead.id,
                    "track": "management",
                }
            ),
        )
        self.assertEqual(self.job_dev.next_path_ids, path)

    def test_moving_a_step_onto_an_existing_one_is_refused(self):
        path, other = self.env["hr.career.path"].create(
            [
                {"from_job_id": self.job_dev.id, "to_job_id": self.job_lead.id},
                {"from_job_id": self.job_lead.id, "to_job_id": self.job_dev.id},
            ]
        )
        self.assertDuplicateRefused(
            STEP_TWICE,
            lambda: other.write(
                {"from_job_id": self.job_dev.id, "to_job_id": self.job_lead.id}
            ),
        )
        self.env.invalidate_all()
        self.assertEqual(other.from_job_id, self.job_lead)
        self.assertEqual(self.job_dev.next_path_ids, path)

    def test_reverse_career_step_is_allowed(self):
        self.env["hr.career.path"].create(
            {"from_job_id": self.job_dev.id, "to_job_id": self.job_lead.id}
        )
        back = self.env["hr.career.path"].create(
            {"from_job_id": self.job_lead.id, "to_job_id": self.job_dev.id}
        )
        self.assertEqual(
            back.display_name, f"{self.job_lead.name} → {self.job_dev.name}"
        )


@tagged("post_install", "-at_install")
class TestCourseSkill(UniqueRefusalMixin, CareerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.course = cls._create_courses(
            [("Python advanced (ct)", [(cls.python, cls.advanced)], True)]
        )

    def test_course_skill_takes_the_type_of_its_skill(self):
        self.assertEqual(self.course.skill_ids.skill_type_id, self.type_tech)
        self.assertEqual(self.course.skill_ids.level_progress, 80)

    def test_course_level_of_another_skill_type_is_refused(self):
        with self.assertRaises(ValidationError) as caught:
            self.env["slide.channel.skill"].create(
                {
                    "channel_id": self.course.id,
                    "skill_id": self.js.id,
                    "level_id": self.good.id,
                }
            )
        self.assertIn("Good", str(caught.exception))
        self.assertEqual(self.course.skill_ids.skill_id, self.python)

    def test_course_teaching_the_same_skill_twice_is_refused(self):
        self.assertDuplicateRefused(
            COURSE_SKILL_TWICE,
            lambda: self.env["slide.channel.skill"].create(
                {
                    "channel_id": self.course.id,
                    "skill_id": self.python.id,
                    "level_id": self.expert.id,
                }
            ),
        )
        self.assertEqual(len(self.course.skill_ids), 1)

    def test_same_skill_twice_on_a_new_course_form_is_refused(self):
        row = {"skill_id": self.sql.id, "level_id": self.advanced.id}
        self.assertDuplicateRefused(
            COURSE_SKILL_TWICE,
            lambda: self.env["slide.channel"].create(
                {
                    "name": "SQL twice (ct)",
                    "skill_ids": [Command.create(row), Command.create(row)],
                }
            ),
        )
        self.assertFalse(
            self.env["slide.channel"].search([("name", "=", "SQL twice (ct)")])
        )


@tagged("post_install", "-at_install", "suite_upgrade")
class TestDuplicateRefusedSide(JsonRpcMixin, CareerCase, HttpCase):
    """Someone who may not save the row at all is told so, not that the row
    would be a duplicate: the access check comes before the duplicate check
    (hr.career.unique.mixin), over the ORM and JSON-RPC, and nothing
    changes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_hr_manager = mail_new_test_user(
            cls.env,
            login="career_dup_hr_manager",
            name="Hanna HR Manager",
            groups="base.group_user,hr.group_hr_manager",
        )

    def _duplicate_vals(self):
        # Developer already lists Python (common.py)
        return self._competency_vals(self.job_dev, self.python, self.expert, "nice")

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    def test_orm_duplicate_by_a_user_who_may_not_create_is_an_access_error(self):
        Competency = self.env["hr.job.competency"]
        before = Competency.search([])
        for user in (self.user_employee, self.user_hr):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                Competency.with_user(user).create(self._duplicate_vals())
        # a write onto another row's key, refused for the same reason
        js_row = self.job_dev.competency_ids.filtered(lambda c: c.skill_id == self.js)
        with self.assertRaises(AccessError):
            js_row.with_user(self.user_hr).write(
                {"skill_id": self.python.id, "required_level_id": self.expert.id}
            )
        self.env.invalidate_all()
        self.assertEqual(Competency.search([]), before)
        self.assertEqual(js_row.skill_id, self.js)
        # HR managers may create rows: they get the duplicate's message
        with self.assertRaisesRegex(ValidationError, "A job lists each skill once"):
            Competency.with_user(self.user_hr_manager).create(self._duplicate_vals())

    @mute_logger(
        "odoo.http",
        "odoo.addons.base.models.ir_model",
        "odoo.addons.base.models.ir_rule",
    )
    def test_rpc_duplicate_by_a_user_who_may_not_create_is_an_access_error(self):
        before = self.env["hr.job.competency"].search([])
        for login in ("career_employee", "career_hr"):
            with self.subTest(login=login):
                self.assertRpcRefused(
                    login,
                    "hr.job.competency",
                    "create",
                    [self._duplicate_vals()],
                    error="odoo.exceptions.AccessError",
                )
        self.assertEqual(self.env["hr.job.competency"].search([]), before)
