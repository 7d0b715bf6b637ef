# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError


class HrCareerStateMixin(models.AbstractModel):
    """Buttons of a record with a ``state`` refuse, in the user's words, to act
    on a record in the wrong state."""

    _name = "hr.career.state.mixin"
    _description = "State check for career buttons"

    def _check_state(self, allowed, action):
        wrong = self.filtered(lambda r: r.state not in allowed)[:1]
        if wrong:
            labels = dict(wrong._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "Cannot %(action)s “%(record)s”: it is %(state)s.",
                    action=action,
                    record=wrong.display_name,
                    state=labels.get(wrong.state, wrong.state),
                )
            )
