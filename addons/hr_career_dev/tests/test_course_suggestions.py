# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import CareerCase


@tagged("post_install", "-at_install")
class TestCourseSuggestions(CareerCase):
    """Emma's open gaps (see common.py):

    current job: Python 50 → 80 (critical), JavaScript 0 → 50 (nice)
    target job:  Python 50 → 100 (critical), Communication 0 → 75 (important)

    Score of a course (hr_career_dev/matching.py ``rank_courses``), summed over the
    gaps it closes: weight(importance) x scope weight (current 1, target 0.6) x
    progress closed x 1.25 when the gap is fully closed.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (
            cls.course_python_expert,
            cls.course_python_advanced,
            cls.course_communication,
            cls.course_communication_bis,
            cls.course_js,
            cls.course_python_beginner,
            cls.course_sql,
            cls.course_unpublished,
        ) = cls._create_courses(
            [
                ("Python expert (ct)", [(cls.python, cls.expert)], True),
                ("Python advanced (ct)", [(cls.python, cls.advanced)], True),
                ("Communication (ct)", [(cls.communication, cls.good)], True),
                # named to sort first by name: ties must go by id, not by name
                ("Business communication (ct)", [(cls.communication, cls.good)], True),
                ("JavaScript (ct)", [(cls.js, cls.intermediate)], True),
                ("Python beginner (ct)", [(cls.python, cls.beginner)], True),
                ("SQL (ct)", [(cls.sql, cls.intermediate)], True),
                ("Python unpublished (ct)", [(cls.python, cls.expert)], False),
            ]
        )

    def _suggest(self, limit=10):
        return self.emp_employee._get_course_suggestions(limit=limit)

    def test_career_tab_lists_the_suggestions_with_why(self):
        """The Career tab's widget draws course_suggestion_data: the same
        courses, best first, each with one reason per gap it closes."""
        data = self.emp_employee.with_user(self.user_hr).course_suggestion_data
        shown = data["suggestions"]
        best = self._suggest(limit=len(shown))
        self.assertEqual([row["id"] for row in shown], [s["channel"].id for s in best])
        self.assertEqual(shown[0]["name"], "Python expert (ct)")
        self.assertEqual(shown[0]["score"], 225.0)
        self.assertEqual(shown[0]["url"], self.course_python_expert.website_url)
        self.assertEqual(
            sorted(shown[0]["reasons"]),
            [
                "Python (career test) 50% → 100% for the target job (importance: "
                "Critical)",
                "Python (career test) 50% → 80% for the current job (importance: "
                "Critical)",
            ],
        )
        self.assertNotIn(
            self.course_unpublished.id, [row["id"] for row in shown]
        )  # never an unpublished course

    def test_courses_are_ranked_by_the_gaps_they_close(self):
        suggestions = self._suggest()
        self.assertEqual(
            [(s["channel"], s["score"]) for s in suggestions],
            [
                # current 3 x 1 x 30 x 1.25 + target 3 x 0.6 x 50 x 1.25
                (self.course_python_expert, 225.0),
                # current 3 x 1 x 30 x 1.25 + target 3 x 0.6 x 30 (not closed)
                (self.course_python_advanced, 166.5),
                # target 2 x 0.6 x 75 x 1.25, a tie: lower id first
                (self.course_communication, 112.5),
                (self.course_communication_bis, 112.5),
                # current 1 x 1 x 50 x 1.25
                (self.course_js, 62.5),
            ],
        )

    def test_each_suggestion_lists_the_gaps_it_closes(self):
        by_course = {s["channel"]: s["gaps"] for s in self._suggest()}

        def closed(course):
            return sorted(
                (g["skill"], g["from_progress"], g["to_progress"], g["scope"])
                for g in by_course[course]
            )

        self.assertEqual(
            closed(self.course_python_expert),
            [(self.python, 50, 80, "current"), (self.python, 50, 100, "target")],
        )
        self.assertEqual(
            closed(self.course_python_advanced),
            [(self.python, 50, 80, "current"), (self.python, 50, 80, "target")],
        )
        self.assertEqual(
            closed(self.course_communication),
            [(self.communication, 0, 75, "target")],
        )
        self.assertEqual(closed(self.course_js), [(self.js, 0, 50, "current")])
        target = next(
            g for g in by_course[self.course_python_advanced] if g["scope"] == "target"
        )
        self.assertEqual(
            (target["required_progress"], target["importance"]), (100, "critical")
        )
        suggestion = next(
            s for s in self._suggest() if s["channel"] == self.course_python_expert
        )
        self.assertEqual(
            sorted(self.env["hr.employee"]._format_suggestion_reasons(suggestion)),
            [
                "Python (career test) 50% → 100% for the target job (importance: "
                "Critical)",
                "Python (career test) 50% → 80% for the current job (importance: "
                "Critical)",
            ],
        )

    def test_course_below_the_employee_level_is_never_suggested(self):
        courses = [s["channel"] for s in self._suggest()]
        self.assertNotIn(self.course_python_beginner, courses)
        self.assertNotIn(self.course_sql, courses, "SQL has no gap")

    def test_unpublished_course_is_never_suggested(self):
        self.assertNotIn(
            self.course_unpublished, [s["channel"] for s in self._suggest()]
        )
        self.course_unpublished.is_published = True
        self.assertIn(self.course_unpublished, [s["channel"] for s in self._suggest()])

    def test_completed_course_is_never_suggested(self):
        course = self._create_courses(
            [("JavaScript advanced (ct)", [(self.js, self.advanced)], True)]
        )
        self.assertIn(course, [s["channel"] for s in self._suggest()])
        self.env["slide.channel.partner"].create(
            {
                "channel_id": course.id,
                "partner_id": self.user_employee.partner_id.id,
                "member_status": "completed",
                "completion": 100,
            }
        )
        self.assertNotIn(course, [s["channel"] for s in self._suggest()])
        # completed by Emma only: still suggested to her colleague
        self.assertIn(
            course,
            [s["channel"] for s in self.emp_colleague._get_course_suggestions(10)],
        )

    def test_course_joined_but_not_completed_is_still_suggested(self):
        self.course_js._action_add_members(self.user_employee.partner_id)
        self.assertIn(self.course_js, [s["channel"] for s in self._suggest()])

    def test_employee_gets_the_same_suggestions_with_their_own_rights(self):
        as_admin = [(s["channel"], s["score"]) for s in self._suggest()]
        as_employee = self.emp_employee.with_user(
            self.user_employee
        )._get_course_suggestions(limit=10)
        self.assertEqual([(s["channel"], s["score"]) for s in as_employee], as_admin)

    def test_course_the_user_may_not_see_is_not_suggested(self):
        hidden = self._create_courses(
            [("Python masterclass (ct)", [(self.python, self.expert)], True)]
        )
        hidden.visibility = "members"
        self.assertIn(hidden, [s["channel"] for s in self._suggest()])
        as_employee = self.emp_employee.with_user(
            self.user_employee
        )._get_course_suggestions(limit=10)
        self.assertNotIn(hidden, [s["channel"] for s in as_employee])

    def test_limit_is_respected(self):
        self.assertEqual(
            [s["channel"] for s in self._suggest(limit=3)],
            [
                self.course_python_expert,
                self.course_python_advanced,
                self.course_communication,
            ],
        )
        self.assertEqual(len(self.emp_employee._get_course_suggestions()), 5)

    def test_employee_without_gap_gets_no_suggestion(self):
        self.assertEqual(self.emp_manager._get_course_suggestions(), [])

    def test_suggestions_follow_the_target_job(self):
        self.goal_lead.action_abandon()
        courses = [s["channel"] for s in self._suggest()]
        self.assertNotIn(self.course_communication, courses)
        self.assertEqual(
            courses,
            [self.course_python_expert, self.course_python_advanced, self.course_js],
        )

    def test_suggestions_for_many_employees_cost_a_fixed_number_of_queries(self):
        def make(count):
            employees = self.env["hr.employee"].create(
                [
                    {"name": f"Learner {i}", "job_id": self.job_dev.id}
                    for i in range(count)
                ]
            )
            self.env["hr.employee.skill"].create(
                [self._skill_vals(e, self.python, self.beginner) for e in employees]
            )
            return employees

        def count(employees):
            self.env.flush_all()
            self.env.invalidate_all()
            count0 = self.env.cr.sql_log_count
            result = employees._get_course_suggestions_batch(limit=3)
            return self.env.cr.sql_log_count - count0, result

        few, few_result = count(make(3))
        many, many_result = count(make(30))
        self.assertEqual(few, many)
        self.assertEqual(len(many_result), 30)
        # Python 20 → 80 (current job): Expert and Advanced close it fully
        # (3 x 60 x 1.25 = 225, a tie: lower id first); SQL 0 → 50 (important):
        # 2 x 50 x 1.25 = 125; JavaScript 0 → 50 (nice, 62.5) comes fourth
        for suggestions in (*few_result.values(), *many_result.values()):
            self.assertEqual(
                [(s["channel"], s["score"]) for s in suggestions],
                [
                    (self.course_python_expert, 225.0),
                    (self.course_python_advanced, 225.0),
                    (self.course_sql, 125.0),
                ],
            )

    def _count_suggestion_queries(self):
        self.env.flush_all()
        self.env.invalidate_all()
        employee = self.emp_employee.browse(self.emp_employee.id)
        count0 = self.env.cr.sql_log_count
        suggestions = employee._get_course_suggestions(limit=5)
        return self.env.cr.sql_log_count - count0, suggestions

    def test_suggestion_queries_do_not_grow_with_the_number_of_courses(self):
        few, suggestions = self._count_suggestion_queries()
        self.assertEqual(len(suggestions), 5)
        self._create_courses(
            [
                (f"Extra {i} (ct)", [(skill, level)], True)
                for i in range(9)
                for skill, level in (
                    (self.python, self.advanced),
                    (self.js, self.intermediate),
                    (self.communication, self.basic),
                    (self.python, self.expert),
                )
            ]
        )
        many, suggestions = self._count_suggestion_queries()
        self.assertEqual(len(suggestions), 5)
        self.assertEqual(few, many)
        self.env.invalidate_all()
        with self.assertQueryCount(few):
            self.emp_employee._get_course_suggestions(limit=5)


@tagged("post_install", "-at_install")
class TestMentorSuggestions(CareerCase):
    def test_mentors_hold_the_skill_at_the_level_best_first(self):
        mentors = self.emp_employee._get_mentor_suggestions(self.python, 80)
        # Expert (100) first, ties by employee id (Sabine was created before
        # Carl); Marc is Advanced (80)
        self.assertLess(self.emp_skip.id, self.emp_colleague.id)
        self.assertEqual(
            mentors.ids, [self.emp_skip.id, self.emp_colleague.id, self.emp_manager.id]
        )
        self.assertEqual(
            self.emp_employee._get_mentor_suggestions(self.python, 90).ids,
            [self.emp_skip.id, self.emp_colleague.id],
        )

    def test_default_level_is_the_highest_required_from_the_employee(self):
        # Python: 80 for the current job, 100 for the target job
        self.assertEqual(
            self.emp_employee._get_mentor_suggestions(self.python).ids,
            [self.emp_skip.id, self.emp_colleague.id],
        )

    def test_employee_is_never_their_own_mentor(self):
        mentors = self.emp_employee._get_mentor_suggestions(self.python, 0)
        self.assertNotIn(self.emp_employee, mentors)
        self.assertEqual(
            self.emp_colleague._get_mentor_suggestions(self.python, 0).ids,
            [self.emp_skip.id, self.emp_manager.id, self.emp_employee.id],
        )

    def test_mentor_suggestions_respect_the_limit(self):
        self.assertEqual(
            self.emp_employee._get_mentor_suggestions(self.python, 0, limit=1),
            self.emp_skip,
        )

    def test_mentor_suggestions_cost_the_same_queries_with_many_holders(self):
        """The best mentors are ranked by the database: 30 more Python
        experts in the company cost no query more, and the first by id among
        the experts is still suggested (not the first by name: "Aaron
        Expert", created last)."""
        needs = {(self.emp_employee.id, self.python.id): 80}
        Employee = self.env["hr.employee"]

        def suggest():
            Employee._get_mentor_suggestions_batch(needs, limit=1)  # warm
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            result = Employee._get_mentor_suggestions_batch(needs, limit=1)
            return result, self.env.cr.sql_log_count - before

        mentors, small = suggest()
        # the employees' companies, the ranked holders, their names
        self.assertLessEqual(small, 3)
        self.assertEqual(mentors[self.emp_employee.id, self.python.id], self.emp_skip)
        experts = Employee.create(
            [{"name": f"Zed Expert {i:02d}"} for i in range(30)]
            + [{"name": "Aaron Expert"}]
        )
        self.env["hr.employee.skill"].create(
            [self._skill_vals(expert, self.python, self.expert) for expert in experts]
        )
        mentors, large = suggest()
        self.assertEqual(large, small)
        self.assertEqual(mentors[self.emp_employee.id, self.python.id], self.emp_skip)

    def test_suggest_mentors_action_opens_the_mentors(self):
        plan = self.env["hr.development.plan"].create(
            {"employee_id": self.emp_employee.id}
        )
        action = self.env["hr.development.action"].create(
            {
                "name": "Pair with a Python expert",
                "plan_id": plan.id,
                "action_type": "mentoring",
                "skill_id": self.python.id,
            }
        )
        result = action.action_suggest_mentors()
        self.assertEqual(result["res_model"], "hr.employee")
        self.assertEqual(
            set(result["domain"][0][2]), set((self.emp_colleague | self.emp_skip).ids)
        )
