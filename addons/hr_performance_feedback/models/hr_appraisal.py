# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models

# The appraised employee sees the 360° aggregate only from this many answers on:
# one or two answers would reveal what a given reviewer said.
FEEDBACK_MIN_ANSWERS_FOR_SUBJECT = 3
# Settings: "Employees may nominate 360° reviewers" (the key keeps the name it
# had when hr_performance_link held the 360° feedback)
NOMINATE_PARAM = "hr_performance_link.employee_nominate_reviewers"


class HrAppraisal(models.Model):
    _inherit = "hr.appraisal"

    checkin_ids = fields.Many2many(
        "hr.performance.checkin",
        string="Check-ins",
        compute="_compute_checkin_ids",
    )
    checkin_count = fields.Integer(compute="_compute_checkin_ids")
    # ------------------------------------------------------------ 360° feedback
    feedback_request_ids = fields.One2many(
        "hr.feedback.request", "appraisal_id", string="Feedback Requests"
    )
    feedback_nomination_ids = fields.One2many(
        "hr.feedback.nomination", "appraisal_id", string="360° Nominations"
    )
    feedback_request_count = fields.Integer(compute="_compute_feedback_aggregate")
    feedback_answered_count = fields.Integer(
        string="Answered Feedback", compute="_compute_feedback_aggregate"
    )
    feedback_average = fields.Float(
        string="Average Rating",
        compute="_compute_feedback_aggregate",
        digits=(3, 2),
    )
    # plain data drawn by the feedback_summary widget
    feedback_summary = fields.Json(
        compute="_compute_feedback_aggregate", exportable=False
    )
    can_nominate_reviewers = fields.Boolean(
        compute="_compute_can_nominate_reviewers",
        help="The appraised employee may propose 360° reviewers (Settings).",
    )

    @api.depends("state")
    @api.depends_context("uid")
    def _compute_can_nominate_reviewers(self):
        allowed = self.env["hr.career.settings"]._get_flag(NOMINATE_PARAM)
        roles = self.filtered("id")._get_appraisal_roles() if allowed else {}
        for appraisal in self:
            appraisal.can_nominate_reviewers = (
                roles.get(appraisal.id) == "self" and appraisal.state != "3_done"
            )

    @api.depends("employee_id", "date_close")
    def _compute_checkin_ids(self):
        dated = self.filtered(lambda a: a.employee_id and a.date_close)
        checkins = self.env["hr.performance.checkin"]
        if dated:
            checkins = checkins.search(
                [
                    ("employee_id", "in", dated.employee_id.ids),
                    ("date", ">=", min(dated.mapped("date_period_start"))),
                    ("date", "<=", max(dated.mapped("date_close"))),
                ]
            )
        for appraisal in self:
            mine = checkins.filtered(
                lambda c, a=appraisal: c.employee_id == a.employee_id
                and a.date_period_start
                and a.date_period_start <= c.date <= a.date_close
            )
            appraisal.checkin_ids = mine
            appraisal.checkin_count = len(mine)

    @api.depends("feedback_request_ids.state", "feedback_request_ids.answer_ids.rating")
    @api.depends_context("uid")
    def _compute_feedback_aggregate(self):
        aggregate = self._get_feedback_aggregate()
        for appraisal in self:
            data = aggregate.get(appraisal.id, {})
            appraisal.feedback_request_count = data.get("requested", 0)
            appraisal.feedback_answered_count = data.get("answered", 0)
            appraisal.feedback_average = data.get("average", 0.0)
            appraisal.feedback_summary = self._feedback_summary_data(data)

    def _get_feedback_aggregate(self):
        """``{appraisal_id: {'requested', 'answered', 'average', 'skills':
        [{'skill', 'average', 'count'}]}}`` from answered requests only
        (declined ones and "can't judge" answers left out), with
        two grouped queries whatever the number of appraisals.

        Only for the employee, their manager chain and HR; the employee gets
        the averages once FEEDBACK_MIN_ANSWERS_FOR_SUBJECT answers exist (fewer
        would tell what a given reviewer said), the counts always."""
        roles = self.filtered("id")._get_appraisal_roles()
        appraisals = self.filtered(lambda a: roles.get(a.id))
        if not appraisals:
            return {}
        # sudo: the subject of the feedback may read their appraisal but not the
        # individual answers (record rules): only these averages leave sudo.
        counting = self.sudo().env
        requests = counting["hr.feedback.request"]
        answers = counting["hr.feedback.answer"]
        result = {
            appraisal.id: {
                "requested": 0,
                "answered": 0,
                "average": 0.0,
                "skills": [],
            }
            for appraisal in appraisals
        }
        for appraisal, state, count in requests._read_group(
            [("appraisal_id", "in", appraisals.ids), ("state", "!=", "cancelled")],
            ["appraisal_id", "state"],
            ["__count"],
        ):
            # declined requests are nobody's to wait for nor to count
            if state in ("requested", "answered"):
                result[appraisal.id]["requested"] += count
            if state == "answered":
                result[appraisal.id]["answered"] += count
        totals = defaultdict(lambda: [0.0, 0])
        for appraisal, skill, average, count in answers._read_group(
            [
                ("appraisal_id", "in", appraisals.ids),
                ("request_state", "=", "answered"),
                # "can't judge" stores no rating: not a 0 in the averages
                ("cannot_judge", "=", False),
                ("rating", ">", 0),
            ],
            ["appraisal_id", "skill_id"],
            ["rating:avg", "__count"],
            order="skill_id",
        ):
            result[appraisal.id]["skills"].append(
                {
                    "skill": skill.with_env(self.env),
                    "average": round(average or 0.0, 2),
                    "count": count,
                }
            )
            totals[appraisal.id][0] += (average or 0.0) * count
            totals[appraisal.id][1] += count
        for appraisal_id, (total, count) in totals.items():
            result[appraisal_id]["average"] = round(total / count, 2) if count else 0.0
        for appraisal_id, data in result.items():
            if (
                roles[appraisal_id] == "self"
                and data["answered"] < FEEDBACK_MIN_ANSWERS_FOR_SUBJECT
            ):
                data.update(average=0.0, skills=[], withheld=True)
        return result

    @api.model
    def _feedback_summary_data(self, aggregate):
        """The 360° summary of one appraisal as plain data, drawn by the
        ``feedback_summary`` widget: ``{'withheld', 'min_answers', 'skills':
        [{'skill' (name), 'average', 'count'}]}`` from an entry of
        :meth:`_get_feedback_aggregate` (empty: nothing answered)."""
        return {
            "withheld": bool(aggregate.get("withheld")),
            "min_answers": FEEDBACK_MIN_ANSWERS_FOR_SUBJECT,
            "skills": [
                {
                    "skill": line["skill"].name,
                    "average": line["average"],
                    "count": line["count"],
                }
                for line in aggregate.get("skills", [])
            ],
        }

    def _feedback_nominations_open(self):
        """The appraisals of ``self`` whose employee may still nominate 360°
        peers: the open ones (a review cycle narrows it to its phases)."""
        return self.filtered(lambda a: a.state != "3_done")

    # ------------------------------------------------------------ actions
    def action_request_feedback(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Request 360° feedback"),
            "res_model": "hr.feedback.request.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_appraisal_id": self.id},
        }

    def action_open_feedback_nominations(self):
        """The peers nominated for this appraisal's 360° feedback: the
        employee proposes, their manager approves."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_performance_feedback.hr_feedback_nomination_action"
        )
        action["domain"] = [("appraisal_id", "=", self.id)]
        action["context"] = {"default_appraisal_id": self.id}
        return action
