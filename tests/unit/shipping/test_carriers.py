"""Carrier and service choice, zones, rates, free shipping and Canada's limits."""

from __future__ import annotations

import pytest

from voicecart.errors import ValidationFailed
from voicecart.shipping.address import Address, parse_and_normalise
from voicecart.shipping.carriers import (
    FREE_SHIPPING_THRESHOLD_CENTS,
    GROUND_RATES,
    GROUND_TRANSIT_DAYS,
    NORTHWIND,
    OVERNIGHT_RATES,
    SERVICES,
    SPEEDS,
    TAILSPIN,
    TWO_DAY_RATES,
    WIDE_WORLD,
    Quote,
    describe_services,
    parse_speed,
    quote,
    started_pounds,
    zone_for,
)

pytestmark = pytest.mark.unit

SEATTLE = parse_and_normalise("10 Main St, Seattle, WA 98101")
REDMOND = parse_and_normalise("1 Microsoft Way, Redmond, WA 98052")
PORTLAND = parse_and_normalise("10 Main St, Portland, OR 97201")
NEW_YORK = parse_and_normalise("350 5th Ave, New York, NY 10118")
TORONTO = parse_and_normalise("1 Yonge St, Toronto, ON M5V 2T6")
VANCOUVER = parse_and_normalise("800 Robson St, Vancouver, BC V6Z 2E7")


def _quote(dest: Address, speed: str = "standard", grams: int = 400, subtotal: int = 1000) -> Quote:
    return quote(grams, dest, parse_speed(speed), origin_zip="98052", order_subtotal_cents=subtotal)


def test_speeds() -> None:
    assert SPEEDS == ("standard", "expedited", "overnight")
    assert parse_speed(" Express ") == "expedited"
    assert parse_speed("next day") == "overnight"
    with pytest.raises(ValidationFailed) as info:
        parse_speed("teleport")
    assert [e.field for e in info.value.errors] == ["speed"]


def test_zones_grow_with_distance() -> None:
    assert zone_for("98052", REDMOND) == 1  # same ZIP prefix
    assert zone_for("98052", SEATTLE) == 2  # same state
    assert zone_for("98052", PORTLAND) == 3
    assert zone_for("98052", NEW_YORK) == 8
    assert zone_for("98052", VANCOUVER) == 3
    assert zone_for("98052", TORONTO) == 8
    assert zone_for("10001", NEW_YORK) == 2  # 100 vs 101: same state, another prefix


def test_started_pounds() -> None:
    assert started_pounds(1) == 1
    assert started_pounds(453) == 1
    assert started_pounds(454) == 2
    assert started_pounds(2000) == 5


def test_us_carrier_choice() -> None:
    ground = _quote(NEW_YORK, "standard")
    assert (ground.carrier, ground.service, ground.zone) == (NORTHWIND, "Ground", 8)
    assert ground.transit_business_days == GROUND_TRANSIT_DAYS[7] == 6
    two_day = _quote(NEW_YORK, "expedited")
    assert (two_day.carrier, two_day.service, two_day.transit_business_days) == (
        TAILSPIN,
        "2-Day",
        2,
    )
    overnight = _quote(NEW_YORK, "overnight")
    assert (overnight.carrier, overnight.service, overnight.transit_business_days) == (
        TAILSPIN,
        "Overnight",
        1,
    )


def test_prices_are_base_plus_started_pounds() -> None:
    # 1000 g = 2.2 lb -> 3 started pounds.
    assert _quote(SEATTLE, grams=1000).cost_cents == GROUND_RATES[1][0] + 3 * GROUND_RATES[1][1]
    assert _quote(SEATTLE, grams=1000).cost_cents == 649 + 3 * 60
    assert _quote(NEW_YORK, "expedited", 1000).cost_cents == TWO_DAY_RATES[7][0] + 3 * 240
    assert _quote(NEW_YORK, "overnight", 1000).cost_cents == OVERNIGHT_RATES[7][0] + 3 * 390


def test_free_standard_shipping_threshold() -> None:
    below = _quote(NEW_YORK, subtotal=FREE_SHIPPING_THRESHOLD_CENTS - 1)
    at = _quote(NEW_YORK, subtotal=FREE_SHIPPING_THRESHOLD_CENTS)
    assert FREE_SHIPPING_THRESHOLD_CENTS == 5000
    assert below.cost_cents == 949 + 120 and not below.free_shipping
    assert at.cost_cents == 0 and at.free_shipping
    # Only standard US shipping is free.
    assert _quote(NEW_YORK, "expedited", subtotal=10_000).cost_cents > 0
    assert _quote(TORONTO, "standard", subtotal=10_000).cost_cents > 0


def test_canada() -> None:
    standard = _quote(TORONTO, grams=1000)
    assert (standard.carrier, standard.service) == (WIDE_WORLD, "Standard")
    assert standard.cost_cents == 1499 + 3 * 250
    assert 6 <= standard.transit_business_days <= 10
    assert _quote(VANCOUVER).transit_business_days == 6
    assert _quote(TORONTO).transit_business_days == 10
    expedited = _quote(TORONTO, "expedited", grams=1000)
    assert (expedited.carrier, expedited.transit_business_days) == (WIDE_WORLD, 4)
    assert expedited.cost_cents == 2999 + 3 * 400


def test_no_overnight_to_canada() -> None:
    with pytest.raises(ValidationFailed) as info:
        _quote(TORONTO, "overnight")
    assert [e.field for e in info.value.errors] == ["speed"]
    assert "not available to Canada" in info.value.errors[0].message


def test_weight_must_be_positive() -> None:
    with pytest.raises(ValidationFailed):
        _quote(SEATTLE, grams=0)


def test_knowledge_base_text_lists_every_service() -> None:
    text = describe_services()
    for s in SERVICES:
        assert s.carrier in text and s.service in text
    assert "$50.00" in text
    assert "$5.99 + $0.50/lb (zone 1) to $9.49 + $1.20/lb (zone 8)" in text
