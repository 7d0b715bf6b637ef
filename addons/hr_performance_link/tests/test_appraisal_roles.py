# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who the user is to an appraisal comes from the role service
(``hr.career.role``), and the guards refuse without reading, for their
messages, what the user may not read (issue 27, item 7)."""

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import AppraisalTrustCase


@tagged("post_install", "-at_install")
class TestAppraisalRoleService(AppraisalTrustCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Appraisal = cls.env["hr.appraisal"]
        # Mona's own manager: Eve's manager two levels up
        cls.user_skip = mail_new_test_user(
            cls.env, login="pl_skip", name="Sam Skip", groups="base.group_user"
        )
        cls.manager.parent_id = cls.env["hr.employee"].create(
            {"name": "Sam Skip", "user_id": cls.user_skip.id}
        )
        # OCA's Appraisals HR officer, without the suite's HR role
        cls.user_appraisal_hr = mail_new_test_user(
            cls.env,
            login="pl_appraisal_hr",
            name="Alma Appraisal HR",
            groups="base.group_user,hr_appraisal_oca.group_appraisal_hr_officer",
        )
        cls.appraisal.action_confirm()
        cls.line = cls.appraisal.skill_assessment_ids.filtered(
            lambda line: line.skill_id == cls.python
        )

    def test_role_service_answers_for_appraisals_and_their_lines(self):
        expected = {
            self.user_employee: "self",
            self.user_manager: "manager",
            self.user_skip: "manager",
            self.user_colleague: False,
            self.user_other_manager: False,
            self.user_portal: False,
            self.user_hr_officer: "hr",
            self.user_hr_manager: "hr",
            self.user_appraisal_hr: "hr",
        }
        for user, role in expected.items():
            with self.subTest(user=user.login):
                Role = self.env["hr.career.role"].with_user(user)
                self.assertEqual(Role._is_appraisal_hr(), role == "hr")
                self.assertEqual(
                    self.appraisal.with_user(user)._is_appraisal_hr(), role == "hr"
                )
                self.assertEqual(
                    self.appraisal.with_user(user)._get_appraisal_roles(),
                    {self.appraisal.id: role},
                )
                self.assertEqual(
                    self.line.with_user(user)._get_line_roles(), {self.line.id: role}
                )
                self.assertEqual(
                    self.Appraisal.with_user(user)._get_employee_roles(self.employee),
                    {self.employee.id: role},
                )

    def test_refusals_name_nobody_the_user_may_not_read(self):
        """A colleague is refused Eve's appraisal and its lines without
        learning whose they are; Eve and her manager read them: their
        refusals name her."""
        appraisal = self.appraisal.with_user(self.user_colleague)
        with self.assertRaises(AccessError) as error:
            appraisal.write({"employee_feedback": "<p>Mine now</p>"})
        self.assertNotIn("Eve Employee", str(error.exception))
        self.assertIn("this employee", str(error.exception))
        with self.assertRaises(AccessError) as error:
            self.line.with_user(self.user_colleague).self_level_id = self.expert
        self.assertNotIn("Eve Employee", str(error.exception))
        self.assertNotIn("Python (test)", str(error.exception))
        with self.assertRaises(AccessError) as error:
            self.line.with_user(self.user_colleague).unlink()
        self.assertNotIn("Eve Employee", str(error.exception))
        self.assertTrue(self.line.exists())
        # the manager reads it: a confirmed appraisal is HR's to delete
        with self.assertRaises(AccessError) as error:
            self.appraisal.with_user(self.user_manager).unlink()
        self.assertIn(
            "The appraisal of Eve Employee is already confirmed", str(error.exception)
        )
        # Eve reads her own: only her managers complete it
        with self.assertRaises(AccessError) as error:
            self.appraisal.with_user(self.user_employee).action_done()
        self.assertIn("Only the managers of Eve Employee", str(error.exception))
        self.assertEqual(self.appraisal.state, "2_pending")

    def test_added_manager_the_user_cannot_read_is_still_refused(self):
        """A manager of another company, whom Mona cannot read, is still
        someone she adds: refused, and not named to her."""
        company_b = self.env["res.company"].create({"name": "Roles B (test)"})
        stranger = self.env["hr.employee"].create(
            {"name": "Xavier Elsewhere", "company_id": company_b.id}
        )
        with self.assertRaises(AccessError) as error:
            self.appraisal.with_user(self.user_manager).write(
                {"manager_ids": [Command.link(stranger.id)]}
            )
        self.assertNotIn("Xavier Elsewhere", str(error.exception))
        self.assertEqual(self.appraisal.manager_ids, self.manager)
        # her own chain she adds (Sam, two levels up)
        self.appraisal.with_user(self.user_manager).write(
            {"manager_ids": [Command.link(self.manager.parent_id.id)]}
        )
        self.assertEqual(
            self.appraisal.manager_ids, self.manager | self.manager.parent_id
        )

    def test_manager_confirms_with_the_target_gaps_of_the_report(self):
        """Confirmed by Mona (group Employee only): the gaps towards Eve's
        target job are listed with the level that job requires, read with
        Mona's rights (her report's gaps)."""
        architect = self.env["hr.job"].create({"name": "Architect (test)"})
        self.env["hr.job.competency"].create(
            {
                "job_id": architect.id,
                "skill_id": self.cobol.id,
                "required_level_id": self.intermediate.id,
                "importance": "critical",
            }
        )
        self.env["hr.career.goal"].create(
            {
                "employee_id": self.colleague.id,
                "name": "Become an architect",
                "horizon": "long",
                "state": "in_progress",
                "target_job_id": architect.id,
            }
        )
        appraisal = self.Appraisal.create(
            {
                "employee_id": self.colleague.id,
                "date_close": fields.Date.today(),
            }
        )
        appraisal.with_user(self.user_manager).action_confirm()
        cobol = self._line(appraisal, self.cobol)
        self.assertEqual(cobol.scope, "target")
        self.assertEqual(cobol.required_level_id, self.intermediate)
        self.assertFalse(cobol.current_level_id)
        python = self._line(appraisal, self.python)
        self.assertEqual(python.scope, "current")
        self.assertEqual(python.current_level_id, self.advanced)
        self.assertEqual(python.required_level_id, self.advanced)

    def test_system_fields_move_with_the_completion_only(self):
        """``career_applied`` is nobody's to type (the policy declares it for
        no one): the manager's completion sets it on their behalf, through
        the model's one system write, which takes declared system fields
        only."""
        as_manager = self.appraisal.with_user(self.user_manager)
        with self.assertRaises(AccessError):
            as_manager.write({"career_applied": True})
        with self.assertRaises(ValueError):
            as_manager._career_write_system({"note": "typed by the back door"})
        self.assertFalse(self.appraisal.note)
        as_manager.action_done()
        self.assertEqual(self.appraisal.state, "3_done")
        self.assertTrue(self.appraisal.career_applied)


@tagged("post_install", "-at_install")
class TestReleaseGuardAsEmployee(AppraisalTrustCase):
    """``_read_as_employee`` reads with the caller's rights and blanks what
    the appraised employee may not read, whoever calls it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Appraisal = cls.env["hr.appraisal"]
        cls.appraisal.write({"note": "<p>Private note (test)</p>", "visibility": "all"})
        cls.hr_appraisal = cls.Appraisal.create(
            {
                "employee_id": cls.user_hr_officer.employee_ids.id,
                "date_close": fields.Date.today(),
                "note": "<p>Hana's private note (test)</p>",
            }
        )

    def test_the_appraised_employee_never_reads_the_note(self):
        for appraisal in (
            self.appraisal.with_user(self.user_employee),
            self.appraisal.with_user(self.user_employee).sudo(),
        ):
            with self.subTest(su=appraisal.env.su):
                values = appraisal._read_as_employee(["note", "state"])[0]
                self.assertFalse(values["note"])
                self.assertEqual(values["state"], "1_new")

    def test_the_manager_reads_it(self):
        values = self.appraisal.with_user(self.user_manager)._read_as_employee(
            ["note"]
        )[0]
        self.assertIn("Private note (test)", values["note"])

    def test_hr_reads_their_own_appraisal_as_its_employee(self):
        appraisal = self.hr_appraisal.with_user(self.user_hr_officer)
        self.assertIn("Hana's private note", appraisal.read(["note"])[0]["note"])
        self.assertFalse(appraisal._read_as_employee(["note"])[0]["note"])

    def test_archived_employee_keeps_their_appraisals_guarded(self):
        self.employee.active = False
        Appraisal = self.Appraisal.with_user(self.user_employee)
        self.assertIn(self.employee, Appraisal._own_employees())
        self.assertIn(
            ("employee_id", "in", [self.employee.id]),
            Appraisal._employee_hidden_domain(),
        )
