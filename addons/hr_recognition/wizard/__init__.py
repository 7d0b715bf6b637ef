from . import hr_recognition_preview
from . import hr_recognition_award_existing
