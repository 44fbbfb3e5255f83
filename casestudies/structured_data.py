"""A case study as schema.org JSON-LD: an `Article` about a school, trust or local area.

What search engines can then read: the organisation the story is about (a school is an
`EducationalOrganization`, within its trust), the place (`contentLocation`: the local authority
and region of England), the years it covers (`temporalCoverage`, an ISO 8601 interval, open
while the story goes on), the named people involved (`mentions`), its themes, and the charity
as author and publisher. Built from what the page already loaded: no query of its own.
"""

from home import structured_data

from .models import SECTIONS, Subject


def _people(case_study) -> list[dict]:
    """The named adults of the story's 'people involved' blocks, in order, each once."""
    people, seen = [], set()
    for name, _heading in SECTIONS:
        for block in getattr(case_study, name) or []:
            if block.block_type != "people":
                continue
            for item in block.value["people"]:
                person = item.get("person")
                full_name = item.get("name") or (person.name if person else "")
                role = item.get("role") or (person.role_line if person else "")
                if not full_name or full_name in seen:
                    continue
                seen.add(full_name)
                people.append(
                    {"@type": "Person", "name": full_name, **({"jobTitle": role} if role else {})}
                )
    return people


def _place(case_study) -> dict | None:
    if not case_study.region:
        return None
    address = {"@type": "PostalAddress", "addressRegion": case_study.region_name}
    if case_study.local_authority_name:
        address["addressLocality"] = case_study.local_authority_name
    address["addressCountry"] = "GB"
    return {"@type": "Place", "name": case_study.place, "address": address}


def _subject(case_study, place) -> dict:
    """What the story is about: the school (or trust, or local authority), where it is."""
    kind = (
        "EducationalOrganization"
        if case_study.subject != Subject.AREA
        else "GovernmentOrganization"
    )
    subject = {"@type": kind, "name": case_study.organisation}
    if place:
        subject["location"] = place
    if case_study.trust:
        subject["parentOrganization"] = {"@type": "Organization", "name": case_study.trust}
    return subject


def temporal_coverage(case_study) -> str:
    """'2015/2017'; '2015/..' while the story goes on (schema.org's open-ended interval)."""
    if not case_study.period_start:
        return ""
    end = case_study.period_end
    if end == case_study.period_start:
        return str(end)
    return f"{case_study.period_start}/{end if end else '..'}"


def case_study_json_ld(case_study, request, *, image_url: str = "") -> dict:
    url = case_study.get_full_url(request)
    place = _place(case_study)
    organisation = structured_data.organisation_reference(request)
    data = {
        "@context": structured_data.SCHEMA,
        "@type": "Article",
        "@id": f"{url}#case-study",
        "headline": case_study.title[:110],
        "name": case_study.title,
        "description": case_study.summary,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": "en-GB",
        "genre": "Case study",
        "articleSection": "Case studies",
        "author": organisation,
        "publisher": organisation,
        "about": _subject(case_study, place),
        "keywords": ", ".join(theme.name for theme in case_study.themes.all()),
    }
    if case_study.first_published_at:
        data["datePublished"] = case_study.first_published_at.isoformat()
    modified = case_study.last_published_at or case_study.first_published_at
    if modified:
        data["dateModified"] = modified.isoformat()
    if place:
        data["contentLocation"] = place
    if coverage := temporal_coverage(case_study):
        data["temporalCoverage"] = coverage
    if people := _people(case_study):
        data["mentions"] = people
    if image_url:
        data["image"] = image_url
    return data
