# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from odoo import api, fields, models

from .hr_career_path import TRACKS

# Career map geometry (SVG user units; the viewBox scales it to the screen):
# one column per step (current job, one step, two steps), one band per track.
MAP_NODE_WIDTH = 190
MAP_NODE_HEIGHT = 66
MAP_COLUMN_GAP = 60
MAP_ROW_GAP = 14
MAP_BAND_LABEL = 24
MAP_MARGIN = 12
MAP_STEPS = 2
# Text inside a node: the job's name (bold, at most two lines, cut with "…"
# beyond: the full name is the node's title), then its details (at most three
# lines). Every node of a map gets the height of the tallest, at least
# MAP_NODE_HEIGHT, so that the columns and edges stay aligned.
MAP_PADDING = 10
MAP_NAME_SIZE = 14
MAP_DETAIL_SIZE = 12
MAP_NAME_LINES = 2
MAP_DETAIL_LINES = 3
MAP_LINE_SPACING = 1.3  # line height, in font sizes
MAP_BAR_HEIGHT = 7
# Estimated advance of a character, in font sizes, as wide as DejaVu Sans (the
# widest of the sans-serif fonts a browser may use: Roboto, Helvetica, Arial,
# Liberation Sans are narrower), so that an estimate that fits leaves the
# text inside its box whatever the font.
MAP_CHAR_CLASSES = (
    (frozenset("ijlI!'|.,:;· "), 0.34),
    (frozenset("frt()[]-/"), 0.45),
    (frozenset("mwMW@%&—"), 1.0),
)
MAP_UPPER_WIDTH = 0.8
MAP_OTHER_WIDTH = 0.66
MAP_BOLD_FACTOR = 1.15


def estimate_text_width(text, size, bold=False):
    """The width of ``text`` at font size ``size`` (SVG user units), estimated
    from its characters: the server cannot measure the browser's font."""
    width = 0.0
    for char in text:
        width += next(
            (advance for chars, advance in MAP_CHAR_CLASSES if char in chars),
            MAP_UPPER_WIDTH if char.isupper() else MAP_OTHER_WIDTH,
        )
    return width * size * (MAP_BOLD_FACTOR if bold else 1)


def _cut_to_width(text, size, bold, width):
    """``text`` cut with "…" to fit ``width`` (unchanged when it fits)."""
    if estimate_text_width(text, size, bold) <= width:
        return text
    while text and estimate_text_width(text + "…", size, bold) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def wrap_text(parts, size, bold, width, max_lines, separator=" "):
    """Lines of at most ``width`` made of ``parts`` (words, or phrases joined
    by ``separator``), at most ``max_lines``: a part too long for a line, or
    what does not fit in the last line, is cut with "…"."""
    lines = []
    for part in parts:
        candidate = f"{lines[-1]}{separator}{part}" if lines else part
        if lines and estimate_text_width(candidate, size, bold) <= width:
            lines[-1] = candidate
        elif len(lines) < max_lines:
            lines.append(part)
        else:
            lines[-1] = candidate  # cut below
            break
    return [_cut_to_width(line, size, bold, width) for line in lines]


class HrJob(models.Model):
    _inherit = "hr.job"

    competency_ids = fields.One2many(
        "hr.job.competency", "job_id", string="Competencies"
    )
    next_path_ids = fields.One2many(
        "hr.career.path", "from_job_id", string="Next Steps"
    )
    previous_path_ids = fields.One2many(
        "hr.career.path", "to_job_id", string="Comes From"
    )
    competency_count = fields.Integer(compute="_compute_competency_count")
    career_map_html = fields.Html(
        string="Career Map",
        compute="_compute_career_map_html",
        sanitize=False,  # rendered by QWeb, which escapes every value
    )

    @api.depends("competency_ids")
    def _compute_competency_count(self):
        counts = dict(
            self.env["hr.job.competency"]._read_group(
                [("job_id", "in", self.ids)], ["job_id"], ["__count"]
            )
        )
        for job in self:
            job.competency_count = counts.get(job, 0)

    def _compute_career_map_html(self):
        qweb = self.env["ir.qweb"]
        for job in self:
            job.career_map_html = qweb._render(
                "hr_career_dev.career_map", {"career_map": job._get_career_map()}
            )

    def _get_career_map(self, employee=None, target_job=None, url=None):
        """The layout of the career map of this job, for the QWeb template
        ``hr_career_dev.career_map``: the job, the jobs one and two career
        steps away (columns), grouped by the track of the step that reaches
        them (bands), and the steps between them (edges).

        With ``employee``, each node carries the employee's readiness and
        months to ready (``hr.succession.candidate._get_readiness_rows``, the
        fit arithmetic of the gap view) and ``target_job`` is highlighted with
        the steps leading to it. ``url(job, step)`` links the nodes (None: no
        link).
        Jobs of a company other than the job's (or the employee's) never
        appear; a step between two jobs of the same column is not drawn. A
        bounded number of queries whatever the number of jobs: the paths and
        their jobs per step, one for the readiness."""
        self.ensure_one()
        company = (employee.company_id if employee else None) or self.company_id
        allowed = {False, company.id} if company else {False}

        # reach[job] = (step, track, path) of the first path reaching it
        reach = {self: (0, None, None)}
        steps = []  # (path, step)
        frontier = self
        for step in range(1, MAP_STEPS + 1):
            paths = frontier.next_path_ids
            # the active jobs of the company that the user may read: a job of
            # another company is left out, never read (an access error)
            shown = self.env["hr.job"].search_fetch(
                [
                    ("id", "in", paths.to_job_id.ids),
                    ("company_id", "in", list(allowed)),
                ],
                ["name", "company_id"],
            )
            paths = paths.filtered(lambda p, shown=shown: p.to_job_id in shown).sorted(
                lambda p: (p.track, p.sequence, p.id)
            )
            for path in paths:
                known = reach.get(path.to_job_id)
                if known is None:
                    reach[path.to_job_id] = (step, path.track, path)
                    steps.append((path, step))
                elif known[0] == step:
                    steps.append((path, step))
            frontier = paths.to_job_id.filtered(lambda j, s=step: reach[j][0] == s)

        readiness = {}
        if employee:
            jobs = self.browse([j.id for j in reach if j != employee.job_id])
            readiness = {
                row["job_id"]: row
                for row in self.env["hr.succession.candidate"]._get_readiness_rows(
                    jobs, employee_ids=[employee.id]
                )
            }

        months = self._career_map_months(steps, readiness)

        # the text of each node decides the height of them all
        texts = {
            job: self._career_map_node_text(
                job,
                step,
                path,
                employee=employee,
                is_target=job == target_job and bool(step),
                readiness=readiness.get(job.id, {}).get("readiness"),
                months=months.get(job.id),
            )
            for job, (step, _track, path) in reach.items()
        }
        node_height = max(
            [MAP_NODE_HEIGHT] + [text["height"] for text in texts.values()]
        )

        # bands: one per track with a job, in the order of TRACKS; in each band
        # the jobs of a column are stacked in the order of their paths
        track_labels = dict(
            self.env["hr.career.path"]._fields["track"]._description_selection(self.env)
        )
        slots = {}  # (track, step) -> [job]
        for job, (step, track, _path) in reach.items():
            if step:
                slots.setdefault((track, step), []).append(job)
        bands = []
        position = {}
        y = MAP_MARGIN
        for track, _label in TRACKS:
            rows = max(
                (len(slots.get((track, s), [])) for s in range(1, MAP_STEPS + 1)),
                default=0,
            )
            if not rows:
                continue
            height = MAP_BAND_LABEL + rows * (node_height + MAP_ROW_GAP)
            bands.append(
                {"label": track_labels.get(track, track), "y": y, "height": height}
            )
            for step in range(1, MAP_STEPS + 1):
                for index, job in enumerate(slots.get((track, step), [])):
                    position[job] = (
                        self._career_map_x(step),
                        y + MAP_BAND_LABEL + index * (node_height + MAP_ROW_GAP),
                    )
            y += height
        height = max(y, MAP_MARGIN + node_height) + MAP_MARGIN
        position[self] = (
            self._career_map_x(0),
            max(MAP_MARGIN, (height - node_height) / 2),
        )

        # the steps leading to the target: the target's own path and, for a
        # job two steps away, the paths reaching the job it comes from
        into_target = {p for p, _s in steps if p.to_job_id == target_job}
        via = {p.from_job_id for p in into_target}
        target_route = into_target | {p for p, _s in steps if p.to_job_id in via}
        edges = []
        for path, _step in steps:
            x1, y1 = position[path.from_job_id]
            x2, y2 = position[path.to_job_id]
            x1 += MAP_NODE_WIDTH
            y1 += node_height / 2
            y2 += node_height / 2
            middle = (x1 + x2) / 2
            edges.append(
                {
                    "path": path,
                    "from_job": path.from_job_id,
                    "to_job": path.to_job_id,
                    "d": f"M {x1:g} {y1:g} C {middle:g} {y1:g}, {middle:g} "
                    f"{y2:g}, {x2 - 6:g} {y2:g}",
                    "is_target": path in target_route,
                }
            )
        nodes = []
        for job, (step, track, path) in reach.items():
            x, y = position[job]
            row = readiness.get(job.id)
            text = texts[job]
            nodes.append(
                {
                    "job": job,
                    "step": step,
                    "track": track,
                    "x": x,
                    "y": y,
                    "width": MAP_NODE_WIDTH,
                    "height": node_height,
                    "label": " ".join(text["name_lines"]),
                    "lines": [
                        dict(line, x=x + MAP_PADDING, y=round(y + line["dy"], 1))
                        for line in text["lines"]
                    ],
                    "bar_y": round(y + text["bar_dy"], 1) if row else None,
                    "typical_months": path.typical_months if path else None,
                    "readiness": row["readiness"] if row else None,
                    "months_to_ready": months.get(job.id),
                    "bar_width": round(
                        (MAP_NODE_WIDTH - 2 * MAP_PADDING)
                        * (row["readiness"] if row else 0)
                        / 100
                    ),
                    "is_current": not step,
                    "is_target": job == target_job and bool(step),
                    "url": url(job, step) if url and step else None,
                }
            )
        return {
            "job": self,
            "employee": employee,
            "nodes": nodes,
            "edges": edges,
            "bands": bands,
            "width": self._career_map_x(MAP_STEPS) + MAP_NODE_WIDTH + MAP_MARGIN,
            "height": height,
            "node_width": MAP_NODE_WIDTH,
            "node_height": node_height,
            "bar_max": MAP_NODE_WIDTH - 2 * MAP_PADDING,
            "target_job": target_job,
            "target_off_map": bool(target_job) and target_job not in reach,
        }

    @api.model
    def _career_map_months(self, steps, readiness):
        """{job id: months to ready} of the map's nodes. A job two steps away
        is reached through the job one step away: its estimate is at least the
        first step's estimate plus the second step's (the months of the second
        path for the employee's gaps in the job, as for a direct step), by the
        quickest of its routes; never less than its own direct estimate."""
        Candidate = self.env["hr.succession.candidate"]
        months = {job_id: row["months_to_ready"] for job_id, row in readiness.items()}
        routes = {}
        for path, step in steps:
            row = readiness.get(path.to_job_id.id)
            first = readiness.get(path.from_job_id.id)
            if step != 2 or not row or not first:
                continue
            second = Candidate._months_to_ready(
                row["weighted_gap"],
                row["weighted_required"],
                path.typical_months,
                row["open_action_count"],
            )
            total = first["months_to_ready"] + second
            routes[row["job_id"]] = min(routes.get(row["job_id"], total), total)
        for job_id, total in routes.items():
            months[job_id] = max(months[job_id], total)
        return months

    def _career_map_node_text(
        self, job, step, path, employee, is_target, readiness, months
    ):
        """The lines of text of one node of the career map, wrapped to the
        node's width: ``{'name_lines', 'lines': [{'text', 'size', 'bold',
        'dy' (baseline below the node's top), 'width' (estimated)}], 'bar_dy',
        'height' (what the text and the readiness bar need)}``."""
        if not step:
            details = [
                self.env._("My job today") if employee else self.env._("This job")
            ]
        elif readiness is not None:
            details = [self.env._("My target")] if is_target else []
            details.append(self.env._("Ready %(readiness)s %%", readiness=readiness))
            details.append(
                self.env._("in %(months)s months", months=months)
                if months
                else self.env._("ready now")
            )
        else:
            details = [self.env._("Target")] if is_target else []
            details.append(
                self.env._("Next step") if step == 1 else self.env._("Two steps away")
            )
            if path and path.typical_months:
                details.append(
                    self.env._("after %(months)s months", months=path.typical_months)
                )
        width = MAP_NODE_WIDTH - 2 * MAP_PADDING
        name_lines = wrap_text(
            (job.name or "").split(), MAP_NAME_SIZE, True, width, MAP_NAME_LINES
        )
        detail_lines = wrap_text(
            details, MAP_DETAIL_SIZE, False, width, MAP_DETAIL_LINES, " · "
        )
        lines = []
        cursor = 8  # top margin inside the box
        for texts, size, bold in (
            (name_lines, MAP_NAME_SIZE, True),
            (detail_lines, MAP_DETAIL_SIZE, False),
        ):
            for text in texts:
                lines.append(
                    {
                        "text": text,
                        "size": size,
                        "bold": bold,
                        "dy": round(cursor + 0.9 * size, 1),
                        "width": estimate_text_width(text, size, bold),
                    }
                )
                cursor += MAP_LINE_SPACING * size
        bar_dy = cursor + 2
        if readiness is not None:
            cursor = bar_dy + MAP_BAR_HEIGHT
        return {
            "name_lines": name_lines,
            "lines": lines,
            "bar_dy": bar_dy,
            "height": math.ceil(cursor + 8),
        }

    @api.model
    def _career_map_x(self, step):
        return MAP_MARGIN + step * (MAP_NODE_WIDTH + MAP_COLUMN_GAP)

    def _get_succession_candidates(self):
        """See hr.succession.candidate._get_candidates."""
        return self.env["hr.succession.candidate"]._get_candidates(self)

    def action_open_succession_candidates(self):
        self.ensure_one()
        return self.env["hr.succession.candidate"]._action_open_for_job(self)
