from . import hr_recognition_preview
