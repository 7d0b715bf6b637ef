from . import report_award_certificate
