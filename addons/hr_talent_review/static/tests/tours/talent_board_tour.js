import { registry } from "@web/core/registry";

// From a calibrating session: open the board, move Eve from the core box (5)
// to the future stars (8) with a reason; a reload of the page reopens the
// board of the same session (its id is in the URL).
registry.category("web_tour.tours").add("hr_talent_review_talent_board", {
    steps: () => [
        {
            trigger: ".o_form_view button[name='action_open_board']",
            run: "click",
        },
        {
            trigger: ".o_talent_box[data-box='5'] .o_talent_card:contains('Eve Employee')",
        },
        {
            trigger: ".o_talent_card:contains('Eve Employee') .o_talent_move",
            run: "click",
        },
        {
            trigger: ".modal select[name='potential']",
            run: "select high",
        },
        {
            trigger: ".modal textarea[name='reason']",
            run: "edit Leads the platform migration",
        },
        {
            trigger: ".modal .o_talent_move_confirm",
            run: "click",
        },
        {
            trigger: ".o_talent_box[data-box='8'] .o_talent_card:contains('Eve Employee')",
            run() {
                // the page after the reload has no such mark
                document.body.classList.add("o_talent_before_reload");
                window.location.reload();
            },
        },
        {
            content: "After a reload, the board of the same session is back",
            trigger:
                "body:not(.o_talent_before_reload) .o_talent_board_title:contains('Calibration (test)')",
        },
        {
            trigger:
                "body:not(.o_talent_before_reload) .o_talent_box[data-box='8'] .o_talent_card:contains('Eve Employee')",
        },
    ],
});
