from . import hr_career_role
from . import hr_appraisal_skill
from . import hr_appraisal_access
from . import hr_appraisal
from . import hr_appraisal_release
from . import hr_employee
from . import hr_employee_appraisal
from . import res_users
