# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Performance & Career Link",
    "summary": "Appraisals, check-ins and 360° feedback that assess skills and feed the development plan",
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
        "hr_career_dev",
        "hr_appraisal_oca",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/hr_performance_link_security.xml",
        "security/hr_appraisal_security.xml",
        "security/hr_review_cycle_security.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "views/hr_appraisal_views.xml",
        "views/hr_performance_checkin_views.xml",
        "views/hr_feedback_request_views.xml",
        "views/hr_feedback_request_wizard_views.xml",
        "views/hr_review_cycle_views.xml",
        "views/res_config_settings_views.xml",
        "views/hr_performance_link_menus.xml",
        "views/hr_performance_link_portal_templates.xml",
    ],
    "demo": [
        "demo/hr_performance_link_demo.xml",
        "demo/hr_review_cycle_demo.xml",
    ],
}
