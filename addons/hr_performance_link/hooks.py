# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def uninstall_hook(env):
    """The appraisals this addon ships (demo data) and those launched by the
    review cycles it ships go with it: left behind, they would keep their
    external ids and the demo employees of hr_career_dev from being
    uninstalled. The appraisals HR created stay, like every appraisal of
    hr_appraisal_oca."""
    data = env["ir.model.data"].search(
        [
            ("module", "=", "hr_performance_link"),
            ("model", "in", ("hr.review.cycle", "hr.appraisal")),
        ]
    )
    cycle_ids = [d.res_id for d in data if d.model == "hr.review.cycle"]
    appraisal_ids = [d.res_id for d in data if d.model == "hr.appraisal"]
    # the demo's appraisals go here too: the generic removal of the addon's
    # records left them behind with their external ids (uninstall_check.py)
    env["hr.appraisal"].with_context(active_test=False).search(
        ["|", ("review_cycle_id", "in", cycle_ids), ("id", "in", appraisal_ids)]
    ).unlink()
