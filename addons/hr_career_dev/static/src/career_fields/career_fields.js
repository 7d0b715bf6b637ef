/** The Career tab of the employee form and the Candidates tab of an
 * opportunity: field widgets drawing the plain data their Json fields hold
 * (as account's tax totals widget does), computed by
 * hr.employee._get_skills_chart_data, hr.employee._get_course_suggestion_data
 * and hr.career.opportunity._get_candidate_data. */
import { Component } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { standardFieldProps } from "@web/views/fields/standard_field_props";

/** The employee's levels against the levels their job requires. */
export class SkillsChart extends Component {
    static template = "hr_career_dev.SkillsChart";
    static props = { data: Object };
}

/** The courses that close the employee's gaps, best first, with why. */
export class CourseSuggestions extends Component {
    static template = "hr_career_dev.CourseSuggestions";
    static props = { data: Object };
}

/** The colleagues ranked for an opportunity, with what they miss. */
export class OpportunityCandidates extends Component {
    static template = "hr_career_dev.OpportunityCandidates";
    static props = { data: Object };
}

function dataField(Drawing) {
    class DataField extends Component {
        static template = "hr_career_dev.CareerDataField";
        static components = { Drawing };
        static props = { ...standardFieldProps };
    }
    return { component: DataField, supportedTypes: ["json"] };
}

registry.category("fields").add("career_skills_chart", dataField(SkillsChart));
registry.category("fields").add("career_course_suggestions", dataField(CourseSuggestions));
registry.category("fields").add("career_opportunity_candidates", dataField(OpportunityCandidates));
