/** @odoo-module **/
// Copyright 2026 Career Suite contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import publicWidget from "@web/legacy/js/public/public_widget";

/** Open the collapsed section ``section`` (on a phone, sections are
 * collapsed; on larger screens their bodies are always shown). */
export function openCareerSection(section) {
    const body = section?.querySelector(".o_career_section_body");
    if (!body) {
        return;
    }
    body.classList.add("show");
    const toggle = section.querySelector(".o_career_section_toggle");
    toggle?.classList.remove("collapsed");
    toggle?.setAttribute("aria-expanded", "true");
}

/** /my/career: the in-page navigation opens the section it leads to; the
 * self-assessment offers the levels of the chosen skill only. */
publicWidget.registry.CareerDashboard = publicWidget.Widget.extend({
    selector: ".o_career_dashboard",
    events: {
        "click .o_career_section_nav a": "_onNavClick",
        "change select#assess_skill_id": "_onSkillChange",
    },

    start() {
        // a link to a section (/my/career#career_goals) opens it
        if (window.location.hash.startsWith("#career_")) {
            openCareerSection(this.el.querySelector(window.location.hash));
        }
        this._filterLevels();
        return this._super(...arguments);
    },

    _onNavClick(ev) {
        const section = this.el.querySelector(ev.currentTarget.getAttribute("href"));
        openCareerSection(section);
    },

    _onSkillChange() {
        this._filterLevels();
    },

    /** Only the levels of the chosen skill's type can be picked. */
    _filterLevels() {
        const skill = this.el.querySelector("select#assess_skill_id");
        const level = this.el.querySelector("select#assess_level_id");
        if (!skill || !level) {
            return;
        }
        const type = skill.selectedOptions[0]?.dataset.skillTypeId;
        let keep = false;
        for (const group of level.querySelectorAll("optgroup")) {
            const shown = Boolean(type) && group.dataset.skillTypeId === type;
            group.hidden = !shown;
            group.disabled = !shown;
            keep ||= shown && group.contains(level.selectedOptions[0]);
        }
        if (!keep) {
            level.value = "";
        }
        level.disabled = !type;
    },
});
