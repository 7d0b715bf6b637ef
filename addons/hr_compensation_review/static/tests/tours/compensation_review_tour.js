import { registry } from "@web/core/registry";

// A review end to end on the demo data, in three tours (the test runs the
// queue's jobs between them): HR (the Compensation group) opens it to the
// managers; a manager without HR rights finds the people of their
// organisation under Employees > Compensation > Proposals and proposes an
// increase with a justification; HR submits, approves, applies to the
// contracts and releases.
registry.category("web_tour.tours").add("hr_compensation_review_open", {
    steps: () => [
        {
            trigger: ".o_form_view button[name='action_open']",
            run: "click",
        },
        {
            content: "Open: the managers propose, HR may submit",
            trigger: ".o_form_view button[name='action_submit']",
        },
    ],
});

registry.category("web_tour.tours").add("hr_compensation_review_manager_proposes", {
    steps: () => [
        {
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            trigger: ".o_app[data-menu-xmlid='hr.menu_hr_root']",
            run: "click",
        },
        {
            trigger:
                ".o_menu_sections button[data-menu-xmlid='hr_compensation_review.hr_compensation_menu']",
            run: "click",
        },
        {
            trigger:
                "[data-menu-xmlid='hr_compensation_review.hr_compensation_review_line_menu']",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_row:first td[name='justification']",
            run: "click",
        },
        {
            trigger: ".o_data_row.o_selected_row td[name='justification'] textarea",
            run: "edit Strong year on the platform",
        },
        {
            trigger: ".o_data_row.o_selected_row td[name='increase_percent'] input",
            run: "edit 7.5",
        },
        {
            trigger: ".o_list_button_save",
            run: "click",
        },
        {
            content: "Saved: the manager's proposal and its new wage",
            trigger: ".o_list_view .o_data_row:first td[name='increase_percent']:contains('7.50')",
        },
    ],
});

registry.category("web_tour.tours").add("hr_compensation_review_approve_to_release", {
    steps: () => [
        {
            trigger: ".o_form_view button[name='action_submit']",
            run: "click",
        },
        {
            trigger: ".o_form_view button[name='action_approve']",
            run: "click",
        },
        {
            trigger: ".o_form_view button[name='action_apply']",
            run: "click",
        },
        {
            trigger: ".o_form_view button[name='action_release']",
            run: "click",
        },
        {
            trigger: ".o_form_view .ribbon:contains('Released')",
        },
    ],
});
