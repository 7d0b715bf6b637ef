# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def unlink_module_appraisals(env, module, cycle_model=False):
    """The appraisals ``module`` ships (demo data), and with ``cycle_model``
    those launched by the review cycles it ships, go with it: left behind,
    they would keep their external ids and the demo employees of
    hr_career_dev from being uninstalled. The appraisals HR created stay, like
    every appraisal of hr_appraisal_oca."""
    models = ("hr.review.cycle", "hr.appraisal") if cycle_model else ("hr.appraisal",)
    data = env["ir.model.data"].search(
        [("module", "=", module), ("model", "in", models)]
    )
    cycle_ids = [d.res_id for d in data if d.model == "hr.review.cycle"]
    appraisal_ids = [d.res_id for d in data if d.model == "hr.appraisal"]
    domain = [("id", "in", appraisal_ids)]
    if cycle_ids:
        domain = ["|", ("review_cycle_id", "in", cycle_ids)] + domain
    env["hr.appraisal"].with_context(active_test=False).search(domain).unlink()


def uninstall_hook(env):
    unlink_module_appraisals(env, "hr_performance_link")
