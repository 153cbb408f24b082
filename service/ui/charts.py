"""Geometry of the server-rendered SVG charts (``templates/macros/charts.html`` draws them).

Computed here, in plain Python, so templates only place shapes and tests can check the
numbers. A chart is drawn in a fixed ``viewBox`` and scales to the page width; its data is
also given as a table, for screen readers and for reading exact values on a phone.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 480
HEIGHT = 220
LEFT = 40  # room for the value axis labels
BOTTOM = 28  # room for the category labels
TOP = 10
RIGHT = 8


@dataclass(frozen=True)
class Tick:
    value: float
    y: float
    text: str


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    x: float
    y: float
    width: float
    height: float
    center: float

    @property
    def value_text(self) -> str:
        return _fmt(self.value)


@dataclass(frozen=True)
class Chart:
    """A bar or line chart, ready to draw: shapes in viewBox units and the data behind them."""

    kind: str  # "bar" | "line"
    title: str
    description: str
    category_label: str
    value_label: str
    bars: list[Bar]
    ticks: list[Tick]
    points: str  # the line's ``points`` attribute (line charts)
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    bottom: float = HEIGHT - BOTTOM
    label_every: int = 1  # draw every n-th category label so they never overlap

    @property
    def empty(self) -> bool:
        return not self.bars


def _nice_max(value: float) -> float:
    """The smallest 1, 2 or 5 × 10^k at least ``value`` (≥ 1): round axis ends."""
    if value <= 1:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return float(step * power)
    return float(10 * power)


def _fmt(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}".rstrip("0")


def chart(
    kind: str,
    data: Sequence[tuple[str, float]],
    *,
    title: str,
    description: str,
    category_label: str,
    value_label: str,
) -> Chart:
    """Lay out ``data`` (category, value ≥ 0) as a bar or line chart.

    Args:
        kind: ``"bar"`` or ``"line"``.
        data: categories in display order with their values; negative values count as 0.
        title: the chart's accessible name (its SVG ``<title>`` and table caption).
        description: a sentence that says what the chart shows (its SVG ``<desc>``).
        category_label: the header of the category column in the data table.
        value_label: the header of the value column in the data table.
    """
    if kind not in ("bar", "line"):
        raise ValueError(f"unknown chart kind {kind!r}")
    values = [max(0.0, float(v)) for _, v in data]
    top = _nice_max(max(values, default=0.0))
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - BOTTOM - TOP
    slot = plot_w / max(len(data), 1)
    bars = []
    for i, ((label, _), value) in enumerate(zip(data, values, strict=True)):
        height = plot_h * value / top
        x = LEFT + i * slot
        bars.append(
            Bar(
                label=label,
                value=value,
                x=round(x + slot * 0.15, 2),
                y=round(TOP + plot_h - height, 2),
                width=round(slot * 0.7, 2),
                height=round(height, 2),
                center=round(x + slot / 2, 2),
            )
        )
    ticks = [
        Tick(value=top * f, y=round(TOP + plot_h * (1 - f), 2), text=_fmt(top * f))
        for f in (0.0, 0.5, 1.0)
    ]
    points = " ".join(f"{b.center},{b.y}" for b in bars)
    return Chart(
        kind=kind,
        title=title,
        description=description,
        category_label=category_label,
        value_label=value_label,
        bars=bars,
        ticks=ticks,
        points=points,
        label_every=max(1, math.ceil(len(data) / 8)),
    )
