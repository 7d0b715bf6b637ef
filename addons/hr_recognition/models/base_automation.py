# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import Counter

from odoo import api, fields, models, tools
from odoo.exceptions import UserError
from odoo.tools import safe_eval

from odoo.addons.hr_career_dev.models.hr_career_goal_template import chunks

# queue.job states of an award job not finished yet
JOB_RUNNING_STATES = ("wait_dependencies", "pending", "enqueued", "started")


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
    recognition_job_running_count = fields.Integer(
        string="Award Jobs Running",
        compute="_compute_recognition_job_counts",
        help="Background jobs awarding the rule's badges to those who already "
        "qualified, not finished yet.",
    )
    recognition_job_failed_count = fields.Integer(
        string="Award Jobs Failed",
        compute="_compute_recognition_job_counts",
        help="Background jobs awarding the rule's badges that failed: retry them "
        "from the rule.",
    )

    # ------------------------------------------------------------ lookup
    # base_automation searches the rules of a model on every create and write
    # of its records (one query each): 1,000 course completions wrote their
    # memberships 3,000 times, each paying a search the rules of
    # slide.channel.partner answer the same way. The answer is cached with
    # the registry and cleared whenever a rule is created, changed or deleted
    # (here, and in every worker through the registry's cache signalling).
    @api.model
    def _get_actions(self, records, triggers):
        if "__action_done" not in self._context:
            self = self.with_context(__action_done={})
        return self.browse(self._get_action_ids(records._name, tuple(triggers)))

    @api.model
    @tools.ormcache("model_name", "triggers")
    def _get_action_ids(self, model_name, triggers):
        domain = [("model_name", "=", model_name), ("trigger", "in", triggers)]
        # sudo: as base_automation's own lookup, every active rule of the model
        # applies whoever writes; only their ids are kept
        return tuple(self.with_context(active_test=True).sudo().search(domain).ids)

    @api.model_create_multi
    def create(self, vals_list):
        rules = super().create(vals_list)
        self.env.registry.clear_cache()
        return rules

    def write(self, vals):
        result = super().write(vals)
        self.env.registry.clear_cache()
        return result

    def unlink(self):
        result = super().unlink()
        self.env.registry.clear_cache()
        return result

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

    def _compute_recognition_job_counts(self):
        running, failed = Counter(), Counter()
        for job, rule_ids in self._recognition_award_jobs(
            JOB_RUNNING_STATES + ("failed",)
        ):
            counter = failed if job.state == "failed" else running
            counter.update(rule_ids)
        for rule in self:
            rule.recognition_job_running_count = running[rule.id]
            rule.recognition_job_failed_count = failed[rule.id]

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

    def action_recognition_award_existing(self):
        """Open the dry run of "award those who already qualify": how many
        employees would receive the rule's badges now; HR confirms from it."""
        self.ensure_one()
        self.env["gamification.badge.user"]._recognition_check_hr()
        wizard = self.env["hr.recognition.award.existing"].create(
            self._recognition_award_existing_values()
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._(
                "Award those who qualify: %(rule)s", rule=wizard.rule_name
            ),
            "res_model": "hr.recognition.award.existing",
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_recognition_retry_award_jobs(self):
        """Run again the failed jobs awarding the rule's badges."""
        self.ensure_one()
        self.env["gamification.badge.user"]._recognition_check_hr()
        failed = [
            job
            for job, rule_ids in self._recognition_award_jobs(("failed",))
            if self.id in rule_ids
        ]
        if not failed:
            raise UserError(
                self.env._("No award job of this rule failed: nothing to retry.")
            )
        # the jobs as _recognition_award_jobs read them (the queue's records)
        failed[0].union(*failed).requeue()
        return True

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _recognition_award_jobs(self, states):
        """``[(queue.job, rule ids)]``: the jobs in ``states`` awarding the
        badges of rules to those who already qualify (one search)."""
        jobs = (
            self.env["queue.job"]
            # sudo: the queue's own records (HR officers do not manage the
            # queue), read and requeued only for the award jobs of the rules
            .sudo()
            .search_fetch(
                [
                    ("model_name", "=", self._name),
                    ("method_name", "=", "_job_recognition_award"),
                    ("state", "in", states),
                ],
                ["records", "state"],
            )
        )
        return [(job, set(job.records.ids)) for job in jobs]

    def _recognition_definition(self):
        """What the rule is, read once: ``(name, model name, condition domain
        as text, grant actions)``. Rules and server actions are
        administrators' data (base_automation reads them as superuser when
        they fire); HR officers preview a rule and award it to those who
        qualify without the right to read it. The records themselves are
        always searched with the user's own rights."""
        self.ensure_one()
        # sudo: the rule's definition, read for an HR officer (see docstring)
        rule = self.sudo()
        grants = rule.action_server_ids.filtered(lambda a: a.state == "grant_badge")
        return rule.name, rule.model_name, rule.filter_domain, grants

    def _recognition_award_existing_values(self):
        """Values of an ``hr.recognition.award.existing``: the counts of the
        awards the rule's grant actions would make now for the records
        matching its condition. Nothing is written."""
        self.ensure_one()
        name, _model, _domain, actions = self._recognition_definition()
        records = self._recognition_matching_records()
        awards, no_user = [], self.env["hr.employee"]
        for action in actions:
            vals_list, action_no_user = action._recognition_prepare(records)
            awards += vals_list
            no_user |= action_no_user
        return {
            "automation_id": self.id,
            "rule_name": name,
            "matching_count": len(records),
            "award_count": len(awards),
            "employee_count": len({vals["employee_id"] for vals in awards}),
            "no_user_count": len(no_user),
        }

    def _recognition_award_existing_enqueue(self):
        """Award the rule's badges to those who qualify now, in background
        jobs by chunks of matching records; return the number of records."""
        self.ensure_one()
        self.env["gamification.badge.user"]._recognition_check_hr()
        name = self._recognition_definition()[0]
        records = self._recognition_matching_records()
        if not records:
            raise UserError(
                self.env._(
                    "No record matches the rule %(rule)s now: nobody qualifies.",
                    rule=name,
                )
            )
        for chunk in chunks(self.env, records.ids):
            self.with_delay(
                description=self.env._(
                    "Award %(rule)s to those who qualify: %(count)s records",
                    rule=name,
                    count=len(chunk),
                )
            )._job_recognition_award(chunk)
        return len(records)

    def _job_recognition_award(self, record_ids):
        """Job: award the rule's badges for those of ``record_ids`` that still
        satisfy its condition. Awards already granted are skipped: a retried
        or repeated job awards nothing twice."""
        self.ensure_one()
        self.env["gamification.badge.user"]._recognition_check_hr()
        actions = self._recognition_definition()[3]
        records = self._recognition_matching_records(record_ids)
        # the records were searched with the HR user's rights: the grant is HR's
        awards = actions._recognition_grant(records)
        return self.env._("%(count)s badges awarded", count=len(awards))

    def _recognition_matching_records(self, record_ids=None):
        """The records of the rule's model that satisfy its condition now, among
        the ones the current user may read (and among ``record_ids`` if
        given)."""
        self.ensure_one()
        _name, model, filter_domain, _actions = self._recognition_definition()
        domain = []
        if filter_domain:
            domain = safe_eval.safe_eval(filter_domain, self._get_eval_context())
        if record_ids is not None:
            domain = [("id", "in", record_ids)] + domain
        return self.env[model].search(domain)

    def _recognition_preview_values(self):
        """Values of an ``hr.recognition.preview``: the awards the rule would
        grant for the records matching it now. Nothing is written."""
        self.ensure_one()
        name, _model, _domain, actions = self._recognition_definition()
        records = self._recognition_matching_records()
        lines = []
        no_user = self.env["hr.employee"]
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
            "rule_name": name,
            "matching_count": len(records),
            "line_ids": lines,
            "no_user_employee_ids": [fields.Command.set(no_user.ids)],
        }
