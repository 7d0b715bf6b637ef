from . import test_install
from . import test_grant_badge
from . import test_acknowledgement
from . import test_concurrency
from . import test_certificate_preview
from . import test_certificate_route
from . import test_goal_confirmation_award
from . import test_migration_goal_badge_rule
