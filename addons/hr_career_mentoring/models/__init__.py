from . import hr_career_mentor
from . import hr_career_mentorship
from . import hr_career_mentorship_session
from . import hr_career_matching
from . import res_config_settings
