"""Generate many case studies under the case study index, for load tests: `--count 500`.

Not demo content: the case studies are assembled from a fixed vocabulary by a seeded random
generator (the same seed gives the same case studies), titled "... (bench N)", with slugs
`bench-case-study-N`. They are live, with the safeguarding confirmation set (as the demo loader
sets it), classified across every subject, region, setting type, theme, phase and period, have
short bodies in all three sections and a few key facts, reuse the images of the case studies
already there (so a page of cards costs what the demo's does), and are indexed for search in
bulk at the end. Running it again adds `--count` more, numbered after the last.

It needs the case study index and the taxonomy (setting types and topics): the bench does
`load_demo_content` then `generate_case_studies --count 500`.
"""

import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models.signals import post_save
from django.utils import timezone

from wagtail.search.backends import get_search_backend

from modelsearch.signal_handlers import post_save_signal_handler

from casestudies.models import CaseStudyIndexPage, CaseStudyPage, Subject
from taxonomy import places
from taxonomy.models import Phase, SettingType, Topic

SLUG_PREFIX = "bench-case-study-"
FIRST_YEAR, LAST_YEAR = 2005, 2025

STORIES = [
    "Turning round",
    "Rebuilding",
    "A new start for",
    "Growing inclusion in",
    "Keeping pupils in",
    "A way back through",
    "Leading change at",
    "Small steps at",
]
NAMES = [
    "Ashbrook",
    "Bramley Vale",
    "Castlegate",
    "Dunmore",
    "Elmfield",
    "Fernhill",
    "Greystones",
    "Hollins Park",
    "Kingsmead",
    "Larkspur",
    "Millbrook",
    "Northgate",
    "Oakridge",
    "Pennington",
    "Redwater",
    "Stonebridge",
]
KINDS = {
    Subject.SCHOOL: ["Learning Centre", "Academy", "School", "Primary School", "Centre"],
    Subject.LEADER: ["Academy", "High School", "School"],
    Subject.AREA: ["Inclusion Partnership", "Schools Partnership", "Local Area Network"],
}
TRUSTS = ["", "", "Northgate Learning Trust", "Riverside Schools Trust", "Oakridge Academies"]
STARTING = [
    "Exclusions had risen three years in a row and few pupils returned to mainstream school.",
    "The school had no permanent senior team and relied on supply staff.",
    "Attendance was below 60% and families rarely came into school.",
    "Pupils arrived with no record of their reading age or communication needs.",
    "Referrals to other agencies took months and nobody owned them.",
    "Staff turnover was high and supervision had stopped.",
]
CHANGED = [
    "Leaders met weekly to look at what had changed for each pupil and why.",
    "Families were invited in before any plan was agreed, not after.",
    "Every pupil had one adult who checked in each morning.",
    "Reading ages were assessed on entry and again at the end of each half term.",
    "The behaviour policy moved from sanctions to support.",
    "Staff had protected time for reflective supervision every fortnight.",
    "The receiving school visited each pupil before the first day back.",
]
IMPACT = [
    "Attendance rose over two years and has stayed up.",
    "More pupils returned to mainstream school than in any year before.",
    "Exclusions fell and no pupil waited at home for a place.",
    "Staff stayed: turnover halved in three years.",
    "Reading ages rose by more than a year on average.",
    "Families said they knew who to call, and called early.",
]
FACTS = [
    (
        "Permanent exclusions a year",
        lambda rng: (str(rng.randint(15, 40)), str(rng.randint(2, 14))),
    ),
    ("Attendance", lambda rng: (f"{rng.randint(50, 79)}%", f"{rng.randint(80, 96)}%")),
    ("Pupils back in mainstream", lambda rng: (str(rng.randint(0, 5)), str(rng.randint(6, 20)))),
    ("Ofsted judgement", lambda rng: (rng.choice(["Inadequate", "Requires improvement"]), "Good")),
    ("Staff turnover", lambda rng: (f"{rng.randint(25, 45)}%", f"{rng.randint(5, 20)}%")),
]


def _paragraph(rng, sentences) -> dict:
    return {"type": "paragraph", "value": "<p>" + " ".join(rng.sample(sentences, 2)) + "</p>"}


def _fact(rng, label, values, start, end) -> dict:
    before, after = values(rng)
    return {
        "type": "fact",
        "value": {
            "label": label,
            "before": {"value": before, "date": str(start)},
            "after": {"value": after, "date": str(end or LAST_YEAR)},
            "source": "The school's own records (generated for load tests)",
            "source_url": "",
        },
    }


class Command(BaseCommand):
    help = "Generate COUNT live case studies under the case study index (load-test data, seeded)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=500)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, count, seed, **options):
        if not 1 <= count <= 10000:
            raise CommandError("--count must be between 1 and 10000")
        index = CaseStudyIndexPage.objects.first()
        if index is None:
            raise CommandError(
                "No CaseStudyIndexPage: run `manage.py load_demo_content` first "
                "(the case studies go under the index)."
            )
        topics = list(Topic.objects.all())
        settings = list(SettingType.objects.all())
        if not topics or not settings:
            raise CommandError("No topics or setting types: load the demo content first.")
        phases = [*Phase.objects.all(), None]
        # The images of the case studies already there (none on an empty index).
        images = list(
            CaseStudyPage.objects.exclude(image=None)
            .order_by("image_id")
            .values_list("image_id", flat=True)
            .distinct()
        )
        authorities = {
            region: [a.key for a in places.LOCAL_AUTHORITIES if a.region == region and a.current]
            for region, _ in places.REGIONS
        }
        started = time.monotonic()
        first = CaseStudyPage.objects.filter(slug__startswith=SLUG_PREFIX).count() + 1
        # Seeded by the seed and the first number: a second run adds different case studies.
        rng = random.Random(f"{seed}:{first}")  # noqa: S311 - test data, not security
        confirmed_at = timezone.now()
        vocab = {
            "topics": topics,
            "settings": settings,
            "phases": phases,
            "images": images,
            "authorities": authorities,
        }
        created = []
        # Indexed in bulk at the end, once the themes are saved as well.
        post_save.disconnect(post_save_signal_handler, sender=CaseStudyPage)
        try:
            with transaction.atomic():
                for number in range(first, first + count):
                    created.append(self._case_study(index, number, rng, vocab, confirmed_at))
                    if number % 100 == 0:
                        self.stdout.write(f"  {number - first + 1} case studies")
        finally:
            post_save.connect(post_save_signal_handler, sender=CaseStudyPage)
        backend = get_search_backend()
        for start in range(0, len(created), 500):
            batch = CaseStudyPage.objects.filter(
                pk__in=[c.pk for c in created[start : start + 500]]
            ).prefetch_related("themes")
            backend.add_bulk(CaseStudyPage, list(batch))
        if connection.vendor == "postgresql":
            # Fresh statistics and a vacuum, as autovacuum would soon after (see
            # generate_hub_articles); statistics only inside a transaction (the tests').
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)")
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {len(created)} case studies in {time.monotonic() - started:.0f} s."
            )
        )

    def _case_study(self, index, number, rng, vocab, confirmed_at) -> CaseStudyPage:
        # Cycling through each vocabulary by number makes sure every value is used (given
        # enough case studies); the random generator varies the rest.
        subjects = list(Subject)
        subject = subjects[number % len(subjects)]
        region = places.REGIONS[number % len(places.REGIONS)][0]
        settings, topics, phases = vocab["settings"], vocab["topics"], vocab["phases"]
        setting_types = {settings[number % len(settings)]}
        setting_types.update(rng.sample(settings, rng.randint(0, 1)))
        themes = {topics[number % len(topics)]}
        themes.update(rng.sample(topics, rng.randint(0, 2)))
        start = FIRST_YEAR + number % (LAST_YEAR - FIRST_YEAR + 1)
        end = rng.choice([None, min(start + rng.randint(0, 5), LAST_YEAR)])
        organisation = f"{rng.choice(NAMES)} {rng.choice(KINDS[subject])}"
        authorities = vocab["authorities"][region]
        case_study = CaseStudyPage(
            title=f"{rng.choice(STORIES)} {organisation} (bench {number})",
            slug=f"{SLUG_PREFIX}{number}",
            subject=subject,
            organisation=organisation,
            summary=f"A generated case study of {organisation}, for load tests. "
            + rng.choice(STARTING)
            + " "
            + rng.choice(IMPACT),
            image_id=rng.choice(vocab["images"]) if vocab["images"] else None,
            region=region,
            local_authority=rng.choice(authorities) if authorities else "",
            trust=rng.choice(TRUSTS),
            period_start=start,
            period_end=end,
            phase=phases[number % len(phases)],
            key_facts=[
                _fact(rng, label, values, start, end)
                for label, values in rng.sample(FACTS, rng.randint(1, 3))
            ],
            starting_point=[_paragraph(rng, STARTING)],
            what_changed=[_paragraph(rng, CHANGED), _paragraph(rng, CHANGED)],
            impact=[_paragraph(rng, IMPACT)],
            safeguarding_confirmed_at=confirmed_at,
            setting_types=sorted(setting_types, key=lambda s: s.pk),
            themes=sorted(themes, key=lambda t: t.pk),
        )
        index.add_child(instance=case_study)
        return case_study
