# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

from ..models.hr_career_goal import OPEN_GOAL_STATES
from .portal import CareerPortal


class CareerPathsPortal(CareerPortal):
    """/my/career/paths: where the logged-in employee's career can lead."""

    # ------------------------------------------------------------ helpers
    def _career_next_paths(self, employee):
        """The career steps from the employee's current job (read with sudo:
        ``employee`` is the logged-in user's own, from _career_employee); a
        job moved to another company since is not one."""
        return employee.job_id.next_path_ids.filtered(
            lambda p: not p.to_job_id.company_id
            or p.to_job_id.company_id == employee.company_id
        )

    def _career_next_path(self, employee, job_id):
        path = self._career_next_paths(employee).filtered(
            lambda p: p.to_job_id.id == job_id
        )
        if not employee or not path:
            raise NotFound()  # not a next step of the user's own path
        return path[:1]

    def _career_paths_values(self, employee, paths):
        jobs = paths.to_job_id
        # the user's own readiness, read through their employee (the
        # lookup of _career_employee), as the job and skills above
        readiness = {
            row["job_id"]: row
            for row in employee.env["hr.succession.candidate"]._get_readiness_rows(
                jobs, employee_ids=[employee.id]
            )
        }
        missing_skill_ids = {
            skill_id
            for row in readiness.values()
            for skill_id in row["missing_skill_ids"]
        }
        # courses teaching a missing skill, among those the user may see
        mappings = request.env["slide.channel.skill"].search(
            [("skill_id", "in", list(missing_skill_ids))]
        )
        visible = request.env["slide.channel"].search(
            [("id", "in", mappings.channel_id.ids), ("is_published", "=", True)]
        )
        mappings = mappings.filtered(lambda m: m.channel_id in visible)
        levels = {s.skill_id: s.skill_level_id for s in employee.employee_skill_ids}
        track_labels = dict(paths._fields["track"]._description_selection(request.env))
        by_track = defaultdict(list)
        for path in paths.sorted(lambda p: (p.track, p.sequence, p.id)):
            job = path.to_job_id
            row = readiness.get(job.id)
            competencies = {c.skill_id.id: c for c in job.competency_ids}
            missing = []
            for skill_id in row["missing_skill_ids"] if row else []:
                competency = competencies[skill_id]
                required = competency.required_level_id.level_progress
                missing.append(
                    {
                        "skill": competency.skill_id,
                        "importance": competency.importance,
                        "current": levels.get(competency.skill_id).level_progress
                        if competency.skill_id in levels
                        else 0,
                        "required": required,
                        "courses": mappings.filtered(
                            lambda m, s=skill_id, r=required: m.skill_id.id == s
                            and m.level_id.level_progress >= r
                        ).channel_id,
                    }
                )
            by_track[path.track].append(
                {
                    "path": path,
                    "job": job,
                    "readiness": row["readiness"] if row else None,
                    "months_to_ready": row["months_to_ready"] if row else None,
                    "missing": missing,
                    "is_target": employee.target_job_id == job,
                }
            )
        return {
            "page_name": "career_paths",
            "employee": employee,
            "tracks": [
                (track_labels.get(track, track), entries)
                for track, entries in by_track.items()
            ],
        }

    def _career_map(self, employee):
        """The map of the employee's current job (read with sudo: ``employee``
        is the logged-in user's own); the next steps link to their page."""
        if not employee.job_id:
            return None
        return employee.job_id._get_career_map(
            employee=employee,
            target_job=employee.target_job_id,
            url=lambda job, step: f"/my/career/paths/{job.id}" if step == 1 else None,
        )

    # ------------------------------------------------------------ routes
    @http.route("/my/career/paths", type="http", auth="user", website=True)
    def portal_my_career_paths(self, message=None, **kw):
        employee = self._career_employee()
        if not employee:
            return request.render(
                "hr_career_dev.portal_my_career_no_employee", {"page_name": "career"}
            )
        paths = self._career_next_paths(employee)
        values = self._career_paths_values(employee, paths)
        values["message"] = message
        values["career_map"] = self._career_map(employee)
        # a target that is not one step away is still shown, and said so
        target = employee.target_job_id
        values["target_elsewhere"] = target if target not in paths.to_job_id else None
        values["target_readiness"] = employee.target_job_readiness
        return request.render("hr_career_dev.portal_my_career_paths", values)

    @http.route("/my/career/paths/<int:job_id>", type="http", auth="user", website=True)
    def portal_my_career_path(self, job_id, **kw):
        employee = self._career_employee()
        path = self._career_next_path(employee, job_id)
        values = self._career_paths_values(employee, path)
        return request.render("hr_career_dev.portal_my_career_paths", values)

    @http.route(
        "/my/career/paths/<int:job_id>/target",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_career_path_target(self, job_id, **post):
        """Make a next job my target: my open long-term goal aiming at it
        becomes the main target, or a new long-term goal is created for it.
        Another long-term goal is never rewritten (its title and progress
        are about its own job): it stays, no longer the target."""
        employee = self._career_employee()
        path = self._career_next_path(employee, job_id)
        # as the user: the rules and the field policy say they create and
        # write their own goals
        Goal = request.env["hr.career.goal"]
        goal = Goal.search(
            [
                ("employee_id", "=", employee.id),
                ("horizon", "=", "long"),
                ("state", "in", OPEN_GOAL_STATES),
                ("target_job_id", "=", path.to_job_id.id),
            ],
            order="id desc",
            limit=1,
        )
        if not goal:
            goal = Goal.create(
                {
                    "employee_id": employee.id,
                    "name": request.env._("Become %(job)s", job=path.to_job_id.name),
                    "horizon": "long",
                    "target_job_id": path.to_job_id.id,
                    "state": "in_progress",
                }
            )
        goal.action_make_main_target()
        return request.redirect("/my/career/paths?message=target")
