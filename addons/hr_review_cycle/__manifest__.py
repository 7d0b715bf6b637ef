# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Performance Review Cycles",
    "summary": "Review campaigns that launch and close appraisals as queue_job background jobs",
    "version": "18.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/career-suite/hr-career",
    "author": "Career Suite contributors",
    "maintainers": ["career-suite"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "application": False,
    "installable": True,
    "depends": [
        "hr_performance_feedback",
        "queue_job",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/hr_review_cycle_security.xml",
        "data/hr_review_cycle_data.xml",
        "data/hr_review_cycle_mail_templates.xml",
        "views/hr_appraisal_views.xml",
        "views/hr_review_cycle_views.xml",
        "views/hr_review_cycle_close_views.xml",
        "views/res_config_settings_views.xml",
        "views/hr_review_cycle_menus.xml",
        "views/hr_appraisal_team_views.xml",
        "views/hr_review_cycle_portal_templates.xml",
    ],
    "demo": [
        "demo/hr_review_cycle_demo.xml",
    ],
    "post_init_hook": "post_init_hook",
    "uninstall_hook": "uninstall_hook",
}
