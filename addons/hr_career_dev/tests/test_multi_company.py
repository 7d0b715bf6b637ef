# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Two companies: records are company-bound (check_company), an HR officer of
company B sees nothing of company A, and /my/career shows the employee of the
current company."""

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CareerCase, JsonRpcMixin


@tagged("post_install", "-at_install", "suite_upgrade")
class TestMultiCompany(CareerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.job_b_senior = cls.env["hr.job"].create(
            {"name": "Senior Analyst (career test B)", "company_id": cls.company_b.id}
        )
        cls.goal_b_long = cls.env["hr.career.goal"].create(
            {
                "name": "Become Senior Analyst",
                "employee_id": cls.emp_b.id,
                "horizon": "long",
                "target_job_id": cls.job_b_senior.id,
            }
        )
        cls.env["hr.job.competency"].create(
            cls._competency_vals(cls.job_b, cls.sql, cls.advanced, "critical")
        )
        cls.env["hr.job.competency"].create(
            cls._competency_vals(cls.job_b_senior, cls.sql, cls.expert, "critical")
        )
        cls.plan_a, cls.plan_b = cls.env["hr.development.plan"].create(
            [
                {"employee_id": cls.emp_employee.id},
                {"employee_id": cls.emp_b.id},
            ]
        )
        cls.env["hr.development.action"].create(
            [
                {
                    "name": "Read the SQL book",
                    "plan_id": plan.id,
                    "action_type": "other",
                }
                for plan in (cls.plan_a, cls.plan_b)
            ]
        )
        cls.env["hr.skill.evidence"].create(
            [
                {
                    "employee_id": employee.id,
                    "skill_id": cls.sql.id,
                    "level_id": cls.expert.id,
                    "source": "Certification (multi-company test)",
                }
                for employee in (cls.emp_employee, cls.emp_b)
            ]
        )
        cls.env["hr.career.path"].create(
            [
                {"from_job_id": cls.job_dev.id, "to_job_id": cls.job_lead.id},
                {"from_job_id": cls.job_b.id, "to_job_id": cls.job_b_senior.id},
            ]
        )
        cls.env["hr.career.goal.template"].create(
            [
                {"name": "Template of A", "company_id": cls.company_a.id},
                {"name": "Template of B", "company_id": cls.company_b.id},
            ]
        )
        # every model of hr_career_dev with a company_id: (model, a field to read)
        cls.company_models = [
            ("hr.career.goal", "name"),
            ("hr.development.plan", "name"),
            ("hr.development.action", "name"),
            ("hr.competency.gap", "gap"),
            ("hr.skill.evidence", "state"),
            ("hr.job.competency", "importance"),
            ("hr.career.path", "track"),
            ("hr.career.goal.template", "name"),
            ("hr.career.readiness.report", "readiness"),
        ]

    def _records_of(self, model, company):
        ours = self.emp_employee | self.emp_colleague | self.emp_b
        Model = self.env[model].with_context(active_test=False)
        domain = [("company_id", "=", company.id)]
        if "employee_id" in Model._fields:
            domain.append(("employee_id", "in", ours.ids))
        elif model == "hr.career.goal.template":
            domain.append(("name", "like", "Template of"))
        else:
            jobs = self.job_dev | self.job_lead | self.job_b | self.job_b_senior
            job_field = "job_id" if "job_id" in Model._fields else "from_job_id"
            domain.append((job_field, "in", jobs.ids))
        return Model.search(domain)

    def test_every_company_model_has_a_company_rule(self):
        for model, _field in self.company_models:
            with self.subTest(model=model):
                rules = self.env["ir.rule"].search(
                    [("model_id.model", "=", model), ("global", "=", True)]
                )
                self.assertTrue(
                    any("company_ids" in rule.domain_force for rule in rules),
                    f"{model} has no global company rule",
                )

    def test_officer_of_company_b_sees_nothing_of_company_a(self):
        for model, field in self.company_models:
            with self.subTest(model=model):
                records_a = self._records_of(model, self.company_a)
                records_b = self._records_of(model, self.company_b)
                self.assertTrue(records_a, f"no {model} of company A to hide")
                self.assertTrue(records_b, f"no {model} of company B to show")
                as_b = self.env[model].with_user(self.user_b)
                seen = as_b.with_context(active_test=False).search(
                    [("id", "in", (records_a | records_b).ids)]
                )
                self.assertEqual(seen, records_b.with_user(self.user_b))
                with self.assertRaises(AccessError):
                    as_b.browse(records_a[0].id).read([field])
                self.assertTrue(as_b.browse(records_b[0].id).read([field]))

    # ------------------------------------------------------------ check_company
    def test_goal_cannot_target_a_job_of_another_company(self):
        with self.assertRaises(UserError) as caught:
            self.env["hr.career.goal"].create(
                {
                    "name": "Join company B",
                    "employee_id": self.emp_employee.id,
                    "horizon": "long",
                    "target_job_id": self.job_b.id,
                }
            )
        self.assertIn("Incompatible companies", str(caught.exception))
        with self.assertRaises(UserError):
            self.goal_lead.write({"target_job_id": self.job_b.id})
        self.assertEqual(self.goal_lead.target_job_id, self.job_lead)
        self.assertFalse(
            self.env["hr.career.goal"].search([("name", "=", "Join company B")])
        )

    def test_goal_with_a_target_job_cannot_move_to_another_company(self):
        with self.assertRaises(UserError):
            self.goal_lead.write({"employee_id": self.emp_b.id})
        self.assertEqual(self.goal_lead.employee_id, self.emp_employee)
        self.assertEqual(self.goal_lead.company_id, self.company_a)

    def test_plan_mentor_of_another_company_is_refused(self):
        with self.assertRaises(UserError):
            self.env["hr.development.plan"].create(
                {"employee_id": self.emp_employee.id, "mentor_id": self.emp_b.id}
            )
        with self.assertRaises(UserError):
            self.plan_a.write({"mentor_id": self.emp_b.id})
        self.assertFalse(self.plan_a.mentor_id)
        self.plan_a.mentor_id = self.emp_colleague  # same company: fine
        self.assertEqual(self.plan_a.mentor_id, self.emp_colleague)

    def test_plan_cannot_hold_a_goal_of_another_company(self):
        with self.assertRaises(UserError):
            self.plan_a.write({"goal_ids": [Command.link(self.goal_b.id)]})
        self.assertFalse(self.plan_a.goal_ids)

    def test_action_mentor_of_another_company_is_refused(self):
        action = self.plan_a.action_ids
        with self.assertRaises(UserError):
            action.write({"mentor_id": self.emp_b.id})
        self.assertFalse(action.mentor_id)
        with self.assertRaises(UserError):
            self.env["hr.development.action"].create(
                {
                    "name": "Shadow Bruno",
                    "plan_id": self.plan_a.id,
                    "action_type": "mentoring",
                    "mentor_id": self.emp_b.id,
                }
            )
        self.assertEqual(len(self.plan_a.action_ids), 1)

    def test_career_path_stays_within_a_company(self):
        with self.assertRaises(UserError):
            self.env["hr.career.path"].create(
                {"from_job_id": self.job_dev.id, "to_job_id": self.job_b.id}
            )
        self.assertFalse(
            self.env["hr.career.path"].search([("to_job_id", "=", self.job_b.id)])
        )

    def test_goal_template_lists_jobs_of_its_company_only(self):
        template = self.env["hr.career.goal.template"].search(
            [("name", "=", "Template of A")]
        )
        with self.assertRaises(UserError):
            template.write({"job_ids": [Command.link(self.job_b.id)]})
        self.assertFalse(template.job_ids)

    def test_mentors_are_suggested_from_the_employee_company_only(self):
        self.env["hr.employee.skill"].create(
            self._skill_vals(self.emp_b, self.python, self.expert)
        )
        both = self.emp_employee.with_context(
            allowed_company_ids=[self.company_a.id, self.company_b.id]
        )
        mentors = both._get_mentor_suggestions(self.python, 80, limit=10)
        self.assertNotIn(self.emp_b, mentors)
        self.assertIn(self.emp_colleague, mentors)


@tagged("post_install", "-at_install", "suite_upgrade")
class TestMultiCompanyRpc(JsonRpcMixin, CareerCase, HttpCase):
    """The same refusals reached as users do, over JSON-RPC."""

    def test_officer_of_company_b_cannot_write_a_goal_of_company_a(self):
        self.assertRpcRefused(
            "career_b",
            "hr.career.goal",
            "write",
            [[self.goal_lead.id], {"name": "Renamed from company B"}],
            error="odoo.exceptions.AccessError",
        )
        self.goal_lead.invalidate_recordset()
        self.assertEqual(self.goal_lead.name, "Become Tech Lead")

    def test_employee_cannot_target_a_job_of_another_company(self):
        self.assertRpcRefused(
            "career_employee",
            "hr.career.goal",
            "create",
            [
                {
                    "name": "Move to company B",
                    "employee_id": self.emp_employee.id,
                    "horizon": "long",
                    "target_job_id": self.job_b.id,
                }
            ],
            error="odoo.exceptions.UserError",
        )
        self.assertFalse(
            self.env["hr.career.goal"].search([("name", "=", "Move to company B")])
        )


@tagged("post_install", "-at_install", "suite_upgrade")
class TestMultiCompanyPortal(HttpCase):
    """A user working in two companies, with one employee in each: /my/career
    shows the employee of the current company (the website's)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.website = cls.env["website"].get_current_website()
        cls.company_a = cls.website.company_id
        cls.company_b = cls.env["res.company"].create(
            {"name": "Zenith Career Portal B"}
        )
        cls.user = mail_new_test_user(
            cls.env,
            login="career_two_companies",
            name="Tina Two",
            groups="base.group_user",
            company_id=cls.company_a.id,
            company_ids=[Command.set((cls.company_a | cls.company_b).ids)],
        )
        Employee = cls.env["hr.employee"]
        # company B's employee first: ids do not follow the companies
        cls.emp_b = Employee.create(
            {
                "name": "Tina Two (B)",
                "user_id": cls.user.id,
                "company_id": cls.company_b.id,
            }
        )
        cls.emp_a = Employee.create(
            {
                "name": "Tina Two (A)",
                "user_id": cls.user.id,
                "company_id": cls.company_a.id,
            }
        )
        cls.env["hr.career.goal"].create(
            [
                {"name": "Goal kept in company A", "employee_id": cls.emp_a.id},
                {"name": "Goal kept in company B", "employee_id": cls.emp_b.id},
            ]
        )

    def _career_page(self):
        self.authenticate("career_two_companies", "career_two_companies")
        response = self.url_open("/my/career")
        self.assertEqual(response.status_code, 200)
        return response.text

    def test_career_page_shows_the_employee_of_the_current_company(self):
        page = self._career_page()
        self.assertIn("Goal kept in company A", page)
        self.assertNotIn("Goal kept in company B", page)

        self.website.company_id = self.company_b
        page = self._career_page()
        self.assertIn("Goal kept in company B", page)
        self.assertNotIn("Goal kept in company A", page)

    def test_career_page_never_shows_an_employee_of_a_company_not_allowed(self):
        # the user leaves company A: the website (company A) falls back on the
        # user's company, B, and the employee of A is not shown any more
        self.user.write(
            {
                "company_id": self.company_b.id,
                "company_ids": [Command.set(self.company_b.ids)],
            }
        )
        page = self._career_page()
        self.assertIn("Goal kept in company B", page)
        self.assertNotIn("Goal kept in company A", page)
