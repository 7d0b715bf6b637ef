# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .objective_common import ObjectiveCase

COMPLETED = (
    "[('partner_id', '=', partner_id), ('member_status', '=', 'completed'), "
    "('write_date', '>=', date_start)]"
)


@tagged("post_install", "-at_install")
class TestKeyResultBinding(ObjectiveCase):
    """A key result counts the courses its employee completed (eLearning)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Channel = cls.env["slide.channel"]
        cls.courses = Channel.create(
            [{"name": f"Course {i} (test)", "is_published": True} for i in range(3)]
        )
        Objective = cls.env["hr.performance.objective"]
        period = {"date_start": cls.date_start, "date_end": cls.date_end}
        # the same definition on two people's objectives: one grouped query
        cls.kr_eve, cls.kr_rita = cls.env["hr.performance.key.result"].create(
            [
                {
                    "objective_id": objective.id,
                    "name": "Courses completed",
                    "target_value": 3,
                    "source_model": "slide.channel.partner",
                    "source_domain": COMPLETED,
                }
                for objective in Objective.create(
                    [
                        dict(period, name="Learn (test)", employee_id=emp.id)
                        for emp in (cls.employee, cls.reviewer)
                    ]
                )
            ]
        )

    def _complete(self, user, courses):
        self.env["slide.channel.partner"].create(
            [
                {
                    "channel_id": course.id,
                    "partner_id": user.partner_id.id,
                    "member_status": "completed",
                    "completion": 100,
                }
                for course in courses
            ]
        )

    def test_cron_counts_completed_courses_per_employee_in_one_query(self):
        self._complete(self.user_employee, self.courses[:2])
        self._complete(self.user_reviewer, self.courses[:1])
        # not completed: not counted
        self.env["slide.channel.partner"].create(
            {
                "channel_id": self.courses[2].id,
                "partner_id": self.user_employee.partner_id.id,
            }
        )
        self.env["hr.performance.key.result"]._cron_refresh_bound_values()
        self.assertEqual(self.kr_eve.current_value, 2)
        self.assertEqual(self.kr_rita.current_value, 1)
        self.assertAlmostEqual(self.kr_eve.progress, 66.7, places=1)
        self.assertTrue(self.kr_eve.date_refreshed)
        # history of the value in the objective's chatter
        self.assertIn(
            "Courses completed: 0 → 2",
            self.kr_eve.objective_id.message_ids[:1].body,
        )

    def _count_queries(self, key_results):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        totals = key_results._count_bound_values()
        return self.env.cr.sql_log_count - before, totals

    def test_counting_queries_do_not_grow_with_the_objectives(self):
        """One grouped query per definition: the same count for one key
        result and for two (and so for all of them)."""
        self._complete(self.user_employee, self.courses[:2])
        self._complete(self.user_reviewer, self.courses[1:2])
        self._count_queries(self.kr_eve | self.kr_rita)  # warm the caches
        one, totals = self._count_queries(self.kr_eve)
        self.assertEqual(totals, {self.kr_eve: 2})
        both, totals = self._count_queries(self.kr_eve | self.kr_rita)
        self.assertEqual(totals, {self.kr_eve: 2, self.kr_rita: 1})
        self.assertEqual(both, one)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_only_hr_officers_bind_a_key_result(self):
        kr = self.kr_features.with_user(self.user_employee)
        with self.assertRaises(AccessError):
            kr.write({"source_model": "slide.channel.partner"})
        with self.assertRaises(AccessError):
            self.env["hr.performance.key.result"].with_user(self.user_manager).create(
                {
                    "objective_id": self.obj_employee.id,
                    "name": "Sneaky",
                    "target_value": 1,
                    "source_model": "res.users",
                }
            )
        self.assertFalse(self.kr_features.source_model)
        self.assertEqual(len(self.obj_employee.key_result_ids), 2)

    def test_employee_sees_the_count_and_the_definition_not_the_records(self):
        self._complete(self.user_employee, self.courses[:1])
        self.env["hr.performance.key.result"]._cron_refresh_bound_values()
        kr = self.kr_eve.with_user(self.user_employee)
        self.assertEqual(kr.current_value, 1)
        self.assertEqual(kr.source_domain, COMPLETED)
        self.assertEqual(kr.source_model, "slide.channel.partner")

    def test_bound_value_cannot_be_set_by_hand(self):
        from odoo.exceptions import UserError

        with self.assertRaises(UserError):
            self.kr_eve.with_user(self.user_employee).write({"current_value": 3})
        self.assertEqual(self.kr_eve.current_value, 0)

    def test_invalid_binding_is_refused_in_words(self):
        officer_kr = self.kr_features.with_user(self.user_officer)
        for domain, words in (
            ("[('no_such_field', '=', 1)]", "not a valid domain"),
            ("[('partner_id', '!=', partner_id)]", "must be compared with"),
            ("[('partner_id', '=',", "not a valid domain"),
        ):
            with self.assertRaises(ValidationError) as caught, self.env.cr.savepoint():
                officer_kr.write(
                    {"source_model": "slide.channel.partner", "source_domain": domain}
                )
            self.assertIn(words, str(caught.exception))
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            officer_kr.write(
                {
                    "source_model": "slide.channel.partner",
                    "source_aggregate": "sum",
                    "source_field": "member_status",
                }
            )
        self.env.invalidate_all()
        self.assertFalse(self.kr_features.source_model)
