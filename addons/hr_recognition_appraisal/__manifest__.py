# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Career Recognition: Appraisals",
    "summary": "The ready recognition rule that awards a badge when an appraisal "
    "is completed",
    "version": "18.0.1.1.0",
    "category": "Human Resources",
    "website": "https://github.com/career-suite/hr-career",
    "author": "Career Suite contributors",
    "maintainers": ["career-suite"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "application": False,
    "installable": True,
    "auto_install": True,
    "depends": [
        "hr_recognition",
        "hr_performance_link",
    ],
    "data": [
        "data/base_automation_data.xml",
    ],
    "pre_init_hook": "pre_init_hook",
    "post_init_hook": "post_init_hook",
}
