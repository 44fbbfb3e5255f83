"""Will the header's links fit on one row? An estimate editors see in Settings > Site settings.

From 1024 pixels wide (laptops, tablets held sideways) the main navigation is one row under
the logo that never wraps (static/css/main.css, "Laptops and tablets"). The narrowest of those
screens leaves the row `ROW_WIDTH` pixels. Each link takes its label's width at `FONT_SIZE`,
plus `LINK_PADDING` on each side, and `GAP` separates the links: keep these in step with the
`--nav-*` properties of main.css.

Labels are measured with the advance widths of DejaVu Sans Bold, the widest of the fonts the
site's `system-ui` stack resolves to on common systems (Linux's default; San Francisco and
Segoe UI are narrower), so links estimated to fit, fit everywhere. The browser tests compare
this estimate with the row Chromium draws.
"""

from dataclasses import dataclass

from wagtail.admin.panels import Panel
from wagtail.models import Page

ROW_WIDTH = 966  # px at 1024 wide: the container's 960, and the first link's padding
FONT_SIZE = 16  # px
LINK_PADDING = 6  # px, each side of a label
GAP = 4  # px between links

# DejaVu Sans Bold: advance widths of the printable ASCII characters, in thousandths of an em.
_ASCII = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"
_WIDTHS = (
    348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696,
    696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734,
    830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812,
    774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716,
    712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652,
    582, 712, 365, 712, 838,
)  # fmt: skip
ADVANCE = dict(zip(_ASCII, _WIDTHS, strict=True))
OTHER_ADVANCE = 780  # anything else (accented letters, curly quotes, dashes): a wide letter's


def text_width(text: str, font_size: float = FONT_SIZE) -> float:
    """The width in pixels of `text` in DejaVu Sans Bold at `font_size` pixels."""
    return sum(ADVANCE.get(char, OTHER_ADVANCE) for char in text) * font_size / 1000


def row_width(labels: list[str]) -> float:
    """The width in pixels of a row of links with these labels."""
    if not labels:
        return 0.0
    links = sum(text_width(label) + 2 * LINK_PADDING for label in labels)
    return links + GAP * (len(labels) - 1)


@dataclass(frozen=True)
class NavigationFit:
    labels: list[str]
    width: int  # px, rounded up
    room: int = ROW_WIDTH

    @property
    def fits(self) -> bool:
        return self.width <= self.room

    @property
    def message(self) -> str:
        if self.fits:
            return (
                f"The header's links take about {self.width} of the {self.room} pixels they "
                "have on a laptop or tablet: they fit on one row."
            )
        return (
            f"The header's links need about {self.width} pixels, but a laptop or tablet screen "
            f"(1024 pixels wide) has room for {self.room}: they will not fit on one row. "
            "Shorten their labels (the 'Label' of a link replaces the page's title) or remove "
            "a link."
        )


def primary_navigation_labels(site_settings) -> list[str]:
    """The header links' labels, as the site will show them once their pages are live: an
    editor's label, else the page's title (one query for the pages)."""
    values = [item["value"] for item in site_settings.primary_navigation.raw_data]
    titles = dict(
        Page.objects.filter(pk__in=[v["page"] for v in values if v.get("page")]).values_list(
            "pk", "title"
        )
    )
    labels = []
    for value in values:
        label = (value.get("label") or "").strip()
        if not label and value.get("page"):
            label = titles.get(value["page"], "")
        if not label:
            label = value.get("external_url") or ""
        if label:
            labels.append(label)
    return labels


def navigation_fit(site_settings) -> NavigationFit:
    labels = primary_navigation_labels(site_settings)
    width = row_width(labels)
    return NavigationFit(labels=labels, width=int(-(-width // 1)))


class NavigationFitPanel(Panel):
    """Says, under the header's links in Settings > Site settings, whether they fit on one
    row: a warning when they do not, a plain note when they do. (Saving still works: the
    links then wrap onto a second row on laptops and tablets until they are shortened.)"""

    class BoundPanel(Panel.BoundPanel):
        template_name = "home/admin/navigation_fit_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["fit"] = navigation_fit(self.instance)
            return context
