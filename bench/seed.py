"""Seed a company-scale data set into a database with the three addons.

Reference data (departments, skill types and levels, skills, jobs with their
competencies, career paths, courses with their skills and one lesson each) and
the employees are created with batched ORM ``create(list)``; the big tables
(``hr_employee_skill``, ``hr_career_goal``) are inserted with SQL
(``execute_values``), and the stored fields the ORM would have computed for
them (``hr.employee.target_job_id``, ``hr.career.goal.company_id`` /
``department_id`` / ``state_sequence``) are written with SQL too, set-based:
nothing is recomputed row by row.
"""

import random
import sys
import time

from psycopg2.extras import execute_values

N_DEPARTMENTS = 20
N_SKILL_TYPES = 10
SKILLS_PER_TYPE = 30  # 300 skills
LEVELS = [("Beginner", 20), ("Elementary", 40), ("Intermediate", 60)]
LEVELS += [("Advanced", 80), ("Expert", 100)]
N_JOBS = 60
COMPETENCIES_PER_JOB = 15
N_COURSES = 400
SKILLS_PER_EMPLOYEE = 8
LONG_GOAL_SHARE = 0.2
IMPORTANCES = ["critical"] * 3 + ["important"] * 5 + ["nice"] * 2

QUIET = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "no_reset_password": True,
}


def progress(label, done, total, start):
    width = 30
    filled = int(width * done / total) if total else width
    bar = "#" * filled + "." * (width - filled)
    sys.stdout.write(
        f"\r  {label:<22} [{bar}] {done:>6}/{total:<6} {time.time() - start:6.1f}s"
    )
    if done >= total:
        sys.stdout.write("\n")
    sys.stdout.flush()


def seed_reference(env, rng):
    """Departments, skills, jobs, competencies, career paths, courses."""
    start = time.time()
    env = env(context=dict(env.context, **QUIET))
    company = env.company
    departments = env["hr.department"].create(
        [{"name": f"Bench department {i:02d}"} for i in range(N_DEPARTMENTS)]
    )
    types = env["hr.skill.type"].create(
        [
            {
                "name": f"Bench skill type {t:02d}",
                "skill_level_ids": [
                    (0, 0, {"name": name, "level_progress": prog})
                    for name, prog in LEVELS
                ],
                "skill_ids": [
                    (0, 0, {"name": f"Skill {t:02d}-{s:02d}", "sequence": s})
                    for s in range(SKILLS_PER_TYPE)
                ],
            }
            for t in range(N_SKILL_TYPES)
        ]
    )
    skills = types.skill_ids
    levels_by_type = {
        t.id: t.skill_level_ids.sorted("level_progress").ids for t in types
    }
    skill_type = {s.id: s.skill_type_id.id for s in skills}
    progress("skills", 1, 1, start)

    jobs_vals = []
    for j in range(N_JOBS):
        picked = rng.sample(skills.ids, COMPETENCIES_PER_JOB)
        jobs_vals.append(
            {
                "name": f"Bench job {j:02d}",
                "company_id": company.id,
                "competency_ids": [
                    (
                        0,
                        0,
                        {
                            "skill_id": sid,
                            "skill_type_id": skill_type[sid],
                            "required_level_id": rng.choice(
                                levels_by_type[skill_type[sid]][1:]
                            ),
                            "importance": rng.choice(IMPORTANCES),
                        },
                    )
                    for sid in picked
                ],
            }
        )
    jobs = env["hr.job"].create(jobs_vals)
    env["hr.career.path"].create(
        [
            {
                "from_job_id": jobs[j].id,
                "to_job_id": jobs[(j + 1) % N_JOBS].id,
                "track": "technical",
                "typical_months": 24,
            }
            for j in range(N_JOBS)
        ]
    )
    progress("jobs & competencies", 1, 1, start)

    channel_vals = []
    for c in range(N_COURSES):
        taught = rng.sample(skills.ids, rng.randint(1, 3))
        channel_vals.append(
            {
                "name": f"Bench course {c:03d}",
                "is_published": True,
                "enroll": "public",
                "visibility": "public",
                # no "new lesson" post to the members while seeding
                "publish_template_id": False,
                "skill_ids": [
                    (
                        0,
                        0,
                        {
                            "skill_id": sid,
                            "skill_type_id": skill_type[sid],
                            "level_id": rng.choice(levels_by_type[skill_type[sid]][2:]),
                        },
                    )
                    for sid in taught
                ],
            }
        )
    channels = env["slide.channel"].browse()
    for i in range(0, N_COURSES, 100):
        channels |= env["slide.channel"].create(channel_vals[i : i + 100])
        progress("courses", len(channels), N_COURSES, start)
    env["slide.slide"].create(
        [
            {
                "name": f"Lesson of {ch.name}",
                "channel_id": ch.id,
                "slide_category": "article",
                "html_content": "<p>Lesson</p>",
                "is_published": True,
            }
            for ch in channels
        ]
    )
    env.flush_all()
    return {
        "departments": departments.ids,
        "jobs": jobs.ids,
        "skills": skills.ids,
        "skill_type": skill_type,
        "levels_by_type": levels_by_type,
        "channels": channels.ids,
        "competencies": {job.id: job.competency_ids.skill_id.ids for job in jobs},
    }


def seed_employees(env, rng, ref, first, count, chunk=1000):
    """Employees ``first`` .. ``first + count - 1`` with their skills and goals."""
    if count <= 0:
        return []
    start = time.time()
    env = env(context=dict(env.context, **QUIET))
    cr = env.cr
    company = env.company
    calendar = company.resource_calendar_id.id
    tz = company.partner_id.tz or "UTC"
    job_names = dict(env["hr.job"].browse(ref["jobs"]).mapped(lambda j: (j.id, j.name)))
    job_of = {}
    ids = []
    uid = env.uid
    now = "now() at time zone 'UTC'"
    for base in range(first, first + count, chunk):
        # PostgreSQL caches the plans of its foreign-key checks per session: the
        # ones made while the tables were small (the first 100 employees of
        # run.py) read whole tables, which made each chunk slower than the one
        # before (100,000 employees: 9.5 minutes). Planned again with the
        # tables' current size, they use the primary keys.
        cr.execute("DISCARD PLANS")
        people = []
        for i in range(base, min(base + chunk, first + count)):
            people.append(
                (
                    f"Bench employee {i:06d}",
                    f"bench.employee.{i}@example.com",
                    rng.choice(ref["jobs"]),
                    ref["departments"][i % N_DEPARTMENTS],
                )
            )
        # the work contact, the resource, the employee: what hr.employee.create
        # writes, with the same defaults (checked against an ORM-created row)
        partner_ids = execute_values(
            cr._obj,
            "INSERT INTO res_partner (name, complete_name, email,"
            " email_normalized, company_id, type, active, is_company,"
            " partner_share, lang, color, message_bounce, create_uid, write_uid,"
            " create_date, write_date) VALUES %s RETURNING id",
            [(n, n, m, m, company.id, uid, uid) for n, m, _j, _d in people],
            template="(%s, %s, %s, %s, %s, 'contact', true, false, true, 'en_US',"
            f" 0, 0, %s, %s, {now}, {now})",
            page_size=chunk,
            fetch=True,
        )
        partner_ids = [r[0] for r in partner_ids]
        cr.execute(
            "UPDATE res_partner SET commercial_partner_id = id WHERE id = ANY(%s)",
            [partner_ids],
        )
        resource_ids = execute_values(
            cr._obj,
            "INSERT INTO resource_resource (name, company_id, calendar_id,"
            " resource_type, tz, active, time_efficiency, create_uid, write_uid,"
            " create_date, write_date) VALUES %s RETURNING id",
            [(n, company.id, calendar, tz, uid, uid) for n, _m, _j, _d in people],
            template=f"(%s, %s, %s, 'user', %s, true, 100, %s, %s, {now}, {now})",
            page_size=chunk,
            fetch=True,
        )
        rows = [
            (
                rid[0],
                company.id,
                calendar,
                n,
                j,
                job_names[j],
                d,
                company.partner_id.id,
                pid,
                m,
                uid,
                uid,
            )
            for rid, pid, (n, m, j, d) in zip(
                resource_ids, partner_ids, people, strict=True
            )
        ]
        emp_ids = execute_values(
            cr._obj,
            "INSERT INTO hr_employee (resource_id, company_id, resource_calendar_id,"
            " name, job_id, job_title, department_id, address_id, work_contact_id,"
            " work_email, marital, distance_home_work_unit, km_home_work,"
            " employee_type, active, is_flexible, is_fully_flexible,"
            " work_permit_scheduled_activity, color, appraisal_count,"
            " ongoing_appraisal_count, career_opportunity_opt_in, create_uid,"
            " write_uid, create_date, write_date) VALUES %s RETURNING id",
            rows,
            # opted in for internal opportunities: the company's default
            template="(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, 'single', 'kilometers',"
            " 0, 'employee', true, false, false, false, 0, 0, 0, true, %s, %s,"
            f" {now}, {now})",
            page_size=chunk,
            fetch=True,
        )
        for (emp_id,), (_n, _m, j, _d) in zip(emp_ids, people, strict=True):
            job_of[emp_id] = j
            ids.append(emp_id)
        progress("employees (SQL)", len(ids), count, start)
    # hr_skills' employee_skill_ids etc. are read from the tables: nothing cached
    env.invalidate_all()

    # employee skills: about half from the job's competencies, the rest random
    start = time.time()
    rows = []
    for emp_id in ids:
        own = ref["competencies"][job_of[emp_id]]
        picked = set(rng.sample(own, min(len(own), SKILLS_PER_EMPLOYEE // 2 + 1)))
        while len(picked) < SKILLS_PER_EMPLOYEE:
            picked.add(rng.choice(ref["skills"]))
        for sid in picked:
            tid = ref["skill_type"][sid]
            rows.append(
                (emp_id, sid, rng.choice(ref["levels_by_type"][tid]), tid, uid, uid)
            )
    page = 10000
    cr.execute("DISCARD PLANS")  # see above: plans for the tables' size now
    for i in range(0, len(rows), page):
        execute_values(
            cr._obj,
            "INSERT INTO hr_employee_skill (employee_id, skill_id, skill_level_id,"
            " skill_type_id, create_uid, write_uid, create_date, write_date)"
            " VALUES %s",
            rows[i : i + page],
            template="(%s, %s, %s, %s, %s, %s, now() at time zone 'UTC',"
            " now() at time zone 'UTC')",
            page_size=page,
        )
        progress("employee skills (SQL)", min(i + page, len(rows)), len(rows), start)

    # one goal each: 20% long-term with a target job, the rest short-term
    start = time.time()
    goals = []
    for emp_id in ids:
        if rng.random() < LONG_GOAL_SHARE:
            target = rng.choice([j for j in ref["jobs"] if j != job_of[emp_id]])
            goals.append((emp_id, "Reach the next job", "long", target, uid, uid))
        else:
            goals.append((emp_id, "Learn something new", "short", None, uid, uid))
    execute_values(
        cr._obj,
        "INSERT INTO hr_career_goal (employee_id, name, horizon, target_job_id,"
        " state, state_sequence, progress, create_uid, write_uid, create_date,"
        " write_date) VALUES %s",
        goals,
        template="(%s, %s, %s, %s, 'in_progress', 1, 0, %s, %s,"
        " now() at time zone 'UTC', now() at time zone 'UTC')",
        page_size=10000,
    )
    # the stored fields the ORM computes, set-based
    cr.execute(
        """
        UPDATE hr_career_goal g
           SET company_id = e.company_id, department_id = e.department_id
          FROM hr_employee e
         WHERE e.id = g.employee_id AND g.employee_id = ANY(%s)
        """,
        [ids],
    )
    cr.execute(
        """
        UPDATE hr_employee e SET target_job_id = g.target_job_id
          FROM (SELECT DISTINCT ON (employee_id) employee_id, target_job_id
                  FROM hr_career_goal
                 WHERE horizon = 'long' AND target_job_id IS NOT NULL
                   AND state IN ('draft', 'in_progress')
                   AND employee_id = ANY(%s)
              ORDER BY employee_id, is_main_target IS TRUE DESC, id DESC) g
         WHERE e.id = g.employee_id
        """,
        [ids],
    )
    progress("goals + target job (SQL)", 1, 1, start)
    env.invalidate_all()
    return ids


def create_users(env, employee_ids, password=None, prefix="bench.user"):
    """One internal user per employee, linked to it like hr does it (the
    employee's user and work contact become the user's), with SQL for the
    link so that no per-employee write runs."""
    start = time.time()
    env = env(context=dict(env.context, **QUIET))
    group = env.ref("base.group_user")
    users = env["res.users"].browse()
    chunk = 250
    for i in range(0, len(employee_ids), chunk):
        part = employee_ids[i : i + chunk]
        vals = [
            {
                "name": f"Bench user {emp_id}",
                "login": f"{prefix}.{emp_id}",
                "groups_id": [(6, 0, [group.id])],
            }
            for emp_id in part
        ]
        if password:
            for v in vals:
                v["password"] = password
        users |= env["res.users"].create(vals)
        progress("users (ORM)", len(users), len(employee_ids), start)
    env.flush_all()
    execute_values(
        env.cr._obj,
        "UPDATE hr_employee e SET user_id = v.uid, work_contact_id = v.pid"
        " FROM (VALUES %s) AS v(eid, uid, pid) WHERE e.id = v.eid",
        [
            (emp_id, user.id, user.partner_id.id)
            for emp_id, user in zip(employee_ids, users, strict=True)
        ],
    )
    env.invalidate_all()
    return users


def make_rng(seed=8):
    return random.Random(seed)


# ------------------------------------------------------------ objectives
N_COMPANY_OBJECTIVES = 20
N_DEPARTMENT_OBJECTIVES = 200
OBJECTIVES_PER_EMPLOYEE = 3
KEY_RESULTS_PER_OBJECTIVE = 2


def seed_objectives(env, rng, ref, employee_ids, with_top=True):
    """Performance objectives aligned three levels deep, with SQL: (when
    ``with_top``) 20 company objectives and 200 department objectives (10 per
    department, each contributing to a company objective), then 3 individual
    objectives per employee, each contributing to one of its department's
    objectives, with 2 key results each at a random value. ``parent_path``,
    ``level_rank`` and the key results' stored progress are set the way the
    ORM computes them; the objectives' progress is left to the measure."""
    start = time.time()
    cr = env.cr
    cr.execute("DISCARD PLANS")  # foreign-key checks planned for today's sizes
    company = env.company.id
    uid = env.uid
    period = (time.strftime("%Y-01-01"), time.strftime("%Y-12-31"))
    cols = (
        "name, level, level_rank, company_id, department_id, employee_id,"
        " parent_id, date_start, date_end, weight, state, sequence, progress,"
        " create_uid, write_uid, create_date, write_date"
    )
    template = (
        "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, 'active', 10, 0, %s, %s,"
        " now() at time zone 'UTC', now() at time zone 'UTC')"
    )

    def insert(rows):
        return [
            r[0]
            for r in execute_values(
                cr._obj,
                f"INSERT INTO hr_performance_objective ({cols}) VALUES %s"
                " RETURNING id",
                rows,
                template=template,
                page_size=10000,
                fetch=True,
            )
        ]

    if with_top:
        tops = insert(
            [
                (f"Company objective {i}", "company", 0, company, None, None, None)
                + period
                + (1.0, uid, uid)
                for i in range(N_COMPANY_OBJECTIVES)
            ]
        )
        depts = insert(
            [
                (
                    f"Department objective {i}",
                    "department",
                    1,
                    company,
                    ref["departments"][i % N_DEPARTMENTS],
                    None,
                    tops[i % len(tops)],
                )
                + period
                + (1.0, uid, uid)
                for i in range(N_DEPARTMENT_OBJECTIVES)
            ]
        )
        ref["objectives_by_department"] = by_dept = {}
        for i, oid in enumerate(depts):
            by_dept.setdefault(ref["departments"][i % N_DEPARTMENTS], []).append(oid)
    by_dept = ref["objectives_by_department"]
    cr.execute(
        "SELECT id, department_id FROM hr_employee WHERE id = ANY(%s)",
        [employee_ids],
    )
    rows = []
    for emp_id, dept_id in cr.fetchall():
        for k in range(OBJECTIVES_PER_EMPLOYEE):
            rows.append(
                (
                    f"Objective {k}",
                    "individual",
                    2,
                    company,
                    dept_id,
                    emp_id,
                    rng.choice(by_dept[dept_id]),
                )
                + period
                + (float(rng.randint(1, 3)), uid, uid)
            )
    individuals = insert(rows)
    # parent_path, level by level (what _parent_store computes)
    cr.execute(
        "UPDATE hr_performance_objective SET parent_path = id || '/'"
        " WHERE parent_id IS NULL AND parent_path IS NULL"
    )
    for _level in range(2):
        cr.execute(
            """
            UPDATE hr_performance_objective o
               SET parent_path = p.parent_path || o.id || '/'
              FROM hr_performance_objective p
             WHERE p.id = o.parent_id AND o.parent_path IS NULL
               AND p.parent_path IS NOT NULL
            """
        )
    key_results = []
    for oid, (_n, _l, _r, _c, dept_id, emp_id, _p, *_rest) in zip(
        individuals, rows, strict=True
    ):
        for k in range(KEY_RESULTS_PER_OBJECTIVE):
            current = rng.randint(0, 10)
            key_results.append(
                (oid, f"Key result {k}", current, current * 10.0, current * 10.0)
                + (emp_id, dept_id, company, uid, uid)
            )
    execute_values(
        cr._obj,
        "INSERT INTO hr_performance_key_result (objective_id, name, current_value,"
        " progress, weighted_progress, employee_id, department_id, company_id,"
        " create_uid, write_uid, metric, start_value, target_value, weight,"
        " level, sequence, is_bound, source_domain, source_aggregate,"
        " create_date, write_date) VALUES %s",
        key_results,
        template="(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, 'number', 0, 10, 1,"
        " 'individual', 10, false, '[]', 'count', now() at time zone 'UTC',"
        " now() at time zone 'UTC')",
        page_size=10000,
    )
    progress("objectives (SQL)", 1, 1, start)
    env.invalidate_all()
    return individuals


def seed_stock(env, n_users):
    """For the stock database (no suite): N_COURSES published courses with
    one lesson each, and ``n_users`` internal users, each an employee (hr
    links them). Return the course ids."""
    start = time.time()
    env = env(context=dict(env.context, **QUIET))
    channels = env["slide.channel"].browse()
    for i in range(0, N_COURSES, 100):
        channels |= env["slide.channel"].create(
            [
                {
                    "name": f"Bench course {c:03d}",
                    "is_published": True,
                    "enroll": "public",
                    "visibility": "public",
                    "publish_template_id": False,
                }
                for c in range(i, min(i + 100, N_COURSES))
            ]
        )
        progress("courses", len(channels), N_COURSES, start)
    env["slide.slide"].create(
        [
            {
                "name": f"Lesson of {ch.name}",
                "channel_id": ch.id,
                "slide_category": "article",
                "html_content": "<p>Lesson</p>",
                "is_published": True,
            }
            for ch in channels
        ]
    )
    group = env.ref("base.group_user")
    users = env["res.users"].browse()
    for i in range(0, n_users, 250):
        users |= env["res.users"].create(
            [
                {
                    "name": f"Bench stock user {k}",
                    "login": f"bench.stock.{k:06d}",
                    "groups_id": [(6, 0, [group.id])],
                }
                for k in range(i, min(i + 250, n_users))
            ]
        )
        progress("users (ORM)", len(users), n_users, start)
    env["hr.employee"].create(
        [{"name": user.name, "user_id": user.id} for user in users]
    )
    env.flush_all()
    return channels.ids
