# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 18, appraisal trust: each finding tried as the issue tried it, through
the ORM as the user (the JSON-RPC twins are in test_appraisal_trust_rpc)."""

from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.hr_performance_link.tests.common import AppraisalTrustCase


@tagged("post_install", "-at_install", "suite_upgrade")
class TestAppraisalTrust(AppraisalTrustCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Appraisal = cls.env["hr.appraisal"]

    def _confirmed(self):
        self.appraisal.with_user(self.user_manager).action_confirm()
        return self.appraisal

    def _appraisals_of(self, employee):
        return self.Appraisal.with_context(active_test=False).search(
            [("employee_id", "=", employee.id)]
        )

    def test_rules_in_force_follow_the_chain(self):
        """What an upgraded database must hold (see the migration)."""
        oca_rule = self.env.ref("hr_appraisal_oca.hr_appraisal_access_rule")
        self.assertNotIn("manager_ids", oca_rule.domain_force)
        self.assertNotIn("allowed_user_ids", oca_rule.domain_force)
        self.assertFalse(oca_rule.perm_create)
        hr_officer = self.env.ref("hr.group_hr_user")
        for xmlid in (
            "hr_performance_link.hr_appraisal_rule_hr",
            "hr_performance_link.hr_appraisal_skill_rule_officer",
            "hr_performance_feedback.hr_performance_checkin_rule_officer",
            "hr_performance_feedback.hr_performance_checkin_goal_rule_officer",
            "hr_performance_feedback.hr_feedback_request_rule_officer",
            "hr_performance_feedback.hr_feedback_answer_rule_officer",
        ):
            with self.subTest(rule=xmlid):
                rule = self.env.ref(xmlid)
                self.assertIn(hr_officer, rule.groups)
        for xmlid in (
            "hr_performance_link.hr_appraisal_skill_rule_employee",
            "hr_performance_feedback.hr_performance_checkin_rule_employee",
            "hr_performance_feedback.hr_feedback_request_rule_employee",
        ):
            with self.subTest(rule=xmlid):
                rule = self.env.ref(xmlid)
                self.assertNotIn("manager_ids", rule.domain_force)
                self.assertFalse(rule.perm_create, "the manager chain creates")

    # ------------------------------------------------------------ finding 1
    def test_f1_colleague_cannot_appraise_a_colleague_as_their_manager(self):
        skills_before = self._skill_levels(self.colleague)
        for user in (self.user_employee, self.user_reviewer):  # plain, OCA user
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError) as error:
                    self.Appraisal.with_user(user).create(
                        {
                            "employee_id": self.colleague.id,
                            "manager_ids": [Command.set(user.employee_ids.ids)],
                            "date_close": self.today,
                        }
                    )
                self.assertIn("Mallory Colleague", str(error.exception))
        self.assertFalse(self._appraisals_of(self.colleague))
        self.assertEqual(self._skill_levels(self.colleague), skills_before)

    def test_f1_appraisal_managers_outside_the_chain_cannot_complete(self):
        """HR put a colleague among the appraisal's managers: that gives them no
        right to confirm, assess or complete it."""
        appraisal = self.Appraisal.create(
            {
                "employee_id": self.colleague.id,
                "manager_ids": [Command.set((self.employee | self.reviewer).ids)],
                "date_close": self.today,
            }
        )
        appraisal.action_confirm()
        line = self._line(appraisal, self.python)
        skills_before = self._skill_levels(self.colleague)
        for user in (self.user_employee, self.user_reviewer):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    appraisal.with_user(user).read(["state"])
                with self.assertRaises(AccessError):
                    line.with_user(user).assessed_level_id = self.beginner
                with self.assertRaises(AccessError):
                    appraisal.with_user(user).action_done()
                with self.assertRaises(AccessError):
                    appraisal.with_user(user).write({"state": "3_done"})
        appraisal.invalidate_recordset()
        line.invalidate_recordset()
        self.assertEqual(appraisal.state, "2_pending")
        self.assertFalse(line.assessed_level_id)
        self.assertEqual(self._skill_levels(self.colleague), skills_before)
        self.assertFalse(
            self.env["hr.development.plan"].search(
                [("employee_id", "=", self.colleague.id)]
            )
        )

    def test_f1_only_hr_puts_people_outside_the_chain_in_managers(self):
        appraisal = self.appraisal.with_user(self.user_manager)
        with self.assertRaises(AccessError) as error:
            appraisal.write({"manager_ids": [Command.link(self.colleague.id)]})
        self.assertIn("Mallory Colleague", str(error.exception))
        self.assertEqual(self.appraisal.manager_ids, self.manager)
        with self.assertRaises(AccessError):
            self.appraisal.with_user(self.user_employee).write(
                {"manager_ids": [Command.set(self.employee.ids)]}
            )
        self.assertEqual(self.appraisal.manager_ids, self.manager)
        self.appraisal.with_user(self.user_hr_officer).write(
            {"manager_ids": [Command.link(self.colleague.id)]}
        )
        self.assertEqual(self.appraisal.manager_ids, self.manager | self.colleague)

    def test_f1_employee_does_not_create_their_own_appraisal(self):
        with self.assertRaises(AccessError) as error:
            self.Appraisal.with_user(self.user_colleague).create(
                {"employee_id": self.colleague.id, "date_close": self.today}
            )
        self.assertIn("Your manager or HR creates your appraisal", str(error.exception))
        self.assertFalse(self._appraisals_of(self.colleague))

    def test_f1_manager_appraises_a_report_with_the_default_managers(self):
        appraisal = self.Appraisal.with_user(self.user_manager).create(
            {"employee_id": self.colleague.id, "date_close": self.today}
        )
        self.assertEqual(appraisal.manager_ids, self.manager)
        with self.assertRaises(AccessError):
            appraisal.with_user(self.user_manager).write(
                {"employee_id": self.other_report.id}
            )
        self.assertEqual(appraisal.employee_id, self.colleague)

    # ------------------------------------------------------------ finding 2
    def test_f2_employee_cannot_plant_assessments_on_own_appraisal(self):
        appraisal = self._confirmed()
        lines_before = appraisal.skill_assessment_ids
        as_employee = appraisal.with_user(self.user_employee)
        with self.assertRaises(AccessError):
            self.env["hr.appraisal.skill"].with_user(self.user_employee).create(
                {
                    "appraisal_id": appraisal.id,
                    "skill_id": self.cobol.id,
                    "assessed_level_id": self.expert.id,
                }
            )
        with self.assertRaises(AccessError):
            as_employee.write(
                {
                    "skill_assessment_ids": [
                        Command.create(
                            {
                                "skill_id": self.cobol.id,
                                "assessed_level_id": self.expert.id,
                            }
                        )
                    ]
                }
            )
        python = self._line(appraisal, self.python)
        python.with_user(self.user_manager).assessed_level_id = self.intermediate
        with self.assertRaises(AccessError):
            python.with_user(self.user_employee).unlink()
        with self.assertRaises(AccessError):
            as_employee.write({"skill_assessment_ids": [Command.delete(python.id)]})
        for field, level in (
            ("required_level_id", self.beginner),
            ("current_level_id", self.expert),
            ("assessed_level_id", self.expert),
        ):
            with self.subTest(field=field), self.assertRaises(AccessError):
                python.with_user(self.user_employee).write({field: level.id})
        appraisal.invalidate_recordset()
        python.invalidate_recordset()
        self.assertEqual(appraisal.skill_assessment_ids, lines_before)
        self.assertEqual(python.assessed_level_id, self.intermediate)
        self.assertEqual(python.required_level_id, self.advanced)
        self.assertEqual(python.current_level_id, self.beginner)
        # the self-assessment stays the employee's to give
        python.with_user(self.user_employee).self_level_id = self.expert
        self.assertEqual(python.self_level_id, self.expert)
        appraisal.with_user(self.user_manager).action_done()
        self.assertEqual(
            self._skill_levels(self.employee)[self.python], self.intermediate
        )

    def test_f2_snapshot_levels_come_from_the_data(self):
        appraisal = self._confirmed()
        self._line(appraisal, self.esperanto).unlink()
        line = (
            self.env["hr.appraisal.skill"]
            .with_user(self.user_manager)
            .create(
                {
                    "appraisal_id": appraisal.id,
                    "skill_id": self.esperanto.id,
                    "current_level_id": self.expert.id,
                    "required_level_id": self.expert.id,
                }
            )
        )
        self.assertEqual(line.current_level_id, self.lang_a2, "Eve's level")
        self.assertFalse(line.required_level_id, "her job does not require it")

    def test_f2_lines_of_a_done_appraisal_are_frozen(self):
        appraisal = self._confirmed()
        appraisal.with_user(self.user_manager).action_done()
        python = self._line(appraisal, self.python)
        for user, vals in (
            (self.user_manager, {"assessed_level_id": self.expert.id}),
            (self.user_employee, {"self_level_id": self.expert.id}),
        ):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                python.with_user(user).write(vals)
        with self.assertRaises(AccessError):
            python.with_user(self.user_manager).unlink()
        python.invalidate_recordset()
        self.assertFalse(python.assessed_level_id)
        self.assertFalse(python.self_level_id)
        python.with_user(self.user_hr_officer).comment = "Corrected by HR"
        self.assertEqual(python.comment, "Corrected by HR")

    # ------------------------------------------------------------ finding 3
    def test_f3_colleague_neither_reads_writes_nor_deletes_an_appraisal(self):
        appraisal = self._confirmed()
        lines = appraisal.skill_assessment_ids
        for user in (self.user_colleague, self.user_other_manager):
            with self.subTest(user=user.login):
                as_user = appraisal.with_user(user)
                self.assertFalse(as_user.search([("id", "=", appraisal.id)]))
                with self.assertRaises(AccessError):
                    as_user.read(["note"])
                with self.assertRaises(AccessError):
                    as_user.write({"state": "3_done"})
                with self.assertRaises(AccessError):
                    as_user.unlink()
                with self.assertRaises(AccessError):
                    lines.with_user(user).read(["assessed_level_id"])
        appraisal.invalidate_recordset()
        self.assertTrue(appraisal.exists())
        self.assertEqual(appraisal.state, "2_pending")
        self.assertEqual(appraisal.skill_assessment_ids, lines)
        self.assertFalse(appraisal.career_applied)

    def test_f3_career_figures_only_for_whom_the_employee_file_shows_them(self):
        fit = self.employee.current_job_fit
        self.assertTrue(fit)
        for user, expected in (
            (self.user_employee, fit),
            (self.user_manager, fit),
            (self.user_hr_officer, fit),
            (self.user_colleague, 0),
            (self.user_reviewer, 0),
            (self.user_other_manager, 0),
        ):
            with self.subTest(user=user.login):
                # the compute itself, whatever the record rules say
                self.assertEqual(
                    self.appraisal.with_user(user).current_job_fit, expected
                )

    def test_f3_feedback_aggregate_only_for_the_roles(self):
        self.assertFalse(
            self.appraisal.with_user(self.user_colleague)._get_feedback_aggregate()
        )
        self.assertTrue(
            self.appraisal.with_user(self.user_manager)._get_feedback_aggregate()
        )

    def test_f3_manager_deletes_only_a_new_appraisal(self):
        appraisal = self._confirmed()
        with self.assertRaises(AccessError):
            appraisal.with_user(self.user_manager).unlink()
        self.assertTrue(appraisal.exists())
        with self.assertRaises(AccessError):
            appraisal.with_user(self.user_employee).unlink()
        fresh = self.Appraisal.with_user(self.user_manager).create(
            {"employee_id": self.colleague.id, "date_close": self.today}
        )
        fresh.unlink()
        self.assertFalse(fresh.exists())

    def test_f3_employee_writes_only_the_employee_side(self):
        appraisal = self.appraisal.with_user(self.user_employee)
        appraisal.employee_feedback = "<p>My year</p>"
        self.assertIn("My year", self.appraisal.employee_feedback)
        for vals in (
            {"state": "2_pending"},
            {"manager_feedback": "<p>Great</p>"},
            {"note": "<p>private</p>"},
            {"visibility": "manager"},
            {"date_close": self.today},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                appraisal.write(vals)
        self.appraisal.invalidate_recordset()
        self.assertEqual(self.appraisal.state, "1_new")
        self.assertFalse(self.appraisal.note)
        self.assertEqual(self.appraisal.visibility, "all")

    def test_f3_hidden_appraisal_is_not_read_by_the_employee(self):
        self.appraisal.visibility = "manager"
        with self.assertRaises(AccessError):
            self.appraisal.with_user(self.user_employee).read(["state"])
        self.appraisal.with_user(self.user_manager).read(["state"])

    # ------------------------------------------------------------ finding 4
    def _request_vals(self, reviewer, **vals):
        return {
            "appraisal_id": self.appraisal.id,
            "employee_id": self.employee.id,
            "reviewer_id": reviewer.id,
            **vals,
        }

    def test_f4_colleague_cannot_name_themselves_reviewer(self):
        Request = self.env["hr.feedback.request"]
        for user in (self.user_colleague, self.user_reviewer):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                Request.with_user(user).create(
                    self._request_vals(user.employee_ids, state="requested")
                )
        self.assertFalse(Request.search([("appraisal_id", "=", self.appraisal.id)]))

    def test_f4_one_request_per_reviewer_and_appraisal(self):
        Request = self.env["hr.feedback.request"].with_user(self.user_manager)
        first = Request.create(self._request_vals(self.reviewer))
        with self.assertRaises(ValidationError) as error:
            Request.create(self._request_vals(self.reviewer))
        self.assertIn("Rita Reviewer is already asked", str(error.exception))
        first.action_cancel()
        again = Request.create(self._request_vals(self.reviewer))
        with self.assertRaises(ValidationError):
            first.action_draft()
        self.assertEqual(
            Request.search([("appraisal_id", "=", self.appraisal.id)]), first | again
        )

    def test_f4_answered_request_is_frozen_for_the_reviewer(self):
        request = (
            self.env["hr.feedback.request"]
            .with_user(self.user_manager)
            .create(self._request_vals(self.reviewer))
        )
        request.action_request()
        as_reviewer = request.with_user(self.user_reviewer)
        as_reviewer.answer_ids.rating = 5  # every competency is rated
        as_reviewer.action_submit()
        answer = request.answer_ids[:1]
        for vals in (
            {"state": "requested"},
            {"feedback": "changed my mind"},
            {"employee_id": self.colleague.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                as_reviewer.write(vals)
        with self.assertRaises(AccessError):
            answer.with_user(self.user_reviewer).rating = 1
        with self.assertRaises(AccessError):
            request.with_user(self.user_manager).write({"state": "requested"})
        request.invalidate_recordset()
        answer.invalidate_recordset()
        self.assertEqual(request.state, "answered")
        self.assertEqual(request.employee_id, self.employee)
        self.assertEqual(answer.rating, 5)
        # HR may reopen it
        request.with_user(self.user_hr_officer).write({"state": "requested"})
        self.assertEqual(request.state, "requested")

    def test_f4_subject_follows_the_appraisal(self):
        request = (
            self.env["hr.feedback.request"]
            .with_user(self.user_manager)
            .create(self._request_vals(self.reviewer, employee_id=self.other_report.id))
        )
        self.assertEqual(request.employee_id, self.employee)
        with self.assertRaises(AccessError):
            request.with_user(self.user_manager).employee_id = self.colleague
        self.assertEqual(request.employee_id, self.employee)

    def test_f4_deadline_defaults_to_the_appraisal_or_two_weeks(self):
        Request = self.env["hr.feedback.request"].with_user(self.user_manager)
        request = Request.create(
            {"appraisal_id": self.appraisal.id, "reviewer_id": self.reviewer.id}
        )
        self.assertEqual(request.date_deadline, self.appraisal.date_close)
        self.assertEqual(request.employee_id, self.employee)
        self.appraisal.date_close = self.today - relativedelta(days=1)
        request = Request.create(
            {"appraisal_id": self.appraisal.id, "reviewer_id": self.reviewer2.id}
        )
        self.assertEqual(request.date_deadline, self.today + relativedelta(days=14))

    def test_f4_subject_nominates_reviewers_only_when_settings_allow(self):
        Request = self.env["hr.feedback.request"].with_user(self.user_employee)
        with self.assertRaises(AccessError):
            Request.create(self._request_vals(self.reviewer))
        self.assertFalse(
            Request.sudo().search([("appraisal_id", "=", self.appraisal.id)])
        )
        self.env["res.config.settings"].create(
            {"feedback_employee_nominate": True}
        ).execute()
        with self.assertRaises(AccessError):
            Request.create(self._request_vals(self.reviewer, state="requested"))
        nominated = Request.create(self._request_vals(self.reviewer))
        self.assertEqual(nominated.state, "draft")
        with self.assertRaises(AccessError):
            nominated.action_request()
        self.assertEqual(nominated.state, "draft")
        nominated.with_user(self.user_manager).action_request()
        self.assertEqual(nominated.sudo().state, "requested")
        # from the appraisal: the wizard leaves the nominations as drafts
        appraisal = self.appraisal.with_user(self.user_employee)
        self.assertTrue(appraisal.can_nominate_reviewers)
        self.assertFalse(
            self.appraisal.with_user(self.user_manager).can_nominate_reviewers
        )
        self.env["hr.feedback.request.wizard"].with_user(self.user_employee).create(
            {
                "appraisal_id": self.appraisal.id,
                "line_ids": [
                    Command.create({"reviewer_id": reviewer.id})
                    for reviewer in self.reviewer | self.reviewer2
                ],
            }
        ).action_send()
        drafts = Request.sudo().search(
            [("appraisal_id", "=", self.appraisal.id), ("state", "=", "draft")]
        )
        self.assertEqual(drafts.reviewer_id, self.reviewer2, "Rita is asked already")

    def test_f4_wizard_asks_nobody_twice(self):
        """A manager in group Employee only sends requests from the appraisal;
        a reviewer already asked (here by HR) is not asked again."""
        Wizard = self.env["hr.feedback.request.wizard"].with_user(self.user_manager)
        Request = self.env["hr.feedback.request"]
        # HR already asked Rita
        Request.with_user(self.user_hr_officer).create(
            self._request_vals(self.reviewer)
        )

        def send(reviewers):
            return Wizard.create(
                {
                    "appraisal_id": self.appraisal.id,
                    "line_ids": [
                        Command.create({"reviewer_id": reviewer.id})
                        for reviewer in reviewers
                    ],
                }
            ).action_send()

        send(self.reviewer | self.reviewer2)
        requests = Request.search([("appraisal_id", "=", self.appraisal.id)])
        self.assertEqual(len(requests), 2)
        self.assertEqual(requests.reviewer_id, self.reviewer | self.reviewer2)
        with self.assertRaises(UserError):
            send(self.reviewer2)
        self.assertEqual(
            Request.search_count([("appraisal_id", "=", self.appraisal.id)]), 2
        )
        # Mallory is not Eve's manager: the wizard asks nobody for her
        with self.assertRaises(AccessError):
            self.env["hr.feedback.request.wizard"].with_user(
                self.user_colleague
            ).create(
                {
                    "appraisal_id": self.appraisal.id,
                    "line_ids": [Command.create({"reviewer_id": self.colleague.id})],
                }
            ).action_send()
        self.assertEqual(
            Request.search_count([("appraisal_id", "=", self.appraisal.id)]), 2
        )

    # ------------------------------------------------------------ finding 5
    def test_f5_only_the_manager_chain_files_checkins(self):
        Checkin = self.env["hr.performance.checkin"]
        for user in (self.user_colleague, self.user_other_manager, self.user_employee):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                Checkin.with_user(user).create(
                    {
                        "employee_id": self.employee.id,
                        "manager_id": user.employee_ids.id,
                        "date": self.today,
                    }
                )
        self.assertFalse(Checkin.search([("employee_id", "=", self.employee.id)]))
        with self.assertRaises(AccessError):
            Checkin.with_user(self.user_manager).create(
                {"employee_id": self.employee.id, "manager_id": self.colleague.id}
            )
        checkin = Checkin.with_user(self.user_manager).create(
            {"employee_id": self.employee.id, "date": self.today}
        )
        self.assertEqual(checkin.manager_id, self.manager, "the creating manager")
        self.assertEqual(
            Checkin.search([("employee_id", "=", self.employee.id)]), checkin
        )

    def test_f5_employee_reads_own_checkins_and_cannot_change_them(self):
        checkin = self.env["hr.performance.checkin"].create(
            {"employee_id": self.employee.id, "date": self.today}
        )
        as_employee = checkin.with_user(self.user_employee)
        as_employee.read(["notes", "next_date"])
        next_date = checkin.next_date
        for vals in (
            {"next_date": self.today},
            {"manager_id": self.colleague.id},
            {"notes": "<p>mine</p>"},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                as_employee.write(vals)
        with self.assertRaises(AccessError):
            checkin.with_user(self.user_manager).employee_id = self.colleague
        checkin.invalidate_recordset()
        self.assertEqual(checkin.next_date, next_date)
        self.assertEqual(checkin.manager_id, self.manager)
        self.assertEqual(checkin.employee_id, self.employee)

    # ------------------------------------------------------------ finding 6
    def test_f6_hr_outside_appraisal_groups_runs_the_appraisal(self):
        for user, level in (
            (self.user_hr_manager, self.expert),
            (self.user_hr_officer, self.intermediate),
        ):
            with self.subTest(user=user.login):
                appraisal = self.Appraisal.with_user(user).create(
                    {"employee_id": self.colleague.id, "date_close": self.today}
                )
                appraisal.action_confirm()
                self.assertEqual(
                    appraisal.skill_assessment_ids.skill_id,
                    self.python | self.sql | self.design,
                )
                self._line(appraisal, self.sql).assessed_level_id = level
                appraisal.action_done()
                self.assertEqual(appraisal.state, "3_done")
                self.assertEqual(self._skill_levels(self.colleague)[self.sql], level)

    # ------------------------------------------------------------ finding 7
    def test_f7_writing_the_state_applies_the_assessment(self):
        appraisal = self._confirmed()
        self._line(appraisal, self.sql).with_user(
            self.user_manager
        ).assessed_level_id = self.intermediate
        appraisal.with_user(self.user_manager).write({"state": "3_done"})
        self.assertTrue(appraisal.career_applied)
        self.assertEqual(self._skill_levels(self.employee)[self.sql], self.intermediate)
        self.assertTrue(appraisal.development_plan_id)

    def test_f7_back_then_done_applies_once(self):
        appraisal = self._confirmed()
        as_manager = appraisal.with_user(self.user_manager)
        self._line(appraisal, self.python).with_user(
            self.user_manager
        ).assessed_level_id = self.intermediate
        as_manager.action_done()
        plan = appraisal.development_plan_id
        actions = plan.action_ids
        # HR corrects the level after the appraisal
        employee_skill = self.employee.employee_skill_ids.filtered(
            lambda es: es.skill_id == self.python
        )
        employee_skill.skill_level_id = self.expert
        as_manager.action_back()
        as_manager.action_confirm()
        as_manager.action_done()
        self.assertEqual(self._skill_levels(self.employee)[self.python], self.expert)
        self.assertEqual(plan.action_ids, actions)

    def test_f7_employee_cannot_complete_by_writing_the_state(self):
        appraisal = self._confirmed()
        self._line(appraisal, self.sql).with_user(
            self.user_manager
        ).assessed_level_id = self.expert
        with self.assertRaises(AccessError) as error:
            appraisal.with_user(self.user_employee).write({"state": "3_done"})
        self.assertIn("Only the managers of Eve Employee", str(error.exception))
        appraisal.invalidate_recordset()
        self.assertEqual(appraisal.state, "2_pending")
        self.assertNotIn(self.sql, self._skill_levels(self.employee))
