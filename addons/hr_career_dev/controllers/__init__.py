from . import portal
from . import portal_paths
from . import portal_opportunities
from . import portal_team
