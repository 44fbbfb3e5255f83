"""Generate many articles in the knowledge hub, for load tests: `--count 2000`.

Not demo content: the articles are assembled from a fixed vocabulary by a seeded random
generator (the same seed gives the same articles), titled "... (bench N)", and written by
generated "Bench author N" people. They are live, classified across every topic, setting type,
phase, type and year, and indexed for search in bulk at the end.

Run it on a database with the demo content (it needs the hub): the bench does
`load_demo_content` then `generate_hub_articles --count 2000`.
"""

import datetime
import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models.signals import post_save

from wagtail.search.backends import get_search_backend

from modelsearch.signal_handlers import post_save_signal_handler

from hub.models import ArticleAuthor, ArticlePage, ArticleType, HubIndexPage, Person
from taxonomy.models import Phase, SettingType, Topic

SUBJECTS = [
    "reintegration",
    "reading",
    "attendance",
    "science lessons",
    "behaviour policy",
    "speech and language",
    "safeguarding referrals",
    "transition to college",
    "mental health support",
    "maths recovery",
    "family coaching",
    "staff supervision",
    "curriculum planning",
    "exclusion",
    "EHC plans",
]
ANGLES = [
    "What we learnt about",
    "A term of",
    "Rethinking",
    "Small steps in",
    "Leading change in",
    "Evidence on",
    "Questions about",
    "Getting started with",
]
PLACES = [
    "a pupil referral unit",
    "an AP academy",
    "an AP free school",
    "a special school",
    "an internal AP unit",
    "a mainstream secondary school",
    "a primary school",
]
SENTENCES = [
    "Pupils who had been excluded said they wanted adults who explained things twice.",
    "Staff met weekly to look at what had changed for each pupil and why.",
    "Families were invited in before any plan was agreed, not after.",
    "The evidence suggested that relationships came before any intervention worked.",
    "Attendance improved most where one adult checked in every morning.",
    "Reading ages were assessed on entry and again at the end of each half term.",
    "Teachers planned vocabulary for each topic before teaching it.",
    "Referrals to other agencies became quicker once a named contact was agreed.",
    "The receiving school visited the pupil before the first day back.",
    "Leaders protected time for reflective supervision every fortnight.",
    "Practical work was kept, even without a laboratory.",
    "Pupils helped to write the success criteria for their own timetable.",
    "Exclusions fell as the behaviour policy moved from sanctions to support.",
    "Screening for communication needs found needs nobody had recorded.",
    "The curriculum was mapped against local jobs and college courses.",
]


def _paragraph(rng) -> dict:
    return {"type": "paragraph", "value": "<p>" + " ".join(rng.sample(SENTENCES, 4)) + "</p>"}


class Command(BaseCommand):
    help = "Generate COUNT live articles in the knowledge hub (load-test data, seeded)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=2000)
        parser.add_argument("--people", type=int, default=60, help="generated authors")
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, count, people, seed, **options):
        if not 1 <= count <= 20000:
            raise CommandError("--count must be between 1 and 20000")
        hub = HubIndexPage.objects.first()
        if hub is None:
            raise CommandError("No HubIndexPage: run `manage.py load_demo_content` first.")
        rng = random.Random(seed)  # noqa: S311 - test data, not security
        topics = list(Topic.objects.all())
        settings = list(SettingType.objects.all())
        phases = list(Phase.objects.all())
        if not topics or not settings:
            raise CommandError("No topics or setting types: load the demo content first.")
        started = time.monotonic()
        authors = self._people(people)
        first = ArticlePage.objects.filter(slug__startswith="bench-article-").count() + 1
        created = []
        # Indexed in bulk at the end, once the authors and topics are saved as well.
        post_save.disconnect(post_save_signal_handler, sender=ArticlePage)
        try:
            with transaction.atomic():
                for number in range(first, first + count):
                    created.append(
                        self._article(hub, number, rng, authors, topics, settings, phases)
                    )
                    if number % 250 == 0:
                        self.stdout.write(f"  {number - first + 1} articles")
        finally:
            post_save.connect(post_save_signal_handler, sender=ArticlePage)
        backend = get_search_backend()
        for start in range(0, len(created), 500):
            batch = ArticlePage.objects.filter(
                pk__in=[a.pk for a in created[start : start + 500]]
            ).prefetch_related("authors__person", "topics")
            backend.add_bulk(ArticlePage, list(batch))
        if connection.vendor == "postgresql":
            # What autovacuum would do soon after (where it runs: not on every development
            # server). Fresh statistics: without them the planner guesses one row per table and
            # picks nested loops over 2,000 pages. And a vacuum, which sets the rows' visibility
            # and hint bits: straight after the inserts, every first read of a row checks and
            # writes them, and a hub search drawn in full took 100 to 115 ms at p50 against 77
            # to 90 once vacuumed (docs/performance.md). VACUUM cannot run in a transaction
            # (the tests'): there, statistics only.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)")
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {len(created)} articles in {time.monotonic() - started:.0f} s."
            )
        )

    def _people(self, how_many: int) -> list[Person]:
        people = list(Person.objects.filter(slug__startswith="bench-author-"))
        for number in range(len(people) + 1, how_many + 1):
            person = Person(
                given_names="Bench",
                family_name=f"Author {number}",
                slug=f"bench-author-{number}",
                kind=Person.Kind.GUEST,
                role="Generated for load tests",
                show_profile_publicly=True,
                live=True,
            )
            person.save()
            people.append(person)
        return people

    def _article(self, hub, number, rng, authors, topics, settings, phases) -> ArticlePage:
        subject = rng.choice(SUBJECTS)
        title = f"{rng.choice(ANGLES)} {subject} in {rng.choice(PLACES)} (bench {number})"
        article_type = rng.choice(ArticleType.values)
        article = ArticlePage(
            title=title,
            slug=f"bench-article-{number}",
            standfirst=f"A generated article about {subject}, for load tests. "
            + rng.choice(SENTENCES),
            article_type=article_type,
            event_name="Bench conference" if article_type == ArticleType.TALK else "",
            first_published=datetime.date(2015, 1, 1)
            + datetime.timedelta(days=rng.randrange(0, 11 * 365)),
            phase=rng.choice(phases) if phases else None,
            body=[
                {"type": "heading", "value": {"text": "What we did", "level": "h2"}},
                _paragraph(rng),
                {"type": "heading", "value": {"text": "What we found", "level": "h2"}},
                _paragraph(rng),
                _paragraph(rng),
            ],
            authors=[
                ArticleAuthor(person=person, sort_order=n)
                for n, person in enumerate(rng.sample(authors, rng.choice([1, 1, 1, 2])))
            ],
            topics=rng.sample(topics, rng.randint(1, 3)),
            setting_types=rng.sample(settings, rng.randint(1, 2)),
        )
        hub.add_child(instance=article)
        return article
