# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The employee's self-review: when they may still write it (the field
policy of hr_performance_link says what they write; this says until when),
and where a portal user's link to their appraisal leads (the portal page
/my/career/appraisal/<id>, not the backend form they cannot open)."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError

# the employee's part of an appraisal (hr_performance_link's policy lets the
# employee write them): frozen once they submitted it
SELF_REVIEW_FIELDS = frozenset(
    {"employee_feedback", "employee_feedback_published", "skill_assessment_ids"}
)
# the phases of a running review cycle in which a self-review not submitted
# yet may still be written (late ones included, until calibration)
SELF_REVIEW_PHASES = ("self_review", "feedback", "manager_review")
SELF_REVIEW_URL = "/my/career/appraisal/%s"
# the results the page shows once released (the read guard of
# hr_performance_link blanks them before; names other addons add, absent
# ones skipped)
RESULT_FIELDS = (
    "rating_id",
    "suggested_rating_id",
    "rating_justification",
    "objective_score",
    "competency_score",
    "feedback_average",
    "feedback_answered_count",
    "manager_feedback",
    "potential",
)
# a done appraisal stays its employee's "current" one on the team page
# for this long
TEAM_DONE_DAYS = 365


class HrAppraisal(models.Model):
    _inherit = "hr.appraisal"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------ windows
    def _self_review_open_ids(self):
        """The ids of the appraisals of ``self`` whose employee may still
        write their self-review: not done, not submitted once confirmed
        (``employee_feedback_published``), and, in a review cycle, while the
        cycle runs in one of ``SELF_REVIEW_PHASES``."""
        # sudo: the state, the publication flag and the cycle's phase decide
        # the window; employees do not read review cycles
        return {
            appraisal.id
            # sudo: see above (state, publication, cycle phase)
            for appraisal in self.sudo()
            if appraisal.state != "3_done"
            and not (
                appraisal.state == "2_pending" and appraisal.employee_feedback_published
            )
            and (
                not appraisal.review_cycle_id
                or (
                    appraisal.review_cycle_id.state == "running"
                    and appraisal.review_cycle_id.phase in SELF_REVIEW_PHASES
                )
            )
        }

    def _self_review_editable_ids(self):
        """The appraisals of ``self`` whose self-review the portal offers to
        write and submit: confirmed (``2_pending``) and open."""
        # the state with the user's rights (their own appraisals, which they
        # read); the window itself as _self_review_open_ids decides it
        confirmed = self.filtered(lambda a: a.state == "2_pending")
        return confirmed._self_review_open_ids()

    def _check_self_review_open(self, names):
        """Refuse the appraised employee a change of their self-review
        (``names``: the fields changed) once it is submitted, the appraisal
        done or its cycle past the phases of self-review."""
        roles = self._get_appraisal_roles()
        own = self.filtered(lambda a: roles.get(a.id) == "self")
        if not own:
            return
        open_ids = own._self_review_open_ids()
        for appraisal in own:
            if appraisal.id not in open_ids:
                raise AccessError(
                    self.env._(
                        "Your self-review is submitted or its phase is over: "
                        "%(fields)s can no longer change. Ask your manager to "
                        "reopen it.",
                        fields=", ".join(
                            self._fields[name]._description_string(self.env)
                            for name in sorted(names)
                            if name in self._fields
                        ),
                    )
                )

    # ------------------------------------------------------------ policy
    def _career_policy_check(self, operation, vals_list):
        super()._career_policy_check(operation, vals_list)
        if not self or self._career_policy_is_hr():
            return
        # a field given its current value is no change (a form saves them);
        # the current values read with the user's rights: whoever writes
        # the employee's part of an appraisal reads it (their own, or a
        # report's)
        names = {
            name
            for vals in vals_list
            for name in SELF_REVIEW_FIELDS & set(vals)
            if not all(
                self._career_equal(name, vals[name], record[name]) for record in self
            )
        }
        if names:
            self._check_self_review_open(names)

    # ------------------------------------------------------------ links
    def _get_access_action(self, access_uid=None, force_website=False):
        """A portal user's link to their own appraisal (a notification, the
        chatter, ``/mail/view``) opens their self-review on the portal."""
        self.ensure_one()
        # the user the link is for (every user reads whether another is a
        # portal user); whether the appraisal is theirs, from the role
        # service (their own employees)
        user = self.env["res.users"].browse(access_uid) if access_uid else self.env.user
        Role = self.env["hr.career.role"].with_user(user)
        if (Role._is_portal_user() or force_website) and (
            self.employee_id in Role._my_employees()
        ):
            return {
                "type": "ir.actions.act_url",
                "url": SELF_REVIEW_URL % self.id,
                "target": "self",
                "res_id": self.id,
            }
        return super()._get_access_action(
            access_uid=access_uid, force_website=force_website
        )

    @api.model
    def _self_review_url(self, appraisal_id):
        return SELF_REVIEW_URL % appraisal_id

    # ------------------------------------------------------------ portal data
    def _self_review_data(self):
        """What the appraised employee reads of their own appraisal ``self``
        (one, read with their rights) on the portal, as plain data: the
        results only as the read guard lets them (``_read_as_employee``),
        the manager's levels and the objectives' achievement once released."""
        self.ensure_one()
        names = [
            "date_close",
            "state",
            "review_status",
            "employee_feedback",
            "employee_feedback_published",
        ] + [name for name in RESULT_FIELDS if name in self._fields]
        values = self._read_as_employee(names)[0]
        released = self.id in self._released_ids()
        statuses = dict(self._fields["review_status"]._description_selection(self.env))
        # the lines with the user's rights (record rules: their own)
        lines = self.skill_assessment_ids
        line_values = lines.read(
            [
                "skill_id",
                "skill_type_id",
                "scope",
                "current_level_id",
                "required_level_id",
                "self_level_id",
                "assessed_level_id",
                "comment",
            ]
        )
        levels = {}
        # the level names of the lines' skill types, the vocabulary every
        # employee reads (portal employees too: hr_career_dev's portal rules)
        for level in self.env["hr.skill.level"].search(
            [("skill_type_id", "in", lines.skill_type_id.ids)],
            order="level_progress, id",
        ):
            levels.setdefault(level.skill_type_id.id, []).append((level.id, level.name))
        for line in line_values:
            line["levels"] = levels.get((line["skill_type_id"] or [False])[0], [])
            if not released:
                line["assessed_level_id"] = False
                line["comment"] = False
        # sudo: the user's own appraisal (checked by the caller), its cycle,
        # objectives and goals, which employees and portal users do not read
        appraisal = self.sudo()
        cycle = appraisal.review_cycle_id
        objective_states = {}
        objectives = []
        if "objective_line_ids" in self._fields:
            objective_states = dict(
                self.env["hr.performance.objective"]
                ._fields["state"]
                ._description_selection(self.env)
            )
            objectives = [
                {
                    "name": line.objective_id.name,
                    "progress": round(line.progress),
                    "date_end": line.objective_id.date_end,
                    "state": objective_states.get(line.objective_id.state, ""),
                    "achievement": round(line.achievement) if released else None,
                    "comment": line.comment if released else None,
                }
                for line in appraisal.objective_line_ids
            ]
        goal_states = dict(
            self.env["hr.career.goal"]._fields["state"]._description_selection(self.env)
        )
        if values.get("potential"):
            values["potential"] = dict(
                self._fields["potential"]._description_selection(self.env)
            ).get(values["potential"])
        return {
            **values,
            "status": statuses.get(values["review_status"]) or "",
            "released": released,
            "editable": self.id in self._self_review_editable_ids(),
            "submitted": values["state"] == "2_pending"
            and values["employee_feedback_published"],
            "cycle": {
                "name": cycle.name,
                "phase": dict(
                    cycle._fields["phase"]._description_selection(self.env)
                ).get(cycle.phase),
                "date_self_assessment": cycle.date_self_assessment,
            }
            if cycle
            else None,
            "lines": line_values,
            "objectives": objectives,
            "goals": [
                {
                    "name": goal.name,
                    "progress": goal.progress,
                    "state": goal_states.get(goal.state, ""),
                    "target_date": goal.target_date,
                }
                for goal in appraisal.career_goal_ids
            ],
        }

    @api.model
    def _team_review_status(self, employees):
        """``{employee id: {'appraisal_id', 'status', 'waiting_on', 'late',
        'date_close'}}``: the current appraisal of each of ``employees`` the
        user manages (role service, ``_managed``; the others are left out):
        the open one due first, else the last done within a year. A bounded
        number of queries whatever the number of employees."""
        managed = self.env["hr.career.role"]._managed(employees)
        if not managed:
            return {}
        today = fields.Date.context_today(self)
        # sudo: the review status of the appraisals of the user's reports
        # (checked above; a portal manager reads no appraisal): no result
        appraisals = self.sudo().search_fetch(
            [
                ("employee_id", "in", managed.ids),
                "|",
                ("state", "!=", "3_done"),
                ("date_close", ">=", today - timedelta(days=TEAM_DONE_DAYS)),
            ],
            ["employee_id", "state", "review_status", "waiting_on", "date_close"],
            order="date_close desc, id desc",
        )
        current = {}
        for appraisal in appraisals:  # latest first
            chosen = current.get(appraisal.employee_id.id)
            # an open appraisal wins over a done one, the one due first
            # among the open ones, the latest among the done ones
            if not chosen or (
                appraisal.state != "3_done"
                and (
                    chosen.state == "3_done"
                    or appraisal.date_close <= chosen.date_close
                )
            ):
                current[appraisal.employee_id.id] = appraisal
        # the appraisals found above, in their environment (the reason
        # above); the late filter reads the cycles' phase dates
        chosen = appraisals.browse([a.id for a in current.values()])
        late = set(
            chosen.search([("id", "in", chosen.ids), ("is_late", "=", True)]).ids
        )
        statuses = dict(self._fields["review_status"]._description_selection(self.env))
        waiting = dict(self._fields["waiting_on"]._description_selection(self.env))
        return {
            employee_id: {
                "appraisal_id": appraisal.id,
                "status": statuses.get(appraisal.review_status) or "",
                "waiting_on": waiting.get(appraisal.waiting_on) or "",
                "late": appraisal.id in late,
                "date_close": appraisal.date_close,
            }
            for employee_id, appraisal in current.items()
        }
