# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The access matrix of readme/USAGE.md ("Access rights"), cell by cell."""

from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.hr_career_dev.tests.common import AccessMatrixMixin
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import RecognitionCase

# the columns of the matrix: (role, user attribute, target employee attribute)
ROLES = [
    ("employee_self", "user_employee", "employee"),
    ("employee_other", "user_employee", "other"),
    ("manager_of", "user_manager", "employee"),
    ("manager_not_of", "user_manager", "other"),
    ("hr_officer", "user_officer", "employee"),
    ("hr_manager", "user_hr_manager", "employee"),
    ("portal_self", "user_portal", "employee_portal"),
    ("portal_other", "user_portal", "employee"),
]

# (model, operation, one flag per role of ROLES: 1 allowed, 0 refused)
MATRIX = [
    ("gamification.badge.user", "read", "11111111"),
    ("gamification.badge.user", "read:source_ref", "10101110"),
    ("gamification.badge.user", "create", "00001100"),
    ("gamification.badge.user", "write:employee_id", "00001100"),
    ("gamification.badge.user", "write:res_id", "00001100"),
    ("gamification.badge.user", "write:comment", "00001100"),
    ("gamification.badge.user", "unlink", "00001100"),
    ("gamification.badge.user", "certificate", "10101110"),
    ("ir.actions.server", "run", "00001100"),
    ("hr.recognition.preview", "create", "00001100"),
    ("hr.recognition.award.existing", "create", "00001100"),
    ("base.automation", "award_existing", "00001100"),
]


@tagged("post_install", "-at_install", "suite_upgrade")
class TestRecognitionAccessMatrix(AccessMatrixMixin, RecognitionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_hr_manager = mail_new_test_user(
            cls.env,
            login="rec_hr_manager",
            name="Hanna HR Manager",
            groups="base.group_user,hr.group_hr_manager",
        )
        cls.user_portal = mail_new_test_user(
            cls.env,
            login="rec_portal_matrix",
            name="Pia Portal",
            groups="base.group_portal",
        )
        cls.employee_portal = cls.env["hr.employee"].create(
            {"name": "Pia Portal", "user_id": cls.user_portal.id}
        )
        cls.good_job = cls.env.ref("gamification.badge_good_job")
        cls.goals, cls.awards = {}, {}
        for employee in (cls.employee, cls.other, cls.employee_portal):
            goal = cls.env["hr.career.goal"].create(
                {"name": f"Private goal of {employee.name}", "employee_id": employee.id}
            )
            goal.action_start()
            cls.goals[employee] = goal
            cls.awards[employee] = cls.env["gamification.badge.user"].create(
                cls._award_vals(employee, goal)
            )

    @classmethod
    def _award_vals(cls, employee, goal):
        return {
            "badge_id": cls.badge_goal.id,
            "user_id": employee.user_id.id,
            "employee_id": employee.id,
            "res_model": goal._name,
            "res_id": goal.id,
            "automation_id": cls.rule_goal.id,
            "server_action_id": cls.action_goal.id,
            "comment": "Career goal achieved",
        }

    # ------------------------------------------------------------ cells
    def _operate(self, user, model, operation, target):
        """Run the operation as ``user``; return False when it was allowed but
        showed nothing (a field read empty)."""
        award = self.awards[target].with_user(user)
        if model in ("hr.recognition.preview", "hr.recognition.award.existing"):
            self.env[model].with_user(user).create({"automation_id": self.rule_goal.id})
        elif operation == "award_existing":
            self.rule_goal.with_user(user).action_recognition_award_existing()
        elif operation == "read":
            award.read(["comment", "badge_id", "employee_id"])
        elif operation == "read:source_ref":
            return bool(award.source_ref)
        elif operation == "create":
            goal = self.env["hr.career.goal"].create(
                {"name": "Another goal", "employee_id": target.id}
            )
            # a badge users may send (the shipped ones are granted by rules
            # only), made a recognition award by its source and rule
            vals = dict(self._award_vals(target, goal), badge_id=self.good_job.id)
            self.env[model].with_user(user).create(vals)
        elif operation == "unlink":
            award.unlink()
        elif operation == "certificate":
            self.env["report.hr_recognition.report_award_certificate"].with_user(
                user
            )._get_report_values(award.ids)
        elif operation == "run":
            self.action_goal.with_user(user).with_context(
                active_model="hr.career.goal",
                active_ids=self.goals[target].ids,
                active_id=self.goals[target].id,
            ).run()
        else:
            fname = operation.split(":")[1]
            vals = {
                "employee_id": {
                    "employee_id": self.manager.id,
                    "user_id": self.user_manager.id,
                },
                "res_id": {"res_id": self.goals[self.other].id},
                "comment": {"comment": "Rewritten"},
            }[fname]
            award.write(vals)
        return True

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_access_matrix(self):
        self.assertAccessMatrix(MATRIX, ROLES)
