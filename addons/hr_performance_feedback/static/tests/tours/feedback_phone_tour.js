/** @odoo-module **/
// Copyright 2026 Career Suite contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import { registry } from "@web/core/registry";
import {
    assertNoHorizontalScroll,
    assertStacked,
} from "@hr_career_dev/../tests/tours/career_portal_phone_tour";

registry.category("web_tour.tours").add("hr_performance_feedback_phone_tour", {
    url: "/my/career",
    steps: () => [
        {
            content: "The requests waiting for feedback are cards on the phone",
            trigger: ".o_career_feedback_to_give tbody tr",
            run() {
                assertNoHorizontalScroll();
                assertStacked(".o_career_feedback_to_give");
            },
        },
        {
            content: "Open the request",
            trigger: ".o_career_feedback_to_give .o_career_feedback_answer:visible",
            run: "click",
        },
        {
            content: "The answer form fits the phone; one card per competency",
            trigger: ".o_career_feedback_lines tbody tr",
            run() {
                assertNoHorizontalScroll();
                assertStacked(".o_career_feedback_lines");
                for (const field of document.querySelectorAll(
                    ".o_career_feedback_lines select, .o_career_feedback_lines input"
                )) {
                    if (field.getBoundingClientRect().width < 120) {
                        throw new Error(`${field.name} is too narrow to use`);
                    }
                }
            },
        },
        {
            content: "Rate Zymurgy",
            trigger: ".o_career_feedback_lines tr:has(label:contains(Zymurgy)) select:visible",
            run: "select 4",
        },
        {
            content: "Comment on it",
            trigger: ".o_career_feedback_lines tr:has(label:contains(Zymurgy)) input:visible",
            run: "edit Brews with care",
        },
        {
            content: "Rate Quillwork",
            trigger: ".o_career_feedback_lines tr:has(label:contains(Quillwork)) select:visible",
            run: "select 2",
        },
        {
            content: "Send the feedback",
            trigger: ".o_career_feedback_submit:visible",
            run: "click",
        },
        {
            content: "The feedback was sent",
            trigger: ".o_career_feedback .alert-success",
            run() {
                assertNoHorizontalScroll();
            },
        },
    ],
});
