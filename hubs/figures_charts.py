"""Geometry of the dashboard's charts, drawn as SVG by templates (no script, no outside service).

Coordinates are computed here; `templates/hubs/figures/_line_chart.html` and `_bar_chart.html`
draw them with presentation attributes and CSS classes (the CSP forbids style attributes).
In a right-to-left language time runs from right to left and bars grow leftwards, so the
charts mirror like the page around them.
"""

import math

from django.utils.formats import date_format

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
            {"x": x(i), "label": date_format(month, "M Y"), "y": height - 12}
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


def bar_chart(*, groups, values, rtl: bool, width: int = 520) -> dict:
    """groups: [(id, label)]; values: one number per group. Horizontal bars, long labels fit."""
    bar_h, gap, label_w, value_w = 20, 8, 170, 48
    height = len(groups) * (bar_h + gap) + gap
    track = width - label_w - value_w
    peak = max(max(values, default=0), 1)
    bars = []
    for i, ((_id, label), value) in enumerate(zip(groups, values, strict=True)):
        length = round(value / peak * track, 1)
        top = gap + i * (bar_h + gap)
        if rtl:
            bar_x = width - label_w - length
            label_x, label_anchor = width - label_w + 8, "start"
            value_x, value_anchor = bar_x - 6, "end"
        else:
            bar_x = label_w
            label_x, label_anchor = label_w - 8, "end"
            value_x, value_anchor = label_w + length + 6, "start"
        bars.append(
            {
                "label": label,
                "value": value,
                "x": bar_x,
                "y": top,
                "w": length,
                "h": bar_h,
                "text_y": top + bar_h - 4,
                "label_x": label_x,
                "label_anchor": label_anchor,
                "value_x": value_x,
                "value_anchor": value_anchor,
            }
        )
    return {"width": width, "height": height, "bars": bars}
