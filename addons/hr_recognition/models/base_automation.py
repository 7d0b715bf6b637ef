# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import safe_eval


class BaseAutomation(models.Model):
    _inherit = "base.automation"

    is_recognition_rule = fields.Boolean(
        compute="_compute_is_recognition_rule",
        store=True,
        help="The rule has at least one action granting a badge.",
    )
    recognition_badge_ids = fields.Many2many(
        "gamification.badge",
        string="Badges",
        compute="_compute_recognition_badge_ids",
    )
    recognition_award_count = fields.Integer(
        string="Awards", compute="_compute_recognition_award_count"
    )

    @api.depends("action_server_ids.state", "action_server_ids.badge_id")
    def _compute_is_recognition_rule(self):
        for rule in self:
            grants = rule.action_server_ids.filtered(lambda a: a.state == "grant_badge")
            rule.is_recognition_rule = bool(grants)

    @api.depends("action_server_ids.state", "action_server_ids.badge_id")
    def _compute_recognition_badge_ids(self):
        for rule in self:
            rule.recognition_badge_ids = rule.action_server_ids.filtered(
                lambda a: a.state == "grant_badge"
            ).badge_id

    def _compute_recognition_award_count(self):
        counts = dict(
            self.env["gamification.badge.user"]._read_group(
                [("automation_id", "in", self.ids)], ["automation_id"], ["__count"]
            )
        )
        for rule in self:
            rule.recognition_award_count = counts.get(rule, 0)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_view_recognition_awards(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_recognition.gamification_badge_user_action"
        )
        action["domain"] = [("automation_id", "=", self.id)]
        action["context"] = {}
        return action

    def action_recognition_preview(self):
        """Open the list of the employees the rule would award now (dry run)."""
        self.ensure_one()
        self.env["gamification.badge.user"]._recognition_check_hr()
        preview = self.env["hr.recognition.preview"].create(
            self._recognition_preview_values()
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Preview awards: %(rule)s", rule=self.name),
            "res_model": "hr.recognition.preview",
            "res_id": preview.id,
            "view_mode": "form",
            "target": "new",
        }

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _recognition_matching_records(self):
        """The records of the rule's model that satisfy its condition now, among
        the ones the current user may read."""
        self.ensure_one()
        # sudo: HR officers preview rules that only administrators may edit;
        # the records themselves are searched with the user's own rights.
        rule = self.sudo()
        domain = []
        if rule.filter_domain:
            domain = safe_eval.safe_eval(rule.filter_domain, self._get_eval_context())
        return self.env[rule.model_name].search(domain)

    def _recognition_preview_values(self):
        """Values of an ``hr.recognition.preview``: the awards the rule would
        grant for the records matching it now. Nothing is written."""
        self.ensure_one()
        records = self._recognition_matching_records()
        lines = []
        no_user = self.env["hr.employee"]
        # sudo: see _recognition_matching_records; reading the rule's actions.
        actions = self.sudo().action_server_ids.filtered(
            lambda a: a.state == "grant_badge"
        )
        for action in actions.with_context(recognition_preview=True):
            vals_list, action_no_user = action._recognition_prepare(records)
            no_user |= action_no_user
            lines += [
                fields.Command.create(
                    {
                        "employee_id": vals["employee_id"],
                        "badge_id": vals["badge_id"],
                        "res_model": vals["res_model"],
                        "res_id": vals["res_id"],
                        "reason": vals["comment"],
                    }
                )
                for vals in vals_list
            ]
        return {
            "automation_id": self.id,
            "rule_name": self.sudo().name,  # sudo: the preview's title only
            "matching_count": len(records),
            "line_ids": lines,
            "no_user_employee_ids": [fields.Command.set(no_user.ids)],
        }
