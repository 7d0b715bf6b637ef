from . import test_install
from . import test_appraisal_loop
from . import test_portal_team
from . import test_employee_appraisals
from . import test_appraisal_roles
