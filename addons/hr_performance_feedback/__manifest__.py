# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Performance Check-ins and 360° Feedback",
    "summary": "Check-ins with a cadence and 360° feedback requests answered in the portal",
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
        "hr_performance_objective",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/hr_performance_feedback_security.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "views/hr_appraisal_views.xml",
        "views/hr_performance_checkin_views.xml",
        "views/hr_feedback_request_views.xml",
        "views/hr_feedback_nomination_views.xml",
        "views/hr_employee_views.xml",
        "views/hr_feedback_request_wizard_views.xml",
        "views/res_config_settings_views.xml",
        "views/hr_performance_feedback_menus.xml",
        "views/hr_performance_feedback_portal_templates.xml",
        "views/hr_performance_feedback_portal_team_templates.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "hr_performance_feedback/static/src/feedback_summary/*",
        ],
        "web.assets_unit_tests": [
            "hr_performance_feedback/static/tests/**/*",
            ("remove", "hr_performance_feedback/static/tests/tours/**/*"),
        ],
        "web.assets_tests": [
            "hr_performance_feedback/static/tests/tours/**/*",
        ],
    },
    "demo": [
        "demo/hr_performance_feedback_demo.xml",
        "demo/hr_performance_portal_demo.xml",
    ],
}
