# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Career Development",
    "summary": "Competency matrices, career paths, goals, skill gaps, development plans and gap-driven course suggestions",
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
        "hr_skills",
        "website_slides",
        "hr_skills_slides",
        "portal",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/hr_career_dev_security.xml",
        "data/ir_cron_data.xml",
        "views/hr_job_views.xml",
        "views/hr_career_path_views.xml",
        "views/hr_career_goal_views.xml",
        "views/hr_competency_gap_views.xml",
        "views/hr_development_plan_views.xml",
        "views/hr_development_action_views.xml",
        "views/hr_skill_evidence_views.xml",
        "views/hr_employee_views.xml",
        "wizard/hr_course_suggestion_views.xml",
        "views/slide_channel_views.xml",
        "views/website_slides_templates.xml",
        "views/res_config_settings_views.xml",
        "views/hr_career_dev_menus.xml",
        "views/hr_career_portal_templates.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "hr_career_dev/static/tests/tours/**/*",
        ],
    },
    "demo": [
        "demo/hr_career_dev_demo.xml",
        "demo/hr_employee_demo.xml",
    ],
}
