/** The 9-box board of a talent review session (client action). */
import { Component, onWillStart, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { TalentMoveDialog } from "./talent_move_dialog";

export class TalentBoard extends Component {
    static template = "hr_talent_review.TalentBoard";
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.dialog = useService("dialog");
        this.actionService = useService("action");
        this.state = useState({
            data: null,
            dragged: null,
            over: null,
            departmentId: "",
            managerId: "",
        });
        const action = this.props.action || {};
        this.reviewId = action.params?.review_id || action.context?.active_id || false;
        onWillStart(() => this.load());
    }

    async load() {
        if (!this.reviewId) {
            return;
        }
        this.state.data = await this.orm.call("hr.talent.review", "get_board_data", [
            [this.reviewId],
        ]);
    }

    get readonly() {
        return this.state.data.review.readonly;
    }

    get rows() {
        // potential from high (top) to low, performance from low (left) to high
        const boxes = this.state.data.boxes;
        return [boxes.slice(0, 3), boxes.slice(3, 6), boxes.slice(6, 9)];
    }

    cardsOf(box) {
        return this.visibleCards.filter((card) => card.box === box.box);
    }

    /** The cards of the department and manager chosen in the filters. */
    get visibleCards() {
        const department = Number(this.state.departmentId) || false;
        const manager = Number(this.state.managerId) || false;
        return this.state.data.cards.filter(
            (card) =>
                (!department || card.department_id === department) &&
                (!manager || card.manager_id === manager)
        );
    }

    get filtered() {
        return Boolean(this.state.departmentId || this.state.managerId);
    }

    /** [{id, name}] of the cards' departments (or managers), by name. */
    choices(idKey, nameKey) {
        const seen = new Map();
        for (const card of this.state.data.cards) {
            if (card[idKey] && !seen.has(card[idKey])) {
                seen.set(card[idKey], card[nameKey]);
            }
        }
        return [...seen.entries()]
            .map(([id, name]) => ({ id, name }))
            .sort((a, b) => a.name.localeCompare(b.name));
    }

    get departments() {
        return this.choices("department_id", "department");
    }

    get managers() {
        return this.choices("manager_id", "manager");
    }

    /** The label of the potential of a row (rows: high, medium, low). */
    rowLabel(row) {
        return this.levelLabel(row[0].potential);
    }

    get columnLabels() {
        return this.state.data.levels.map((level) => level.label);
    }

    openRecord(resModel, resId) {
        this.actionService.doAction({
            type: "ir.actions.act_window",
            res_model: resModel,
            res_id: resId,
            views: [[false, "form"]],
        });
    }

    async openEmployee(card) {
        // the employee form, or the public profile for a manager without HR
        // rights (the server decides, as for any link to an employee)
        const action = await this.orm.call("hr.employee", "get_formview_action", [
            [card.employee_id],
        ]);
        this.actionService.doAction(action);
    }

    openAppraisal(card) {
        this.openRecord("hr.appraisal", card.appraisal_id);
    }

    levelLabel(key) {
        return this.state.data.levels.find((level) => level.key === key)?.label || key;
    }

    boxClass(box) {
        const classes = [`o_talent_box_${box.box}`];
        if (this.state.over === box.box) {
            classes.push("o_talent_box_over");
        }
        if (box.target && box.share > box.target + 5) {
            classes.push("o_talent_box_above_target");
        }
        return classes.join(" ");
    }

    avatarUrl(card) {
        return `/web/image/hr.employee.public/${card.employee_id}/avatar_128`;
    }

    onDragStart(card, ev) {
        if (this.readonly) {
            ev.preventDefault();
            return;
        }
        this.state.dragged = card.id;
        ev.dataTransfer.setData("text/plain", String(card.id));
        ev.dataTransfer.effectAllowed = "move";
    }

    onDragEnd() {
        this.state.dragged = null;
        this.state.over = null;
    }

    onDragOver(box, ev) {
        if (this.readonly || !this.state.dragged) {
            return;
        }
        ev.preventDefault();
        this.state.over = box.box;
    }

    onDragLeave(box) {
        if (this.state.over === box.box) {
            this.state.over = null;
        }
    }

    onDrop(box, ev) {
        ev.preventDefault();
        const card = this.state.data.cards.find((c) => c.id === this.state.dragged);
        this.onDragEnd();
        if (card && card.box !== box.box) {
            this.openMove(card, box);
        }
    }

    openMove(card, box = null) {
        if (this.readonly) {
            return;
        }
        this.dialog.add(TalentMoveDialog, {
            card,
            levels: this.state.data.levels,
            performance: box ? box.performance : card.performance,
            potential: box ? box.potential : card.potential,
            onConfirm: (values) => this.move(card, values),
        });
    }

    async move(card, { performance, potential, reason }) {
        await this.orm.call("hr.talent.review.line", "move_to", [[card.id]], {
            performance,
            potential,
            reason,
        });
        await this.load();
    }

    openSession() {
        this.actionService.doAction({
            type: "ir.actions.act_window",
            res_model: "hr.talent.review",
            res_id: this.reviewId,
            views: [[false, "form"]],
            name: _t("Calibration Session"),
        });
    }
}

registry.category("actions").add("hr_talent_review.talent_board", TalentBoard);
