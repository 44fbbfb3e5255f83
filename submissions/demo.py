"""Demo content of both forms, run by `manage.py load_demo_content` after home's loader:
the Expression of Interest first (its page and example enquiries), then the teacher application
(cohorts, the apply page, example applications), which links from the home page after it."""

from .applications import demo as applications
from .enquiries import demo as enquiries


def load(context):
    enquiries.load(context)
    applications.load(context)
