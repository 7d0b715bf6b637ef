import { describe, expect, test } from "@odoo/hoot";
import { queryAllTexts } from "@odoo/hoot-dom";
import { hrModels } from "@hr/../tests/hr_test_helpers";
import { defineModels, mountWithCleanup } from "@web/../tests/web_test_helpers";
import { FeedbackSummary } from "@hr_performance_feedback/feedback_summary/feedback_summary";

describe.current.tags("desktop");

defineModels(hrModels);

test("the 360° summary lists each skill's average rating and answers", async () => {
    await mountWithCleanup(FeedbackSummary, {
        props: {
            data: {
                withheld: false,
                min_answers: 3,
                skills: [
                    { skill: "Python", average: 3.67, count: 4 },
                    { skill: "SQL", average: 4, count: 1 },
                ],
            },
        },
    });
    expect(queryAllTexts(".o_feedback_summary th")).toEqual(["Skill", "Average rating", "Answers"]);
    expect(".o_feedback_summary_line").toHaveCount(2);
    expect(queryAllTexts(".o_feedback_summary_line:first td")).toEqual(["Python", "3.7 / 5", "4"]);
    expect(queryAllTexts(".o_feedback_summary_line:last td")).toEqual(["SQL", "4.0 / 5", "1"]);
});

test("a skill name is text, never markup", async () => {
    await mountWithCleanup(FeedbackSummary, {
        props: {
            data: {
                withheld: false,
                min_answers: 3,
                skills: [{ skill: "<b>Python</b>", average: 3, count: 3 }],
            },
        },
    });
    expect(".o_feedback_summary_line td:first").toHaveText("<b>Python</b>");
    expect(".o_feedback_summary_line b").toHaveCount(0);
});

test("withheld from the subject until enough colleagues answered", async () => {
    await mountWithCleanup(FeedbackSummary, {
        props: { data: { withheld: true, min_answers: 3, skills: [] } },
    });
    expect(".o_feedback_summary_withheld").toHaveText(
        "The feedback summary appears once 3 colleagues have answered, so that no answer can be traced to its reviewer."
    );
    expect(".o_feedback_summary table").toHaveCount(0);
});

test("no answer yet is said", async () => {
    await mountWithCleanup(FeedbackSummary, {
        props: { data: { withheld: false, min_answers: 3, skills: [] } },
    });
    expect(".o_feedback_summary").toHaveText("No answered feedback yet.");
    expect(".o_feedback_summary table").toHaveCount(0);
});
