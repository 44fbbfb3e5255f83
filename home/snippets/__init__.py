"""Evidence kept once and shown everywhere: statistics, testimonials and questions.

Each is a snippet with drafts, revisions and previews (see home/viewsets.py for the admin). Pages
choose them with the chooser blocks in home/blocks/evidence.py; an edit, once published, shows on
every page that uses the record.
"""

from .base import EvidenceSnippet
from .faqs import FAQ, Audience
from .statistics import Statistic
from .testimonials import Testimonial

__all__ = ["FAQ", "Audience", "EvidenceSnippet", "Statistic", "Testimonial"]
