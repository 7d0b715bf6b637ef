from . import ir_actions_server
from . import gamification_badge_user
from . import base_automation
from . import res_company
from . import res_config_settings
