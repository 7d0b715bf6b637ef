# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields, models
from odoo.exceptions import AccessError, UserError


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    checkin_ids = fields.One2many(
        "hr.performance.checkin", "employee_id", string="Check-ins"
    )

    def action_invite_feedback_reviewer(self):
        """HR invites colleagues without a login to answer 360° feedback: a
        portal account and its invitation e-mail, through Odoo's portal
        wizard (as *Grant portal access* on a contact does), then linked to
        the employee."""
        if not self.env["hr.appraisal"]._is_appraisal_hr():
            raise AccessError(
                self.env._("Only HR officers invite colleagues to the portal.")
            )
        for employee in self:
            if employee.user_id:
                raise UserError(
                    self.env._(
                        "%(employee)s already has a login: they can answer 360° "
                        "feedback.",
                        employee=employee.name,
                    )
                )
            if not employee.work_email or not employee.work_contact_id:
                raise UserError(
                    self.env._(
                        "Give %(employee)s a work e-mail first: the invitation is "
                        "sent there.",
                        employee=employee.name,
                    )
                )
        wizard = (
            # sudo: HR (checked above) uses Odoo's portal wizard, which asks
            # for the contact manager's rights; it creates portal users only
            self.env["portal.wizard"]
            .sudo()
            .create({"partner_ids": [Command.set(self.work_contact_id.ids)]})
        )
        for line in wizard.user_ids:
            line.action_grant_access()
        for employee in self:
            employee.user_id = employee.work_contact_id.user_ids[:1]
        return True
