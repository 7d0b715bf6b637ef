# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the appraised employee reads of their own appraisal, field by field,
decided by one declaration below and not by the form: the results only once
released, the private note never, the manager's feedback once published, the
potential only when Settings allow. One read guard applies it to every read
(``read``, ``search_read``, ``web_read``, hence JSON-RPC and the web client),
to the domains and groupings that could reveal it, whatever the view."""

from odoo import api, models
from odoo.osv import expression

# The results: hidden from the appraised employee until released (completed
# outside a review cycle; a review cycle's action_release() inside one).
# Names of fields other addons of the suite add; absent ones are skipped.
RELEASE_GATED_FIELDS = frozenset(
    {
        "rating_id",
        "suggested_rating_id",
        "suggested_rating_note",
        "rating_justification",
        "rating_justification_required",
        "objective_score",
        "competency_score",
        "feedback_average",
        "feedback_summary",
        "feedback_answered_count",
    }
)
# Never read by the appraised employee.
PRIVATE_FIELDS = frozenset({"note"})
# Read by the appraised employee once its flag is set.
PUBLISHED_FIELDS = {"manager_feedback": "manager_feedback_published"}
# Read by the appraised employee only when Settings allow (with the talent
# placement: the same parameter as hr_talent_review's).
POTENTIAL_FIELDS = frozenset({"potential"})
POTENTIAL_VISIBLE_PARAM = "hr_performance_link.talent_employee_visible"


# one concern per file: hr_appraisal.py alone would be over 600 lines
class HrAppraisal(models.Model):
    _inherit = "hr.appraisal"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------ declaration
    @api.model
    def _employee_hidden_fields(self):
        """Every field the appraised employee may not read in some state."""
        names = RELEASE_GATED_FIELDS | PRIVATE_FIELDS | set(PUBLISHED_FIELDS)
        if not self._employee_sees_potential():
            names |= POTENTIAL_FIELDS
        return {name for name in names if name in self._fields}

    @api.model
    def _employee_sees_potential(self):
        return self.env["hr.career.settings"]._get_flag(POTENTIAL_VISIBLE_PARAM)

    @api.model
    def _released_domain(self):
        """The appraisals whose results their employee reads: completed.
        hr_review_cycle adds: and released by their cycle."""
        return [("state", "=", "3_done")]

    def _released_ids(self):
        return set(self.search([("id", "in", self.ids)] + self._released_domain()).ids)

    # ------------------------------------------------------------ guard
    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        if not self._is_appraisal_hr():
            self._blank_hidden(result, fnames, load)
        return result

    def _read_as_employee(self, fnames):
        """``read`` of these appraisals as their employee reads them, with
        the caller's rights (the user's own: record rules let the employee,
        and with hr_review_cycle the portal user linked to them, read their
        own appraisals visible to them): the same declaration decides, also
        when the user is HR or the recordset is ``sudo()``."""
        result = self._read_format(fnames)
        if self._is_appraisal_hr():
            # the read guard leaves HR's reads whole: blanked here as for the
            # appraised employee
            self._blank_hidden(result, fnames, None)
        return result

    def _hidden_by_record(self, fnames):
        """{appraisal id: the names of ``fnames`` the current user, as the
        appraised employee, may not read on it}; absent when nothing is
        hidden. Read as the records are (the caller's rights: the user reads
        them, or a ``sudo()`` recordset)."""
        hidden = self._employee_hidden_fields() & set(fnames)
        if not hidden:
            return {}
        # the user's own employees, archived ones included (the role service)
        mine = self._own_employees()
        own = self.filtered(lambda a: a.employee_id in mine)
        if not own:
            return {}
        # the state, the cycle and the publication flags decide what their
        # employee may see (the fields themselves stay hidden)
        released = own._released_ids() if hidden & RELEASE_GATED_FIELDS else set()
        result = {}
        for appraisal in own:
            names = {
                name
                for name in hidden
                if not (name in RELEASE_GATED_FIELDS and appraisal.id in released)
                and not (name in PUBLISHED_FIELDS and appraisal[PUBLISHED_FIELDS[name]])
            }
            if names:
                result[appraisal.id] = names
        return result

    @api.model
    def _own_employees(self):
        """The current user's own employees, archived ones included: whose
        appraisals are theirs (``hr.career.role._my_employees``)."""
        return (
            self.env["hr.career.role"].with_context(active_test=False)._my_employees()
        )

    def _blank_hidden(self, result, fnames, load):
        """Empty in ``result`` (``read`` values) the fields the current user,
        as the appraised employee, may not read."""
        hidden = self._hidden_by_record(fnames)
        for values in result:
            for name in hidden.get(values["id"], ()):
                values[name] = self._empty_read_value(name, load)

    def _track_filter_for_display(self, tracking_values):
        """The chatter follows the same declaration: the appraised employee
        sees no tracked change of a field they may not read (a rating set
        before the release, the potential)."""
        tracking_values = super()._track_filter_for_display(tracking_values)
        if self._is_appraisal_hr():
            return tracking_values
        hidden = self._hidden_by_record(self._employee_hidden_fields()).get(
            self.id, set()
        )
        return tracking_values.filtered(lambda t: t.field_id.name not in hidden)

    def _empty_read_value(self, name, load):
        """What ``read`` answers for field ``name`` left empty."""
        field = self._fields[name]
        empty = self.browse()
        value = field.convert_to_record(field.convert_to_cache(False, empty), empty)
        return field.convert_to_read(
            value, empty, use_display_name=(load == "_classic_read")
        )

    @api.model
    def _employee_hidden_domain(self):
        """The appraisals whose hidden fields the current user may not use
        in a domain or a grouping: their own, not released."""
        # the user's employees by id, not through employee_id.user_id: a
        # portal user may not search employees
        return expression.AND(
            [
                [("employee_id", "in", self._own_employees().ids)],
                ["!", *expression.normalize_domain(self._released_domain())],
            ]
        )

    def _uses_hidden(self, names):
        return not self._is_appraisal_hr() and bool(
            {n.split(".")[0].split(":")[0] for n in names}
            & self._employee_hidden_fields()
        )

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        names = [
            leaf[0]
            for leaf in expression.normalize_domain(domain or [])
            if isinstance(leaf, list | tuple) and isinstance(leaf[0], str)
        ]
        if names and self._uses_hidden(names):
            # the own unreleased appraisals never match on a hidden field
            domain = expression.AND([domain, ["!", *self._employee_hidden_domain()]])
        return super()._search(
            domain, offset=offset, limit=limit, order=order, **kwargs
        )

    @api.model
    def _read_group(
        self,
        domain,
        groupby=(),
        aggregates=(),
        having=(),
        offset=0,
        limit=None,
        order=None,
    ):
        if self._uses_hidden(list(groupby) + list(aggregates)):
            domain = expression.AND(
                [domain or [], ["!", *self._employee_hidden_domain()]]
            )
        return super()._read_group(
            domain,
            groupby,
            aggregates,
            having=having,
            offset=offset,
            limit=limit,
            order=order,
        )
