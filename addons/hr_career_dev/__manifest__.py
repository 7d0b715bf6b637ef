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
    ],
    "demo": [],
}
