from . import hr_course_suggestion
from . import hr_career_goal_template_assign
from . import hr_development_plan_population
