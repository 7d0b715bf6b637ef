from . import test_appraisal_rule
from . import test_i18n
