from . import hr_feedback_request_wizard
