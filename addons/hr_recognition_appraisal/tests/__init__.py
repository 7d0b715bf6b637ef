from . import test_appraisal_rule
