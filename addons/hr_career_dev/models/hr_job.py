# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .hr_career_path import TRACKS

# The career map shows the job and the jobs one and two career steps away.
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
    career_map_data = fields.Json(
        string="Career Map",
        compute="_compute_career_map_data",
        exportable=False,
        help="Drawn by the career_map widget (static/src/career_map).",
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

    def _compute_career_map_data(self):
        for job in self:
            job.career_map_data = job._get_career_map() if job.id else False

    def _get_career_map(self, employee=None, target_job=None, url=None):
        """The career map of this job as plain data (JSON), drawn by the
        ``CareerMap`` OWL component (static/src/career_map) in the job form
        and on /my/career/paths: the job, the jobs one and two career steps
        away, grouped by the track of the step that reaches them, and the
        steps between them. Where each box goes and how its text wraps is the
        component's business (CSS grid, measured by the browser).

        ``{'job': {id, name}, 'has_employee', 'bands': [{track, label}],
        'nodes': [{id, name, step, track, is_current, is_target, readiness,
        months_to_ready, typical_months, url}], 'edges': [{from_id, to_id,
        is_target}], 'target': {id, name} | False, 'target_off_map'}``.

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

        # one band per track with a job, in the order of TRACKS
        track_labels = dict(
            self.env["hr.career.path"]._fields["track"]._description_selection(self.env)
        )
        used = {track for step, track, _path in reach.values() if step}
        bands = [
            {"track": track, "label": track_labels.get(track, track)}
            for track, _label in TRACKS
            if track in used
        ]

        # the steps leading to the target: the target's own path and, for a
        # job two steps away, the paths reaching the job it comes from
        into_target = {p for p, _s in steps if p.to_job_id == target_job}
        via = {p.from_job_id for p in into_target}
        target_route = into_target | {p for p, _s in steps if p.to_job_id in via}
        edges = [
            {
                "from_id": path.from_job_id.id,
                "to_id": path.to_job_id.id,
                "is_target": path in target_route,
            }
            for path, _step in steps
        ]
        nodes = []
        for job, (step, track, path) in reach.items():
            row = readiness.get(job.id)
            nodes.append(
                {
                    "id": job.id,
                    "name": job.name or "",
                    "step": step,
                    "track": track or False,
                    "is_current": not step,
                    "is_target": job == target_job and bool(step),
                    "readiness": row["readiness"] if row else None,
                    "months_to_ready": months.get(job.id) if row else None,
                    "typical_months": path.typical_months if path else None,
                    "url": (url(job, step) if url and step else None) or False,
                }
            )
        return {
            "job": {"id": self.id, "name": self.name or ""},
            "has_employee": bool(employee),
            "nodes": nodes,
            "edges": edges,
            "bands": bands,
            "target": {"id": target_job.id, "name": target_job.name}
            if target_job
            else False,
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

    def _get_succession_candidates(self):
        """See hr.succession.candidate._get_candidates."""
        return self.env["hr.succession.candidate"]._get_candidates(self)

    def action_open_succession_candidates(self):
        self.ensure_one()
        return self.env["hr.succession.candidate"]._action_open_for_job(self)
