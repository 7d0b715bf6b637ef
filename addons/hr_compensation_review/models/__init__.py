from . import hr_job_salary_band
from . import hr_compensation_matrix
from . import hr_compensation_review
from . import hr_compensation_review_line
from . import hr_contract
from . import res_config_settings
