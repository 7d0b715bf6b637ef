# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
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
MAP_NAME_LENGTH = 24  # longer job names are cut (the full name is the node's title)
MAP_STEPS = 2


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

        def allowed_job(job):
            return job.company_id.id in allowed and job.active

        # reach[job] = (step, track, path) of the first path reaching it
        reach = {self: (0, None, None)}
        steps = []  # (path, step)
        frontier = self
        for step in range(1, MAP_STEPS + 1):
            paths = frontier.next_path_ids.filtered(
                lambda p: allowed_job(p.to_job_id)
            ).sorted(lambda p: (p.track, p.sequence, p.id))
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
            height = MAP_BAND_LABEL + rows * (MAP_NODE_HEIGHT + MAP_ROW_GAP)
            bands.append(
                {"label": track_labels.get(track, track), "y": y, "height": height}
            )
            for step in range(1, MAP_STEPS + 1):
                for index, job in enumerate(slots.get((track, step), [])):
                    position[job] = (
                        self._career_map_x(step),
                        y + MAP_BAND_LABEL + index * (MAP_NODE_HEIGHT + MAP_ROW_GAP),
                    )
            y += height
        height = max(y, MAP_MARGIN + MAP_NODE_HEIGHT) + MAP_MARGIN
        position[self] = (
            self._career_map_x(0),
            max(MAP_MARGIN, (height - MAP_NODE_HEIGHT) / 2),
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
            y1 += MAP_NODE_HEIGHT / 2
            y2 += MAP_NODE_HEIGHT / 2
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
            name = job.name or ""
            nodes.append(
                {
                    "job": job,
                    "step": step,
                    "track": track,
                    "x": x,
                    "y": y,
                    "label": name
                    if len(name) <= MAP_NAME_LENGTH
                    else name[: MAP_NAME_LENGTH - 1] + "…",
                    "typical_months": path.typical_months if path else None,
                    "readiness": row["readiness"] if row else None,
                    "months_to_ready": row["months_to_ready"] if row else None,
                    "bar_width": round(
                        (MAP_NODE_WIDTH - 20) * (row["readiness"] if row else 0) / 100
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
            "node_height": MAP_NODE_HEIGHT,
            "bar_max": MAP_NODE_WIDTH - 20,
            "target_job": target_job,
            "target_off_map": bool(target_job) and target_job not in reach,
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
