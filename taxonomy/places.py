"""English local authorities with education responsibilities, and the region each is in.

Maintained by hand from the Department for Education's list of local authorities (153 since
April 2023, when Cumberland and Westmorland and Furness replaced Cumbria). When boundaries
change, add the new authorities and mark the old ones `current=False`: old enquiries keep
displaying them, and the form stops offering them. Keys are stored in the database: never
change or reuse one.
"""

from typing import NamedTuple

REGIONS = [
    ("north-east", "North East"),
    ("north-west", "North West"),
    ("yorkshire-and-the-humber", "Yorkshire and the Humber"),
    ("east-midlands", "East Midlands"),
    ("west-midlands", "West Midlands"),
    ("east-of-england", "East of England"),
    ("london", "London"),
    ("south-east", "South East"),
    ("south-west", "South West"),
]
REGION_NAMES = dict(REGIONS)


class LocalAuthority(NamedTuple):
    key: str
    name: str
    region: str
    current: bool = True


def _authorities(region: str, *names: str) -> list[LocalAuthority]:
    from django.utils.text import slugify

    return [LocalAuthority(slugify(name.replace(".", "")), name, region) for name in names]


LOCAL_AUTHORITIES: list[LocalAuthority] = [
    *_authorities(
        "north-east",
        "County Durham",
        "Darlington",
        "Gateshead",
        "Hartlepool",
        "Middlesbrough",
        "Newcastle upon Tyne",
        "North Tyneside",
        "Northumberland",
        "Redcar and Cleveland",
        "South Tyneside",
        "Stockton-on-Tees",
        "Sunderland",
    ),
    *_authorities(
        "north-west",
        "Blackburn with Darwen",
        "Blackpool",
        "Bolton",
        "Bury",
        "Cheshire East",
        "Cheshire West and Chester",
        "Cumberland",
        "Halton",
        "Knowsley",
        "Lancashire",
        "Liverpool",
        "Manchester",
        "Oldham",
        "Rochdale",
        "Salford",
        "Sefton",
        "St. Helens",
        "Stockport",
        "Tameside",
        "Trafford",
        "Warrington",
        "Westmorland and Furness",
        "Wigan",
        "Wirral",
    ),
    *_authorities(
        "yorkshire-and-the-humber",
        "Barnsley",
        "Bradford",
        "Calderdale",
        "Doncaster",
        "East Riding of Yorkshire",
        "Kingston upon Hull",
        "Kirklees",
        "Leeds",
        "North East Lincolnshire",
        "North Lincolnshire",
        "North Yorkshire",
        "Rotherham",
        "Sheffield",
        "Wakefield",
        "York",
    ),
    *_authorities(
        "east-midlands",
        "Derby",
        "Derbyshire",
        "Leicester",
        "Leicestershire",
        "Lincolnshire",
        "North Northamptonshire",
        "Nottingham",
        "Nottinghamshire",
        "Rutland",
        "West Northamptonshire",
    ),
    *_authorities(
        "west-midlands",
        "Birmingham",
        "Coventry",
        "Dudley",
        "Herefordshire",
        "Sandwell",
        "Shropshire",
        "Solihull",
        "Staffordshire",
        "Stoke-on-Trent",
        "Telford and Wrekin",
        "Walsall",
        "Warwickshire",
        "Wolverhampton",
        "Worcestershire",
    ),
    *_authorities(
        "east-of-england",
        "Bedford",
        "Cambridgeshire",
        "Central Bedfordshire",
        "Essex",
        "Hertfordshire",
        "Luton",
        "Norfolk",
        "Peterborough",
        "Southend-on-Sea",
        "Suffolk",
        "Thurrock",
    ),
    *_authorities(
        "london",
        "Barking and Dagenham",
        "Barnet",
        "Bexley",
        "Brent",
        "Bromley",
        "Camden",
        "City of London",
        "Croydon",
        "Ealing",
        "Enfield",
        "Greenwich",
        "Hackney",
        "Hammersmith and Fulham",
        "Haringey",
        "Harrow",
        "Havering",
        "Hillingdon",
        "Hounslow",
        "Islington",
        "Kensington and Chelsea",
        "Kingston upon Thames",
        "Lambeth",
        "Lewisham",
        "Merton",
        "Newham",
        "Redbridge",
        "Richmond upon Thames",
        "Southwark",
        "Sutton",
        "Tower Hamlets",
        "Waltham Forest",
        "Wandsworth",
        "Westminster",
    ),
    *_authorities(
        "south-east",
        "Bracknell Forest",
        "Brighton and Hove",
        "Buckinghamshire",
        "East Sussex",
        "Hampshire",
        "Isle of Wight",
        "Kent",
        "Medway",
        "Milton Keynes",
        "Oxfordshire",
        "Portsmouth",
        "Reading",
        "Slough",
        "Southampton",
        "Surrey",
        "West Berkshire",
        "West Sussex",
        "Windsor and Maidenhead",
        "Wokingham",
    ),
    *_authorities(
        "south-west",
        "Bath and North East Somerset",
        "Bournemouth, Christchurch and Poole",
        "Bristol",
        "Cornwall",
        "Devon",
        "Dorset",
        "Gloucestershire",
        "Isles of Scilly",
        "North Somerset",
        "Plymouth",
        "Somerset",
        "South Gloucestershire",
        "Swindon",
        "Torbay",
        "Wiltshire",
    ),
    # Former authorities: kept so that older records still display.
    LocalAuthority("cumbria", "Cumbria (until March 2023)", "north-west", current=False),
    LocalAuthority(
        "northamptonshire", "Northamptonshire (until March 2021)", "east-midlands", current=False
    ),
]

BY_KEY: dict[str, LocalAuthority] = {authority.key: authority for authority in LOCAL_AUTHORITIES}


def current_choices() -> list[tuple[str, str]]:
    """What the form offers: today's authorities, in alphabetical order."""
    return sorted(
        ((a.key, a.name) for a in LOCAL_AUTHORITIES if a.current), key=lambda c: c[1].lower()
    )


def all_choices() -> list[tuple[str, str]]:
    """Every authority ever stored, for the model field, the admin filters and exports."""
    return sorted(((a.key, a.name) for a in LOCAL_AUTHORITIES), key=lambda c: c[1].lower())


def region_for(key: str) -> str:
    authority = BY_KEY.get(key)
    return authority.region if authority else ""
