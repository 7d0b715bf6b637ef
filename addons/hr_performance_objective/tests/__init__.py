from . import test_appraisal_rating
from . import test_key_result_binding
from . import test_objective
from . import test_objective_portal
from . import test_objective_security
from . import test_module_move
from . import test_trust_findings
