from . import portal
from . import portal_objectives
from . import portal_team
