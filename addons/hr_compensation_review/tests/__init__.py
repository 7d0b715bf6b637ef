from . import test_compensation_review
from . import test_compensation_security
from . import test_compensation_field_policy
from . import test_compensation_tour
from . import test_compensation_i18n
