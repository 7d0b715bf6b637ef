from . import hr_feedback_request_wizard
from . import hr_feedback_request_wizard_line
