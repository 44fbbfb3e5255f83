"""English local authorities with education responsibilities, and the region each is in; and
the region of each UK postcode area.

Local authorities are maintained by hand from the Department for Education's list (153 since
April 2023, when Cumberland and Westmorland and Furness replaced Cumbria). When boundaries
change, add the new authorities and mark the old ones `current=False`: old enquiries keep
displaying them, and the form stops offering them. Keys are stored in the database: never
change or reuse one.

Postcode areas (the leading letters of a postcode: "LN" in LN1 1AA, "M" in M1 1AE) are
maintained by hand from Royal Mail's list: 121 areas in the UK and three in the Crown
dependencies; Royal Mail has added none for decades. An area whose districts lie in more than
one region counts in the region where most of its people live (see the notes beside the table);
areas in Wales, Scotland, Northern Ireland and the Crown dependencies have no region (""). After
changing the table, refill stored regions with a data migration, as submissions' 0007 does.
"""

import re
from typing import NamedTuple

from django.utils.text import slugify

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


def choices_by_region() -> list[tuple[str, list[tuple[str, str]]]]:
    """[(region name, [(key, name), ...]), ...]: every authority, current or not, by region in
    the order of REGIONS, each region's authorities alphabetically."""
    return [
        (
            region_name,
            sorted(
                ((a.key, a.name) for a in LOCAL_AUTHORITIES if a.region == region),
                key=lambda choice: choice[1].lower(),
            ),
        )
        for region, region_name in REGIONS
    ]


def region_for(key: str) -> str:
    authority = BY_KEY.get(key)
    return authority.region if authority else ""


# --- postcode areas --------------------------------------------------------------------------

# Areas that cross a regional boundary, and why each counts where it does (most of its people):
# CH Chester and the Wirral (Flintshire, in Wales, is the smaller part); DA Dartford, Gravesend
# (Kent) and Bexley (London) are about even, and it counts with Kent like its post towns; DE Derby
# (Burton upon Trent is in Staffordshire); DL Darlington and County Durham (North Yorkshire's
# Northallerton and Richmond are the smaller part); DN Doncaster, Scunthorpe and Grimsby
# (Gainsborough and Retford are in the East Midlands); EN Enfield and Barnet (Cheshunt, Potters
# Bar and Waltham Abbey are outside London); HP Aylesbury and High Wycombe (Hemel Hempstead is in
# Hertfordshire); KT Elmbridge, Epsom and the rest of Surrey (Kingston is in London); MK Milton
# Keynes (Bedford is in the East of England); PE Peterborough, Huntingdon and King's Lynn
# (Boston, Spalding and Stamford are in Lincolnshire); S Sheffield and Rotherham (Chesterfield
# and Worksop are in the East Midlands); SK Stockport and Cheshire (Glossop and Buxton are in
# Derbyshire); SP Salisbury and Wiltshire (Andover is in Hampshire); SY Shrewsbury and Shropshire
# (Aberystwyth, Newtown and Welshpool are in Wales); TD the Scottish Borders (Berwick-upon-Tweed
# is in England); TW Hounslow and Richmond (Staines and Sunbury are in Surrey).
_POSTCODE_AREAS_BY_REGION = {
    "north-east": "DH DL NE SR TS",
    "north-west": "BB BL CA CH CW FY L LA M OL PR SK WA WN",
    "yorkshire-and-the-humber": "BD DN HD HG HU HX LS S WF YO",
    "east-midlands": "DE LE LN NG NN",
    "west-midlands": "B CV DY HR ST SY TF WR WS WV",
    "east-of-england": "AL CB CM CO IP LU NR PE SG SS WD",
    "london": "BR CR E EC EN HA IG N NW RM SE SM SW TW UB W WC",
    "south-east": "BN CT DA GU HP KT ME MK OX PO RG RH SL SO TN",
    "south-west": "BA BH BS DT EX GL PL SN SP TA TQ TR",
    # Wales; Scotland; Northern Ireland; Guernsey, Jersey and the Isle of Man.
    "": ("CF LD LL NP SA AB DD DG EH FK G HS IV KA KW KY ML PA PH TD ZE BT GY JE IM"),
}
POSTCODE_AREA_REGIONS: dict[str, str] = {
    area: region for region, areas in _POSTCODE_AREAS_BY_REGION.items() for area in areas.split()
}

_POSTCODE_AREA = re.compile(r"\s*([A-Za-z]{1,2})[0-9]")


def postcode_area(postcode: str | None) -> str:
    """The area of a postcode, in capitals: "LN" for "ln1 1aa", "M" for "M1 1AE"; else ""."""
    match = _POSTCODE_AREA.match(postcode or "")
    return match.group(1).upper() if match else ""


def region_for_postcode(postcode: str | None) -> str:
    """The English region (a REGIONS key) of a postcode's area; "" outside England or if the
    postcode has no known area."""
    return POSTCODE_AREA_REGIONS.get(postcode_area(postcode), "")
