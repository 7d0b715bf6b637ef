/** @odoo-module **/
// Copyright 2026 Career Suite contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import { registry } from "@web/core/registry";

/** Fails the tour when the page is wider than the phone's screen. */
export function assertNoHorizontalScroll() {
    const overflow = document.documentElement.scrollWidth - window.innerWidth;
    if (window.innerWidth > 500) {
        throw new Error(`the tour runs at ${window.innerWidth}px, not on a phone`);
    }
    if (overflow > 1) {
        throw new Error(`the page is ${overflow}px wider than the phone's screen`);
    }
}

/** Fails the tour unless the table ``selector`` is shown as stacked cards. */
export function assertStacked(selector) {
    const table = document.querySelector(selector);
    const row = table.querySelector("tbody tr");
    if (getComputedStyle(table.querySelector("thead")).display !== "none") {
        throw new Error(`${selector}: its header row is still shown`);
    }
    if (getComputedStyle(row).display !== "block") {
        throw new Error(`${selector}: its rows are not stacked as cards`);
    }
    const label = row.querySelector(".o_career_cell_label");
    if (label && getComputedStyle(label).display === "none") {
        throw new Error(`${selector}: the cells have no visible label`);
    }
}

/** Fails the tour when a text of the career map leaves its node's box, as
 * the browser lays it out with its own font. */
export function assertTextInsideMapNodes() {
    const nodes = document.querySelectorAll(".o_career_map_grid .o_career_map_node");
    if (!nodes.length) {
        throw new Error("the career map has no node");
    }
    for (const node of nodes) {
        const box = node.getBoundingClientRect();
        if (node.scrollWidth > node.clientWidth + 1) {
            throw new Error(`"${node.title}" sticks out of its box on the career map`);
        }
        for (const text of node.querySelectorAll(".o_career_map_name, .o_career_map_details")) {
            const rect = text.getBoundingClientRect();
            if (
                rect.left < box.left - 0.5 ||
                rect.top < box.top - 0.5 ||
                rect.right > box.right + 0.5 ||
                rect.bottom > box.bottom + 0.5
            ) {
                throw new Error(`"${text.textContent}" leaves its box on the career map`);
            }
        }
    }
}

registry.category("web_tour.tours").add("hr_career_dev_portal_phone_tour", {
    url: "/my/career",
    steps: () => [
        {
            content: "On a phone, the sections are collapsed under an in-page navigation",
            trigger: ".o_career_section_nav a[href='#career_goals']:visible",
            run() {
                for (const body of document.querySelectorAll(".o_career_section_body")) {
                    if (getComputedStyle(body).display !== "none") {
                        throw new Error(`${body.id} is not collapsed on a phone`);
                    }
                }
            },
        },
        ...["goals", "gaps", "actions", "courses"].map((section) => ({
            content: `The navigation opens the ${section} section`,
            trigger: `.o_career_section_nav a[href='#career_${section}']:visible`,
            run: "click",
        })),
        {
            content: "The dashboard fits the phone's width; its tables are cards",
            trigger: ".o_career_goals tbody tr",
            run() {
                assertNoHorizontalScroll();
                assertStacked(".o_career_goals");
                assertStacked(".o_career_gaps");
                assertStacked(".o_career_actions");
            },
        },
        {
            content: "The overdue action says so",
            trigger: ".o_career_actions .o_career_overdue:visible",
        },
        {
            content: "The enrol button of a suggested course is reachable",
            trigger: ".o_career_suggestion .o_career_enroll:visible",
        },
        {
            content: "Open the self-assessment by its title",
            trigger: "#career_assessment .o_career_section_toggle",
            run: "click",
        },
        {
            content: "Before a skill is chosen, no level can be picked",
            trigger: "select#assess_level_id:disabled",
        },
        {
            content: "Choose the skill",
            trigger: "select#assess_skill_id:visible",
            run: "selectByLabel Klingon",
        },
        {
            content: "Only the levels of the skill's type are offered",
            trigger: "select#assess_level_id:enabled",
            run() {
                const shown = [...document.querySelectorAll("select#assess_level_id optgroup")]
                    .filter((group) => !group.hidden && !group.disabled)
                    .map((group) => group.label);
                if (shown.join() !== "Languages (phone tour)") {
                    throw new Error(`levels of ${shown.join(", ")} offered for Klingon`);
                }
            },
        },
        {
            content: "Open the new goal form",
            trigger: ".o_career_new_goal:visible",
            run: "click",
        },
        {
            content: "A short-term goal has no target job field",
            trigger: "form.o_career_goal_new_form select#horizon",
            run() {
                const field = document.querySelector(".o_career_goal_target_job");
                if (getComputedStyle(field).display !== "none") {
                    throw new Error("a short-term goal shows a target job");
                }
                assertNoHorizontalScroll();
            },
        },
        {
            content: "Name the goal",
            trigger: "input#name",
            run: "edit Speak at the meetup",
        },
        {
            content: "Make it a long-term goal",
            trigger: "select#horizon",
            run: "select long",
        },
        {
            content: "A long-term goal shows its target job",
            trigger: ".o_career_goal_target_job select#target_job_id:visible",
            run: "selectByLabel Portal Lead",
        },
        {
            content: "The description field is there and can be filled",
            trigger: "textarea#description:visible",
            run: "edit Give a talk on refactoring",
        },
        {
            content: "Create the goal",
            trigger: "form.o_career_goal_new_form button[type=submit]:visible",
            run: "click",
        },
        {
            content: "The goal page fits the phone too",
            trigger: ".o_career_goal h3:contains('Speak at the meetup')",
            run() {
                assertNoHorizontalScroll();
            },
        },
        {
            content: "Open the career paths",
            trigger: ".o_career_goal h3:contains('Speak at the meetup')",
            run: "goToUrl /my/career/paths",
        },
        {
            content: "The paths page fits the phone; the skills to learn are cards",
            trigger: ".o_career_path_missing tbody tr",
            run() {
                assertNoHorizontalScroll();
                assertStacked(".o_career_path_missing");
            },
        },
        {
            content: "The course that closes the gap is reachable",
            trigger: ".o_career_path_missing .o_career_path_course:visible",
        },
        {
            content: "The career map, wider than the phone, is centred on the target job",
            trigger: ".o_career_map_grid .o_career_map_target",
            run() {
                const scroll = document.querySelector(".o_career_map_scroll");
                const box = scroll.getBoundingClientRect();
                const target = document
                    .querySelector(".o_career_map_grid .o_career_map_target")
                    .getBoundingClientRect();
                const offCentre = Math.abs(
                    target.left + target.width / 2 - (box.left + box.width / 2)
                );
                const atEdge =
                    scroll.scrollLeft === 0 ||
                    scroll.scrollLeft >= scroll.scrollWidth - scroll.clientWidth - 1;
                if (scroll.scrollWidth > scroll.clientWidth && offCentre > 2 && !atEdge) {
                    throw new Error(`the target job is ${offCentre}px off the map's centre`);
                }
                if (target.right > box.right + 1 || target.left < box.left - 1) {
                    throw new Error("the target job is out of sight on the career map");
                }
            },
        },
        {
            content: "Every text of the career map stays inside its box",
            trigger: ".o_career_map_grid .o_career_map_target",
            run() {
                assertTextInsideMapNodes();
            },
        },
    ],
});
