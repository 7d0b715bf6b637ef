# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Performance Objectives and Ratings",
    "summary": "Objectives and key results aligned company > team > person, the rating scale and the appraisal's rating",
    "version": "18.0.1.1.0",
    "category": "Human Resources",
    "website": "https://github.com/career-suite/hr-career",
    "author": "Career Suite contributors",
    "maintainers": ["career-suite"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "application": False,
    "installable": True,
    "depends": [
        "hr_performance_link",
        "web_hierarchy",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/hr_performance_objective_security.xml",
        "data/hr_performance_rating_data.xml",
        "data/ir_cron_data.xml",
        "data/hr_performance_key_result_template_data.xml",
        "views/hr_performance_objective_views.xml",
        "views/hr_performance_key_result_template_views.xml",
        "views/hr_appraisal_rating_views.xml",
        "views/hr_career_goal_views.xml",
        "views/res_config_settings_views.xml",
        "views/hr_performance_objective_menus.xml",
        "views/hr_performance_objective_portal_templates.xml",
    ],
    "demo": [
        "demo/hr_performance_objective_demo.xml",
        "demo/hr_performance_objective_portal_demo.xml",
    ],
    "uninstall_hook": "uninstall_hook",
}
