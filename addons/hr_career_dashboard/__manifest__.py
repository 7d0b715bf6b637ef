# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Career & Performance Dashboard",
    "summary": "A Career & Performance dashboard in the Dashboards app: skills "
    "heatmap, readiness pipeline, goal and objective completion, awards",
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
        "hr_performance_objective",
        "hr_recognition",
        "spreadsheet_dashboard",
    ],
    "data": [
        "data/spreadsheet_dashboard_data.xml",
    ],
}
