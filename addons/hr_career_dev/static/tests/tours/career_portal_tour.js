/** @odoo-module **/
// Copyright 2026 Career Suite contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("hr_career_dev_portal_tour", {
    url: "/my/career",
    steps: () => [
        {
            content: "The dashboard suggests a course and says which gap it closes",
            trigger:
                ".o_career_suggestion:contains('Refactoring Deep Dive'):contains('Novice → Expert')",
        },
        {
            content: "Enrol in the suggested course",
            trigger: ".o_career_suggestion:contains('Refactoring Deep Dive') .o_career_enroll",
            run: "click",
        },
        {
            content: "The enrolment is confirmed",
            trigger: ".alert-success:contains('You are enrolled')",
        },
        {
            content: "Open my goal",
            trigger: ".o_career_goals a:contains('Lead the refactoring guild')",
            run: "click",
        },
        {
            content: "Update the progress",
            trigger: "input#progress",
            run: "edit 80",
        },
        {
            content: "Save",
            trigger: ".o_career_goal_save",
            run: "click",
        },
        {
            content: "The goal is saved",
            trigger: ".alert-success:contains('Saved')",
        },
    ],
});
