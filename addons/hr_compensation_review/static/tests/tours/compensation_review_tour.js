import { registry } from "@web/core/registry";

// A review end to end on the demo data, as the Compensation group, in two
// tours (the test runs the queue's jobs between and after them): open it to
// the managers; then propose an increase with a justification, submit,
// approve, apply to the contracts and release.
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

registry.category("web_tour.tours").add("hr_compensation_review_propose_to_release", {
    steps: () => [
        {
            trigger: ".o_form_view button[name='action_view_lines']",
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
            trigger: ".o_list_view .o_data_row:first td[name='increase_percent']:contains('7.50')",
        },
        {
            trigger: ".o_breadcrumb li.o_back_button a",
            run: "click",
        },
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
