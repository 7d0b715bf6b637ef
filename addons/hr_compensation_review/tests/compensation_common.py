# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import Command

from odoo.addons.hr_talent_review.tests.talent_common import TalentReviewData
from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.addons.queue_job.tests.common import trap_jobs


class CompensationData(TalentReviewData):
    """The people of ``TalentReviewData`` with running contracts:

    - Mona (manager, 6,000) above Eve (3,400: compa-ratio 0.85, meets, box 5),
      Mallory (4,000: 1.0, exceeds, box 9), Rita (4,600: 1.15,
      unsatisfactory, box 1) and Rob (4,000, no rating: no guideline);
    - Nick (4,000) above Otis (4,000, meets, box 8), outside Mona's chain.

    The Developer (test) band has its midpoint at 4,000; Senior developer
    (test) at 5,000. Users: Carla (Compensation group), Hana (HR officer),
    Mona and Nick (managers, group Employee only), Eve, Paula (portal) and
    Bert (Compensation in another company)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.review.action_populate()  # the talent session's boxes
        cls.senior = cls.env["hr.job"].create({"name": "Senior developer (test)"})
        Band = cls.env["hr.job.salary.band"]
        cls.band = Band.create(
            {"job_id": cls.job.id, "wage_min": 3000, "wage_mid": 4000, "wage_max": 5000}
        )
        Band.create(
            {
                "job_id": cls.senior.id,
                "wage_min": 4000,
                "wage_mid": 5000,
                "wage_max": 6500,
            }
        )
        wages = {
            cls.manager: 6000,
            cls.employee: 3400,
            cls.colleague: 4000,
            cls.reviewer: 4600,
            cls.reviewer2: 4000,
            cls.other_manager: 4000,
            cls.other_report: 4000,
        }
        cls.people = cls.env["hr.employee"].browse([e.id for e in wages])
        cls.people.job_id = cls.job
        cls.contracts = cls.env["hr.contract"].create(
            [
                {
                    "name": f"Contract {employee.name}",
                    "employee_id": employee.id,
                    "job_id": cls.job.id,
                    "wage": wage,
                    "date_start": cls.today - relativedelta(years=1),
                    "state": "open",
                }
                for employee, wage in wages.items()
            ]
        )
        cls.user_compensation = mail_new_test_user(
            cls.env,
            login="cr_carla",
            name="Carla Compensation",
            groups="base.group_user,hr_compensation_review.group_compensation_manager",
        )
        cls.company_b = cls.env["res.company"].create({"name": "Compensation B (test)"})
        cls.user_b = mail_new_test_user(
            cls.env,
            login="cr_bert",
            name="Bert Othercompany",
            groups="base.group_user,hr_compensation_review.group_compensation_manager",
            company_id=cls.company_b.id,
            company_ids=[Command.set(cls.company_b.ids)],
        )
        cls.comp_review = cls.env["hr.compensation.review"].create(
            {
                "name": "Merit review (test)",
                "date_effective": cls.today,
                "department_ids": [Command.set(cls.department.ids)],
                "talent_review_id": cls.review.id,
                "merit_budget_percent": 3.0,
                "promotion_budget_percent": 2.0,
            }
        )

    @classmethod
    def _open(cls, review=None):
        """Open the review and run its preparation jobs."""
        review = review or cls.comp_review
        with trap_jobs() as trap:
            review.action_open()
            trap.perform_enqueued_jobs()
        return review

    @classmethod
    def _cline(cls, employee, review=None):
        review = review or cls.comp_review
        return review.line_ids.filtered(lambda line: line.employee_id == employee)

    @classmethod
    def _cell(cls, review, rating, band):
        return review.matrix_ids.filtered(
            lambda cell: cell.rating_id == rating and cell.band == band
        )

    def _apply(self, review=None):
        review = review or self.comp_review
        with trap_jobs() as trap:
            review.action_apply()
            trap.perform_enqueued_jobs()
