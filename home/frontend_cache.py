"""Pages that show a question without naming it: purged when any question changes.

Registered as the `frontend_cache_related` hook in home/wagtail_hooks.py (see caching/purge.py).
A questions block left empty shows every live question for its audience, so the reference index,
which knows the questions a block chose, does not know it shows a new or edited one. Those are
the live pages with a `faqs` block in any of their StreamFields, found in the database.
"""

from django.db.models import Q, TextField
from django.db.models.functions import Cast

from wagtail.fields import StreamField
from wagtail.models import get_page_models

from home.models import FAQ

BLOCK = '"faqs"'


def pages_with_questions_blocks():
    for model in get_page_models():
        fields = [f.name for f in model._meta.local_fields if isinstance(f, StreamField)]
        if not fields or model._meta.abstract:
            continue
        texts = {f"_text_{name}": Cast(name, TextField()) for name in fields}
        matches = Q()
        for alias in texts:
            matches |= Q(**{f"{alias}__contains": BLOCK})
        yield from model.objects.live().annotate(**texts).filter(matches).defer_streamfields()


def pages_showing(obj):
    if isinstance(obj, FAQ):
        yield from pages_with_questions_blocks()
