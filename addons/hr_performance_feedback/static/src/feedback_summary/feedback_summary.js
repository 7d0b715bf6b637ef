/** The 360° summary of an appraisal: a field widget drawing the plain data
 * its Json field holds (hr.appraisal._get_feedback_summary_data), as
 * account's tax totals widget does. */
import { Component } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { standardFieldProps } from "@web/views/fields/standard_field_props";

/** The average rating of each skill from the answered requests, or why
 * there is nothing to show yet. */
export class FeedbackSummary extends Component {
    static template = "hr_performance_feedback.FeedbackSummary";
    static props = { data: Object };

    get withheldMessage() {
        return _t(
            "The feedback summary appears once %(count)s colleagues have answered, so that no answer can be traced to its reviewer.",
            { count: this.props.data.min_answers }
        );
    }

    formatAverage(average) {
        return average.toFixed(1);
    }
}

export class FeedbackSummaryField extends Component {
    static template = "hr_performance_feedback.FeedbackSummaryField";
    static components = { FeedbackSummary };
    static props = { ...standardFieldProps };
}

registry.category("fields").add("feedback_summary", {
    component: FeedbackSummaryField,
    supportedTypes: ["json"],
});
