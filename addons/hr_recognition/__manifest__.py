# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Career Recognition",
    "summary": "Milestone badges awarded by HR-editable automation rules, "
    "acknowledgement and certificates",
    "version": "18.0.1.2.0",
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
        "hr_gamification",
        "base_automation",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/gamification_badge_user_security.xml",
        "data/discuss_channel_data.xml",
        "data/gamification_badge_data.xml",
        "data/base_automation_data.xml",
        "report/award_certificate_report.xml",
        "views/ir_actions_server_views.xml",
        "views/gamification_badge_user_views.xml",
        "views/base_automation_views.xml",
        "wizard/hr_recognition_preview_views.xml",
        "wizard/hr_recognition_award_existing_views.xml",
        "views/res_config_settings_views.xml",
        "views/hr_recognition_menus.xml",
        "views/hr_recognition_portal_templates.xml",
    ],
    "demo": [
        "demo/hr_recognition_demo.xml",
    ],
}
