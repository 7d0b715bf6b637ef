from . import test_install
from . import test_job_competency
from . import test_career_goal
from . import test_competency_gap
from . import test_development_plan
from . import test_course_suggestions
from . import test_skill_evidence
from . import test_security
