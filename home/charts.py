"""Bar charts laid out on the server, drawn by templates/components/bar_chart.html as inline SVG.

No JavaScript and no style attributes: the template places every label and bar with SVG
attributes (x, y, width, height) and colours them with classes from main.css. Labels wrap on
whole words, so a chart stays readable when the SVG is scaled down to a phone's width.
"""

import textwrap
from dataclasses import dataclass, field

WIDTH = 360  # viewBox units; the SVG scales to its container
LABEL_CHARS = 40  # characters per label line at the label font size
LABEL_LINE_HEIGHT = 19
BAR_HEIGHT = 22
BAR_GAP = 6  # between a label's last line and its bar
ROW_GAP = 20  # between one bar and the next label
VALUE_SPACE = 84  # room to the right of the longest bar for its value
MIN_BAR = 2  # a zero or tiny value still shows a sliver


@dataclass(frozen=True)
class ChartItem:
    label: str
    value: float
    value_text: str


@dataclass(frozen=True)
class LabelLine:
    text: str
    y: float


@dataclass(frozen=True)
class Bar:
    item: ChartItem
    label_lines: tuple[LabelLine, ...]
    y: float
    width: float
    value_x: float
    value_y: float


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    bar_height: int
    track_width: float
    bars: tuple[Bar, ...] = field(default_factory=tuple)

    @property
    def items(self) -> list[ChartItem]:
        return [bar.item for bar in self.bars]


def wrap_label(label: str, width: int = LABEL_CHARS) -> list[str]:
    return textwrap.wrap(label, width=width, break_long_words=True) or [""]


def bar_chart(items: list[ChartItem], width: int = WIDTH) -> BarChart:
    """Horizontal bars, one per item, longest for the largest value, each under its label."""
    track_width = width - VALUE_SPACE
    largest = max((item.value for item in items), default=0)
    bars = []
    y = 0.0
    for item in items:
        lines = []
        for line in wrap_label(item.label):
            y += LABEL_LINE_HEIGHT
            lines.append(LabelLine(line, y - 5))  # baseline, a little above the line's bottom
        y += BAR_GAP
        share = item.value / largest if largest > 0 else 0
        bar_width = max(MIN_BAR, round(track_width * share, 1))
        bars.append(
            Bar(
                item=item,
                label_lines=tuple(lines),
                y=y,
                width=bar_width,
                value_x=bar_width + 8,
                value_y=y + BAR_HEIGHT - 6,
            )
        )
        y += BAR_HEIGHT + ROW_GAP
    height = int(y - ROW_GAP + 4) if bars else 0
    return BarChart(
        width=width,
        height=height,
        bar_height=BAR_HEIGHT,
        track_width=track_width,
        bars=tuple(bars),
    )
