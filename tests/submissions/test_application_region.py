"""The region of a teacher application, from the area of the home postcode, and the register's
region filter."""

import csv
import importlib
import io

from django.apps import apps as django_apps
from django.contrib.auth.models import Group

import pytest
from bs4 import BeautifulSoup

from submissions.applications.factories import TeacherApplicationFactory
from submissions.models import TeacherApplication
from taxonomy.places import POSTCODE_AREA_REGIONS, REGIONS, region_for_postcode

from .conftest import APPLY_URL
from .test_application_journey import answers, fill_all, step_url

INDEX = "/admin/submissions/teacherapplication/"


@pytest.mark.parametrize(
    "postcode, region",
    [
        ("LN1 1AA", "east-midlands"),  # two letters
        ("ln11aa", "east-midlands"),  # lower case, no space
        ("  Ln1 1aA ", "east-midlands"),
        ("M1 1AE", "north-west"),  # one letter
        ("m11ae", "north-west"),
        ("SE1 7PB", "london"),  # not S (Sheffield)...
        ("S1 2HE", "yorkshire-and-the-humber"),  # ...nor SE
        ("W1A 1AA", "london"),
        ("WA1 1UH", "north-west"),
        ("B1 1BB", "west-midlands"),
        ("BA1 1LZ", "south-west"),
        ("NE1 4ST", "north-east"),
        ("CB2 1TN", "east-of-england"),
        ("KT1 1EU", "south-east"),  # straddles Surrey and London: most people are in Surrey
        ("EC1A 1BB", "london"),
    ],
)
def test_the_region_comes_from_the_postcode_area(postcode, region):
    assert region_for_postcode(postcode) == region


@pytest.mark.parametrize(
    "postcode",
    [
        "EH1 1YZ",  # Edinburgh
        "g1 1xq",  # Glasgow, one letter
        "CF10 1EP",  # Cardiff
        "BT1 5GS",  # Belfast
        "JE2 3XP",  # Jersey
        "IM1 1AD",  # Isle of Man
    ],
)
def test_postcodes_outside_england_have_no_region(postcode):
    assert region_for_postcode(postcode) == ""


@pytest.mark.parametrize(
    "postcode", ["", None, "garbage", "12345", "QQ1 1AA", "LNX 1AA", "ÉH1 1YZ", "1LN 1AA"]
)
def test_garbage_has_no_region(postcode):
    assert region_for_postcode(postcode) == ""


def test_every_uk_postcode_area_is_in_the_table_with_a_known_region():
    assert len(POSTCODE_AREA_REGIONS) == 124  # 121 in the UK, 3 in the Crown dependencies
    keys = {key for key, _ in REGIONS}
    assert set(POSTCODE_AREA_REGIONS.values()) == keys | {""}
    outside = sorted(area for area, region in POSTCODE_AREA_REGIONS.items() if not region)
    assert len(outside) == 25  # 16 Scottish, 5 Welsh, Northern Ireland, Guernsey, Jersey, Man


@pytest.mark.django_db
@pytest.mark.parametrize("postcode, region", [("ln1 1aa", "east-midlands"), ("eh1 1yz", "")])
def test_a_sent_application_has_the_region_of_its_postcode(started, cohort, postcode, region):
    data = answers(cohort)
    fill_all(started, cohort)
    started.post(
        step_url("personal-details") + "?change=1",
        {**data["personal-details"], "postcode": postcode},
    )
    started.post(APPLY_URL + "check/")
    application = TeacherApplication.objects.get()
    assert application.postcode == postcode.upper()
    assert application.region == region


@pytest.fixture
def recruiter(client, django_user_model):
    user = django_user_model.objects.create_user("rita", "rita@the-difference.test", "pw")
    user.groups.add(Group.objects.get(name="Recruitment"))
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_the_register_filters_by_region_by_name_and_outside_england(recruiter):
    lincoln = TeacherApplicationFactory(postcode="LN1 1AA")
    london = TeacherApplicationFactory(postcode="SE1 7PB")
    edinburgh = TeacherApplicationFactory(postcode="EH1 1YZ")

    page = BeautifulSoup(recruiter.get(INDEX).content, "html.parser")
    filter_links = {a.text.strip() for a in page.select("a[href*='region=']")}
    assert {"East Midlands", "London", "Outside England or unknown"} <= filter_links

    def listed(**params):
        text = recruiter.get(INDEX, params).text
        return {a.reference for a in (lincoln, london, edinburgh) if a.reference in text}

    assert listed(region="east-midlands") == {lincoln.reference}
    assert listed(region="london") == {london.reference}
    assert listed(region="outside-england") == {edinburgh.reference}
    assert listed(region="north-east") == set()

    inspect = recruiter.get(f"{INDEX}inspect/{lincoln.pk}/").text
    assert "East Midlands" in inspect
    export = recruiter.get(INDEX, {"export": "csv"}).getvalue().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(export)))
    regions = {row[rows[0].index("Reference")]: row[rows[0].index("Region")] for row in rows[1:]}
    assert regions == {
        lincoln.reference: "East Midlands",
        london.reference: "London",
        edinburgh.reference: "Outside England or unknown",
    }


@pytest.mark.django_db
def test_the_data_migration_fills_the_region_of_earlier_applications():
    lincoln = TeacherApplicationFactory(postcode="LN1 1AA")
    glasgow = TeacherApplicationFactory(postcode="G1 1XQ")
    # As stored before regions were derived: never filled in.
    TeacherApplication.objects.update(region="")
    TeacherApplication.objects.filter(pk=glasgow.pk).update(region="london")  # and a wrong one

    migration = importlib.import_module(
        "submissions.migrations.0007_teacherapplication_region_from_postcode"
    )
    migration.fill_regions(django_apps, None)

    assert TeacherApplication.objects.get(pk=lincoln.pk).region == "east-midlands"
    assert TeacherApplication.objects.get(pk=glasgow.pk).region == ""


@pytest.mark.django_db
def test_the_demo_applications_have_regions(cohort):
    from home.demo.loader import DemoContext
    from submissions.applications.demo import EXAMPLE_APPLICATIONS, load_example_applications

    load_example_applications(DemoContext(site=None, home=None), cohort)

    applications = TeacherApplication.objects.all()
    assert applications.count() == len(EXAMPLE_APPLICATIONS)
    assert all(application.region for application in applications)
