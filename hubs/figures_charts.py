"""Geometry of the dashboard's charts, drawn as SVG by templates (no script, no outside service).

Coordinates are computed here; `templates/hubs/figures/_line_chart.html` and `_bar_chart.html`
draw them with presentation attributes and CSS classes (the CSP forbids style attributes).
In a right-to-left language time runs from right to left and bars grow leftwards, so the
charts mirror like the page around them.
"""

import math

from core.formats import format_date

SERIES_CLASSES = 6  # .chart-series-1 … -6 in site.css


def nice_ceiling(value: float) -> int:
    """The smallest of 1, 2, 5 × 10^k at or above value (at least 1), for a readable axis."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return int(step * power)
    return int(10 * power)


def tick_count(peak: int) -> int:
    """How many steps from 0 to peak so that every tick is a whole number."""
    return next(n for n in (4, 5, 2, 1) if peak % n == 0)


def line_chart(*, months, series, rtl: bool, width: int = 520, height: int = 240) -> dict:
    """series: [(label, [value per month])]."""
    left, right, top, bottom = 44, 20, 12, 36
    if rtl:
        left, right = right, left
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = nice_ceiling(max((max(values, default=0) for _label, values in series), default=0))
    step = plot_w / max(len(months) - 1, 1)
    steps = tick_count(peak)

    def x(i):
        offset = i * step if len(months) > 1 else plot_w / 2
        return round(left + plot_w - offset if rtl else left + offset, 1)

    def y(value):
        return round(top + plot_h - value / peak * plot_h, 1)

    # Label about six months at most so they never collide on a phone-sized chart.
    label_every = max(1, math.ceil(len(months) / 6))
    axis_x = width - right + 6 if rtl else left - 6
    return {
        "width": width,
        "height": height,
        "plot": {"x1": left, "x2": width - right, "y": top + plot_h},
        "grid": [
            {"y": y(peak * k // steps), "label": peak * k // steps, "x": axis_x}
            for k in range(0, steps + 1)
        ],
        "anchor_y": "start" if rtl else "end",
        "months": [
            {"x": x(i), "label": format_date(month, "month"), "y": height - 12}
            for i, month in enumerate(months)
            if i % label_every == 0
        ],
        "lines": [
            {
                "label": label,
                "css": f"chart-series-{index % SERIES_CLASSES + 1}",
                "points": " ".join(f"{x(i)},{y(v)}" for i, v in enumerate(values)),
                "dots": [{"x": x(i), "y": y(v), "value": v} for i, v in enumerate(values)],
            }
            for index, (label, values) in enumerate(series)
        ],
    }


# What a label of .chart-axis (13 px in site.css) takes, at most: the server cannot measure
# text, so it counts characters at a width no glyph of the site's fonts exceeds on average
# (Latin capitals and Arabic letters included).
AXIS_FONT_PX = 13
GLYPH_EM = 0.62
LINE_PX = 15
LABEL_PAD = 8


def text_width(text: str) -> float:
    return len(text) * AXIS_FONT_PX * GLYPH_EM


def label_lines(text: str, room: float, *, most: int = 3) -> list[str]:
    """The label cut into lines of at most room wide, at spaces (hub names share their first
    words, so cutting the end off would leave them all alike); the last line shortened with an
    ellipsis if the text needs more lines than most."""
    per_line = max(int(room / (AXIS_FONT_PX * GLYPH_EM)), 1)
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if len(candidate) <= per_line or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    lines.append(current)
    if len(lines) > most:
        lines = lines[: most - 1] + [" ".join(lines[most - 1 :])]
    return [
        line if len(line) <= per_line else line[: per_line - 1].rstrip(" -—") + "…"
        for line in lines
    ]


def bar_chart(*, groups, values, rtl: bool, width: int = 520) -> dict:
    """groups: [(id, label)]; values: one number per group. Horizontal bars beside their labels.

    The label column is as wide as the longest label needs, up to 40 % of the chart; a longer
    label goes on up to three lines (its full text stays in the bar's tooltip and in the table
    below).
    """
    bar_h, gap, value_w = 20, 8, 48
    longest = max((text_width(label) for _id, label in groups), default=0)
    label_w = math.ceil(min(longest + 2 * LABEL_PAD, width * 0.4))
    track = width - label_w - value_w
    peak = max(max(values, default=0), 1)
    bars, top = [], gap
    for (_id, label), value in zip(groups, values, strict=True):
        lines = label_lines(label, label_w - 2 * LABEL_PAD)
        row_h = max(bar_h, len(lines) * LINE_PX)
        length = round(value / peak * track, 1)
        bar_y = top + (row_h - bar_h) / 2
        if rtl:
            bar_x = width - label_w - length
            label_x, label_anchor = width - LABEL_PAD, "end"
            value_x, value_anchor = bar_x - 6, "end"
        else:
            bar_x = label_w
            label_x, label_anchor = LABEL_PAD, "start"
            value_x, value_anchor = label_w + length + 6, "start"
        # Baselines: the lines of the label centred on the bar.
        first_line_y = top + row_h / 2 - (len(lines) - 1) * LINE_PX / 2 + 4.5
        bars.append(
            {
                "label": label,
                "lines": [
                    {"text": line, "y": round(first_line_y + i * LINE_PX, 1)}
                    for i, line in enumerate(lines)
                ],
                "value": value,
                "x": bar_x,
                "y": bar_y,
                "w": length,
                "h": bar_h,
                "text_y": bar_y + bar_h - 5.5,
                "label_x": label_x,
                "label_anchor": label_anchor,
                "value_x": value_x,
                "value_anchor": value_anchor,
            }
        )
        top += row_h + gap
    return {"width": width, "height": top, "label_w": label_w, "bars": bars}
