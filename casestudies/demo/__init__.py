"""Demo content for case studies: the index, the case studies, the three featured ones and a
"Case studies" link in the main navigation.

Called by `manage.py load_demo_content` after the home, taxonomy and hub loaders (it names hub
people and the shared statistics and testimonials). Idempotent: the index and its case studies
are found by slug under their parent, and what exists is left as it is.

The words are in `content.py`; references to shared records there are written as
`{"$statistic": key}`, `{"$testimonial": key}` and `{"$person": slug}`, and replaced here by the
records' ids.
"""

from django.utils import timezone

from casestudies.models import CaseStudyIndexPage, CaseStudyPage, FeaturedCaseStudy
from home.demo.images import get_or_create_image
from home.demo.loader import ensure_navigation_link, ensure_page
from hub.models import Person
from taxonomy.models import Phase, SettingType, Topic

from . import content


def resolve(value, records):
    """`value` with every {"$kind": key} replaced by the id of that record."""
    if isinstance(value, dict):
        if len(value) == 1:
            ((name, key),) = value.items()
            if name.startswith("$"):
                return records[name[1:]](key).pk
        return {name: resolve(item, records) for name, item in value.items()}
    if isinstance(value, list):
        return [resolve(item, records) for item in value]
    return value


def case_study_fields(spec, records, image) -> dict:
    return {
        "title": spec["title"],
        "subject": spec["subject"],
        "organisation": spec["organisation"],
        "summary": spec["summary"],
        "trust": spec["trust"],
        "region": spec["region"],
        "local_authority": spec["local_authority"],
        "period_start": spec["period_start"],
        "period_end": spec["period_end"],
        "image": image,
        "phase": Phase.objects.filter(slug=spec["phase"]).first() if spec["phase"] else None,
        "setting_types": list(SettingType.objects.filter(slug__in=spec["setting_types"])),
        "themes": list(Topic.objects.filter(slug__in=spec["themes"])),
        **{
            name: resolve(spec[name], records)
            for name in ("key_facts", "starting_point", "what_changed", "impact")
        },
        # Written for this site, about adults who are named in public already, with no pupil
        # in them: confirmed by the loader, as an editor confirms in the admin.
        "safeguarding_confirmed_at": timezone.now(),
    }


def load(context):
    evidence = context.evidence
    records = {
        "statistic": evidence["statistics"].__getitem__,
        "testimonial": evidence["testimonials"].__getitem__,
        "person": lambda slug: Person.objects.get(slug=slug),
    }
    index = ensure_page(
        context,
        context.home,
        CaseStudyIndexPage,
        content.INDEX["slug"],
        **{name: value for name, value in content.INDEX.items() if name != "slug"},
    )
    context.pages["case-studies"] = index

    case_studies = {}
    for spec in content.CASE_STUDIES:
        existing = index.get_children().filter(slug=spec["slug"]).specific().first()
        if existing is not None:
            case_studies[spec["slug"]] = existing
            continue
        image = None
        if spec["image"]:
            image, made = get_or_create_image(f"case-study-{spec['slug']}", *spec["image"])
            if made:
                context.note(f"image {spec['image'][0]}")
        case_studies[spec["slug"]] = ensure_page(
            context,
            index,
            CaseStudyPage,
            spec["slug"],
            **case_study_fields(spec, records, image),
        )

    if not index.featured_case_studies.exists():
        for number, slug in enumerate(content.FEATURED):
            FeaturedCaseStudy.objects.create(
                index=index, case_study=case_studies[slug], sort_order=number
            )
        index.save_revision().publish()
        context.note("featured case studies")

    ensure_navigation_link(context, index, "Case studies")
    return context
