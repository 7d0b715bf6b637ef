# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Talent Review",
    "summary": "Calibration sessions on a 9-box board, placements, movements and talent pools",
    "version": "18.0.1.1.0",
    "category": "Human Resources",
    "website": "https://github.com/career-suite/hr-career",
    "author": "Career Suite contributors",
    "maintainers": ["career-suite"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "application": False,
    "installable": True,
    "depends": [
        "hr_review_cycle",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/hr_talent_review_security.xml",
        "data/hr_talent_box_data.xml",
        "data/hr_talent_pool_data.xml",
        "views/hr_talent_review_views.xml",
        "views/res_config_settings_views.xml",
        "views/hr_talent_review_menus.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "hr_talent_review/static/src/talent_board/*",
        ],
        "web.assets_unit_tests": [
            "hr_talent_review/static/tests/**/*",
            ("remove", "hr_talent_review/static/tests/tours/**/*"),
        ],
        "web.assets_tests": [
            "hr_talent_review/static/tests/tours/**/*",
        ],
    },
    "demo": [
        "demo/hr_talent_review_demo.xml",
    ],
    "uninstall_hook": "uninstall_hook",
}
