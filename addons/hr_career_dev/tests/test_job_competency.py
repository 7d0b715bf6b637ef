# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import CareerCase


@tagged("post_install", "-at_install")
class TestJobCompetency(CareerCase):
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

    def test_same_skill_twice_for_a_job_is_refused(self):
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            self.env["hr.job.competency"].create(
                {
                    "job_id": self.job_dev.id,
                    "skill_id": self.python.id,
                    "required_level_id": self.expert.id,
                }
            )
            self.env.flush_all()


@tagged("post_install", "-at_install")
class TestCareerPath(CareerCase):
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
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            self.env["hr.career.path"].create(
                {
                    "from_job_id": self.job_dev.id,
                    "to_job_id": self.job_lead.id,
                    "track": "management",
                }
            )
            self.env.flush_all()

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
class TestCourseSkill(CareerCase):
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
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            self.env["slide.channel.skill"].create(
                {
                    "channel_id": self.course.id,
                    "skill_id": self.python.id,
                    "level_id": self.expert.id,
                }
            )
            self.env.flush_all()
