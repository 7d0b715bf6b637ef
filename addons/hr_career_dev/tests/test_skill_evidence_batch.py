# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Skill evidence from many completions is applied in one pass (issue 16):
the queries do not grow with the number of completions."""

from odoo.tests import tagged

from .common import CareerCase


@tagged("post_install", "-at_install")
class TestSkillEvidenceBatch(CareerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.course,) = cls._create_courses(
            [
                (
                    "Batch evidence course (ct)",
                    [(cls.python, cls.advanced), (cls.communication, cls.good)],
                    True,
                )
            ]
        )
        cls.learners = {}
        for key, size in {"warm": 1, "small": 5, "large": 50}.items():
            users = (
                cls.env["res.users"]
                .with_context(no_reset_password=True)
                .create(
                    [
                        {"name": f"Evidence {key} {i}", "login": f"ev_{key}_{i}"}
                        for i in range(size)
                    ]
                )
            )
            employees = cls.env["hr.employee"].create(
                [{"name": user.name, "user_id": user.id} for user in users]
            )
            # half of them already hold Python at a lower level
            cls.env["hr.employee.skill"].create(
                [
                    cls._skill_vals(employee, cls.python, cls.beginner)
                    for employee in employees[::2]
                ]
            )
            cls.learners[key] = employees

    def _memberships(self, employees):
        return self.env["slide.channel.partner"].create(
            [
                {
                    "channel_id": self.course.id,
                    "partner_id": employee.user_id.partner_id.id,
                    "member_status": "completed",
                }
                for employee in employees
            ]
        )

    def _apply_queries(self, employees):
        memberships = self._memberships(employees)
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        self.env["hr.skill.evidence"].sudo()._create_from_completions(memberships)
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_evidence_of_many_completions_in_one_pass(self):
        self._apply_queries(self.learners["warm"])
        small = self._apply_queries(self.learners["small"])
        large = self.learners["large"]
        memberships = self._memberships(large)
        self.env.flush_all()
        self.env.invalidate_all()
        # flush=False: no pre-commit work of the transaction is run before
        # counting. The one query per employee is hr_skills' stored
        # hr.employee.skill_ids relation, which the ORM writes employee by
        # employee (each has its own set); everything else is flat.
        extra = len(large) - len(self.learners["small"])
        with self.assertQueryCount(small + extra, flush=False):
            self.env["hr.skill.evidence"].sudo()._create_from_completions(memberships)
            self.env.flush_all()
        for employee in large:
            self.assertEqual(self._employee_level(employee, self.python), self.advanced)
            self.assertEqual(
                self._employee_level(employee, self.communication), self.good
            )
        evidences = self.env["hr.skill.evidence"].search(
            [("employee_id", "in", large.ids)]
        )
        self.assertEqual(len(evidences), 100)
        self.assertEqual(set(evidences.mapped("state")), {"applied"})
