from . import test_mentorship
from . import test_capacity_race
from . import test_matching
from . import test_field_policy
from . import test_portal
from . import test_i18n
