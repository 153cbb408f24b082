"""Chart geometry: bars inside the viewBox, heights proportional, round axis ends."""

from __future__ import annotations

import pytest

from service.ui.charts import HEIGHT, WIDTH, chart


def _chart(data: list[tuple[str, float]], kind: str = "bar"):  # type: ignore[no-untyped-def]
    return chart(kind, data, title="t", description="d", category_label="c", value_label="v")


def test_bars_fit_the_view_and_scale_with_their_values() -> None:
    c = _chart([("a", 3), ("b", 6), ("c", 0)])

    assert [t.text for t in c.ticks] == ["0", "5", "10"]
    a, b, zero = c.bars
    assert b.height == pytest.approx(2 * a.height)
    assert zero.height == 0
    for bar in c.bars:
        assert bar.x >= 0 and bar.x + bar.width <= WIDTH
        assert bar.y >= 0 and bar.y + bar.height <= HEIGHT


def test_many_categories_thin_their_labels_and_negative_values_count_as_zero() -> None:
    c = _chart([(str(i), -1 if i == 0 else i) for i in range(30)])
    assert c.label_every == 4
    assert c.bars[0].value == 0


def test_line_chart_points_and_empty_chart() -> None:
    line = _chart([("a", 1), ("b", 2)], "line")
    assert line.points == " ".join(f"{b.center},{b.y}" for b in line.bars)
    assert _chart([]).empty
    with pytest.raises(ValueError, match="unknown chart kind"):
        _chart([("a", 1)], "pie")
