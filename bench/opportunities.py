"""Internal opportunities (issue 14): seeding and measures, called by run.py
after the employees are seeded.

Targets: one employee's suggestions among 500 open opportunities <= 20 ms with
the same query count at 50 and 500 opportunities; internal candidates for one
opportunity over all employees <= 300 ms.
"""

import measures as m

N_OPPORTUNITIES = 500
SMALL_OPPORTUNITIES = 50
TYPES = ["rotation", "shadowing", "project", "mentoring", "stretch"]


def seed_opportunities(env, rng, ref, employee_ids, count=N_OPPORTUNITIES):
    """``count`` open opportunities, each requiring 3 skills and developing 2
    (levels of the skill's type), owned by random employees; ORM create."""
    skills = env["hr.skill"].browse(ref["skills"])
    levels = {
        t: env["hr.skill.level"].browse(ids) for t, ids in ref["levels_by_type"].items()
    }
    vals_list = []
    for index in range(count):
        picked = rng.sample(list(skills), 5)
        lines = []
        for position, skill in enumerate(picked):
            type_levels = levels[skill.skill_type_id.id]
            lines.append(
                (
                    0,
                    0,
                    {
                        "kind": "required" if position < 3 else "developed",
                        "skill_id": skill.id,
                        "level_id": rng.choice(list(type_levels)).id,
                    },
                )
            )
        vals_list.append(
            {
                "name": f"Bench opportunity {index}",
                "opportunity_type": TYPES[index % len(TYPES)],
                "owner_id": rng.choice(employee_ids),
                "department_id": rng.choice(ref["departments"]),
                "state": "open",
                "skill_ids": lines,
            }
        )
    opportunities = env["hr.career.opportunity"].create(vals_list)
    # employees inserted by SQL: the ORM default of the opt-in
    env.cr.execute(
        "UPDATE hr_employee SET career_opportunity_opt_in = TRUE"
        " WHERE career_opportunity_opt_in IS NULL"
    )
    env.flush_all()
    return opportunities.ids


def measure(env, uenv, rng, ref, ids, table, size):
    """Add the two rows of issue 14 to ``table``."""
    opportunity_ids = seed_opportunities(env, rng, ref, ids)
    env.cr.execute("ANALYZE hr_career_opportunity; ANALYZE hr_career_opportunity_skill")
    env.cr.execute(
        "SELECT id FROM hr_employee WHERE id = ANY(%s) ORDER BY"
        " target_job_id IS NULL, id LIMIT 1",
        [ids],
    )
    employee = uenv["hr.employee"].browse(env.cr.fetchone()[0])

    def suggestions():
        return employee._get_opportunity_suggestions(limit=10)

    # 50 open (the others set back to draft by SQL), then 500
    env.cr.execute(
        "UPDATE hr_career_opportunity SET state = 'draft' WHERE id = ANY(%s)",
        [opportunity_ids[SMALL_OPPORTUNITIES:]],
    )
    env.invalidate_all()
    _s50, q50 = m.repeat(uenv, 20, suggestions)
    env.cr.execute(
        "UPDATE hr_career_opportunity SET state = 'open' WHERE id = ANY(%s)",
        [opportunity_ids],
    )
    env.invalidate_all()
    secs, q500 = m.repeat(uenv, 20, suggestions)
    table.add(
        "opportunity suggestions, one employee",
        f"{size}, {N_OPPORTUNITIES} open",
        secs,
        q500,
        "<= 20 ms, same queries at 50 and 500",
        secs <= 0.020 and q50 == q500,
        note=f"{q50:g} queries at {SMALL_OPPORTUNITIES} opportunities",
    )
    opportunity = uenv["hr.career.opportunity"].browse(opportunity_ids[0])

    def candidates():
        return opportunity._get_internal_candidates(limit=20)

    secs, q = m.repeat(uenv, 10, candidates)
    table.add(
        "internal candidates, one opportunity",
        size,
        secs,
        q,
        "<= 300 ms",
        secs <= 0.300,
    )
