# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Compensation Review",
    "summary": "Salary bands, merit matrix and pay and promotion reviews "
    "tied to ratings, the 9-box and readiness, applied to contracts",
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
        "hr_contract",
        "hr_career_dev",
        "hr_performance_objective",
        "hr_talent_review",
        "queue_job",
    ],
    "data": [
        "security/hr_compensation_review_groups.xml",
        "security/ir.model.access.csv",
        "security/hr_compensation_review_security.xml",
        "data/hr_compensation_review_data.xml",
        "views/hr_job_salary_band_views.xml",
        "views/hr_compensation_matrix_views.xml",
        "views/hr_compensation_review_views.xml",
        "views/hr_compensation_review_line_views.xml",
        "views/res_config_settings_views.xml",
        "views/hr_compensation_review_menus.xml",
        "views/hr_compensation_portal_templates.xml",
        "report/hr_compensation_letter_report.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "hr_compensation_review/static/tests/tours/**/*",
        ],
    },
    "demo": [
        "demo/hr_compensation_review_demo.xml",
    ],
}
