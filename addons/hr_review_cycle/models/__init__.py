from . import hr_review_cycle
from . import hr_review_cycle_feedback
from . import hr_review_cycle_failure
from . import hr_appraisal
from . import hr_feedback_request
