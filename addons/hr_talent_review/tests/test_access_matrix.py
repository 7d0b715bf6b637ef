# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The access matrix of readme/USAGE.md, cell by cell.

Each row is (model, operation, expected per role), roles in the order of
ROLES; ``Y`` allowed, ``-`` refused with an AccessError and nothing changed.
Keep this table and the one in readme/USAGE.md the same."""

from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.hr_performance_link.tests.common import AppraisalTrustCase

ROLES = (
    "employee_self",
    "employee_other",
    "manager_of",
    "manager_not_of",
    "hr_officer",
    "hr_manager",
    "portal",
    "reviewer",
)

MATRIX = [
    # (model, operation, "self other mgr-of mgr-not-of hr-off hr-mgr portal reviewer")
    ("hr.appraisal", "read", "Y - Y - Y Y - -"),
    ("hr.appraisal", "create", "- - Y - Y Y - -"),
    ("hr.appraisal", "write employee_feedback", "Y - Y - Y Y - -"),
    ("hr.appraisal", "write manager_feedback", "- - Y - Y Y - -"),
    ("hr.appraisal", "write state", "- - Y - Y Y - -"),
    ("hr.appraisal", "write manager_ids outside the chain", "- - - - Y Y - -"),
    ("hr.appraisal", "write employee_id", "- - - - Y Y - -"),
    ("hr.appraisal", "unlink", "- - Y - Y Y - -"),
    ("hr.appraisal.skill", "read", "Y - Y - Y Y - -"),
    ("hr.appraisal.skill", "create", "- - Y - Y Y - -"),
    ("hr.appraisal.skill", "write self_level_id", "Y - - - Y Y - -"),
    ("hr.appraisal.skill", "write assessed_level_id", "- - Y - Y Y - -"),
    ("hr.appraisal.skill", "write required_level_id", "- - - - Y Y - -"),
    ("hr.appraisal.skill", "unlink", "- - Y - Y Y - -"),
    ("hr.feedback.request", "read", "- - Y - Y Y - Y"),
    ("hr.feedback.request", "create", "- - Y - Y Y - -"),
    ("hr.feedback.request", "write feedback", "- - Y - Y Y - Y"),
    ("hr.feedback.request", "write employee_id", "- - - - Y Y - -"),
    ("hr.feedback.request", "unlink", "- - - - Y Y - -"),
    ("hr.feedback.answer", "read", "- - Y - Y Y - Y"),
    ("hr.feedback.answer", "create", "- - Y - Y Y - -"),
    ("hr.feedback.answer", "write rating", "- - - - Y Y - Y"),
    ("hr.feedback.answer", "write skill_id", "- - - - Y Y - -"),
    ("hr.feedback.answer", "unlink", "- - - - Y Y - -"),
    ("hr.performance.checkin", "read", "Y - Y - Y Y - -"),
    ("hr.performance.checkin", "create", "- - Y - Y Y - -"),
    ("hr.performance.checkin", "write notes", "- - Y - Y Y - -"),
    ("hr.performance.checkin", "write manager_id outside the chain", "- - - - Y Y - -"),
    ("hr.performance.checkin", "write employee_id", "- - - - Y Y - -"),
    ("hr.performance.checkin", "unlink", "- - Y - Y Y - -"),
    ("hr.performance.checkin.goal", "read", "Y - Y - Y Y - -"),
    ("hr.performance.checkin.goal", "create", "- - Y - Y Y - -"),
    ("hr.performance.checkin.goal", "write progress", "- - Y - Y Y - -"),
    ("hr.performance.checkin.goal", "unlink", "- - Y - Y Y - -"),
    ("hr.review.cycle", "read", "- - Y - Y Y - -"),
    ("hr.review.cycle", "create", "- - - - Y Y - -"),
    ("hr.review.cycle", "write name", "- - - - Y Y - -"),
    ("hr.review.cycle", "launch", "- - - - Y Y - -"),
    ("hr.review.cycle", "unlink", "- - - - Y Y - -"),
    ("hr.review.cycle.failure", "read", "- - - - Y Y - -"),
    ("hr.talent.review", "read", "- - Y - Y Y - -"),
    ("hr.talent.review", "create", "- - - - Y Y - -"),
    ("hr.talent.review", "write name", "- - - - Y Y - -"),
    ("hr.talent.review", "close", "- - - - Y Y - -"),
    ("hr.talent.review", "unlink", "- - - - Y Y - -"),
    ("hr.talent.review.line", "read", "- - Y - Y Y - -"),
    ("hr.talent.review.line", "create", "- - - - Y Y - -"),
    ("hr.talent.review.line", "move", "- - Y - Y Y - -"),
    ("hr.talent.review.line", "write employee_id", "- - - - Y Y - -"),
    ("hr.talent.review.line", "unlink", "- - - - Y Y - -"),
    ("hr.talent.placement", "read", "- - Y - Y Y - -"),
    ("hr.talent.movement", "read", "- - Y - Y Y - -"),
    ("hr.talent.pool", "read", "- - - - Y Y - -"),
    ("hr.talent.pool", "write employee_ids", "- - - - Y Y - -"),
]


@tagged("post_install", "-at_install", "suite_upgrade")
class TestAccessMatrix(AppraisalTrustCase):
    """Eve (employee_self) is appraised; Mallory (employee_other) is her
    colleague; Mona (manager_of) her manager; Nick (manager_not_of) manages
    another team; Rita (reviewer, in OCA's appraisal user group) answers the
    360° request on Eve. HR officer: Employees / Officer only; HR manager:
    Employees / Administrator and Settings; none of them in OCA's appraisal
    groups. Every record is Eve's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.appraisal.action_confirm()
        cls.line = cls.appraisal.skill_assessment_ids.filtered(
            lambda s: s.skill_id == cls.python
        )
        cls.new_appraisal = cls.env["hr.appraisal"].create(
            {"employee_id": cls.employee.id, "date_close": cls.today}
        )
        cls.request = cls.env["hr.feedback.request"].create(
            {
                "appraisal_id": cls.appraisal.id,
                "employee_id": cls.employee.id,
                "reviewer_id": cls.reviewer.id,
                "date_deadline": cls.today + relativedelta(days=5),
            }
        )
        cls.request.action_request()
        cls.answer = cls.request.answer_ids.filtered(lambda a: a.skill_id == cls.python)
        goals = cls.env["hr.career.goal"].create(
            [
                {"employee_id": cls.employee.id, "name": "Lead a project"},
                {"employee_id": cls.employee.id, "name": "Speak at a meetup"},
            ]
        )
        cls.goal, cls.other_goal = goals
        cls.checkin = cls.env["hr.performance.checkin"].create(
            {
                "employee_id": cls.employee.id,
                "date": cls.today,
                "goal_line_ids": [Command.create({"goal_id": cls.goal.id})],
            }
        )
        cls.goal_line = cls.checkin.goal_line_ids
        cls.cycle, cls.draft_cycle = cls.env["hr.review.cycle"].create(
            [
                {
                    "name": name,
                    "date_start": cls.today,
                    "date_end": cls.today,
                    "employee_ids": [Command.link(cls.employee.id)],
                }
                for name in ("Matrix cycle", "Matrix draft cycle")
            ]
        )
        cls.cycle.state = "running"
        cls.appraisal.review_cycle_id = cls.cycle
        cls.failure = cls.env["hr.review.cycle.failure"].create(
            {
                "cycle_id": cls.cycle.id,
                "employee_id": cls.employee.id,
                "operation": "close",
                "reason": "matrix",
            }
        )
        # a calibrating talent review Mona (not Nick) is invited to, Eve's
        # line and her placement of an earlier session
        cls.talent_review, cls.draft_talent_review = cls.env["hr.talent.review"].create(
            [
                {
                    "name": name,
                    "manager_ids": [Command.set(cls.user_manager.ids)],
                }
                for name in ("Matrix talent review", "Matrix draft talent review")
            ]
        )
        cls.talent_line = cls.env["hr.talent.review.line"].create(
            {
                "review_id": cls.talent_review.id,
                "employee_id": cls.employee.id,
                "performance": "medium",
                "potential": "medium",
            }
        )
        cls.talent_review.action_start()
        cls.placement = cls.env["hr.talent.placement"].create(
            {
                "employee_id": cls.employee.id,
                "review_id": cls.talent_review.id,
                "date": cls.today,
                "performance": "high",
                "potential": "high",
                "company_id": cls.employee.company_id.id,
                "is_current": True,
            }
        )
        cls.movement = cls.env["hr.talent.movement"].browse(cls.placement.id)
        cls.pool = cls.env["hr.talent.pool"].create({"name": "Matrix pool"})
        cls.users = {
            "employee_self": cls.user_employee,
            "employee_other": cls.user_colleague,
            "manager_of": cls.user_manager,
            "manager_not_of": cls.user_other_manager,
            "hr_officer": cls.user_hr_officer,
            "hr_manager": cls.user_hr_manager,
            "portal": cls.user_portal,
            "reviewer": cls.user_reviewer,
        }

    def _operations(self):
        """{(model, operation): (do(env), done())}: ``do`` acts as the user,
        ``done`` tells whether the effect is in the database."""
        Appraisal = self.env["hr.appraisal"]
        Checkin = self.env["hr.performance.checkin"]

        def count(model, domain):
            return self.env[model].with_context(active_test=False).search_count(domain)

        appraisals_before = count(
            "hr.appraisal", [("employee_id", "=", self.employee.id)]
        )
        checkins_before = count(
            "hr.performance.checkin", [("employee_id", "=", self.employee.id)]
        )

        def write(record, vals):
            return lambda env: record.with_env(env).write(vals)

        def read(record):
            return lambda env: record.with_env(env).read(["display_name"])

        def unlink(record):
            return lambda env: record.with_env(env).unlink()

        def gone(record):
            return lambda: not record.exists()

        def equals(record, field, value):
            return lambda: record[field] == value

        return {
            ("hr.appraisal", "read"): (read(self.appraisal), None),
            ("hr.appraisal", "create"): (
                lambda env: Appraisal.with_env(env).create(
                    {"employee_id": self.employee.id, "date_close": self.today}
                ),
                lambda: count("hr.appraisal", [("employee_id", "=", self.employee.id)])
                > appraisals_before,
            ),
            ("hr.appraisal", "write employee_feedback"): (
                write(self.appraisal, {"employee_feedback": "<p>matrix</p>"}),
                lambda: "matrix" in (self.appraisal.employee_feedback or ""),
            ),
            ("hr.appraisal", "write manager_feedback"): (
                write(self.appraisal, {"manager_feedback": "<p>matrix</p>"}),
                lambda: "matrix" in (self.appraisal.manager_feedback or ""),
            ),
            ("hr.appraisal", "write state"): (
                write(self.appraisal, {"state": "1_new"}),
                equals(self.appraisal, "state", "1_new"),
            ),
            ("hr.appraisal", "write manager_ids outside the chain"): (
                write(
                    self.appraisal, {"manager_ids": [Command.link(self.colleague.id)]}
                ),
                lambda: self.colleague in self.appraisal.manager_ids,
            ),
            ("hr.appraisal", "write employee_id"): (
                write(self.appraisal, {"employee_id": self.colleague.id}),
                equals(self.appraisal, "employee_id", self.colleague),
            ),
            ("hr.appraisal", "unlink"): (
                unlink(self.new_appraisal),
                gone(self.new_appraisal),
            ),
            ("hr.appraisal.skill", "read"): (read(self.line), None),
            ("hr.appraisal.skill", "create"): (
                lambda env: env["hr.appraisal.skill"].create(
                    {"appraisal_id": self.appraisal.id, "skill_id": self.cobol.id}
                ),
                lambda: self.cobol in self.appraisal.skill_assessment_ids.skill_id,
            ),
            ("hr.appraisal.skill", "write self_level_id"): (
                write(self.line, {"self_level_id": self.expert.id}),
                equals(self.line, "self_level_id", self.expert),
            ),
            ("hr.appraisal.skill", "write assessed_level_id"): (
                write(self.line, {"assessed_level_id": self.expert.id}),
                equals(self.line, "assessed_level_id", self.expert),
            ),
            ("hr.appraisal.skill", "write required_level_id"): (
                write(self.line, {"required_level_id": self.beginner.id}),
                equals(self.line, "required_level_id", self.beginner),
            ),
            ("hr.appraisal.skill", "unlink"): (unlink(self.line), gone(self.line)),
            ("hr.feedback.request", "read"): (read(self.request), None),
            ("hr.feedback.request", "create"): (
                lambda env: env["hr.feedback.request"].create(
                    {
                        "appraisal_id": self.appraisal.id,
                        "employee_id": self.employee.id,
                        "reviewer_id": self.reviewer2.id,
                        "date_deadline": self.today + relativedelta(days=5),
                    }
                ),
                lambda: self.reviewer2
                in self.appraisal.feedback_request_ids.reviewer_id,
            ),
            ("hr.feedback.request", "write feedback"): (
                write(self.request, {"feedback": "matrix"}),
                equals(self.request, "feedback", "matrix"),
            ),
            ("hr.feedback.request", "write employee_id"): (
                write(self.request, {"employee_id": self.colleague.id}),
                equals(self.request, "employee_id", self.colleague),
            ),
            ("hr.feedback.request", "unlink"): (
                unlink(self.request),
                gone(self.request),
            ),
            ("hr.feedback.answer", "read"): (read(self.answer), None),
            ("hr.feedback.answer", "create"): (
                lambda env: env["hr.feedback.answer"].create(
                    {"request_id": self.request.id, "skill_id": self.cobol.id}
                ),
                lambda: self.cobol in self.request.answer_ids.skill_id,
            ),
            ("hr.feedback.answer", "write rating"): (
                write(self.answer, {"rating": 1}),
                equals(self.answer, "rating", 1),
            ),
            ("hr.feedback.answer", "write skill_id"): (
                write(self.answer, {"skill_id": self.cobol.id}),
                equals(self.answer, "skill_id", self.cobol),
            ),
            ("hr.feedback.answer", "unlink"): (unlink(self.answer), gone(self.answer)),
            ("hr.performance.checkin", "read"): (read(self.checkin), None),
            ("hr.performance.checkin", "create"): (
                lambda env: Checkin.with_env(env).create(
                    {"employee_id": self.employee.id, "date": self.today}
                ),
                lambda: count(
                    "hr.performance.checkin", [("employee_id", "=", self.employee.id)]
                )
                > checkins_before,
            ),
            ("hr.performance.checkin", "write notes"): (
                write(self.checkin, {"notes": "<p>matrix</p>"}),
                lambda: "matrix" in (self.checkin.notes or ""),
            ),
            ("hr.performance.checkin", "write manager_id outside the chain"): (
                write(self.checkin, {"manager_id": self.colleague.id}),
                equals(self.checkin, "manager_id", self.colleague),
            ),
            ("hr.performance.checkin", "write employee_id"): (
                write(self.checkin, {"employee_id": self.colleague.id}),
                equals(self.checkin, "employee_id", self.colleague),
            ),
            ("hr.performance.checkin", "unlink"): (
                unlink(self.checkin),
                gone(self.checkin),
            ),
            ("hr.performance.checkin.goal", "read"): (read(self.goal_line), None),
            ("hr.performance.checkin.goal", "create"): (
                lambda env: env["hr.performance.checkin.goal"].create(
                    {"checkin_id": self.checkin.id, "goal_id": self.other_goal.id}
                ),
                lambda: self.other_goal in self.checkin.goal_line_ids.goal_id,
            ),
            ("hr.performance.checkin.goal", "write progress"): (
                write(self.goal_line, {"progress": 42}),
                equals(self.goal_line, "progress", 42),
            ),
            ("hr.performance.checkin.goal", "unlink"): (
                unlink(self.goal_line),
                gone(self.goal_line),
            ),
            ("hr.review.cycle", "read"): (read(self.cycle), None),
            ("hr.review.cycle", "create"): (
                lambda env: env["hr.review.cycle"].create(
                    {
                        "name": "Matrix created",
                        "date_start": self.today,
                        "date_end": self.today,
                    }
                ),
                lambda: bool(
                    count("hr.review.cycle", [("name", "=", "Matrix created")])
                ),
            ),
            ("hr.review.cycle", "write name"): (
                write(self.cycle, {"name": "Matrix renamed"}),
                equals(self.cycle, "name", "Matrix renamed"),
            ),
            ("hr.review.cycle", "launch"): (
                lambda env: self.draft_cycle.with_env(env).action_launch(),
                equals(self.draft_cycle, "state", "running"),
            ),
            ("hr.review.cycle", "unlink"): (
                unlink(self.draft_cycle),
                gone(self.draft_cycle),
            ),
            ("hr.review.cycle.failure", "read"): (read(self.failure), None),
            ("hr.talent.review", "read"): (read(self.talent_review), None),
            ("hr.talent.review", "create"): (
                lambda env: env["hr.talent.review"].create({"name": "Matrix new"}),
                lambda: bool(count("hr.talent.review", [("name", "=", "Matrix new")])),
            ),
            ("hr.talent.review", "write name"): (
                write(self.talent_review, {"name": "Matrix renamed"}),
                equals(self.talent_review, "name", "Matrix renamed"),
            ),
            ("hr.talent.review", "close"): (
                lambda env: self.talent_review.with_env(env).action_close(),
                equals(self.talent_review, "state", "done"),
            ),
            ("hr.talent.review", "unlink"): (
                unlink(self.draft_talent_review),
                gone(self.draft_talent_review),
            ),
            ("hr.talent.review.line", "read"): (read(self.talent_line), None),
            ("hr.talent.review.line", "create"): (
                lambda env: env["hr.talent.review.line"].create(
                    {
                        "review_id": self.talent_review.id,
                        "employee_id": self.colleague.id,
                        "performance": "high",
                        "potential": "high",
                    }
                ),
                lambda: self.colleague in self.talent_review.line_ids.employee_id,
            ),
            ("hr.talent.review.line", "move"): (
                lambda env: self.talent_line.with_env(env).move_to(
                    potential="high", reason="matrix"
                ),
                equals(self.talent_line, "potential", "high"),
            ),
            ("hr.talent.review.line", "write employee_id"): (
                write(self.talent_line, {"employee_id": self.colleague.id}),
                equals(self.talent_line, "employee_id", self.colleague),
            ),
            ("hr.talent.review.line", "unlink"): (
                unlink(self.talent_line),
                gone(self.talent_line),
            ),
            ("hr.talent.placement", "read"): (read(self.placement), None),
            ("hr.talent.movement", "read"): (read(self.movement), None),
            ("hr.talent.pool", "read"): (read(self.pool), None),
            ("hr.talent.pool", "write employee_ids"): (
                write(self.pool, {"employee_ids": [Command.link(self.employee.id)]}),
                lambda: self.employee in self.pool.employee_ids,
            ),
        }

    def test_access_matrix(self):
        operations = self._operations()
        self.assertEqual(
            set(operations), {(model, operation) for model, operation, _ in MATRIX}
        )
        cr = self.env.cr
        for model, operation, expected in MATRIX:
            cells = dict(zip(ROLES, expected.split(), strict=True))
            do, done = operations[(model, operation)]
            for role, cell in cells.items():
                with self.subTest(model=model, operation=operation, role=role):
                    user_env = self.env(user=self.users[role])
                    outer = cr.savepoint()
                    try:
                        refused = False
                        try:
                            with cr.savepoint():
                                do(user_env)
                                user_env.flush_all()
                        except AccessError:
                            refused = True
                        self.env.invalidate_all()
                        self.assertEqual(
                            "-" if refused else "Y",
                            cell,
                            f"{role} {operation} on {model}",
                        )
                        if done is not None:
                            self.assertEqual(
                                done(),
                                not refused,
                                "a refused operation changes nothing",
                            )
                    finally:
                        self.env.invalidate_all()
                        outer.close(rollback=True)
