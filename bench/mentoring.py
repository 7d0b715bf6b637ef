"""Mentoring programme (issue 31): seeding and measures, called by run.py
after the employees are seeded.

Targets: one employee's mentor suggestions <= 20 ms with the same query count
at every size; fairness on the most common skill: across every employee's
top-3 mentor suggestions, how many different mentors appear and the largest
share of lists one mentor appears in (target <= 5 % once the programme has
profiles). "before" is the ranking of hr_career_dev (no profile offers the
skill: the holders by level, then by name); "after" is the programme's.
"""

import measures as m

NEED = 60  # the progress asked of a mentor (a mid-level gap)
CHUNK = 1000


def common_skill(env):
    """The skill most employees hold at the needed level or above."""
    env.cr.execute(
        """
        SELECT es.skill_id
          FROM hr_employee_skill es
          JOIN hr_skill_level lvl ON lvl.id = es.skill_level_id
         WHERE lvl.level_progress >= %s
         GROUP BY es.skill_id
         ORDER BY count(*) DESC, es.skill_id
         LIMIT 1
        """,
        [NEED],
    )
    return env["hr.skill"].browse(env.cr.fetchone()[0])


def seed_mentors(env, rng, skill):
    """Half of the holders of ``skill`` at the needed level open a profile
    offering it, capacity 1 to 3; ORM create (one for all)."""
    env.cr.execute(
        """
        SELECT es.employee_id
          FROM hr_employee_skill es
          JOIN hr_skill_level lvl ON lvl.id = es.skill_level_id
         WHERE es.skill_id = %s AND lvl.level_progress >= %s
         ORDER BY es.employee_id
        """,
        [skill.id, NEED],
    )
    holders = [row[0] for row in env.cr.fetchall()]
    mentors = [e for e in holders if rng.random() < 0.5]
    env["hr.career.mentor"].with_context(
        mail_create_nolog=True, tracking_disable=True
    ).create(
        [
            {
                "employee_id": employee_id,
                "skill_ids": [(6, 0, [skill.id])],
                "capacity": rng.choice([1, 2, 3]),
                "state": "open",
            }
            for employee_id in mentors
        ]
    )
    env.flush_all()
    return holders, mentors


def fairness(uenv, ids, skill):
    """(different mentors, largest share of lists, lists) over every
    employee's top 3 for ``skill``."""
    Employee = uenv["hr.employee"]
    appearances, lists = {}, 0
    for start in range(0, len(ids), CHUNK):
        needs = {(i, skill.id): NEED for i in ids[start : start + CHUNK]}
        found = Employee._get_mentor_suggestions_batch(needs, limit=3)
        for mentors in found.values():
            if mentors:
                lists += 1
            for mentor_id in mentors.ids:
                appearances[mentor_id] = appearances.get(mentor_id, 0) + 1
        uenv.invalidate_all()
    top = max(appearances.values(), default=0)
    return len(appearances), (top / lists if lists else 0.0), lists


def measure(env, uenv, rng, ref, ids, table, size):
    """Add the rows of issue 31 to ``table``: before and after profiles."""
    skill = common_skill(env)
    employee = uenv["hr.employee"].browse(ids[-1])

    def suggestions():
        return employee._get_mentor_suggestions(skill, min_progress=NEED, limit=3)

    rows = {}
    for phase in ("before", "after"):
        if phase == "after":
            holders, mentors = seed_mentors(env, rng, skill)
            env.cr.execute(
                "ANALYZE hr_career_mentor; ANALYZE hr_career_mentor_hr_skill_rel"
            )
        env.invalidate_all()
        suggestions()  # warm the registry and rule caches
        secs, q = m.repeat(uenv, 20, suggestions)
        t_secs, t_q, _r = m.timed(uenv, fairness, uenv, ids, skill)
        distinct, share, lists = fairness(uenv, ids, skill)
        rows[phase] = (secs, q, distinct, share, lists, t_secs, t_q)
    holders_note = f"{len(holders):,} holders, {len(mentors):,} mentors"
    for phase, (secs, q, distinct, share, lists, t_secs, t_q) in rows.items():
        table.add(
            f"mentor suggestions, one employee ({phase})",
            size,
            secs,
            q,
            "<= 20 ms, same queries at every size",
            secs <= 0.020,
            note=holders_note if phase == "after" else "hr_career_dev's ranking",
        )
        table.add(
            f"mentor fairness, everyone's top 3 ({phase})",
            size,
            t_secs,
            t_q,
            "no mentor in more than 5 % of the lists"
            if phase == "after"
            else "reported (today's ranking)",
            share <= 0.05 or phase == "before",
            note=f"{distinct:,} different mentors in {lists:,} lists;"
            f" the most listed in {share:.0%}",
        )
