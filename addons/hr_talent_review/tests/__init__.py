from . import test_access_matrix
from . import test_screenshots
from . import test_talent_board_ui
from . import test_talent_review
from . import test_talent_review_security
from . import test_module_move
from . import test_trust_findings
from . import test_field_policy
