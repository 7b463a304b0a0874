"""Carriers, services, zones and rates (all fictional; figures fixed for the knowledge base).

US (from the warehouse, default ZIP 98052):

* standard  -> Northwind Parcel "Ground", 2-6 business days by zone (``GROUND_TRANSIT_DAYS``)
* expedited -> Tailspin Express "2-Day", 2 business days
* overnight -> Tailspin Express "Overnight", 1 business day

Canada:

* standard  -> Wide World Post "Standard", 6-10 business days by zone, $14.99 + $2.50/lb
* expedited -> Wide World Post "Expedited", 4 business days, $29.99 + $4.00/lb
* overnight -> not available

US prices per zone are in ``GROUND_RATES``, ``TWO_DAY_RATES`` and ``OVERNIGHT_RATES``.
Cost = base + per-pound rate x started pounds (1 lb minimum; 1 lb = 453.59237 g).
Standard shipping is free for US orders with a subtotal of $50.00 or more.
Overnight is not available to Canada.

Zones (1-8) approximate the distance from the warehouse to the destination:
same three-digit ZIP prefix is zone 1; otherwise the great-circle distance
between the approximate population centres of the origin state (from its ZIP
prefix) and the destination state/province picks the zone with the USPS
distance bands (<=50 mi 1, <=150 2, <=300 3, <=600 4, <=1000 5, <=1400 6,
<=1800 7, beyond 8), never below 2 for a different prefix.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final, Literal

from voicecart.errors import FieldError, ValidationFailed
from voicecart.shipping.address import Address
from voicecart.shipping.regions import CENTROIDS, state_of_zip

Speed = Literal["standard", "expedited", "overnight"]
SPEEDS: Final[tuple[Speed, ...]] = ("standard", "expedited", "overnight")

FREE_SHIPPING_THRESHOLD_CENTS: Final = 5000
GRAMS_PER_POUND: Final = 453.59237

NORTHWIND: Final = "Northwind Parcel"
TAILSPIN: Final = "Tailspin Express"
WIDE_WORLD: Final = "Wide World Post"
CARRIERS: Final[tuple[str, ...]] = (NORTHWIND, TAILSPIN, WIDE_WORLD)

# Zone -> (base cents, cents per started pound); index 0 is zone 1.
GROUND_RATES: Final[tuple[tuple[int, int], ...]] = (
    (599, 50),
    (649, 60),
    (699, 70),
    (749, 80),
    (799, 90),
    (849, 100),
    (899, 110),
    (949, 120),
)
TWO_DAY_RATES: Final[tuple[tuple[int, int], ...]] = (
    (1299, 100),
    (1399, 120),
    (1499, 140),
    (1599, 160),
    (1699, 180),
    (1799, 200),
    (1899, 220),
    (1999, 240),
)
OVERNIGHT_RATES: Final[tuple[tuple[int, int], ...]] = (
    (2499, 180),
    (2699, 210),
    (2899, 240),
    (3099, 270),
    (3299, 300),
    (3499, 330),
    (3699, 360),
    (3899, 390),
)
CANADA_STANDARD_RATE: Final = (1499, 250)
CANADA_EXPEDITED_RATE: Final = (2999, 400)

# Zone -> business days in transit; index 0 is zone 1.
GROUND_TRANSIT_DAYS: Final[tuple[int, ...]] = (2, 2, 3, 3, 4, 5, 5, 6)
CANADA_STANDARD_TRANSIT_DAYS: Final[tuple[int, ...]] = (6, 6, 6, 6, 7, 8, 9, 10)
TWO_DAY_TRANSIT_DAYS: Final = 2
OVERNIGHT_TRANSIT_DAYS: Final = 1
CANADA_EXPEDITED_TRANSIT_DAYS: Final = 4

_ZONE_BANDS_MILES: Final = (50, 150, 300, 600, 1000, 1400, 1800)
_EARTH_RADIUS_MILES: Final = 3958.8


@dataclass(frozen=True)
class Quote:
    carrier: str
    service: str
    zone: int
    transit_business_days: int
    cost_cents: int
    speed: Speed = "standard"
    free_shipping: bool = False


@dataclass(frozen=True)
class ServiceInfo:
    """One service, described for the knowledge base."""

    carrier: str
    service: str
    speed: Speed
    country: Literal["US", "CA"]
    transit: str
    price: str
    description: str


def _money(cents: int) -> str:
    return f"${cents // 100}.{cents % 100:02d}"


def _rate_range(rates: tuple[tuple[int, int], ...]) -> str:
    (b1, p1), (b8, p8) = rates[0], rates[-1]
    return f"{_money(b1)} + {_money(p1)}/lb (zone 1) to {_money(b8)} + {_money(p8)}/lb (zone 8)"


SERVICES: Final[tuple[ServiceInfo, ...]] = (
    ServiceInfo(
        NORTHWIND,
        "Ground",
        "standard",
        "US",
        "2-6 business days by distance",
        _rate_range(GROUND_RATES) + "; free on orders of $50.00 or more",
        "Standard shipping within the US by Northwind Parcel Ground, 2 to 6 business days "
        "depending on distance. Free for orders of $50 or more.",
    ),
    ServiceInfo(
        TAILSPIN,
        "2-Day",
        "expedited",
        "US",
        "2 business days",
        _rate_range(TWO_DAY_RATES),
        "Expedited shipping within the US by Tailspin Express 2-Day air, delivered in "
        "2 business days.",
    ),
    ServiceInfo(
        TAILSPIN,
        "Overnight",
        "overnight",
        "US",
        "1 business day",
        _rate_range(OVERNIGHT_RATES),
        "Overnight shipping within the US by Tailspin Express, delivered the next business "
        "day. Not available to Canada.",
    ),
    ServiceInfo(
        WIDE_WORLD,
        "Standard",
        "standard",
        "CA",
        "6-10 business days",
        f"{_money(CANADA_STANDARD_RATE[0])} + {_money(CANADA_STANDARD_RATE[1])}/lb",
        "Standard shipping to Canada by Wide World Post, 6 to 10 business days.",
    ),
    ServiceInfo(
        WIDE_WORLD,
        "Expedited",
        "expedited",
        "CA",
        "4 business days",
        f"{_money(CANADA_EXPEDITED_RATE[0])} + {_money(CANADA_EXPEDITED_RATE[1])}/lb",
        "Expedited shipping to Canada by Wide World Post, 4 business days.",
    ),
)


def describe_services() -> str:
    """Plain-text summary of every service, for the knowledge base."""
    lines = [
        "Contoso ships to the United States and Canada.",
        f"Standard shipping is free for US orders of {_money(FREE_SHIPPING_THRESHOLD_CENTS)} "
        "or more. Prices are a base charge plus a charge per started pound.",
    ]
    for s in SERVICES:
        lines.append(
            f"- {s.carrier} {s.service} ({s.speed}, {s.country}): {s.transit}; {s.price}. "
            + s.description
        )
    return "\n".join(lines)


_SPEED_ALIASES: Final[dict[str, Speed]] = {
    "standard": "standard",
    "ground": "standard",
    "regular": "standard",
    "normal": "standard",
    "expedited": "expedited",
    "express": "expedited",
    "2-day": "expedited",
    "2 day": "expedited",
    "two day": "expedited",
    "overnight": "overnight",
    "next day": "overnight",
    "next-day": "overnight",
}


def parse_speed(value: str) -> Speed:
    """``"Express"`` -> ``"expedited"``; unknown speeds raise ``ValidationFailed`` on "speed"."""
    speed = _SPEED_ALIASES.get(" ".join(value.strip().lower().split()))
    if speed is None:
        raise ValidationFailed(
            [FieldError("speed", "must be one of standard, expedited or overnight")]
        )
    return speed


def started_pounds(weight_grams: int) -> int:
    """Pounds, rounded up, at least 1: 1 g -> 1, 454 g -> 2."""
    return max(1, math.ceil(weight_grams / GRAMS_PER_POUND))


def _miles(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * _EARTH_RADIUS_MILES * math.asin(math.sqrt(h))


def zone_for(origin_zip: str, destination: Address) -> int:
    """Shipping zone 1-8 from the warehouse ZIP to the destination (see module docstring)."""
    origin_state = state_of_zip(origin_zip)
    if origin_state is None:
        raise ValueError(f"warehouse ZIP {origin_zip!r} is not a US ZIP code")
    if destination.country == "US" and destination.postal_code[:3] == origin_zip[:3]:
        return 1
    miles = _miles(CENTROIDS[origin_state], CENTROIDS[destination.state])
    zone = 1 + sum(1 for band in _ZONE_BANDS_MILES if miles > band)
    return max(2, zone)


def quote(
    weight_grams: int,
    destination: Address,
    speed: Speed,
    *,
    origin_zip: str,
    order_subtotal_cents: int,
) -> Quote:
    """Carrier, service, zone, transit time and price for one parcel."""
    if speed not in SPEEDS:
        parse_speed(speed)  # raises with the standard message
    if weight_grams <= 0:
        raise ValidationFailed([FieldError("weight_grams", "must be a positive weight")])
    zone = zone_for(origin_zip, destination)
    pounds = started_pounds(weight_grams)

    if destination.country == "CA":
        if speed == "overnight":
            raise ValidationFailed(
                [
                    FieldError(
                        "speed",
                        "overnight shipping is not available to Canada; "
                        "choose standard or expedited",
                    )
                ]
            )
        if speed == "expedited":
            base, per_lb = CANADA_EXPEDITED_RATE
            return Quote(
                WIDE_WORLD,
                "Expedited",
                zone,
                CANADA_EXPEDITED_TRANSIT_DAYS,
                base + per_lb * pounds,
                speed,
            )
        base, per_lb = CANADA_STANDARD_RATE
        return Quote(
            WIDE_WORLD,
            "Standard",
            zone,
            CANADA_STANDARD_TRANSIT_DAYS[zone - 1],
            base + per_lb * pounds,
            speed,
        )

    if speed == "overnight":
        base, per_lb = OVERNIGHT_RATES[zone - 1]
        cost = base + per_lb * pounds
        return Quote(TAILSPIN, "Overnight", zone, OVERNIGHT_TRANSIT_DAYS, cost, speed)
    if speed == "expedited":
        base, per_lb = TWO_DAY_RATES[zone - 1]
        cost = base + per_lb * pounds
        return Quote(TAILSPIN, "2-Day", zone, TWO_DAY_TRANSIT_DAYS, cost, speed)
    base, per_lb = GROUND_RATES[zone - 1]
    free = order_subtotal_cents >= FREE_SHIPPING_THRESHOLD_CENTS
    cost = 0 if free else base + per_lb * pounds
    return Quote(NORTHWIND, "Ground", zone, GROUND_TRANSIT_DAYS[zone - 1], cost, speed, free)
