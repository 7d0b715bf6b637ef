from . import portal_team
