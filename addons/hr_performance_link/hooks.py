# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def uninstall_hook(env):
    """The appraisals launched by the review cycles this addon ships (the
    demo's) go with those cycles: left behind, they would keep the demo
    employees of hr_career_dev from being uninstalled. The appraisals of the
    cycles HR created stay, like every appraisal of hr_appraisal_oca."""
    shipped = env["ir.model.data"].search(
        [("module", "=", "hr_performance_link"), ("model", "=", "hr.review.cycle")]
    )
    env["hr.appraisal"].with_context(active_test=False).search(
        [("review_cycle_id", "in", shipped.mapped("res_id"))]
    ).unlink()
