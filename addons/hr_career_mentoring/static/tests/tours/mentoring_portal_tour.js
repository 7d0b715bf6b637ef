/** @odoo-module **/
// Copyright 2026 Career Suite contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("hr_career_mentoring_request_tour", {
    url: "/my/career",
    steps: () => [
        {
            content: "Open mentoring from my career page",
            trigger: ".o_career_mentoring_link",
            run: "click",
        },
        {
            content: "A mentor is suggested for my gap, and why",
            trigger: ".o_mentoring_suggestion:contains('Carl Colleague') .o_mentoring_why:contains('1 place left')",
        },
        {
            content: "Say what I hope from the mentorship",
            trigger: ".o_mentoring_suggestion:contains('Carl Colleague') textarea[name='message']",
            run: "edit Help me write cleaner Python",
        },
        {
            content: "Ask for mentoring",
            trigger: ".o_mentoring_suggestion:contains('Carl Colleague') .o_mentoring_request",
            run: "click",
        },
        {
            content: "The request is sent",
            trigger: ".o_mentoring_requested",
        },
        {
            content: "It waits for the mentor",
            trigger: ".o_mentorship[data-state='requested']:contains('Carl Colleague')",
        },
    ],
});

registry.category("web_tour.tours").add("hr_career_mentoring_mentor_tour", {
    url: "/my/career/mentoring",
    steps: () => [
        {
            content: "The request and its message reach the mentor",
            trigger: ".o_mentorship[data-state='requested']:contains('Help me write cleaner Python')",
        },
        {
            content: "Accept",
            trigger: ".o_mentorship[data-state='requested'] .o_mentorship_accept",
            run: "click",
        },
        {
            content: "The mentorship is active",
            trigger: ".o_mentorship[data-state='active']",
        },
        {
            content: "Write the session's notes",
            trigger: ".o_mentorship[data-state='active'] input[name='notes']",
            run: "edit Walked through the test suite",
        },
        {
            content: "And the next step",
            trigger: ".o_mentorship[data-state='active'] input[name='next_step']",
            run: "edit Refactor one module",
        },
        {
            content: "Log the session",
            trigger: ".o_mentorship[data-state='active'] .o_mentorship_log",
            run: "click",
        },
        {
            content: "The session is in the list",
            trigger: ".o_mentorship_sessions:contains('Walked through the test suite')",
        },
        {
            content: "Mark the mentorship as done",
            trigger: ".o_mentorship[data-state='active'] .o_mentorship_done",
            run: "click",
        },
        {
            content: "It is done",
            trigger: ".o_mentorship[data-state='done']",
        },
    ],
});
