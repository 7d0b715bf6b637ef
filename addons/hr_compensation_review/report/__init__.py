from . import report_compensation_letter
