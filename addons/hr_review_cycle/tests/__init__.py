from . import test_review_cycle
from . import test_review_cycle_feedback
from . import test_module_move
from . import test_review_cycle_options
from . import test_review_cycle_close
from . import test_review_cycle_phase
from . import test_review_cycle_release
from . import test_review_cycle_nomination
