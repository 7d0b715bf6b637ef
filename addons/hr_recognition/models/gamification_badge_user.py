# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
from collections import defaultdict

from markupsafe import Markup
from psycopg2.errors import UniqueViolation

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from odoo.addons.hr_career_dev.models.hr_career_role import NONE

from .ir_actions_server import PENDING_GRANTS

_logger = logging.getLogger(__name__)


class GamificationBadgeUser(models.Model):
    _name = "gamification.badge.user"
    _inherit = ["gamification.badge.user", "hr.career.owner.mixin"]
    # who received it and what for: fixed once awarded (HR excepted); a plain
    # badge cannot be turned into a recognition award
    _career_owner_fields = (
        "user_id",
        "employee_id",
        "res_model",
        "res_id",
        "automation_id",
        "server_action_id",
    )

    res_model = fields.Char(
        string="Source Model", index=True, readonly=True, copy=False
    )
    res_id = fields.Many2oneReference(
        string="Source ID", model_field="res_model", readonly=True, copy=False
    )
    source_ref = fields.Reference(
        selection="_selection_source_ref",
        string="Awarded For",
        compute="_compute_source_ref",
    )
    automation_id = fields.Many2one(
        "base.automation",
        string="Rule",
        ondelete="set null",
        index="btree_not_null",
        readonly=True,
        copy=False,
    )
    server_action_id = fields.Many2one(
        "ir.actions.server",
        ondelete="set null",
        readonly=True,
        copy=False,
    )
    is_recognition = fields.Boolean(
        string="Recognition Award",
        compute="_compute_is_recognition",
        search="_search_is_recognition",
    )
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index="btree_not_null"
    )

    def init(self):
        # One award per (badge, employee, source record), guaranteed by the
        # database, also against concurrent transactions.
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS %s ON %s "
                "(badge_id, employee_id, res_model, res_id) "
                "WHERE res_model IS NOT NULL AND res_id IS NOT NULL "
                "AND employee_id IS NOT NULL",
                SQL.identifier("gamification_badge_user_recognition_unique"),
                SQL.identifier(self._table),
            )
        )

    @api.model
    def _search(self, domain, *args, **kwargs):
        # the awards collected in this transaction are granted before anyone
        # looks for awards in it, as pending writes are flushed before a search
        if PENDING_GRANTS in self.env.cr.precommit.data:
            self.env["ir.actions.server"]._recognition_grant_pending()
        return super()._search(domain, *args, **kwargs)

    @api.model
    def _selection_source_ref(self):
        # sudo: model names only, which every user sees in the interface anyway
        return [
            (model.model, model.name)
            for model in self.env["ir.model"].sudo().search([])
        ]

    @api.depends("res_model", "res_id")
    @api.depends_context("uid")
    def _compute_source_ref(self):
        """The source record, for whom may read it: every user reads awards,
        not the goals or plans they were awarded for. The reader's own rights
        decide, also when the award itself is read with superuser rights (the
        certificate is rendered so); the superuser itself (the scheduler)
        reads every source."""
        reader = (
            self.env
            if self.env.user._is_superuser()
            else self.with_user(self.env.uid).env
        )
        ids_by_model = defaultdict(set)
        for award in self:
            if award.res_model in self.env and award.res_id:
                ids_by_model[award.res_model].add(award.res_id)
        existing = {
            (model, record_id)
            for model, ids in ids_by_model.items()
            # exists() tells deleted source records from existing ones (it
            # checks no rights); the reader's own rights decide what is shown
            for record_id in reader[model]
            .browse(ids)
            .exists()
            ._filtered_access("read")
            .ids
        }
        for award in self:
            if (award.res_model, award.res_id) in existing:
                award.source_ref = f"{award.res_model},{award.res_id}"
            else:
                award.source_ref = False

    @api.depends("res_model", "automation_id", "server_action_id")
    def _compute_is_recognition(self):
        for award in self:
            award.is_recognition = bool(
                award.res_model or award.automation_id or award.server_action_id
            )

    def _search_is_recognition(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(operator)
        positive = (operator == "=") == value
        domain = [
            "|",
            "|",
            ("res_model", "!=", False),
            ("automation_id", "!=", False),
            ("server_action_id", "!=", False),
        ]
        if positive:
            return domain
        return [
            ("res_model", "=", False),
            ("automation_id", "=", False),
            ("server_action_id", "=", False),
        ]

    def _career_owner_may_change(self):
        # as the award rules say: HR officers and administrators
        return super()._career_owner_may_change() or self.env.user.has_group(
            "base.group_system"
        )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_open_source(self):
        self.ensure_one()
        if not self.source_ref:
            return False
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }

    def action_print_certificate(self):
        self._recognition_check_certificate()
        return self.env.ref(
            "hr_recognition.action_report_award_certificate"
        ).report_action(self)

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.model
    def _recognition_existing_keys(self, keys):
        """Return the subset of ``keys`` (badge_id, employee_id, res_model,
        res_id) already awarded, in one query.

        The keys are passed as four arrays joined to the table (not as a list
        of row values, which PostgreSQL expands into one condition per key
        and refuses beyond a few thousand keys: "stack depth limit exceeded"
        when 10,000 people complete courses in one transaction)."""
        if not keys:
            return set()
        self.flush_model(["badge_id", "employee_id", "res_model", "res_id"])
        badge_ids, employee_ids, res_models, res_ids = zip(*keys, strict=True)
        self.env.cr.execute(
            SQL(
                """
                SELECT DISTINCT b.badge_id, b.employee_id, b.res_model, b.res_id
                  FROM %s b
                  JOIN unnest(%s::int[], %s::int[], %s::varchar[], %s::int[])
                       AS k(badge_id, employee_id, res_model, res_id)
                    ON b.badge_id = k.badge_id AND b.employee_id = k.employee_id
                   AND b.res_model = k.res_model AND b.res_id = k.res_id
                """,
                SQL.identifier(self._table),
                list(badge_ids),
                list(employee_ids),
                list(res_models),
                list(res_ids),
            )
        )
        return set(self.env.cr.fetchall())

    @api.model
    def _recognition_create(self, vals_list):
        """Create the awards of ``vals_list``, skipping the ones another
        transaction granted in the meantime; return the created awards.

        The caller filtered out the awards it could see; a concurrent
        transaction may still have inserted one since: the unique index then
        raises, and the awards are retried one by one, each in a savepoint.
        """
        # savepoints without the pre-commit hooks: they may run just before a
        # commit, and a conflict must not drop the other hooks (mail tracking,
        # bus notifications) of the transaction
        self.env.flush_all()
        try:
            with self.env.cr.savepoint(flush=False):
                awards = self.create(vals_list)
                self.env.flush_all()
                return awards
        except UniqueViolation:
            self.env.clear()
            _logger.info("Concurrent award detected, granting one award at a time")
        awards = self.browse()
        for vals in vals_list:
            try:
                with self.env.cr.savepoint(flush=False):
                    award = self.create(vals)
                    self.env.flush_all()
                awards |= award
            except UniqueViolation:
                self.env.clear()
                _logger.info(
                    "Badge %s already awarded to employee %s for %s,%s",
                    vals["badge_id"],
                    vals["employee_id"],
                    vals["res_model"],
                    vals["res_id"],
                )
        return awards

    def _recognition_acknowledge(self):
        """Acknowledge the awards of ``self`` (one batch) at once: one note per
        employee on their chatter listing their awards, the employee and their
        manager notified in their inbox; and, where the company keeps it on,
        one digest per company in its Recognition channel."""
        odoobot = self.env.ref("base.partner_root")
        by_employee = defaultdict(list)
        for award in self:
            by_employee[award.employee_id].append(award)
        employees = self.env["hr.employee"].browse([e.id for e in by_employee])
        # one internal note per employee, all created at once by mail's own
        # batch logger; called by ir.actions.server._recognition_grant_batch,
        # on behalf of HR: the awards, notes, inbox rows and posts are HR's
        messages = employees._message_log_batch(
            {
                employee.id: Markup().join(
                    award._recognition_message_body() for award in awards
                )
                for employee, awards in by_employee.items()
            },
            author_id=odoobot.id,
            email_from=odoobot.email_formatted,
            message_type="comment",
        )
        # the employee and their manager see the note in their inbox: the rows
        # mail.thread._notify_thread_by_inbox writes for one message, written
        # here for all the notes in one create (mail has no batch notifier)
        by_res_id = {message.res_id: message for message in messages}
        # inbox rows of the notes, as mail writes them (HR's, see above)
        self.env["mail.notification"].create(
            [
                {
                    "author_id": odoobot.id,
                    "mail_message_id": by_res_id[employee.id].id,
                    "notification_status": "sent",
                    "notification_type": "inbox",
                    "res_partner_id": partner.id,
                }
                for employee, awards in by_employee.items()
                for partner in (
                    employee.parent_id.user_id.partner_id
                    | self.browse([a.id for a in awards]).user_id.partner_id
                )
            ]
        )
        channels = self.employee_id.company_id.filtered(
            "recognition_post_in_channel"
        )._recognition_channels()
        by_company = defaultdict(list)
        for award in self:
            by_company[award.employee_id.company_id].append(award.id)
        for company, award_ids in by_company.items():
            channel = channels.get(company)
            if channel:
                channel.message_post(
                    body=self.browse(award_ids)._recognition_digest_body(),
                    author_id=odoobot.id,
                    message_type="comment",
                    subtype_xmlid="mail.mt_comment",
                )

    def _recognition_message_body(self):
        self.ensure_one()
        text = self.env._(
            "🏅 %(employee)s received the badge “%(badge)s”",
            employee=self.employee_id.name,
            badge=self.badge_id.name,
        )
        body = Markup("<p><strong>%s</strong></p>") % text
        if self.comment:
            body += Markup("<p>%s</p>") % self.comment
        return body

    def _recognition_digest_body(self):
        """The Recognition channel's post for the awards of ``self``: per
        badge and public reason, who received it (public names only), and a
        link to the award list."""
        groups = defaultdict(list)
        for award in self:
            groups[award.badge_id, award.comment or ""].append(award.employee_id)
        body = Markup()
        for (badge, comment), employees in groups.items():
            if len(employees) == 1:
                text = self.env._(
                    "🏅 %(employee)s received the badge “%(badge)s”",
                    employee=employees[0].name,
                    badge=badge.name,
                )
                names = ""
            else:
                text = self.env._(
                    "🏅 %(count)s people received the badge “%(badge)s”",
                    count=len(employees),
                    badge=badge.name,
                )
                names = ", ".join(employee.name for employee in employees)
            body += Markup("<p><strong>%s</strong></p>") % text
            if comment:
                body += Markup("<p>%s</p>") % comment
            if names:
                body += Markup("<p>%s</p>") % names
        action = "hr_recognition.gamification_badge_user_action"
        body += Markup('<p><a href="/odoo/action-%s">%s</a></p>') % (
            action,
            self.env._("See the awards"),
        )
        return body

    def _recognition_check_certificate(self):
        """Certificates are for the suite's milestone awards (granted by a
        recognition rule), printed by the employee, their managers (the
        ``parent_id`` chain) or HR. Raise otherwise, naming nobody."""
        plain = self.filtered(lambda award: not award.is_recognition)
        if plain:
            raise UserError(
                self.env._(
                    "Only the badges awarded by a recognition rule come with a "
                    "certificate; the badge “%(badge)s” has none.",
                    badge=plain[0].badge_id.name,
                )
            )
        # who the user is to each recipient: the suite's role service (self,
        # manager in the parent_id chain, HR); nothing of them is shown.
        # Every award asked for must be in reach, hidden ones included.
        roles = self.env["hr.career.role"]._get_record_roles(self, "employee_id")
        if any(role == NONE for role in roles.values()):
            raise AccessError(
                self.env._(
                    "You may print the certificates of your own awards and of "
                    "your team's only."
                )
            )

    @api.model
    def _recognition_check_hr(self):
        user = self.env.user
        if not (
            user.has_group("hr.group_hr_user") or user.has_group("base.group_system")
        ):
            raise AccessError(self.env._("Only HR officers can do this."))
