# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

from .hr_talent_review_line import LEVELS, MAIL_FIELD_PREFIXES, box_of

REVIEW_STATES = [
    ("draft", "Draft"),
    ("calibrating", "Calibrating"),
    ("done", "Done"),
]


class HrTalentReview(models.Model):
    """A calibration session: the employees of a population placed on the
    9-box grid from their latest appraisal (rating and potential), moved by HR
    and the invited managers, then closed."""

    _name = "hr.talent.review"
    _description = "Calibration session"
    # every field is HR's (hr.career.policy.mixin: nothing declared)
    _inherit = ["mail.thread", "hr.career.policy.mixin"]

    def _career_policy_roles(self):
        """Nobody but HR sets a field: no role on any record."""
        return {record.id: set() for record in self}

    @api.model
    def _career_policy_create_roles(self, vals_list, defaults):
        return [set() for _vals in vals_list]

    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        tracking=True,
        help="The day of the calibration; the placements written back when the "
        "session closes are dated on it.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    cycle_id = fields.Many2one(
        "hr.review.cycle",
        string="Review Cycle",
        check_company=True,
        help="Take the population from the appraisals of this review cycle.",
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Departments",
        check_company=True,
        help="Only the employees of these departments (sub-departments included). "
        "With no department and no review cycle, the whole company.",
    )
    manager_ids = fields.Many2many(
        "res.users",
        "hr_talent_review_manager_rel",
        "review_id",
        "user_id",
        string="Invited Managers",
        domain=[("share", "=", False)],
        help="The managers who calibrate with HR: each sees the session and, in "
        "it, the employees of their own organisation (manager chain).",
    )
    state = fields.Selection(
        REVIEW_STATES, required=True, default="draft", tracking=True, index=True
    )
    date_done = fields.Date(string="Closed On", readonly=True, copy=False)
    line_ids = fields.One2many("hr.talent.review.line", "review_id", string="Lines")
    line_count = fields.Integer(string="Employees", compute="_compute_line_count")
    moved_count = fields.Integer(string="Moves", compute="_compute_line_count")

    # ------------------------------------------------------------ computes
    @api.depends("line_ids.moved")
    def _compute_line_count(self):
        counts = {
            (review.id, moved): count
            for review, moved, count in self.env["hr.talent.review.line"]._read_group(
                [("review_id", "in", self.ids)], ["review_id", "moved"], ["__count"]
            )
        }
        for review in self:
            review.moved_count = counts.get((review.id, True), 0)
            review.line_count = review.moved_count + counts.get((review.id, False), 0)

    # ------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        reviews = super().create(vals_list)
        for review in reviews:
            review._invite_calibrators(review.manager_ids)
        return reviews

    def write(self, vals):
        self._check_not_done(vals)
        before = {review.id: review.manager_ids for review in self}
        result = super().write(vals)
        if "manager_ids" in vals:
            for review in self:
                review._invite_calibrators(review.manager_ids - before[review.id])
            # the uninvited calibrators lose the Appraisals app the suite gave
            # them, unless they still need it (managers, other sessions)
            uninvited = self.env["res.users"].union(*before.values()) - self.manager_ids
            uninvited._revoke_appraisal_rights()
        return result

    def _invite_calibrators(self, users):
        """The managers invited to calibrate: followers of the session,
        notified by a message, and given the Appraisals app where the
        Calibration Sessions menu is (their own organisation only, by the rules)."""
        self.ensure_one()
        if not users:
            return
        # HR invites (the session's write was allowed): the followers and the
        # notification with HR's rights; the app's role on the rule's behalf
        # (_grant_appraisal_rights_to_users)
        self.message_subscribe(partner_ids=users.partner_id.ids)
        users._grant_appraisal_rights_to_users()
        self.message_post(
            body=Markup("<p>%s</p>")
            % self.env._(
                "You are invited to calibrate %(session)s: open it from "
                "Appraisals > Talent > Calibration Sessions.",
                session=self.name,
            ),
            partner_ids=users.partner_id.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )

    def unlink(self):
        self._check_not_done()
        return super().unlink()

    # ------------------------------------------------------------ actions
    def action_populate(self):
        """Fill the board from the population: the latest rated appraisal of
        each employee (of the review cycle when one is set), performance from
        its rating (Settings: performance level of each rating step) and its
        potential. One search of the employees, one of the appraisals, one of
        the current placements and one create, whatever the population size.
        Filling again adds only the employees missing from the board."""
        self._check_hr()
        for review in self:
            if review.state != "draft":
                raise UserError(
                    self.env._(
                        "The board of %(session)s can be filled only while the "
                        "session is a draft.",
                        session=review.name,
                    )
                )
            population = review._get_population()
            todo = population - review.line_ids.employee_id
            domain = [
                ("employee_id", "in", todo.ids),
                ("rating_id", "!=", False),
                ("potential", "!=", False),
            ]
            if review.cycle_id:
                domain.append(("review_cycle_id", "=", review.cycle_id.id))
            latest = {}
            for appraisal in self.env["hr.appraisal"].search(
                domain, order="date_close desc, id desc"
            ):
                latest.setdefault(appraisal.employee_id.id, appraisal)
            current = self.env["hr.talent.placement"]._current_boxes(todo)
            lines = self.env["hr.talent.review.line"].create(
                [
                    {
                        "review_id": review.id,
                        "employee_id": employee.id,
                        "department_id": employee.department_id.id,
                        "appraisal_id": latest[employee.id].id,
                        "performance": latest[employee.id].rating_id.talent_performance,
                        "potential": latest[employee.id].potential,
                        "last_box": current.get(employee.id, 0),
                    }
                    for employee in todo
                    if employee.id in latest
                ]
            )
            missing = len(todo) - len(lines)
            review.message_post(
                body=self.env._(
                    "%(count)s employees placed on the board from their latest "
                    "rated appraisal; %(missing)s of the population without a rated "
                    "appraisal (rating and potential) left out.",
                    count=len(lines),
                    missing=missing,
                )
            )
        return True

    def action_start(self):
        self._check_hr()
        for review in self:
            if review.state != "draft":
                raise UserError(
                    self.env._(
                        "The session %(session)s is already calibrating or done.",
                        session=review.name,
                    )
                )
            if not review.line_ids:
                raise UserError(
                    self.env._(
                        "The board of %(session)s is empty: fill it from the "
                        "population first.",
                        session=review.name,
                    )
                )
        self.write({"state": "calibrating"})
        return True

    def action_close(self):
        """Lock the session, write the placements back as the employees'
        current placement and add the high-potential boxes (Settings) to the
        "High potential" talent pool. Set-based: one search and one write of
        the previous current placements, one create, one pool write."""
        self._check_hr()
        for review in self:
            if review.state != "calibrating":
                raise UserError(
                    self.env._(
                        "Only a calibrating session can be closed; %(session)s is "
                        "%(state)s.",
                        session=review.name,
                        state=dict(
                            self._fields["state"]._description_selection(self.env)
                        )[review.state],
                    )
                )
        today = fields.Date.context_today(self)
        Placement = self.env["hr.talent.placement"]
        lines = self.line_ids
        Placement.search(
            [("employee_id", "in", lines.employee_id.ids), ("is_current", "=", True)]
        ).write({"is_current": False})
        visible = Placement._employees_see_placement()
        Placement.create(
            [
                {
                    "employee_id": line.employee_id.id,
                    "review_id": line.review_id.id,
                    "date": line.review_id.date,
                    "department_id": line.department_id.id,
                    "performance": line.performance,
                    "potential": line.potential,
                    "company_id": line.company_id.id,
                    "is_current": True,
                    "visible_to_employee": visible,
                }
                for line in lines
            ]
        )
        pool = self.env["hr.talent.pool"]._high_potential_pool()
        for review in self:
            boxes = review.company_id._talent_high_potential_boxes()
            high = review.line_ids.filtered(lambda line, b=boxes: line.box in b)
            if high:
                pool.employee_ids = [Command.link(e.id) for e in high.employee_id]
            review.message_post(
                body=Markup("<p>%s</p>")
                % self.env._(
                    "Session closed: %(count)s placements written back, "
                    "%(high)s employees added to the talent pool %(pool)s.",
                    count=len(review.line_ids),
                    high=len(high.employee_id),
                    pool=pool.name,
                )
            )
        super().write({"state": "done", "date_done": today})
        # the calibration is over: the Appraisals app the suite gave the
        # invited managers for it goes, unless they still need it
        self.manager_ids._revoke_appraisal_rights()
        return True

    def action_open_board(self):
        self.ensure_one()
        return {
            "type": "ir.actions.client",
            "tag": "hr_talent_review.talent_board",
            "name": self.env._("Board: %(session)s", session=self.name),
            "params": {"review_id": self.id},
            "context": {"active_id": self.id, "active_model": self._name},
        }

    def action_open_lines(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Placements of %(session)s", session=self.name),
            "res_model": "hr.talent.review.line",
            "view_mode": "list,pivot",
            "domain": [("review_id", "=", self.id)],
            "context": {"default_review_id": self.id},
        }

    # ------------------------------------------------------------ the board
    def get_board_data(self):
        """Everything the board shows, in one call and a bounded number of
        queries whatever the number of employees: the session, the nine boxes
        (count, share of the board, target share from Settings) and one card
        per line the user may read (a manager: their organisation)."""
        self.ensure_one()
        self.check_access("read")
        lines = self.env["hr.talent.review.line"].search(
            [("review_id", "=", self.id)], order="box desc, id"
        )
        line_fields = [
            "employee_id",
            "performance",
            "potential",
            "box",
            "previous_box",
            "moved",
            "reason",
            "last_box",
            "department_id",
            "appraisal_id",
            # read by the record rules of has_access("write") below
            "company_id",
        ]
        lines.fetch(line_fields)
        line_columns = self._board_columns(lines, line_fields)
        # sudo: the employees of the lines the user may read (rules above):
        # their name, job, manager and the readiness their manager chain and
        # HR see on the appraisal too
        employees = lines.employee_id.sudo()
        employee_fields = ["name", "job_title", "job_id", "target_job_id", "parent_id"]
        employees.fetch(employee_fields)
        employee_columns = self._board_columns(employees, employee_fields)
        # the readiness (one grouped query) of those who have a target job
        # only: a recordset of its own, so that the compute does not extend
        # to the prefetched others
        aiming = employees.browse(
            [
                employee_id
                for employee_id, target_job_id in zip(
                    employees.ids, employee_columns["target_job_id"], strict=True
                )
                if target_job_id
            ]
        )
        readiness = dict(
            zip(aiming.ids, aiming.mapped("target_job_readiness"), strict=True)
        )
        job_names = {
            job.id: job.name for job in employees.job_id | employees.target_job_id
        }
        # the managers' names only (most are on the board already)
        managers = employees.parent_id
        managers.fetch(["name"])
        manager_names = dict(zip(managers.ids, managers.mapped("name"), strict=True))
        people = {
            employee_id: {
                "name": name,
                "job": job_title or job_names.get(job_id) or "",
                "target_job": job_names.get(target_job_id) or "",
                "readiness": readiness.get(employee_id),
                "manager_id": parent_id,
                "manager": manager_names.get(parent_id) or "",
            }
            for employee_id, name, job_title, job_id, target_job_id, parent_id in zip(
                employees.ids, *employee_columns.values(), strict=True
            )
        }
        # the rating and its justification, of the appraisals the user may
        # read (as the user: the appraisal's own rules decide)
        appraisals = lines.appraisal_id._filtered_access("read")
        rated = {
            appraisal.id: {
                "rating": appraisal.rating_id.name or "",
                "justification": appraisal.rating_justification or "",
            }
            for appraisal in appraisals
        }
        targets = self.company_id._talent_target_shares()
        total = len(lines)
        counts = dict.fromkeys(range(1, 10), 0)
        for box in line_columns["box"]:
            counts[box] = counts.get(box, 0) + 1
        names = dict(
            self.env["hr.talent.review.line"]
            ._fields["box_name"]
            ._description_selection(self.env)
        )
        boxes = []
        for potential, _p in reversed(LEVELS):
            for performance, _q in LEVELS:
                box = box_of(performance, potential)
                boxes.append(
                    {
                        "box": box,
                        "name": names[str(box)],
                        "performance": performance,
                        "potential": potential,
                        "count": counts[box],
                        "share": round(100.0 * counts[box] / total, 1)
                        if total
                        else 0.0,
                        "target": round(
                            targets[performance] * targets[potential] / 100.0, 1
                        ),
                    }
                )
        can_move = self.state == "calibrating" and lines.has_access("write")
        no_rating = {"rating": "", "justification": ""}
        department_names = {d.id: d.name for d in lines.department_id}
        cards = [
            {
                "id": line_id,
                "employee_id": employee_id,
                **people[employee_id],
                # the line keeps the department of when it was made
                "department_id": department_id,
                "department": department_names.get(department_id) or "",
                "appraisal_id": appraisal_id if appraisal_id in rated else False,
                **rated.get(appraisal_id, no_rating),
                "performance": performance,
                "potential": potential,
                "box": box,
                "previous_box": previous_box,
                "previous_box_name": names.get(str(previous_box), ""),
                "last_box": last_box,
                "last_box_name": names.get(str(last_box), ""),
                "moved": moved,
                "reason": reason or "",
            }
            for (
                line_id,
                employee_id,
                performance,
                potential,
                box,
                previous_box,
                moved,
                reason,
                last_box,
                department_id,
                appraisal_id,
                _company_id,
            ) in zip(lines.ids, *line_columns.values(), strict=True)
        ]
        level_labels = dict(
            self.env["hr.talent.review.line"]
            ._fields["performance"]
            ._description_selection(self.env)
        )
        return {
            "review": {
                "id": self.id,
                "name": self.name,
                "state": self.state,
                "state_label": dict(
                    self._fields["state"]._description_selection(self.env)
                )[self.state],
                "readonly": not can_move,
            },
            "levels": [{"key": key, "label": level_labels[key]} for key, _l in LEVELS],
            "targets": targets,
            "boxes": boxes,
            "cards": cards,
        }

    @api.model
    def _board_columns(self, records, fnames):
        """``{fname: [value of each record, in order]}`` of fields already
        fetched; a many2one as an id (False when empty). One pass per field
        instead of one attribute read per record and field: the board reads
        a dozen fields of thousands of lines."""
        columns = {}
        for fname in fnames:
            field = records._fields[fname]
            if field.type == "many2one":
                # computes what is pending (a target job after a new goal)
                # and fetches what is missing, then the ids as cached
                records.mapped(fname)
                values = [
                    value or False
                    for value in records.env.cache.get_until_miss(records, field)
                ]
                if len(values) < len(records):  # not all fetched: the ORM way
                    values = [record[fname].id for record in records]
            else:
                values = records.mapped(fname)
            columns[fname] = values
        return columns

    # ------------------------------------------------------------ business
    @api.model
    def _is_talent_hr(self):
        return self.env["hr.career.role"]._is_hr_officer()

    def _check_hr(self):
        if not self._is_talent_hr():
            raise AccessError(
                self.env._(
                    "Only HR officers fill, start and close calibration sessions."
                )
            )

    def _check_not_done(self, vals=None):
        """A done session and its lines are read-only (its chatter aside)."""
        if vals is not None and all(
            name.startswith(MAIL_FIELD_PREFIXES) for name in vals
        ):
            return
        # the state, read with the user's rights (HR, or an invited manager
        # moving a line of the session), to refuse the change in words
        done = self.filtered(lambda r: r.state == "done")
        if done:
            raise UserError(
                self.env._(
                    "The calibration session %(session)s is done: its placements are "
                    "locked.",
                    session=done[0].name,
                )
            )

    def _get_population(self):
        """The active employees of the session's company, in its departments
        (sub-departments included) when set, appraised in its review cycle
        when set; everyone of the company when neither is."""
        self.ensure_one()
        domain = [("company_id", "=", self.company_id.id)]
        if self.department_ids:
            domain.append(("department_id", "child_of", self.department_ids.ids))
        if self.cycle_id:
            appraised = self.env["hr.appraisal"]._read_group(
                [("review_cycle_id", "=", self.cycle_id.id)], ["employee_id"]
            )
            domain.append(("id", "in", [employee.id for [employee] in appraised]))
        return self.env["hr.employee"].search(domain, order="id")
