/** The career map in the job form: the field widget of hr.job.career_map_data
 * (plain data computed by hr.job._get_career_map), drawn by CareerMap. */
import { Component } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { standardFieldProps } from "@web/views/fields/standard_field_props";
import { CareerMap } from "./career_map";

export class CareerMapField extends Component {
    static template = "hr_career_dev.CareerMapField";
    static components = { CareerMap };
    static props = { ...standardFieldProps };
}

registry.category("fields").add("career_map", {
    component: CareerMapField,
    supportedTypes: ["json"],
});
