import { registry } from "@web/core/registry";
import { formatDate } from "@web/core/l10n/dates";

const { DateTime } = luxon;

// A whole review cycle on the demo data, one tour per role step; the test
// (tests/test_review_cycle_tour.py) runs them in order, performs the queue's
// jobs between them and checks in Python what each user would notice.
const tours = registry.category("web_tour.tours");
const CYCLE = "Engineering 2027";
// the 360° requests are due on the manager review's deadline (formatted
// once the localization is loaded, when the steps are built)
const CYCLE_DAYS = 410;
// the portal lists the appraisals with their date (the cycle's end) as stored
const cycleEnd = () => DateTime.now().plus({ days: CYCLE_DAYS }).toISODate();
const reviewDeadline = () => formatDate(DateTime.now().plus({ days: 330 }));

// HR launches a new cycle of the engineering department from the Appraisals
// menu, with 360° requests, its period after the demo cycle's.
tours.add("hr_talent_review_cycle_launch", {
    steps: () => [
        {
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            trigger: ".o_app[data-menu-xmlid='hr_appraisal_oca.menu_hr_appraisal_root']",
            run: "click",
        },
        {
            trigger: ".o_main_navbar [data-menu-xmlid='hr_review_cycle.hr_review_cycle_menu']",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='name'] input",
            run: `edit ${CYCLE}`,
        },
        {
            trigger: ".o_form_view .o_field_widget[name='date_start'] input",
            run: `edit ${formatDate(DateTime.now().plus({ days: 45 }))}`,
        },
        {
            trigger: ".o_form_view .o_field_widget[name='date_end'] input",
            run: `edit ${formatDate(DateTime.now().plus({ days: CYCLE_DAYS }))}`,
        },
        {
            trigger: ".o_form_view .o_field_widget[name='date_manager_review'] input",
            run: `edit ${reviewDeadline()}`,
        },
        {
            trigger: ".o_form_view .o_notebook .nav-link:contains('Population')",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='department_ids'] input",
            run: "edit Software Engineering",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Software Engineering')",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name='department_ids'] .o_tag:contains('Software Engineering')",
        },
        {
            trigger: ".o_form_view .o_notebook .nav-link:contains('360° Feedback')",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='create_feedback_requests'] input",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_form_saved",
        },
        {
            trigger: ".o_form_view button[name='action_launch']:contains('Launch')",
            run: "click",
        },
        {
            content: "The launch asks for a confirmation",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Running: HR may close it now",
            trigger: ".o_form_view button[name='action_close']",
        },
    ],
});

// Lena on the portal: her appraisal of the new cycle is listed (dated on the
// cycle's end), not started; she writes her self-review and submits it.
tours.add("hr_talent_review_cycle_self_review", {
    steps: () => [
        {
            trigger: `.o_career_appraisals tr:contains('${cycleEnd()}'):contains('Not Started') a.o_career_self_review_open`,
            run: "click",
        },
        {
            trigger: ".o_career_self_review_skills tr:contains('Python') select",
            run: "selectByLabel Expert",
        },
        {
            trigger: ".o_career_self_review_form textarea[name='employee_feedback']",
            run: "edit I moved the billing service to the new platform",
        },
        {
            trigger: ".o_career_self_review_form button[name='action'][value='submit']",
            run: "click",
        },
        {
            trigger: ".o_career_self_review_submitted",
        },
        {
            content: "Submitted: nothing to edit any more",
            trigger: ".o_career_appraisal_page:not(:has(textarea[name='employee_feedback']))",
        },
    ],
});

// Lena answers a 360° request of the cycle on the portal (on a peer).
tours.add("hr_talent_review_cycle_feedback", {
    steps: () => [
        {
            content: "The cycle's request on Tomás, due on the manager review's deadline",
            trigger: `.o_career_feedback_to_give tr:contains('Tomás Alvarez'):contains('${reviewDeadline()}') a.o_career_feedback_answer`,
            run: "click",
        },
        {
            trigger: ".o_career_feedback h3:contains('Tomás Alvarez')",
        },
        {
            trigger: ".o_career_feedback_lines select[name^='rating_']",
            run() {
                for (const select of document.querySelectorAll(
                    ".o_career_feedback_lines select[name^='rating_']"
                )) {
                    select.value = "4";
                    select.dispatchEvent(new Event("change", { bubbles: true }));
                }
            },
        },
        {
            trigger: ".o_career_feedback textarea[name='feedback']",
            run: "edit Tomás unblocks the whole team on SQL questions",
        },
        {
            // the main submit button (a "Save draft" one may stand beside it)
            trigger: ".o_career_feedback button.o_career_feedback_submit",
            run: "click",
        },
        {
            trigger: ".o_career_feedback .alert-success",
        },
    ],
});

// Owen (Lena's manager, no HR rights) finds her review in "My Team's
// Reviews", assesses Python, rates her and signs off.
tours.add("hr_talent_review_cycle_manager_review", {
    steps: () => [
        {
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            trigger: ".o_app[data-menu-xmlid='hr_appraisal_oca.menu_hr_appraisal_root']",
            run: "click",
        },
        {
            trigger: ".o_main_navbar [data-menu-xmlid='hr_review_cycle.hr_appraisal_menu_my_team']",
            run: "click",
        },
        {
            trigger: ".o_control_panel .o_searchview_input",
            run: `edit ${CYCLE}`,
        },
        {
            trigger: ".o_searchview_autocomplete .o_menu_item:contains('Review Cycle for')",
            run: "click",
        },
        {
            trigger: ".o_control_panel .o_searchview_input",
            run: "edit Lena",
        },
        {
            trigger: ".o_searchview_autocomplete .o_menu_item:contains('Employee for')",
            run: "click",
        },
        {
            trigger: ".o_searchview_facet:contains('Lena')",
        },
        {
            // the facet shows before the list reloads: wait for the reloaded
            // list (one group only), not a "(1)" group of the previous one
            content: "One group of one review left: Lena's of the new cycle",
            trigger:
                ".o_list_view tbody:not(:has(.o_group_header ~ .o_group_header)) .o_group_header:contains('(1)')",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_row:contains('Lena Fischer') td.o_data_cell",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='employee_id']:contains('Lena Fischer')",
        },
        {
            trigger: ".o_form_view .o_notebook .nav-link:contains('Career')",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name='skill_assessment_ids'] .o_data_row:contains('Python') td[name='assessed_level_id']",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name='skill_assessment_ids'] .o_selected_row td[name='assessed_level_id'] input",
            run: "edit Expert",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Expert')",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_notebook .nav-link:contains('Objectives & Rating')",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='rating_id'] input",
            run: "edit Meets expectations",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Meets expectations')",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='rating_justification'] textarea",
            run: "edit Solid year on the billing service",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='potential'] input[data-value='medium']",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_form_saved",
        },
        {
            trigger: ".o_form_view button[name='action_done']",
            run: "click",
        },
        {
            content: "Signed off: the appraisal is done and may be reopened",
            trigger: ".o_form_view button[name='action_back']",
        },
    ],
});

// HR calibrates: on the board of the session over the cycle, Lena moves from
// the core box (medium, medium: 5) to high performance (6) with a reason.
tours.add("hr_talent_review_cycle_calibrate", {
    steps: () => [
        {
            trigger: ".o_form_view button[name='action_open_board']",
            run: "click",
        },
        {
            trigger: ".o_talent_box[data-box='5'] .o_talent_card:contains('Lena Fischer')",
        },
        {
            trigger: ".o_talent_card:contains('Lena Fischer') .o_talent_move",
            run: "click",
        },
        {
            trigger: ".modal select[name='performance']",
            run: "select high",
        },
        {
            trigger: ".modal textarea[name='reason']",
            run: "edit Carried the billing migration alone",
        },
        {
            trigger: ".modal .o_talent_move_confirm",
            run: "click",
        },
        {
            trigger: ".o_talent_box[data-box='6'] .o_talent_card:contains('Lena Fischer')",
        },
    ],
});

// HR closes the cycle: the wizard lists the reviews not signed off, extended
// (its default) until a new deadline.
tours.add("hr_talent_review_cycle_close", {
    steps: () => [
        {
            trigger: ".o_form_view button[name='action_close']:contains('Close')",
            run: "click",
        },
        {
            content: "The close asks for a confirmation",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='line_ids'] .o_data_row:contains('Tomás Alvarez')",
        },
        {
            trigger: ".modal .o_field_widget[name='line_ids'] .o_data_row:contains('Kwame Mensah') td[name='decision']:contains('Extend')",
        },
        {
            trigger: ".modal .o_field_widget[name='signed_off_count']:contains('1')",
        },
        {
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "Nothing to complete: the cycle is done at once",
            trigger: "body:not(:has(.modal)) .o_statusbar_status .o_arrow_button_current[data-value='done']",
        },
    ],
});

// HR releases the results.
tours.add("hr_talent_review_cycle_release", {
    steps: () => [
        {
            trigger: ".o_form_view button[name='action_release']",
            run: "click",
        },
        {
            content: "The release asks for a confirmation",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal)) .o_form_view .o_field_widget[name='released'] input:checked",
        },
    ],
});

// Lena reads her appraisal on the portal, before or after the release.
tours.add("hr_talent_review_cycle_results_hidden", {
    steps: () => [
        {
            trigger: `.o_career_appraisals tr:contains('${cycleEnd()}'):contains('Signed Off'):contains('Results not released yet')`,
        },
    ],
});

tours.add("hr_talent_review_cycle_results", {
    steps: () => [
        {
            trigger: `.o_career_appraisals tr:contains('${cycleEnd()}'):contains('Signed Off') .o_career_appraisal_rating:contains('Exceeds expectations')`,
        },
        {
            trigger: `.o_career_appraisals tr:contains('${cycleEnd()}'):contains('Carried the billing migration alone')`,
        },
    ],
});
