# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Adopt the "appraisal completed" rule of a database upgraded from
hr_recognition 18.0.1.0.0, which created that rule (and its grant action) in
code, under the external id ``hr_recognition.automation_appraisal_done``."""

RULE = "automation_appraisal_done"
ACTION = "action_grant_appraisal_done"
# set by hr_recognition 18.0.1.0.0 once it had created the rule: set with no
# rule left means that HR deleted it, and it must not come back
RELEASED_PARAM = "hr_recognition.appraisal_rule_created"
DELETED = "deleted by HR"


def pre_init_hook(env):
    """Move the released rule's external id to this addon, and give its grant
    action the one of the data file: installing then updates that rule instead
    of creating a second one."""
    Data = env["ir.model.data"]
    Param = env["ir.config_parameter"]
    released = Data.search(
        [
            ("module", "=", "hr_recognition"),
            ("name", "=", RULE),
            ("model", "=", "base.automation"),
        ]
    )
    rule = env["base.automation"].browse(released.res_id).exists()
    if not rule:
        released.unlink()
        if Param.get_param(RELEASED_PARAM):
            Param.set_param(RELEASED_PARAM, DELETED)
        return
    released.write({"module": "hr_recognition_appraisal", "noupdate": True})
    badge = env.ref("hr_recognition.badge_appraisal_done")
    grant = rule.action_server_ids.filtered(
        lambda a: a.state == "grant_badge" and a.badge_id == badge
    )[:1]
    if grant and not Data.search_count(
        [("model", "=", "ir.actions.server"), ("res_id", "=", grant.id)]
    ):
        Data.create(
            {
                "module": "hr_recognition_appraisal",
                "name": ACTION,
                "model": "ir.actions.server",
                "res_id": grant.id,
                "noupdate": True,
            }
        )
    Param.set_param(RELEASED_PARAM, False)


def post_init_hook(env):
    """The rule HR deleted before the upgrade stays deleted (``forcecreate``
    off in the data file: updates do not bring it back either)."""
    Param = env["ir.config_parameter"]
    if Param.get_param(RELEASED_PARAM) == DELETED:
        env.ref(f"hr_recognition_appraisal.{RULE}").unlink()
    Param.set_param(RELEASED_PARAM, False)
