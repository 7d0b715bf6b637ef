from . import portal
from . import portal_team
from . import portal_nomination
