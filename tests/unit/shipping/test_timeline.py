"""Planned timelines: order of steps, business days, time compression, progress."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from voicecart.shipping.timeline import (
    STATUSES,
    add_business_days,
    estimated_delivery,
    plan,
    status_at,
)

pytestmark = pytest.mark.unit

MONDAY = datetime(2024, 6, 3, 15, 30, tzinfo=UTC)
FRIDAY = datetime(2024, 6, 7, 15, 30, tzinfo=UTC)


def test_steps_in_order_with_places() -> None:
    events = plan(MONDAY, 2, origin="Redmond, WA", destination="Seattle, WA")
    assert [e.status for e in events] == list(STATUSES)
    assert [e.at for e in events] == sorted(e.at for e in events)
    assert events[0].at == MONDAY
    assert events[1].at == MONDAY + timedelta(minutes=20)
    assert events[2].at == datetime(2024, 6, 4, 6, 0, tzinfo=UTC)  # next business morning
    assert events[3].at == datetime(2024, 6, 5, 8, 0, tzinfo=UTC)  # Monday + 2 = Wednesday
    assert events[4].at == datetime(2024, 6, 5, 14, 0, tzinfo=UTC)
    assert {e.location for e in events[:3]} == {"Redmond, WA"}
    assert {e.location for e in events[3:]} == {"Seattle, WA"}
    assert estimated_delivery(events) == events[4].at


def test_weekend_is_skipped() -> None:
    events = plan(FRIDAY, 2, origin="A", destination="B")
    assert events[2].at == datetime(2024, 6, 10, 6, 0, tzinfo=UTC)  # Monday, not Saturday
    assert estimated_delivery(events) == datetime(2024, 6, 11, 14, 0, tzinfo=UTC)  # Tuesday
    saturday = datetime(2024, 6, 8, 12, 0, tzinfo=UTC)
    overnight = plan(saturday, 1, origin="A", destination="B")
    assert estimated_delivery(overnight).date() == datetime(2024, 6, 10).date()
    assert add_business_days(FRIDAY.date(), 5) == datetime(2024, 6, 14).date()


def test_overnight_stays_in_order() -> None:
    events = plan(MONDAY, 1, origin="A", destination="B")
    assert [e.at for e in events] == sorted(e.at for e in events)
    assert estimated_delivery(events).date() == datetime(2024, 6, 4).date()


def test_time_scale_compresses_every_offset() -> None:
    normal = plan(MONDAY, 3, origin="A", destination="B")
    fast = plan(MONDAY, 3, origin="A", destination="B", time_scale=3600)
    for slow, quick in zip(normal, fast, strict=True):
        assert quick.at - MONDAY == (slow.at - MONDAY) / 3600
    # Monday 15:30 -> Thursday 14:00 is 70.5 hours: 70.5 seconds at an hour a second.
    assert estimated_delivery(fast) - MONDAY == timedelta(seconds=70.5)


def test_status_progresses() -> None:
    events = plan(MONDAY, 2, origin="A", destination="B")
    seen = []
    for hours in (0, 1, 16, 41, 47, 100):
        status, reached = status_at(events, MONDAY + timedelta(hours=hours))
        seen.append(status)
        assert [e.status for e in reached] == list(STATUSES[: len(reached)])
    assert seen == [
        "created",
        "label_created",
        "in_transit",
        "out_for_delivery",
        "delivered",
        "delivered",
    ]
    status, reached = status_at(events, MONDAY - timedelta(minutes=1))
    assert (status, reached) == ("created", [])


def test_bad_input() -> None:
    with pytest.raises(ValueError):
        plan(MONDAY, 0, origin="A", destination="B")
    with pytest.raises(ValueError):
        plan(MONDAY.replace(tzinfo=None), 1, origin="A", destination="B")
    with pytest.raises(ValueError):
        plan(MONDAY, 1, origin="A", destination="B", time_scale=0)
