import { describe, expect, test } from "@odoo/hoot";
import { queryAll, queryAllTexts, queryOne } from "@odoo/hoot-dom";
import { animationFrame } from "@odoo/hoot-mock";
import { hrModels } from "@hr/../tests/hr_test_helpers";
import { defineModels, mountWithCleanup } from "@web/../tests/web_test_helpers";
import { CareerMap } from "@hr_career_dev/career_map/career_map";
import { CourseSuggestions, OpportunityCandidates, SkillsChart } from "@hr_career_dev/career_fields/career_fields";

describe.current.tags("desktop");

defineModels(hrModels);

const DEV = 1;
const LEAD = 2;
const MANAGER = 3;
const ARCHITECT = 4;
const LONG = 5;

/** What hr.job._get_career_map answers for Emma (Developer): Tech Lead
 * (technical, 24 months) or Team Manager (management, 12 months), then
 * Architect after Tech Lead. */
function mapData({ target = LEAD, employee = true, extra = [] } = {}) {
    const node = (id, name, step, track, values = {}) => ({
        id,
        name,
        step,
        track,
        is_current: !step,
        is_target: Boolean(step) && id === target,
        readiness: null,
        months_to_ready: null,
        typical_months: null,
        url: false,
        ...values,
    });
    const nodes = [
        node(DEV, "Developer", 0, false),
        node(LEAD, "Tech Lead", 1, "technical", employee ? { readiness: 43, months_to_ready: 14, url: `/my/career/paths/${LEAD}` } : { typical_months: 24 }),
        node(ARCHITECT, "Architect", 2, "technical", employee ? { readiness: 20, months_to_ready: 26 } : {}),
        node(MANAGER, "Team Manager", 1, "management", employee ? { readiness: 100, months_to_ready: 0, url: `/my/career/paths/${MANAGER}` } : { typical_months: 12 }),
        ...extra.map((values) => node(values.id, values.name, values.step, values.track, values)),
    ];
    const route = target === ARCHITECT ? [[DEV, LEAD], [LEAD, ARCHITECT]] : [[DEV, target]];
    const edges = [
        [DEV, LEAD],
        [DEV, MANAGER],
        [LEAD, ARCHITECT],
        ...extra.map((values) => [values.from_id, values.id]),
    ].map(([from_id, to_id]) => ({
        from_id,
        to_id,
        is_target: route.some(([a, b]) => a === from_id && b === to_id),
    }));
    return {
        job: { id: DEV, name: "Developer" },
        has_employee: employee,
        bands: [
            { track: "technical", label: "Technical" },
            { track: "management", label: "Management" },
        ],
        nodes,
        edges,
        target: { id: target, name: "Target" },
        target_off_map: false,
    };
}

function box(jobId) {
    return queryOne(`.o_career_map_node[data-job-id="${jobId}"]`).getBoundingClientRect();
}

function expectInside(inner, outer, label) {
    expect(inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5).toBe(true, {
        message: `${label}: inside its box horizontally`,
    });
    expect(inner.top >= outer.top - 0.5 && inner.bottom <= outer.bottom + 0.5).toBe(true, {
        message: `${label}: inside its box vertically`,
    });
}

test("columns are the steps, bands the tracks", async () => {
    await mountWithCleanup(CareerMap, { props: { data: mapData() } });
    await animationFrame();
    expect(".o_career_map_node").toHaveCount(4);
    expect(queryAllTexts(".o_career_map_band_label")).toEqual(["Technical", "Management"]);
    const [dev, lead, manager, architect] = [DEV, LEAD, MANAGER, ARCHITECT].map(box);
    expect(dev.left).toBeLessThan(lead.left);
    expect(lead.left).toBe(manager.left);
    expect(lead.right).toBeLessThan(architect.left);
    expect(lead.top).toBe(architect.top);
    expect(lead.bottom).toBeLessThan(manager.top);
    // every box of a step as tall as the others
    expect(manager.height).toBe(lead.height);
    expect(architect.height).toBe(lead.height);
});

test("the steps are drawn between the boxes and the route to the target stands out", async () => {
    await mountWithCleanup(CareerMap, { props: { data: mapData({ target: ARCHITECT }) } });
    await animationFrame();
    const edges = queryAll(".o_career_map_edge").map(
        (edge) => `${edge.dataset.fromJobId}>${edge.dataset.toJobId}`
    );
    expect(edges.sort()).toEqual([`${DEV}>${LEAD}`, `${DEV}>${MANAGER}`, `${LEAD}>${ARCHITECT}`]);
    const highlighted = queryAll(".o_career_map_edge_target").map(
        (edge) => `${edge.dataset.fromJobId}>${edge.dataset.toJobId}`
    );
    expect(highlighted.sort()).toEqual([`${DEV}>${LEAD}`, `${LEAD}>${ARCHITECT}`]);
    // a curve starts at the right side of its job and ends before the next
    const origin = queryOne(".o_career_map_grid").getBoundingClientRect();
    const curve = queryOne(`.o_career_map_edge[data-to-job-id="${ARCHITECT}"]`).getAttribute("d");
    const [x1, , , , , , x2] = curve.match(/-?[\d.]+/g).map(Number);
    expect(Math.abs(x1 - (box(LEAD).right - origin.left))).toBeLessThan(1);
    expect(Math.abs(x2 + 6 - (box(ARCHITECT).left - origin.left))).toBeLessThan(1);
    expect(`.o_career_map_node[data-job-id="${ARCHITECT}"]`).toHaveClass("o_career_map_target");
    expect(`.o_career_map_node[data-job-id="${LEAD}"]`).not.toHaveClass("o_career_map_target");
    expect(`.o_career_map_node[data-job-id="${DEV}"]`).toHaveClass("o_career_map_current");
});

test("an employee's map says readiness and months; next steps link to their page", async () => {
    await mountWithCleanup(CareerMap, { props: { data: mapData() } });
    await animationFrame();
    const lead = `.o_career_map_node[data-job-id="${LEAD}"]`;
    expect(lead).toHaveAttribute("href", `/my/career/paths/${LEAD}`);
    expect(lead).toHaveAttribute("data-readiness", "43");
    expect(`${lead} .o_career_map_details`).toHaveText("My target · Ready 43 % · in 14 months");
    expect(`.o_career_map_node[data-job-id="${MANAGER}"] .o_career_map_details`).toHaveText(
        "Ready 100 % · ready now"
    );
    expect(`.o_career_map_node[data-job-id="${ARCHITECT}"]`).not.toHaveAttribute("href");
    expect(`.o_career_map_node[data-job-id="${DEV}"] .o_career_map_details`).toHaveText("My job today");
    expect(`.o_career_map_node[data-job-id="${ARCHITECT}"] .o_career_map_bar`).toHaveAttribute(
        "style",
        "width: 20%;"
    );
});

test("a job's map, without an employee, says the paths' durations", async () => {
    await mountWithCleanup(CareerMap, { props: { data: mapData({ employee: false, target: false }) } });
    await animationFrame();
    expect(`.o_career_map_node[data-job-id="${LEAD}"] .o_career_map_details`).toHaveText(
        "Next step · after 24 months"
    );
    expect(`.o_career_map_node[data-job-id="${ARCHITECT}"] .o_career_map_details`).toHaveText("Two steps away");
    expect(".o_career_map_node[data-readiness]").toHaveCount(0);
    expect(".o_career_map_bar").toHaveCount(0);
    expect(`.o_career_map_node[data-job-id="${DEV}"] .o_career_map_details`).toHaveText("This job");
});

test("long names and details wrap inside their boxes, and the boxes grow", async () => {
    const longName = "Senior Principal Cloud Infrastructure Engineering Manager of the Northern Region";
    const data = mapData({
        target: LONG,
        extra: [
            {
                id: LONG,
                name: longName,
                step: 1,
                track: "technical",
                from_id: DEV,
                readiness: 49,
                months_to_ready: 10,
            },
            {
                id: 6,
                name: "Supercalifragilisticexpialidocious".repeat(2),
                step: 2,
                track: "management",
                from_id: MANAGER,
            },
        ],
    });
    await mountWithCleanup(CareerMap, { props: { data } });
    await animationFrame();
    for (const node of queryAll(".o_career_map_node")) {
        const rect = node.getBoundingClientRect();
        expect(node.scrollWidth).toBeLessThan(node.clientWidth + 1, {
            message: `${node.title}: no text sticks out sideways`,
        });
        for (const text of node.querySelectorAll(".o_career_map_name, .o_career_map_details")) {
            expectInside(text.getBoundingClientRect(), rect, `${node.title}: "${text.textContent}"`);
        }
    }
    const name = queryOne(`.o_career_map_node[data-job-id="${LONG}"] .o_career_map_name`);
    const lineHeight = parseFloat(getComputedStyle(name).lineHeight);
    // the long name takes two lines, no more (the full name is the title)
    expect(Math.round(name.getBoundingClientRect().height / lineHeight)).toBe(2);
    expect(`.o_career_map_node[data-job-id="${LONG}"]`).toHaveAttribute("title", longName);
    expect(`.o_career_map_node[data-job-id="${LONG}"] .o_career_map_details`).toHaveText(
        "My target · Ready 49 % · in 10 months"
    );
    // the boxes grew to the tallest text, all alike
    expect(box(LONG).height).toBeGreaterThan(66);
    expect(box(LEAD).height).toBe(box(LONG).height);
    expect(box(MANAGER).height).toBe(box(LONG).height);
});

test("a job without a path says so; a target further away is said", async () => {
    const data = mapData({ target: 99 });
    data.target = { id: 99, name: "CTO" };
    data.target_off_map = true;
    await mountWithCleanup(CareerMap, { props: { data } });
    await animationFrame();
    expect(".o_career_map_target").toHaveCount(0);
    expect(".o_career_map_target_off").toHaveText(
        "Your target, CTO, is more than two career steps away."
    );
});

test("a job without a path shows no map", async () => {
    const data = mapData();
    data.nodes = data.nodes.slice(0, 1);
    data.edges = [];
    data.bands = [];
    await mountWithCleanup(CareerMap, { props: { data } });
    expect(".o_career_map_empty").toHaveText("No career path leads from Developer yet.");
    expect(".o_career_map_node").toHaveCount(0);
});

test("the skills chart draws the levels against the job's", async () => {
    await mountWithCleanup(SkillsChart, {
        props: {
            data: {
                employee: "Emma",
                job: "Developer",
                rows: [
                    { skill: "Python", current: 50, required: 80 },
                    { skill: "SQL", current: 80, required: 50 },
                ],
            },
        },
    });
    expect(".o_career_chart_row").toHaveCount(2);
    expect(queryAllTexts(".o_career_chart_row .small span")).toEqual([
        "Python",
        "50% / 80%",
        "SQL",
        "80% / 50%",
    ]);
    expect(".o_career_chart_row:first .o_career_chart_level").toHaveClass("bg-primary");
    expect(".o_career_chart_row:last .o_career_chart_level").toHaveClass("bg-success");
    expect(".o_career_chart_row:first .o_career_chart_level").toHaveAttribute("style", "width: 50%;");
    expect(".o_career_chart_row:first .o_career_chart_required").toHaveAttribute("style", "width: 80%;");
});

test("the skills chart without a job says what to do", async () => {
    await mountWithCleanup(SkillsChart, { props: { data: { employee: "Emma", job: false, rows: [] } } });
    expect(".o_career_chart_row").toHaveCount(0);
    expect(".o_hr_career_skills_chart").toHaveText("Set a job position to compare Emma's levels with it.");
});

test("course suggestions say why, one line per gap", async () => {
    await mountWithCleanup(CourseSuggestions, {
        props: {
            data: {
                employee: "Emma",
                suggestions: [
                    {
                        id: 7,
                        name: "Python in depth",
                        url: "/slides/python-7",
                        score: 4.5,
                        reasons: [
                            "Python 50% → 100% for the current job (importance: Critical)",
                            "SQL 0% → 60% for the target job (importance: Important)",
                        ],
                    },
                ],
            },
        },
    });
    expect(".o_career_suggestion a").toHaveAttribute("href", "/slides/python-7");
    expect(queryAllTexts(".o_career_suggestion td:nth-child(2) div")).toEqual([
        "Python 50% → 100% for the current job (importance: Critical)",
        "SQL 0% → 60% for the target job (importance: Important)",
    ]);
    expect(".o_career_suggestion td:last").toHaveText("4.5");
});

test("no suggestion is said", async () => {
    await mountWithCleanup(CourseSuggestions, { props: { data: { employee: "Emma", suggestions: [] } } });
    expect(".o_hr_career_course_suggestions").toHaveText("No published course closes a gap of Emma yet.");
});

test("candidates show their fit and what they miss", async () => {
    await mountWithCleanup(OpportunityCandidates, {
        props: {
            data: {
                candidates: [
                    { employee_id: 3, name: "Emma", fit: 75, missing: [{ skill: "Python", from_progress: 50, to_progress: 100 }] },
                    { employee_id: 4, name: "Noah", fit: 100, missing: [] },
                ],
            },
        },
    });
    expect(".o_career_candidate").toHaveCount(2);
    expect(queryAllTexts(".o_career_candidate:first td")).toEqual([
        "Emma",
        "75%",
        "Python 50% → 100%",
    ]);
    expect(queryAllTexts(".o_career_candidate:last td")).toEqual(["Noah", "100%", ""]);
    await mountWithCleanup(OpportunityCandidates, { props: { data: { candidates: [] } } });
    expect(".o_hr_career_opportunity_candidates p").toHaveText(
        "No employee who opted in to suggestions is a candidate yet."
    );
});
