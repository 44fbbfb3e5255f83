"""Who sees whose personal data in the admin: every group against every view that shows it.

The matrix is built so nothing can slip through: every admin URL under `submissions/`, and
every admin URL of a model that holds personal data wherever it is registered, must have a row
in `VIEWS`; every group in the database must have a row in `ROLES`. A new view or a new group
fails `test_the_matrix_covers_every_view_and_every_group` until someone decides who may use it.
"""

import io
import json
import zipfile

from django.contrib.auth.models import Group
from django.urls import get_resolver
from django.urls.resolvers import URLResolver

import pytest

from hub.editorial import ensure_editorial_workflow
from submissions.applications.factories import CohortFactory, TeacherApplicationFactory
from submissions.base import personal_data_models, submission_models
from submissions.enquiries.factories import PartnershipEnquiryFactory
from submissions.models import ApplicationDraft, MonitoringResponse, MonitoringSummary
from tests.accounts.support import sign_in_verified

pytestmark = pytest.mark.django_db

SUPERUSER, NO_GROUP = "a superuser", "an account in no group"
# Who owns what: a view answers to these roles only.
ENQUIRIES = {"Partnerships", SUPERUSER}
APPLICATIONS = {"Recruitment", SUPERUSER}
REPORT = {"Equal opportunities report", SUPERUSER}
PERSONAL_DATA_TOOLS = {"Partnerships", "Recruitment", SUPERUSER}
SUPERUSERS = {SUPERUSER}
NOBODY = set()

ROLES = [
    "Editors",
    "Moderators",
    "Site managers",
    "Difference Leaders",
    "Partnerships",
    "Recruitment",
    "Equal opportunities report",
    SUPERUSER,
    NO_GROUP,
]

ENQUIRY_EMAIL = "school.contact@example.com"
APPLICANT_EMAIL = "applicant.marker@example.com"
# Text that only a view showing someone's personal data would contain.
MARKERS = ["Marker Enquirer", ENQUIRY_EMAIL, "Marker Applicant", APPLICANT_EMAIL]

E = "/admin/submissions/partnershipenquiry/"
A = "/admin/submissions/teacherapplication/"

# URL name -> (who may use it, [(method, path, data)]): every request that view answers.
VIEWS = {
    "submissions_partnershipenquiry_modeladmin_index": (
        ENQUIRIES,
        [
            ("get", E, {}),
            ("get", E, {"q": "Marker"}),
            ("get", E, {"export": "csv"}),
            ("get", E, {"export": "xlsx"}),
        ],
    ),
    "submissions_partnershipenquiry_modeladmin_inspect": (
        ENQUIRIES,
        [("get", E + "inspect/{enquiry}/", {})],
    ),
    "submissions_partnershipenquiry_modeladmin_edit": (
        ENQUIRIES,
        [("get", E + "edit/{enquiry}/", {})],
    ),
    "submissions_partnershipenquiry_modeladmin_history": (
        ENQUIRIES,
        [("get", E + "history/{enquiry}/", {})],
    ),
    "submissions_partnershipenquiry_modeladmin_create": (NOBODY, [("get", E + "create/", {})]),
    "submissions_partnershipenquiry_modeladmin_delete": (
        SUPERUSERS,
        [("get", E + "delete/{enquiry}/", {})],
    ),
    "submissions_teacherapplication_modeladmin_index": (
        APPLICATIONS,
        [
            ("get", A, {}),
            ("get", A, {"q": "Marker"}),
            ("get", A, {"export": "csv"}),
            ("get", A, {"export": "xlsx"}),
        ],
    ),
    "submissions_teacherapplication_modeladmin_inspect": (
        APPLICATIONS,
        [("get", A + "inspect/{application}/", {})],
    ),
    "submissions_teacherapplication_modeladmin_edit": (
        APPLICATIONS,
        [("get", A + "edit/{application}/", {})],
    ),
    "submissions_teacherapplication_modeladmin_history": (
        APPLICATIONS,
        [("get", A + "history/{application}/", {})],
    ),
    "submissions_teacherapplication_modeladmin_create": (NOBODY, [("get", A + "create/", {})]),
    "submissions_teacherapplication_modeladmin_delete": (
        SUPERUSERS,
        [("get", A + "delete/{application}/", {})],
    ),
    "submissions_application_screen": (APPLICATIONS, [("get", A + "screen/{application}/", {})]),
    "submissions_monitoring_report": (
        REPORT,
        [("get", "/admin/submissions/equal-opportunities/", {})],
    ),
    "submissions_erase": (
        PERSONAL_DATA_TOOLS,
        [
            ("get", "/admin/submissions/erase/", {}),
            ("post", "/admin/submissions/erase/", {"email": APPLICANT_EMAIL}),
            ("post", "/admin/submissions/erase/", {"email": ENQUIRY_EMAIL}),
        ],
    ),
    "submissions_subject_access": (
        PERSONAL_DATA_TOOLS,
        [
            ("post", "/admin/submissions/personal-data/", {"email": APPLICANT_EMAIL}),
            ("post", "/admin/submissions/personal-data/", {"email": ENQUIRY_EMAIL}),
        ],
    ),
}

# The admin menu: each register's and tool's link, shown to its owners only.
MENU = {
    E: ENQUIRIES,
    A: APPLICATIONS,
    "/admin/submissions/equal-opportunities/": REPORT,
    "/admin/submissions/erase/": PERSONAL_DATA_TOOLS,
}


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern.name


def personal_data_admin_urls() -> dict:
    """Every admin URL under submissions/, and every admin URL of a model holding personal
    data (a register, a snippet, a viewset: wherever it is registered)."""
    models = {*submission_models(), *personal_data_models(), MonitoringResponse, MonitoringSummary}
    names = {model._meta.model_name for model in models}
    found = {}
    for route, name in _walk(get_resolver().url_patterns):
        plain = route.replace("^", "")
        if not plain.startswith("admin/"):
            continue
        if plain.startswith("admin/submissions/") or any(n in plain for n in names):
            found[name] = route
    return found


def test_the_matrix_covers_every_view_and_every_group():
    ensure_editorial_workflow()  # as after every migrate: the hub's groups
    assert set(personal_data_admin_urls()) == set(VIEWS)
    groups = set(Group.objects.values_list("name", flat=True))
    assert groups == set(ROLES) - {SUPERUSER, NO_GROUP}


@pytest.fixture
def records():
    ensure_editorial_workflow()
    cohort = CohortFactory()
    enquiry = PartnershipEnquiryFactory(contact_name="Marker Enquirer", email=ENQUIRY_EMAIL)
    application = TeacherApplicationFactory(
        cohort=cohort, full_name="Marker Applicant", email=APPLICANT_EMAIL
    )
    ApplicationDraft.objects.create(cohort=cohort, email=APPLICANT_EMAIL)
    MonitoringResponse.objects.bulk_create(
        [MonitoringResponse(cohort=cohort, sex="female") for _ in range(12)]
    )
    return {"enquiry": enquiry.pk, "application": application.pk}


def make_user(role, django_user_model):
    name = role.lower().replace(" ", "-")
    if role == SUPERUSER:
        return django_user_model.objects.create_superuser(name, f"{name}@example.org", "pw")
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw")
    if role != NO_GROUP:
        user.groups.add(Group.objects.get(name=role))
    return user


def refused(response) -> bool:
    """Turned away: a 403, or Wagtail's redirect to the dashboard (with a message) or to the
    sign-in page; never the page itself."""
    if response.status_code == 403:
        return True
    location = response.get("Location", "")
    return response.status_code == 302 and (
        location == "/admin/" or location.startswith("/admin/login/")
    )


def body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    if response.get("Content-Type") == "application/zip":
        archive = zipfile.ZipFile(io.BytesIO(response.content))
        return "".join(archive.read(name).decode() for name in archive.namelist())
    return response.content.decode(errors="replace")


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_exactly_the_views_it_owns(
    role, records, client, django_user_model, settings
):
    settings.ADMIN_SECOND_FACTOR_REQUIRED = True
    user = make_user(role, django_user_model)
    if role == NO_GROUP:
        client.force_login(user)
    else:
        sign_in_verified(client, user)

    for owners, requests in VIEWS.values():
        for method, path, data in requests:
            url = path.format(**records)
            response = getattr(client, method)(url, data)
            where = f"{role}: {method.upper()} {url} {data}"
            if role in owners:
                assert response.status_code == 200, where
            else:
                assert refused(response), f"{where} answered {response.status_code}"
                text = body(response)
                assert not any(marker in text for marker in MARKERS), where


@pytest.mark.parametrize("role", ROLES)
def test_the_menu_offers_each_role_only_what_it_owns(role, records, client, django_user_model):
    user = make_user(role, django_user_model)
    sign_in_verified(client, user)
    response = client.get("/admin/")
    if role == NO_GROUP:
        assert refused(response)
        return
    dashboard = response.content.decode()
    for url, owners in MENU.items():
        assert (url in dashboard) == (role in owners), f"{role}: menu link {url}"
    # The dashboard's count of new enquiries is the Partnerships team's too.
    assert ("new enquir" in dashboard.lower()) == (role in ENQUIRIES), role


@pytest.mark.parametrize(
    ("role", "finds", "misses"),
    [
        ("Partnerships", ENQUIRY_EMAIL, APPLICANT_EMAIL),
        ("Recruitment", APPLICANT_EMAIL, ENQUIRY_EMAIL),
    ],
)
def test_each_team_finds_and_copies_only_its_own_people(
    role, finds, misses, records, client, django_user_model
):
    sign_in_verified(client, make_user(role, django_user_model))
    for email, held in [(finds, True), (misses, False)]:
        found = client.post("/admin/submissions/erase/", {"email": email}).content.decode()
        assert ("Nothing is held under that address" not in found) == held, (role, email)
        copy = client.post("/admin/submissions/personal-data/", {"email": email})
        archive = zipfile.ZipFile(io.BytesIO(copy.content))
        document = json.loads(archive.read("personal-data.json"))
        assert bool(document["held"]) == held, (role, email)
        text = json.dumps(document["held"], ensure_ascii=False)
        assert any(marker in text for marker in MARKERS) == held, (role, email)
