# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 19: the public text of an award no longer names a private source (a
goal, a plan, an appraisal): "Career goal achieved: <goal title>" becomes
"Career goal achieved", on the award and in the messages that announced it."""

from collections import defaultdict

from markupsafe import Markup, escape

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    Award = env["gamification.badge.user"]
    awards = Award.search(
        [
            ("server_action_id", "!=", False),
            ("res_model", "!=", False),
            ("comment", "!=", False),
        ]
    )
    ids_by_model = defaultdict(set)
    for award in awards:
        if award.res_model in env:
            ids_by_model[award.res_model].add(award.res_id)
    existing = {
        (model, record.id): record
        for model, ids in ids_by_model.items()
        for record in env[model].browse(ids).exists()
    }
    new_comments = {}  # old comment -> new comment
    by_comment = defaultdict(Award.browse)
    for award in awards:
        action = award.server_action_id
        reason = action.badge_reason or action.base_automation_id.name or action.name
        source = existing.get((award.res_model, award.res_id))
        if source and action._recognition_public_name(source):
            continue
        if award.comment.startswith(f"{reason}: "):
            new_comments[award.comment] = reason
            by_comment[reason] |= award
    for comment, group in by_comment.items():
        group.write({"comment": comment})
    if not new_comments:
        return
    # the notes on the employees and the posts in the Recognition channel
    messages = env["mail.message"].search(
        [
            ("model", "in", ("hr.employee", "discuss.channel")),
            ("author_id", "=", env.ref("base.partner_root").id),
            ("body", "ilike", "received the badge"),
        ]
    )
    for message in messages:
        body = str(message.body)
        for old, new in new_comments.items():
            body = body.replace(f"<p>{escape(old)}</p>", f"<p>{escape(new)}</p>")
        if body != str(message.body):
            message.body = Markup(body)
