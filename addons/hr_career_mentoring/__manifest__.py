# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Career Mentoring",
    "summary": "Mentoring programme: mentors with capacity, mentorships and "
    "private sessions, matched by skills and spread fairly",
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
        "hr_career_dev",
        "hr_recognition",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/hr_career_mentoring_security.xml",
        "data/gamification_badge_data.xml",
        "data/base_automation_data.xml",
        "views/hr_career_mentor_views.xml",
        "views/hr_career_mentorship_views.xml",
        "views/res_config_settings_views.xml",
        "views/hr_career_mentoring_menus.xml",
        "views/hr_career_mentoring_portal_templates.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "hr_career_mentoring/static/tests/tours/**/*",
        ],
    },
    "demo": [
        "demo/hr_career_mentoring_demo.xml",
    ],
}
