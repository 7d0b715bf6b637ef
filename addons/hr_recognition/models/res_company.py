# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError

SKILL_RULE = "hr_recognition.automation_skill_level"
DEFAULT_SKILL_THRESHOLD = 100


class ResCompany(models.Model):
    _inherit = "res.company"

    recognition_post_in_channel = fields.Boolean(
        string="Announce Awards in the Recognition Channel",
        default=True,
        help="Post every award of the company's employees in the Recognition "
        "Discuss channel (it is always posted on the employee).",
    )
    recognition_channel_id = fields.Many2one(
        "discuss.channel",
        ondelete="set null",
        help="The Discuss channel announcing the awards of the company's "
        "employees; its members are the company's users. Created with the "
        "company's first award when empty.",
    )
    recognition_skill_threshold = fields.Integer(
        string="Skill Level Threshold",
        default=DEFAULT_SKILL_THRESHOLD,
        help="The rule “skill level reached” awards its badge when a skill of "
        "one of the company's employees reaches this progress (in %).",
    )

    @api.constrains("recognition_skill_threshold")
    def _check_recognition_skill_threshold(self):
        for company in self:
            if not 0 <= company.recognition_skill_threshold <= 100:
                raise ValidationError(
                    self.env._(
                        "The skill level threshold of %(company)s is a percentage "
                        "between 0 and 100, not %(threshold)s.",
                        company=company.name,
                        threshold=company.recognition_skill_threshold,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        # the new companies' threshold joins the condition of the shipped rule
        self._recognition_apply_skill_threshold()
        return companies

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.model
    def _recognition_skill_domain(self):
        """The condition of the rule "skill level reached": each company's
        threshold for its employees' skills (one clause when all agree).
        Every company's: called by ``_recognition_apply_skill_threshold`` on
        behalf of the administrators, whose rule it writes."""
        companies = self.with_context(active_test=False).search([])
        ids_by_threshold = {}
        for company in companies:
            threshold = company.recognition_skill_threshold
            ids_by_threshold.setdefault(threshold, []).append(company.id)
        if len(ids_by_threshold) <= 1:
            threshold = next(iter(ids_by_threshold), DEFAULT_SKILL_THRESHOLD)
            return f"[('level_progress', '>=', {threshold})]"
        clauses = [
            f"'&', ('employee_id.company_id', 'in', {sorted(ids)}), "
            f"('level_progress', '>=', {threshold})"
            for threshold, ids in sorted(ids_by_threshold.items())
        ]
        return "[" + "'|', " * (len(clauses) - 1) + ", ".join(clauses) + "]"

    @api.model
    def _recognition_apply_skill_threshold(self):
        """Report the companies' thresholds on the shipped rule (if present)."""
        # sudo: the shipped rule is administrators' data; HR officers and
        # company creation change its condition through the settings only,
        # from every company's threshold (in any company the writer is in)
        as_admin = self.sudo()
        rule = as_admin.env.ref(SKILL_RULE, raise_if_not_found=False)
        if not rule:
            return
        domain = as_admin._recognition_skill_domain()
        if rule.filter_domain != domain:
            rule.filter_domain = domain

    def _recognition_channels(self):
        """``{company: its Recognition channel}``, creating the missing channels
        (one create); their members are the users of their company. Called
        with the awards, on behalf of HR (ir.actions.server's
        ``_recognition_grant_batch``): the channel is made with the company's
        first award, whoever fired the rule."""
        missing = self.filtered(lambda c: not c.recognition_channel_id)
        if missing:
            channels = self.env["discuss.channel"].create(
                [
                    {
                        "name": self.env._(
                            "Recognition (%(company)s)", company=company.name
                        ),
                        "description": self.env._(
                            "Milestones of our colleagues: courses completed, "
                            "skills mastered, goals achieved, promotions."
                        ),
                        "channel_type": "channel",
                    }
                    for company in missing
                ]
            )
            for company, channel in zip(missing, channels, strict=True):
                company.recognition_channel_id = channel
            # members once the channels know their company (see discuss.channel)
            channels.write(
                {"group_ids": [Command.link(self.env.ref("base.group_user").id)]}
            )
        return {company: company.recognition_channel_id for company in self}
