# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Career & Performance Dashboard",
    "summary": "A Career & Performance dashboard in the Dashboards app: skills "
    "heatmap, readiness pipeline, goal and objective completion, awards",
    "version": "18.0.1.2.0",
    "category": "Human Resources",
    "website": "https://github.com/career-suite/hr-career",
    "author": "Career Suite contributors",
    "maintainers": ["career-suite"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "application": False,
    "installable": True,
    # installs with the suite and pulls the Dashboards app in, as Odoo's own
    # dashboard bridges do (spreadsheet_dashboard_* : auto_install on the
    # business addons only)
    "auto_install": ["hr_talent_review", "hr_recognition"],
    "depends": [
        "hr_talent_review",
        "hr_recognition",
        "spreadsheet_dashboard",
    ],
    "data": [
        "data/spreadsheet_dashboard_data.xml",
    ],
}
