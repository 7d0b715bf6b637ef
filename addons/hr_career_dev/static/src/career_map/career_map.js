/** The career map of a job: where a career can lead from it.
 *
 * The server answers plain data (hr.job._get_career_map); this component lays
 * it out: one column per step (the job, one step, two steps away), one band
 * per track, a CSS grid that the browser sizes to the text of the boxes (every
 * box of a map as tall as the tallest, the text wrapped inside), and the steps
 * drawn as SVG curves between the boxes once the browser has placed them.
 * The same component draws the job form's map (field widget, career_map_field
 * .js) and the map of /my/career/paths (public component).
 */
import { Component, onMounted, onPatched, onWillUnmount, useRef, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";

export const MAP_STEPS = 2;

/** Where each box and band goes in the grid: {bands, nodes, rows}. Columns
 * 1, 3 and 5 hold the steps 0, 1 and 2 (2 and 4 are the gaps the curves
 * cross); each band has a row for its label, then as many rows as its
 * tallest column. */
export function layoutCareerMap(data) {
    const bands = [];
    const nodes = [];
    const rows = [];
    let row = 1;
    for (const band of data.bands) {
        const first = row;
        rows.push("auto");
        row++;
        let height = 0;
        for (let step = 1; step <= MAP_STEPS; step++) {
            const column = data.nodes.filter(
                (node) => node.step === step && node.track === band.track
            );
            column.forEach((node, index) => {
                nodes.push({
                    ...node,
                    style: `grid-column: ${2 * step + 1}; grid-row: ${row + index};`,
                });
            });
            height = Math.max(height, column.length);
        }
        for (let index = 0; index < height; index++) {
            rows.push("1fr");
        }
        row += height;
        bands.push({
            ...band,
            style: `grid-column: 3 / 6; grid-row: ${first} / ${row};`,
            labelStyle: `grid-column: 3 / 6; grid-row: ${first};`,
        });
    }
    for (const node of data.nodes.filter((node) => node.is_current)) {
        nodes.unshift({ ...node, style: `grid-column: 1; grid-row: 1 / ${row};` });
    }
    return { bands, nodes, rows: rows.join(" ") };
}

export class CareerMap extends Component {
    static template = "hr_career_dev.CareerMap";
    static props = { data: Object };

    setup() {
        this.gridRef = useRef("grid");
        this.state = useState({ edges: [], width: 0, height: 0 });
        this.drawn = "";
        onMounted(() => {
            this.drawEdges();
            this.centreOnTarget();
            if (this.gridRef.el && window.ResizeObserver) {
                this.observer = new ResizeObserver(() => this.drawEdges());
                this.observer.observe(this.gridRef.el);
            }
        });
        onPatched(() => this.drawEdges());
        onWillUnmount(() => this.observer?.disconnect());
    }

    /** A map wider than its box (a phone) opens scrolled to the target job
     * (or the current one), centred. */
    centreOnTarget() {
        const grid = this.gridRef.el;
        const scroll = grid?.parentElement;
        const node =
            grid?.querySelector(".o_career_map_target") ||
            grid?.querySelector(".o_career_map_current");
        if (!node || !scroll || scroll.scrollWidth <= scroll.clientWidth) {
            return;
        }
        const box = scroll.getBoundingClientRect();
        const rect = node.getBoundingClientRect();
        scroll.scrollLeft += rect.left + rect.width / 2 - (box.left + box.width / 2);
    }

    get layout() {
        return layoutCareerMap(this.props.data);
    }

    get isEmpty() {
        return this.props.data.nodes.length <= 1;
    }

    nodeClass(node) {
        return {
            o_career_map_node: true,
            o_career_map_current: node.is_current,
            o_career_map_target: node.is_target,
            "text-reset": Boolean(node.url),
        };
    }

    hasReadiness(node) {
        return node.readiness !== null && node.readiness !== undefined;
    }

    barClass(node) {
        if (node.readiness >= 80) {
            return "o_career_map_bar o_career_map_bar_high";
        }
        return node.readiness >= 50
            ? "o_career_map_bar o_career_map_bar_medium"
            : "o_career_map_bar o_career_map_bar_low";
    }

    /** The lines under the job's name: what the job is to the reader. */
    details(node) {
        const data = this.props.data;
        if (node.is_current) {
            return [data.has_employee ? _t("My job today") : _t("This job")];
        }
        const details = [];
        if (this.hasReadiness(node)) {
            if (node.is_target) {
                details.push(_t("My target"));
            }
            details.push(_t("Ready %(readiness)s %", { readiness: node.readiness }));
            details.push(
                node.months_to_ready
                    ? _t("in %(months)s months", { months: node.months_to_ready })
                    : _t("ready now")
            );
        } else {
            if (node.is_target) {
                details.push(_t("Target"));
            }
            details.push(node.step === 1 ? _t("Next step") : _t("Two steps away"));
            if (node.typical_months) {
                details.push(_t("after %(months)s months", { months: node.typical_months }));
            }
        }
        return details;
    }

    /** The curves between the boxes, from where the browser placed them. */
    drawEdges() {
        const grid = this.gridRef.el;
        if (!grid) {
            return;
        }
        const origin = grid.getBoundingClientRect();
        const boxes = {};
        for (const el of grid.querySelectorAll(".o_career_map_node")) {
            const rect = el.getBoundingClientRect();
            boxes[el.dataset.jobId] = {
                left: rect.left - origin.left,
                right: rect.right - origin.left,
                middle: rect.top - origin.top + rect.height / 2,
            };
        }
        const round = (value) => Math.round(value * 10) / 10;
        const edges = [];
        for (const edge of this.props.data.edges) {
            const from = boxes[edge.from_id];
            const to = boxes[edge.to_id];
            if (!from || !to) {
                continue;
            }
            const [x1, y1, x2, y2] = [from.right, from.middle, to.left - 6, to.middle].map(
                round
            );
            const middle = round((x1 + x2) / 2);
            edges.push({
                ...edge,
                key: `${edge.from_id}-${edge.to_id}`,
                d: `M ${x1} ${y1} C ${middle} ${y1}, ${middle} ${y2}, ${x2} ${y2}`,
            });
        }
        const width = Math.ceil(origin.width);
        const height = Math.ceil(origin.height);
        const drawn = JSON.stringify([edges.map((edge) => edge.d), width, height]);
        if (drawn !== this.drawn) {
            this.drawn = drawn;
            Object.assign(this.state, { edges, width, height });
        }
    }
}

registry.category("public_components").add("hr_career_dev.career_map", CareerMap);
