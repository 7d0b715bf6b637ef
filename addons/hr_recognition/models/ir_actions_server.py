# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import OrderedSet

_logger = logging.getLogger(__name__)

RECIPIENT_MODELS = ("hr.employee", "res.users", "res.partner")
# Sources whose name every employee may read: it is shown in the award's public
# text (comment, posts). Other sources (goals, plans, appraisals...) are private.
PUBLIC_SOURCE_MODELS = ("hr.job", "hr.skill", "slide.channel")
# cr.precommit.data key: the grants of the transaction, awarded before commit
PENDING_GRANTS = "hr_recognition.pending_grants"


class IrActionsServer(models.Model):
    _inherit = "ir.actions.server"

    state = fields.Selection(
        selection_add=[("grant_badge", "Grant Badge")],
        ondelete={"grant_badge": "cascade"},
    )
    badge_id = fields.Many2one(
        "gamification.badge",
        ondelete="restrict",
        help="Badge awarded to the employee of the record that fired the action.",
    )
    badge_recipient_field_id = fields.Many2one(
        "ir.model.fields",
        string="Recipient Field",
        ondelete="cascade",
        domain="[('model_id', '=', model_id), ('ttype', '=', 'many2one'), "
        "('relation', 'in', ('hr.employee', 'res.users', 'res.partner'))]",
        help="Field holding who receives the badge. Leave empty to resolve it from "
        "the record: the employee itself, a user's employee, the record's "
        "Employee field, or a course attendee's employee.",
    )
    badge_source_field_id = fields.Many2one(
        "ir.model.fields",
        string="Awarded For",
        ondelete="cascade",
        domain="[('model_id', '=', model_id), ('ttype', '=', 'many2one')]",
        help="The record the badge is awarded for; one award per badge, employee "
        "and such record. Leave empty to use the record that fired the action "
        "(e.g. the course rather than the attendance, the job reached rather "
        "than the employee).",
    )
    badge_reason = fields.Char(
        string="Reason",
        translate=True,
        help="Shown on the award and its certificate, followed by the name of the "
        "record the badge is awarded for.",
    )
    badge_require_career_path = fields.Boolean(
        string="Only for a Promotion",
        help="For job changes of employees: award only when a career path "
        "marked as a promotion leads from the previous job to the new one.",
    )

    @api.depends("badge_id")
    def _compute_name(self):
        """A grant action of a rule is named for its badge (base_automation
        names it for its type, "Grant Badge", whenever its type is set)."""
        result = super()._compute_name()
        for action in self:
            if action.state == "grant_badge" and action.base_automation_id:
                action.name = self.env._(
                    "Grant the badge %(badge)s", badge=action.badge_id.name or ""
                ).strip()
        return result

    @api.constrains("state", "badge_id")
    def _check_grant_badge(self):
        for action in self:
            if action.state == "grant_badge" and not action.badge_id:
                raise ValidationError(
                    self.env._(
                        "The action “%(action)s” grants a badge: choose the badge.",
                        action=action.name,
                    )
                )

    def run(self):
        """A grant runs from its automation rule (base.automation runs its
        actions as superuser), or for an HR officer, on the records of the
        context for which the rule's condition holds. Anyone else is refused:
        the context of a direct call is the caller's to forge."""
        # sudo: the actions' definitions (administrators' data, as core's
        # run() reads them): their type, model and rule, read once here
        definitions = self.sudo()
        grants = definitions.filtered(lambda a: a.state == "grant_badge")
        if self.env.su or not grants:
            return super().run()
        if not self.env.user.has_group("hr.group_hr_user"):
            raise AccessError(
                self.env._(
                    "Badges are granted by their recognition rules or by HR "
                    "officers: you cannot run this action yourself."
                )
            )
        others = self - grants
        result = super(IrActionsServer, others).run() if others else False
        for action in grants:
            action._recognition_run_as_hr(self.env)
        return result

    def _recognition_run_as_hr(self, user_env):
        """Grant for the records of the context, as an HR officer asks: only
        the ones HR may edit and for which the rule's condition holds.
        ``self`` is the action as run() read it; ``user_env`` the HR
        officer's, under whose rights the records are checked."""
        self.ensure_one()
        context = user_env.context
        if context.get("active_model") != self.model_id.model:
            return False
        ids = context.get("active_ids") or (
            [context["active_id"]] if context.get("active_id") else []
        )
        records = user_env[self.model_id.model].browse(ids).exists()
        records.check_access("write")
        automation = self.base_automation_id
        if automation:
            # the rule's condition, evaluated as for the HR officer's own write
            records = automation.with_env(user_env)._filter_post(records)
        if records:
            # the records were checked above: the grant itself is HR's
            self._recognition_grant(records)
        return False

    def _run_action_grant_badge_multi(self, eval_context=None):
        records = eval_context.get("records") or eval_context.get("record")
        if not records:
            return False
        self._recognition_grant_at_commit(records)
        return False

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _recognition_employees(self, records):
        """Return {record id: hr.employee} for ``records`` (one model); the
        employees of users are looked up in one search for all records."""
        self.ensure_one()
        if self.badge_recipient_field_id:
            targets = {
                rec.id: rec[self.badge_recipient_field_id.name] for rec in records
            }
        else:
            targets = {rec.id: rec for rec in records}
        users = self.env["res.users"].browse()
        for target in targets.values():
            users |= self._recognition_user_of(target)
        employee_of_user = self._recognition_users_employees(users)
        result = {}
        for rec_id, target in targets.items():
            employee = self._recognition_employee_of(target, employee_of_user)
            if employee:
                result[rec_id] = employee
        return result

    @api.model
    def _recognition_user_of(self, target):
        """The user whose employee receives a badge for ``target``, if any."""
        if not target:
            return self.env["res.users"]
        if target._name == "res.users":
            return target
        if target._name == "res.partner":
            return target.with_context(active_test=False).user_ids[:1]
        if target._name == "slide.channel.partner":
            return self._recognition_user_of(target.partner_id)
        return self.env["res.users"]

    @api.model
    def _recognition_users_employees(self, users):
        """``{user id: employee}``, one search: the user's employee in the
        current company, else the one in the user's own company (a rule runs
        in one company, for the learners of all)."""
        if not users:
            return {}
        employees = self.env["hr.employee"].search(
            [("user_id", "in", users.ids)], order="id"
        )
        result = {}
        for employee in employees:
            user = employee.user_id
            if employee.company_id == self.env.company:
                result[user.id] = employee
            elif employee.company_id == user.company_id:
                result.setdefault(user.id, employee)
        return result

    @api.model
    def _recognition_employee_of(self, target, employee_of_user=None):
        """The employee receiving a badge for ``target`` (one record), if any."""
        if not target:
            return target.env["hr.employee"]
        if target._name == "hr.employee":
            return target
        user = self._recognition_user_of(target)
        if user or target._name in (
            "res.users",
            "res.partner",
            "slide.channel.partner",
        ):
            if employee_of_user is None:
                employee_of_user = self._recognition_users_employees(user)
            return employee_of_user.get(user.id, self.env["hr.employee"])
        field = target._fields.get("employee_id")
        if field and field.type == "many2one" and field.comodel_name == "hr.employee":
            return target.employee_id
        return target.env["hr.employee"]

    def _recognition_sources(self, records):
        """Return {record id: source record} (what the badge is awarded for)."""
        self.ensure_one()
        if not self.badge_source_field_id:
            return {rec.id: rec for rec in records}
        fname = self.badge_source_field_id.name
        return {rec.id: rec[fname] for rec in records if rec[fname]}

    def _recognition_filter_career_path(self, records):
        """Keep the employees whose job change is a promotion: a career path
        marked as a promotion leads from the previous job to the new one."""
        self.ensure_one()
        if not (
            self.badge_require_career_path
            and not self.env.context.get("recognition_preview")
            and records._name == "hr.employee"
        ):
            return records
        old_values = self.env.context.get("old_values") or {}
        old_jobs = {
            rec.id: old_values.get(rec.id, {}).get("job_id")
            for rec in records
            if old_values.get(rec.id, {}).get("job_id")
        }
        if not old_jobs:
            return records.browse()
        promotions = records._recognition_promotion_pairs(
            {(old_jobs[r.id].id, r.job_id.id) for r in records if r.id in old_jobs}
        )
        return records.filtered(
            lambda r: r.id in old_jobs
            and (old_jobs[r.id].id, r.job_id.id) in promotions
        )

    def _recognition_prepare(self, records, path_checked=False, source_pairs=None):
        """Compute what this grant action would award for ``records``.

        Return ``(vals_list, no_user_employees)``: the values of the awards not
        granted yet (one per badge, employee and source record) and the
        employees that cannot receive a badge because they have no user.
        """
        self.ensure_one()
        badge_user = self.env["gamification.badge.user"]
        if not path_checked:
            records = self._recognition_filter_career_path(records)
        employees = self._recognition_employees(records)
        if source_pairs is None:
            sources = self._recognition_sources(records)
            source_pairs = [(rec.id, sources.get(rec.id)) for rec in records]
        no_user = self.env["hr.employee"]
        candidates = {}
        for rec_id, source in source_pairs:
            employee = employees.get(rec_id)
            if not employee or not source:
                continue
            if not employee.user_id:
                no_user |= employee
                continue
            key = (self.badge_id.id, employee.id, source._name, source.id)
            if key in candidates:
                continue
            reason = self.badge_reason or self.base_automation_id.name or self.name
            public_name = self._recognition_public_name(source)
            candidates[key] = {
                "badge_id": self.badge_id.id,
                "user_id": employee.user_id.id,
                "employee_id": employee.id,
                "res_model": source._name,
                "res_id": source.id,
                "automation_id": self.base_automation_id.id,
                "server_action_id": self.id,
                # public text: every user reads awards, portal users included
                "comment": f"{reason}: {public_name}" if public_name else reason,
            }
        existing = badge_user._recognition_existing_keys(list(candidates))
        vals_list = [vals for key, vals in candidates.items() if key not in existing]
        return vals_list, no_user

    @api.model
    def _recognition_public_name(self, source):
        """The name of ``source`` when every employee may know it (a job, a
        skill, a course shown to everyone), else False: the award's public text
        then says why, not what (no goal title, no plan name)."""
        if source._name not in PUBLIC_SOURCE_MODELS:
            return False
        if source._name == "slide.channel" and source.visibility == "members":
            return False
        return source.display_name

    def _recognition_grant(self, records):
        """Award the badge of each grant action for ``records``; return the new
        awards. Awards already granted are skipped, also against concurrent
        transactions (see ``gamification.badge.user._recognition_create``)."""
        if PENDING_GRANTS in self.env.cr.precommit.data:
            # the grants collected before this one come first
            self._recognition_grant_pending()
        return self._recognition_grant_batch([(action, records) for action in self])

    def _recognition_grant_at_commit(self, records):
        """Collect the grant of this action for ``records``: the grants of a
        transaction are awarded together just before it commits (one
        ``create``, one note per employee, one digest per channel), or as soon
        as someone searches the awards in the transaction."""
        self.ensure_one()
        # the job-change condition reads the values before the write: now
        records = self._recognition_filter_career_path(records)
        if not records:
            return
        cr = self.env.cr
        pending = cr.precommit.data.get(PENDING_GRANTS)
        if pending is None:
            pending = cr.precommit.data[PENDING_GRANTS] = {}
            # not the firing context (old values, active ids): the language only
            lang = self.env.context.get("lang")
            env = self.env(context={"lang": lang} if lang else {})
            cr.precommit.add(env["ir.actions.server"]._recognition_grant_pending)
        # what the badge is awarded for, as it is now (e.g. the job reached)
        sources = self._recognition_sources(records)
        pending.setdefault((self.id, records._name), OrderedSet()).update(
            (rec_id, source._name, source.id) for rec_id, source in sources.items()
        )

    @api.model
    def _recognition_grant_pending(self):
        """Award the grants collected in the transaction; return the awards.
        Only ids are read here (``exists()`` checks no rights): the grant
        itself, in ``_recognition_grant_batch``, acts on behalf of HR."""
        pending = self.env.cr.precommit.data.pop(PENDING_GRANTS, None) or {}
        actions = self.browse({action_id for action_id, _m in pending}).exists()
        actions = {action.id: action for action in actions}
        # the sources of each model browsed together (one prefetch)
        source_ids = defaultdict(OrderedSet)
        for triples in pending.values():
            for _rec_id, source_model, source_id in triples:
                source_ids[source_model].add(source_id)
        sources = {
            (record._name, record.id): record
            for model, ids in source_ids.items()
            for record in self.env[model].browse(ids).exists()
        }
        batch = []
        for (action_id, model), triples in pending.items():
            if action_id not in actions:
                continue
            records = self.env[model].browse(t[0] for t in triples).exists()
            existing = set(records._ids)
            pairs = [
                (rec_id, sources[source_model, source_id])
                for rec_id, source_model, source_id in triples
                if (source_model, source_id) in sources and rec_id in existing
            ]
            batch.append((actions[action_id], records, pairs))
        awards = self._recognition_grant_batch(batch, path_checked=True)
        # called just before commit, after the main flush: write it all now
        self.env.flush_all()
        return awards

    @api.model
    def _recognition_grant_batch(self, batch, path_checked=False):
        """Award, for each ``(grant action, records[, (record id, source)
        pairs])`` of ``batch``, the action's badge: one ``create`` for all
        awards, then one note per employee and one digest per Recognition
        channel.

        Every grant path ends here (a rule firing, an HR officer running the
        action, the jobs awarding those who already qualify): this is where
        the privilege is taken, once, and everything below it (the awards,
        the notes on the employees, their inbox rows, the Recognition
        channels and their posts) runs on behalf of HR. The callers decided
        beforehand which records qualify, under their own rights or as the
        rule's superuser run."""
        # sudo: the grant is HR's act; the user whose change fired the rule
        # (often the employee) may neither create awards nor post on employees
        hr_env = self.sudo().env
        badge_user = hr_env["gamification.badge.user"]
        candidates = {}
        for action, records, *pairs in batch:
            action = action.with_env(hr_env)
            if action.state != "grant_badge" or not records:
                continue
            vals_list, no_user = action._recognition_prepare(
                records.with_env(hr_env),
                path_checked=path_checked,
                source_pairs=[
                    (rec_id, source.with_env(hr_env)) for rec_id, source in pairs[0]
                ]
                if pairs
                else None,
            )
            if no_user:
                action._recognition_notify_no_user(no_user)
            for vals in vals_list:
                key = (
                    vals["badge_id"],
                    vals["employee_id"],
                    vals["res_model"],
                    vals["res_id"],
                )
                candidates.setdefault(key, vals)
        if not candidates:
            return badge_user
        awards = badge_user._recognition_create(list(candidates.values()))
        if awards:
            awards._recognition_acknowledge()
        return awards

    def _recognition_notify_no_user(self, employees):
        self.ensure_one()
        _logger.info(
            "Badge %s not awarded to employees %s: they have no user",
            self.badge_id.name,
            employees.ids,
        )
        # a note on the employee is HR's message (in _recognition_grant_batch's
        # environment); one create for all the notes
        employees._message_log_batch(
            {
                employee.id: Markup("<p>%s</p>")
                % self.env._(
                    "The badge “%(badge)s” could not be awarded to %(employee)s: "
                    "a badge goes to a user and this employee has none. Link the "
                    "employee to a user; the rule awards it when it fires again.",
                    badge=self.badge_id.name,
                    employee=employee.name,
                )
                for employee in employees
            },
            message_type="comment",
        )
