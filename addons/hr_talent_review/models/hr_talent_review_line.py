# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# Performance and potential levels, lowest first: their index is the
# coordinate of the 9-box grid (box = 3 * potential + performance + 1).
LEVELS = [("low", "Low"), ("medium", "Medium"), ("high", "High")]
LEVEL_INDEX = {key: index for index, (key, _label) in enumerate(LEVELS)}
# box -> name, 1 = low performance and low potential, 9 = high and high
BOX_NAMES = {
    1: "Talent Risk",
    2: "Effective Performer",
    3: "Trusted Professional",
    4: "Inconsistent Player",
    5: "Core Player",
    6: "High Performer",
    7: "Rough Diamond",
    8: "Future Star",
    9: "Consistent Star",
}
BOX_SELECTION = [(str(box), f"{box} {name}") for box, name in BOX_NAMES.items()]
# What a manager may write on a line of their organisation: a move.
MOVE_FIELDS = frozenset({"performance", "potential", "reason"})
MAIL_FIELD_PREFIXES = ("message_", "activity_", "website_message_")


def box_of(performance, potential):
    """The 9-box number of a (performance, potential) pair, 0 when either is
    missing."""
    if performance not in LEVEL_INDEX or potential not in LEVEL_INDEX:
        return 0
    return 3 * LEVEL_INDEX[potential] + LEVEL_INDEX[performance] + 1


class HrTalentReviewLine(models.Model):
    """One employee on the board of a calibration session."""

    _name = "hr.talent.review.line"
    _description = "Calibration session placement"
    # the chatter of a line holds its moves and their reasons: read by whoever
    # reads the line (HR, and the person's managers invited to the session)
    _inherit = ["mail.thread", "hr.career.policy.mixin"]
    _order = "review_id, box desc, employee_id"
    _rec_name = "employee_id"
    # the managers invited to the session (the calibrators) move placements,
    # with a reason; the rest is HR's (hr.career.policy.mixin)
    _career_policy = {"calibrator": {"create": frozenset(), "write": MOVE_FIELDS}}
    # _move() keeps the previous box
    _career_policy_derived = {
        "performance": {"moved", "previous_box"},
        "potential": {"moved", "previous_box"},
    }

    review_id = fields.Many2one(
        "hr.talent.review", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="review_id.company_id", store=True, index=True)
    review_state = fields.Selection(related="review_id.state", string="Session State")
    employee_id = fields.Many2one("hr.employee", required=True, index=True)
    department_id = fields.Many2one(
        "hr.department",
        readonly=True,
        help="The employee's department when the line was made.",
    )
    appraisal_id = fields.Many2one(
        "hr.appraisal",
        readonly=True,
        ondelete="set null",
        help="The appraisal whose rating and potential placed the employee.",
    )
    performance = fields.Selection(LEVELS, required=True)
    potential = fields.Selection(LEVELS, required=True)
    box = fields.Integer(
        compute="_compute_box",
        store=True,
        aggregator=False,
        help="1 = low performance and low potential, 9 = high and high.",
    )
    box_name = fields.Selection(
        BOX_SELECTION, string="Placement", compute="_compute_box", store=True
    )
    previous_box = fields.Integer(
        readonly=True,
        aggregator=False,
        help="The box before the last move made in the session.",
    )
    last_box = fields.Integer(
        string="Last Session Box",
        readonly=True,
        aggregator=False,
        help="The employee's placement when the session was filled (the last "
        "closed session), 0 when they had none.",
    )
    previous_box_name = fields.Selection(
        BOX_SELECTION,
        string="Moved From",
        compute="_compute_box_names",
        help="The box before the last move made in the session (empty when "
        "the placement was not moved).",
    )
    last_box_name = fields.Selection(
        BOX_SELECTION,
        string="Last Session Placement",
        compute="_compute_box_names",
        help="The employee's placement by the last closed session, empty when "
        "they had none.",
    )
    reason = fields.Text(help="Why the placement was moved by hand (required then).")
    moved = fields.Boolean(readonly=True)

    _sql_constraints = [
        (
            "employee_unique",
            "UNIQUE(review_id, employee_id)",
            "An employee appears once on the board of a session.",
        ),
    ]

    @api.depends("performance", "potential")
    def _compute_box(self):
        for line in self:
            line.box = box_of(line.performance, line.potential)
            line.box_name = str(line.box) if line.box else False

    @api.depends("previous_box", "last_box")
    def _compute_box_names(self):
        # box 0 means "none": no name rather than a "box 0"
        for line in self:
            line.previous_box_name = (
                str(line.previous_box) if line.previous_box else False
            )
            line.last_box_name = str(line.last_box) if line.last_box else False

    # ------------------------------------------------------------ constraints
    @api.constrains("review_id", "employee_id")
    def _check_population(self):
        """Every line is an employee of its session's population: one
        population search per session."""
        for review in self.review_id:
            # the population, read by the HR officer who fills the board
            # (only HR sets a line's session and employee: field policy)
            population = review._get_population()
            outside = self.filtered(
                lambda line, r=review, p=population: line.review_id == r
                and line.employee_id not in p
            )
            if outside:
                raise ValidationError(
                    self.env._(
                        "Not in the population of the session %(session)s (its "
                        "company, departments and review cycle): %(employees)s.",
                        session=review.name,
                        # the lines' employees were read above (the filter):
                        # their public profiles' names
                        employees=", ".join(outside.employee_id.mapped("name")),
                    )
                )

    # ------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        reviews = self.env["hr.talent.review"].browse(
            {vals.get("review_id") for vals in vals_list if vals.get("review_id")}
        )
        reviews._check_not_done()
        self._check_not_on_board(vals_list)
        return super().create(vals_list)

    def _check_not_on_board(self, vals_list, exclude=()):
        """Refuse, before the database does, an employee twice on a board."""
        pairs = [(vals.get("review_id"), vals.get("employee_id")) for vals in vals_list]
        # lines are added and given an employee by HR (access rows, field
        # policy), who read every line of the session
        existing = self.search(
            [
                ("review_id", "in", [review for review, _e in pairs]),
                ("employee_id", "in", [employee for _r, employee in pairs]),
                ("id", "not in", list(exclude)),
            ]
        )
        seen = {(line.review_id.id, line.employee_id.id) for line in existing}
        for pair in pairs:
            if pair in seen:
                raise ValidationError(
                    self.env._(
                        "%(employee)s is already on the board of %(session)s.",
                        # the name, from the employee's public profile
                        employee=self.env["hr.employee.public"].browse(pair[1]).name,
                        session=self.env["hr.talent.review"].browse(pair[0]).name,
                    )
                )
            seen.add(pair)

    def write(self, vals):
        self.review_id._check_not_done(vals)
        # who sets what, before the move's own checks (their messages would
        # tell a stranger about the line)
        self._career_policy_check("write", [vals])
        self.check_access("write")
        if "employee_id" in vals or "review_id" in vals:
            self._check_not_on_board(
                [
                    {
                        "review_id": vals.get("review_id", line.review_id.id),
                        "employee_id": vals.get("employee_id", line.employee_id.id),
                    }
                    for line in self
                ],
                exclude=self.ids,
            )
        if "performance" not in vals and "potential" not in vals:
            return super().write(vals)
        return self._move(vals)

    def unlink(self):
        self.review_id._check_not_done()
        return super().unlink()

    # ------------------------------------------------------------ moves
    def move_to(self, performance=None, potential=None, reason=None):
        """Move these placements (the board's drag and drop and Move button):
        new performance and/or potential, with the reason; the previous box is
        kept and the move is logged in the session's chatter."""
        vals = {"reason": reason}
        if performance:
            vals["performance"] = performance
        if potential:
            vals["potential"] = potential
        for name in ("performance", "potential"):
            if name in vals and vals[name] not in LEVEL_INDEX:
                raise ValidationError(
                    self.env._(
                        "“%(value)s” is not a level of the grid: choose low, "
                        "medium or high.",
                        value=vals[name],
                    )
                )
        if len(vals) == 1:
            raise ValidationError(
                self.env._("Choose the new performance or potential of the move.")
            )
        return self.write(vals)

    def _move(self, vals):
        reason = (vals.get("reason") or "").strip()
        if not reason:
            raise ValidationError(
                self.env._(
                    "Say why the placement of %(employees)s is moved: a reason is "
                    "required.",
                    # the names, from the employees' public profiles
                    employees=", ".join(
                        self.env["hr.employee.public"]
                        .browse(self.employee_id.ids)
                        .mapped("name")
                    ),
                )
            )
        not_calibrating = self.review_id.filtered(lambda r: r.state != "calibrating")
        if not_calibrating:
            raise UserError(
                self.env._(
                    "The session %(session)s is not calibrating: start calibrating "
                    "before moving placements.",
                    session=not_calibrating[0].name,
                )
            )
        # the rights of the write are checked before anything is changed
        self.check_access("write")
        before = {line.id: line.box for line in self}
        by_box = defaultdict(lambda: self.browse())
        for line in self:
            by_box[line.box] |= line
        for box, lines in by_box.items():
            super(HrTalentReviewLine, lines).write(
                dict(vals, reason=reason, moved=True, previous_box=box)
            )
        # sudo: the move was allowed (write access checked above): its notes
        # go to the lines' log, authored by the user who moved, and the
        # appraisals' ratings follow the calibration's decision
        moved = self.sudo()
        moved._log_moves(before, reason)
        if "performance" in vals:
            moved._write_back_ratings(reason)
        return True

    def _write_back_ratings(self, reason):
        """Calibration writes back: the rating of each moved line's appraisal
        follows its new performance (the step of the company's scale of that
        performance nearest to the current rating), the move's reason kept as
        the justification (hidden from the employee until the release, as the
        rating: no note on the appraisal's chatter, the reason is logged on
        the line). One write per rating. Called by _move, with the
        privilege of the move it allowed."""
        lines = self.filtered("appraisal_id")
        # the rating scale, which every employee reads
        Rating = self.env["hr.performance.rating"]
        scales = {company: Rating._scale_for(company) for company in lines.company_id}
        # the appraisals of the lines above, in their environment (_move's)
        targets = defaultdict(lambda: lines.appraisal_id.browse())
        for line in lines:
            appraisal = line.appraisal_id
            current = appraisal.rating_id
            if current.talent_performance == line.performance:
                continue
            scale = list(scales.get(appraisal.company_id, Rating))
            candidates = [r for r in scale if r.talent_performance == line.performance]
            if not candidates:
                continue
            position = scale.index(current) if current in scale else 0
            target = min(candidates, key=lambda r: abs(scale.index(r) - position))
            targets[target] |= appraisal
        for rating, appraisals in targets.items():
            appraisals.write(
                {
                    "rating_id": rating.id,
                    "rating_justification": self.env._(
                        "Moved in the calibration session: %(reason)s", reason=reason
                    ),
                }
            )

    def _career_policy_roles(self):
        """A manager invited to the session calibrates (the record rules keep
        the lines to the people of their organisation)."""
        roles = super()._career_policy_roles()
        # the lines of sessions the user is invited to, found with the user's
        # rights: an invited manager reads the session and the lines of their
        # organisation (record rules); the others are no one's to move
        if not self.browse().has_access("read"):
            # no access row (portal users): no line to calibrate
            return roles
        invited = self.search(
            [("id", "in", self.ids), ("review_id.manager_ids", "in", self.env.uid)]
        )
        for line_id in invited.ids:
            roles[line_id].add("calibrator")
        return roles

    def _log_moves(self, before, reason):
        """One note per line in its own chatter (read by HR and the person's
        managers invited to the session), with the reason; the session's
        chatter, which every invited manager reads, only counts the moves.
        Called by _move, with the privilege of the move it allowed."""
        lines = self
        lines._message_log_batch(
            {
                line.id: Markup("<p>%s</p><p>%s</p><p>%s</p>")
                % (
                    self.env._("Placement moved by %(user)s", user=self.env.user.name),
                    self.env._(
                        "%(employee)s: %(old)s → %(new)s",
                        employee=line.employee_id.name,
                        old=self._box_label(before[line.id]),
                        new=self._box_label(line.box),
                    ),
                    self.env._("Reason: %(reason)s", reason=reason),
                )
                for line in lines
            },
            author_id=self.env.user.partner_id.id,
        )
        for review in lines.review_id:
            count = len(lines.filtered(lambda line, r=review: line.review_id == r))
            # sudo: the count of the moves only, no name nor reason
            review.message_post(
                body=self.env._(
                    "%(user)s moved %(count)s placement(s); the reasons are on "
                    "the placements.",
                    user=self.env.user.name,
                    count=count,
                ),
                author_id=self.env.user.partner_id.id,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )

    def _box_label(self, box):
        if not box:
            return self.env._("no box")
        names = dict(self._fields["box_name"]._description_selection(self.env))
        return self.env._("box %(name)s", name=names[str(box)])
