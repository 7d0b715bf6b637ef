import { hrModels } from "@hr/../tests/hr_test_helpers";
import { describe, expect, test } from "@odoo/hoot";
import { animationFrame } from "@odoo/hoot-mock";
import {
    contains,
    defineModels,
    models,
    mountWithCleanup,
    onRpc,
} from "@web/../tests/web_test_helpers";
import { TalentBoard } from "@hr_talent_review/talent_board/talent_board";

describe.current.tags("desktop");

class HrTalentReview extends models.Model {
    _name = "hr.talent.review";
}

class HrTalentReviewLine extends models.Model {
    _name = "hr.talent.review.line";
}

defineModels({ ...hrModels, HrTalentReview, HrTalentReviewLine });

const LEVELS = [
    { key: "low", label: "Low" },
    { key: "medium", label: "Medium" },
    { key: "high", label: "High" },
];
const LEVEL_INDEX = { low: 0, medium: 1, high: 2 };
const BOX_NAMES = {
    1: "1 Talent Risk",
    2: "2 Effective Performer",
    3: "3 Trusted Professional",
    4: "4 Inconsistent Player",
    5: "5 Core Player",
    6: "6 High Performer",
    7: "7 Rough Diamond",
    8: "8 Future Star",
    9: "9 Consistent Star",
};

function boxOf(performance, potential) {
    return 3 * LEVEL_INDEX[potential] + LEVEL_INDEX[performance] + 1;
}

/** What get_board_data answers for these cards (as the server computes it). */
function boardData(cards, state = "calibrating") {
    const boxes = [];
    for (const potential of ["high", "medium", "low"]) {
        for (const performance of ["low", "medium", "high"]) {
            const box = boxOf(performance, potential);
            const count = cards.filter((card) => card.box === box).length;
            boxes.push({
                box,
                name: BOX_NAMES[box],
                performance,
                potential,
                count,
                share: cards.length ? Math.round((1000 * count) / cards.length) / 10 : 0,
                target: 11.1,
            });
        }
    }
    return {
        review: {
            id: 1,
            name: "Calibration 2026",
            state,
            state_label: state === "done" ? "Done" : "Calibrating",
            readonly: state !== "calibrating",
        },
        levels: LEVELS,
        targets: { low: 10, medium: 70, high: 20 },
        boxes,
        cards,
    };
}

function card(id, name, performance, potential, extra = {}) {
    return {
        id,
        employee_id: id,
        name,
        job: "Developer",
        target_job: "Team Lead",
        readiness: 60,
        manager_id: 50,
        manager: "Mona Manager",
        department_id: 60,
        department: "Engineering",
        appraisal_id: 100 + id,
        rating: "Meets expectations",
        justification: "",
        performance,
        potential,
        box: boxOf(performance, potential),
        previous_box: 0,
        previous_box_name: "",
        last_box: 0,
        last_box_name: "",
        moved: false,
        reason: "",
        ...extra,
    };
}

test("cards sit in their box, with the count and the share of each box", async () => {
    const cards = [
        card(1, "Emma", "medium", "medium"),
        card(2, "Carl", "high", "high"),
        card(3, "Dora", "medium", "medium"),
    ];
    onRpc("hr.talent.review", "get_board_data", ({ args }) => {
        expect.step(`board ${args[0]}`);
        return boardData(cards);
    });
    await mountWithCleanup(TalentBoard, { props: { action: { params: { review_id: 1 } } } });
    expect.verifySteps(["board 1"]);
    expect(".o_talent_box").toHaveCount(9);
    // high potential on the top row, high performance on the right
    expect(".o_talent_box:eq(2)").toHaveAttribute("data-box", "9");
    expect(".o_talent_box:eq(6)").toHaveAttribute("data-box", "1");
    expect(".o_talent_box[data-box='5'] .o_talent_card").toHaveCount(2);
    expect(".o_talent_box[data-box='9'] .o_talent_card_name").toHaveText("Carl");
    expect(".o_talent_box[data-box='5'] .o_talent_box_count").toHaveText("2");
    expect(".o_talent_box[data-box='5'] .o_talent_box_share").toHaveText(
        "66.7% (target 11.1%)"
    );
    expect(".o_talent_box[data-box='9'] .o_talent_card_readiness").toHaveText(
        "Ready 60% for Team Lead"
    );
});

test("moving a card asks for a reason, then calls move_to and reloads", async () => {
    const cards = [card(1, "Emma", "medium", "medium")];
    onRpc("hr.talent.review", "get_board_data", () => boardData(cards));
    onRpc("hr.talent.review.line", "move_to", ({ args, kwargs }) => {
        expect.step(`move ${args[0]} ${kwargs.performance} ${kwargs.potential} ${kwargs.reason}`);
        cards[0] = {
            ...cards[0],
            potential: "high",
            box: 8,
            previous_box: 5,
            previous_box_name: BOX_NAMES[5],
            moved: true,
        };
        return true;
    });
    await mountWithCleanup(TalentBoard, { props: { action: { params: { review_id: 1 } } } });
    await contains(".o_talent_card .o_talent_move").click();
    expect(".modal").toHaveCount(1);
    await contains(".modal select[name='potential']").select("high");
    // no reason: refused in the dialog, nothing sent
    await contains(".modal .o_talent_move_confirm").click();
    expect(".modal .o_talent_move_error").toHaveCount(1);
    expect.verifySteps([]);
    await contains(".modal textarea[name='reason']").edit("Leads the migration");
    await contains(".modal .o_talent_move_confirm").click();
    await animationFrame();
    expect.verifySteps(["move 1 medium high Leads the migration"]);
    expect(".modal").toHaveCount(0);
    expect(".o_talent_box[data-box='8'] .o_talent_card_name").toHaveText("Emma");
    expect(".o_talent_box[data-box='8'] .o_talent_card_moved").toHaveText("Moved from 5 Core Player");
});

test("a done session is read-only: no move button, cards not draggable", async () => {
    onRpc("hr.talent.review", "get_board_data", () =>
        boardData([card(1, "Emma", "medium", "medium")], "done")
    );
    await mountWithCleanup(TalentBoard, { props: { action: { params: { review_id: 1 } } } });
    expect(".o_talent_board_readonly").toHaveCount(1);
    expect(".o_talent_move").toHaveCount(0);
    expect(".o_talent_card").toHaveAttribute("draggable", "false");
});

test("a card shows the rating, its justification and the manager; boxes named, axes labelled", async () => {
    onRpc("hr.talent.review", "get_board_data", () =>
        boardData([
            card(1, "Emma", "high", "high", {
                rating: "Outstanding",
                justification: "Led the migration alone",
                last_box: 5,
                last_box_name: BOX_NAMES[5],
            }),
        ])
    );
    await mountWithCleanup(TalentBoard, { props: { action: { params: { review_id: 1 } } } });
    const emma = ".o_talent_box[data-box='9'] .o_talent_card";
    expect(`${emma} .o_talent_card_rating`).toHaveText("Rating: Outstanding");
    expect(`${emma} .o_talent_card_justification`).toHaveText("Led the migration alone");
    expect(`${emma} .o_talent_card_manager`).toHaveText("Manager: Mona Manager");
    expect(`${emma} .o_talent_card_last`).toHaveText("Last session: 5 Core Player");
    // never a box number alone, never "box 0"
    expect(".o_talent_card_moved").toHaveCount(0);
    expect(".o_talent_box[data-box='9'] .o_talent_box_name").toHaveText("9 Consistent Star");
    // the state's label, not its key
    expect(".o_talent_board_state").toHaveText("Calibrating");
    // rows: potential high, medium, low; columns: performance low, medium, high
    expect(".o_talent_row_label").toHaveCount(3);
    expect(".o_talent_row_label:eq(0)").toHaveText("High");
    expect(".o_talent_row_label:eq(2)").toHaveText("Low");
    expect(".o_talent_col_label").toHaveCount(3);
    expect(".o_talent_col_label:eq(0)").toHaveText("Low");
    expect(".o_talent_col_label:eq(2)").toHaveText("High");
});

test("a card opens the employee and the appraisal", async () => {
    onRpc("hr.talent.review", "get_board_data", () =>
        boardData([card(1, "Emma", "medium", "medium")])
    );
    onRpc("hr.employee", "get_formview_action", ({ args }) => ({
        type: "ir.actions.act_window",
        res_model: "hr.employee",
        res_id: args[0][0],
        views: [[false, "form"]],
    }));
    const board = await mountWithCleanup(TalentBoard, {
        props: { action: { params: { review_id: 1 } } },
    });
    board.actionService.doAction = (action) => {
        expect.step(`${action.res_model} ${action.res_id}`);
    };
    await contains(".o_talent_card .o_talent_card_name").click();
    await animationFrame();
    await contains(".o_talent_card .o_talent_open_appraisal").click();
    expect.verifySteps(["hr.employee 1", "hr.appraisal 101"]);
});

test("filters by department and by manager", async () => {
    onRpc("hr.talent.review", "get_board_data", () =>
        boardData([
            card(1, "Emma", "medium", "medium"),
            card(2, "Carl", "medium", "medium", {
                department_id: 61,
                department: "Sales",
                manager_id: 51,
                manager: "Nick Other",
            }),
            card(3, "Dora", "high", "high", { manager_id: 51, manager: "Nick Other" }),
        ])
    );
    await mountWithCleanup(TalentBoard, { props: { action: { params: { review_id: 1 } } } });
    expect(".o_talent_card").toHaveCount(3);
    expect(".o_talent_filter_department option").toHaveCount(3);
    await contains(".o_talent_filter_department").select("61");
    expect(".o_talent_card").toHaveCount(1);
    expect(".o_talent_card_name").toHaveText("Carl");
    expect(".o_talent_box[data-box='5'] .o_talent_box_count").toHaveText("1");
    await contains(".o_talent_filter_department").select("");
    await contains(".o_talent_filter_manager").select("51");
    expect(".o_talent_card").toHaveCount(2);
    expect(".o_talent_box[data-box='9'] .o_talent_card_name").toHaveText("Dora");
    await contains(".o_talent_filter_department").select("60");
    expect(".o_talent_card").toHaveCount(1);
    expect(".o_talent_card_name").toHaveText("Dora");
});
