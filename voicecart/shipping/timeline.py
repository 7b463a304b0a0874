"""A shipment's planned status timeline, and where it stands at a given moment.

The whole timeline is planned when the shipment is created; a step is
"reached" once its time has passed. Business days skip Saturday and Sunday
(no holidays). Times are UTC ("local-ish": 08:00 UTC is out for delivery).

``time_scale`` compresses the schedule for demos: every offset from
``created_at`` is divided by it, so with 3600 one hour of schedule passes per
second and a 3-day delivery completes in about 72 seconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Final, Protocol, TypeVar

STATUSES: Final = ("created", "label_created", "in_transit", "out_for_delivery", "delivered")

LABEL_DELAY: Final = timedelta(minutes=20)
IN_TRANSIT_AT: Final = time(6, 0)
OUT_FOR_DELIVERY_AT: Final = time(8, 0)
DELIVERED_AT: Final = time(14, 0)


@dataclass(frozen=True)
class PlannedEvent:
    status: str
    description: str
    location: str
    at: datetime


class TimedEvent(Protocol):
    """Anything with a status and a time: a PlannedEvent or a stored ShipmentEvent."""

    @property
    def status(self) -> str: ...

    @property
    def at(self) -> datetime: ...


E = TypeVar("E", bound=TimedEvent)


def is_business_day(day: date) -> bool:
    return day.weekday() < 5


def next_business_day(day: date) -> date:
    """The first business day after ``day``."""
    day += timedelta(days=1)
    while not is_business_day(day):
        day += timedelta(days=1)
    return day


def add_business_days(day: date, n: int) -> date:
    """``n`` business days after ``day`` (Friday + 1 -> Monday; Saturday + 1 -> Monday)."""
    for _ in range(n):
        day = next_business_day(day)
    return day


def plan(
    created_at: datetime,
    transit_business_days: int,
    *,
    origin: str,
    destination: str,
    time_scale: float = 1.0,
) -> list[PlannedEvent]:
    """The five steps from "created" to "delivered", in order.

    * created: at ``created_at``, at the origin;
    * label_created: 20 minutes later;
    * in_transit: 06:00 on the next business day, leaving the origin;
    * out_for_delivery: 08:00 on the delivery day, at the destination;
    * delivered: 14:00 on the delivery day.

    The delivery day is ``transit_business_days`` business days after the day of
    ``created_at`` (so overnight, 1 day, arrives on the next business day).
    """
    if created_at.tzinfo is None:
        raise ValueError("created_at must be timezone-aware")
    if transit_business_days < 1:
        raise ValueError("transit_business_days must be at least 1")
    if time_scale <= 0:
        raise ValueError("time_scale must be positive")
    tz = created_at.tzinfo
    ship_day = next_business_day(created_at.date())
    delivery_day = add_business_days(created_at.date(), transit_business_days)
    schedule = [
        ("created", "Order received; shipment created", origin, created_at),
        ("label_created", "Shipping label created", origin, created_at + LABEL_DELAY),
        (
            "in_transit",
            "Picked up by the carrier and on its way",
            origin,
            datetime.combine(ship_day, IN_TRANSIT_AT, tz),
        ),
        (
            "out_for_delivery",
            "Out for delivery",
            destination,
            datetime.combine(delivery_day, OUT_FOR_DELIVERY_AT, tz),
        ),
        (
            "delivered",
            "Delivered",
            destination,
            datetime.combine(delivery_day, DELIVERED_AT, tz),
        ),
    ]
    return [
        PlannedEvent(status, description, location, created_at + (at - created_at) / time_scale)
        for status, description, location, at in schedule
    ]


def status_at(events: Sequence[E], now: datetime) -> tuple[str, list[E]]:
    """``(current status, events reached by now)``; before the first event, its status."""
    if not events:
        raise ValueError("a timeline has at least one event")
    reached = [e for e in events if e.at <= now]
    current = reached[-1].status if reached else events[0].status
    return current, reached


def estimated_delivery(events: Sequence[TimedEvent]) -> datetime:
    """When the "delivered" step is planned (the last event if there is none)."""
    if not events:
        raise ValueError("a timeline has at least one event")
    for e in events:
        if e.status == "delivered":
            return e.at
    return events[-1].at
