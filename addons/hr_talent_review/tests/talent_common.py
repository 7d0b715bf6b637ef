# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.tests import TransactionCase

from odoo.addons.hr_performance_link.tests.common import AppraisalTrustData


class TalentReviewData(AppraisalTrustData):
    """The people of ``AppraisalTrustData`` rated and assessed for potential
    in their latest appraisal:

    - Eve (employee, under Mona): meets expectations, medium potential: box 5;
    - Mallory (colleague, under Mona): exceeds, high: box 9;
    - Rita (reviewer, under Mona): unsatisfactory, low: box 1;
    - Otis (under Nick, outside Mona's organisation): meets, high: box 8;
    - Rob (reviewer2, under Mona): no rated appraisal, left out.

    Mona (user_manager) is invited to the session; Nick is not."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        scale = cls.env["hr.performance.rating"]._scale_for(cls.company)
        cls.rating_unsatisfactory = scale[0]
        cls.rating_meets = scale.filtered(lambda r: r.talent_performance == "medium")[
            :1
        ]
        cls.rating_exceeds = scale.filtered(lambda r: r.talent_performance == "high")[
            :1
        ]
        # Eve's older appraisal says something else: only the latest counts
        cls.old_appraisal = cls._rated(
            cls.employee, cls.rating_exceeds, "high", days=-400
        )
        cls.appraisal.write({"rating_id": cls.rating_meets.id, "potential": "medium"})
        cls._rated(cls.colleague, cls.rating_exceeds, "high")
        cls._rated(cls.reviewer, cls.rating_unsatisfactory, "low")
        cls._rated(cls.other_report, cls.rating_meets, "high")
        # the session's population: the test people only (not the demo's)
        cls.department = cls.env["hr.department"].create({"name": "Talent (test)"})
        (
            cls.manager
            | cls.employee
            | cls.colleague
            | cls.reviewer
            | cls.reviewer2
            | cls.other_manager
            | cls.other_report
        ).department_id = cls.department
        cls.review = cls.env["hr.talent.review"].create(
            {
                "name": "Calibration (test)",
                "department_ids": [Command.set(cls.department.ids)],
                "manager_ids": [Command.set(cls.user_manager.ids)],
            }
        )

    @classmethod
    def _rated(cls, employee, rating, potential, days=30):
        return cls.env["hr.appraisal"].create(
            {
                "employee_id": employee.id,
                "date_close": cls.today + relativedelta(days=days),
                "rating_id": rating.id,
                "potential": potential,
            }
        )

    def _line(self, review, employee):
        return review.line_ids.filtered(lambda line: line.employee_id == employee)

    def _calibrating(self, review=None):
        review = review or self.review
        review.action_populate()
        review.action_start()
        return review


class TalentReviewCase(TalentReviewData, TransactionCase):
    """``TalentReviewData`` in a ``TransactionCase``."""
