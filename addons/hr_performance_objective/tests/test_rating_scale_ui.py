# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestRatingScaleHeaders(HttpCase):
    """The rating scale (Settings > Performance of each Rating) shows every
    column title whole: none is cut with an ellipsis (issue 29, item 10)."""

    def test_rating_scale_headers_are_not_truncated(self):
        self.browser_js(
            "/odoo/action-hr_performance_objective.hr_performance_rating_action",
            """
            const start = Date.now();
            (function check() {
                const titles = [...document.querySelectorAll(
                    ".o_list_table thead th[data-name] .text-truncate"
                )];
                if (titles.length < 5) {
                    if (Date.now() - start > 60000) {
                        console.error("the rating scale list has no headers");
                    } else {
                        setTimeout(check, 250);
                    }
                    return;
                }
                const cut = titles
                    .filter((title) => title.scrollWidth > title.clientWidth + 1)
                    .map((title) => title.textContent.trim());
                if (cut.length) {
                    console.error("truncated headers: " + cut.join(", "));
                } else {
                    console.log("test successful");
                }
            })();
            """,
            ready="odoo.isReady",
            login="admin",
            timeout=120,
            success_signal="test successful",
        )
