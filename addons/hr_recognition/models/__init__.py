from . import ir_actions_server
from . import gamification_badge_user
from . import base_automation
from . import res_company
from . import res_config_settings
from . import discuss_channel
from . import res_users
from . import hr_employee
