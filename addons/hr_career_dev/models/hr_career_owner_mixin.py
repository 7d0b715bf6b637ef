# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import AccessError


class HrCareerOwnerMixin(models.AbstractModel):
    """Owner fields (``_career_owner_fields``: who a record belongs to, e.g.
    ``employee_id``, ``plan_id``) are fixed after creation for everyone but HR
    officers. (hr_career_dev's own models moved to ``hr.career.policy.mixin``,
    which allows fields instead of listing forbidden ones.) Record rules are
    checked on the values before a write only: for
    the others, they are checked again on the values after it, so that no write
    moves a record out of the writer's reach."""

    _name = "hr.career.owner.mixin"
    _description = "Owner fields fixed after creation"

    _career_owner_fields = ()

    def _career_owner_may_change(self):
        """Whether the current user may change owner fields (HR officers)."""
        return self.env["hr.career.role"]._is_hr_officer()

    def write(self, vals):
        if self._career_owner_may_change():
            return super().write(vals)
        self._career_check_owner_fields(vals)
        result = super().write(vals)
        self.check_access("write")
        return result

    def _career_check_owner_fields(self, vals):
        changed = [fname for fname in self._career_owner_fields if fname in vals]
        if not changed or not self:
            return
        # the current owners, compared with the new values: read with the
        # rights of the writer, who reads what they write (the write itself
        # is checked after, with the same rights)
        for record in self:
            for fname in changed:
                field = self._fields[fname]
                new = vals[fname]
                if field.type == "many2one":
                    current = record[fname].id
                    new = new.id if isinstance(new, models.BaseModel) else new
                else:
                    current = record[fname]
                if (current or False) != (new or False):
                    raise AccessError(
                        self.env._(
                            "Only HR officers can change the field “%(field)s” "
                            "(%(model)s) once the record is created.",
                            field=field._description_string(self.env),
                            model=self.env["ir.model"]._get(self._name).name,
                        )
                    )
