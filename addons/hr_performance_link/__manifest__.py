# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Performance & Career Link",
    "summary": "Appraisals that assess skills, review career goals and feed the development plan",
    "version": "18.0.2.0.0",
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
        "security/hr_performance_link_groups.xml",
        "security/ir.model.access.csv",
        "security/hr_performance_link_security.xml",
        "security/hr_appraisal_security.xml",
        "data/hr_performance_link_data.xml",
        "views/hr_appraisal_views.xml",
        "views/hr_employee_views.xml",
        "views/hr_performance_link_portal_team_templates.xml",
    ],
    "uninstall_hook": "uninstall_hook",
}
