# Copyright 2026 Career Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Short-term goals no longer aim at a job (only a long-term goal sets the
target job): a job left on a short-term goal by 18.0.1.0.0 never counted as
the target; it is removed so that the next save of the goal is not refused."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE hr_career_goal
           SET target_job_id = NULL
         WHERE horizon = 'short' AND target_job_id IS NOT NULL
        """
    )
