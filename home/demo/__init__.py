"""Demo content for the site's own pages, built in code from the organisation's public facts.

`manage.py load_demo_content` calls `load(context)` here and then in the `demo` module of every
other app that has one, in INSTALLED_APPS order. Each loader is idempotent: what exists already
(found by slug or title) is left as it is.
"""

from .loader import load

__all__ = ["load"]
