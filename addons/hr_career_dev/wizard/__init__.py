from . import hr_course_suggestion
