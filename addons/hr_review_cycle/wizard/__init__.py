from . import hr_review_cycle_close
