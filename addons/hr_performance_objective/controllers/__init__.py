from . import portal_objectives
