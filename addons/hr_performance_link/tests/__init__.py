from . import test_install
from . import test_appraisal_loop
from . import test_checkin
from . import test_feedback
from . import test_portal_http
from . import test_appraisal_trust
from . import test_appraisal_trust_rpc
from . import test_access_matrix
