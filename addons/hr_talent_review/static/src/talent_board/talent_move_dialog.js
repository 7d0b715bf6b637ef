/** Ask where a card goes and why (the reason is required). */
import { Component, useState } from "@odoo/owl";
import { Dialog } from "@web/core/dialog/dialog";
import { _t } from "@web/core/l10n/translation";

export class TalentMoveDialog extends Component {
    static template = "hr_talent_review.TalentMoveDialog";
    static components = { Dialog };
    static props = {
        card: Object,
        levels: Array,
        performance: String,
        potential: String,
        onConfirm: Function,
        close: Function,
    };

    setup() {
        this.state = useState({
            performance: this.props.performance,
            potential: this.props.potential,
            reason: "",
            error: "",
        });
    }

    get title() {
        return _t("Move a placement");
    }

    async confirm() {
        if (!this.state.reason.trim()) {
            this.state.error = _t("Say why the placement moves: a reason is required.");
            return;
        }
        if (
            this.state.performance === this.props.card.performance &&
            this.state.potential === this.props.card.potential
        ) {
            this.state.error = _t("Choose another performance or potential.");
            return;
        }
        await this.props.onConfirm({
            performance: this.state.performance,
            potential: this.state.potential,
            reason: this.state.reason.trim(),
        });
        this.props.close();
    }
}
