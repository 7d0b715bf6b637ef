# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError


class HrCareerStateMixin(models.AbstractModel):
    """Buttons of a record with a ``state`` refuse, in the user's words, to act
    on a record in the wrong state."""

    _name = "hr.career.state.mixin"
    _description = "State check for career buttons"

    def _check_state(self, allowed, message):
        """Refuse, unless every record is in one of the ``allowed`` states.

        ``message(record, state)`` returns the whole sentence in the user's
        language, given the first record in another state and the label of
        that state in the user's language, e.g.::

            lambda goal, state: self.env._(
                "Cannot start the goal “%(goal)s”: its status is “%(state)s”.",
                goal=goal.display_name,
                state=state,
            )
        """
        wrong = self.filtered(lambda r: r.state not in allowed)[:1]
        if wrong:
            labels = dict(wrong._fields["state"]._description_selection(self.env))
            raise UserError(message(wrong, labels.get(wrong.state, wrong.state)))
