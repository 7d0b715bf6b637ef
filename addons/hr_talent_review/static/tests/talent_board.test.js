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
                name: `${box} Box`,
                performance,
                potential,
                count,
                share: cards.length ? Math.round((1000 * count) / cards.length) / 10 : 0,
                target: 11.1,
            });
        }
    }
    return {
        review: { id: 1, name: "Calibration 2026", state, readonly: state !== "calibrating" },
        levels: LEVELS,
        targets: { low: 10, medium: 70, high: 20 },
        boxes,
        cards,
    };
}

function card(id, name, performance, potential) {
    return {
        id,
        employee_id: id,
        name,
        job: "Developer",
        target_job: "Team Lead",
        readiness: 60,
        performance,
        potential,
        box: boxOf(performance, potential),
        previous_box: 0,
        last_box: 0,
        moved: false,
        reason: "",
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
        cards[0] = { ...cards[0], potential: "high", box: 8, previous_box: 5, moved: true };
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
    expect(".o_talent_box[data-box='8'] .o_talent_card_moved").toHaveText("Moved from box 5");
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
