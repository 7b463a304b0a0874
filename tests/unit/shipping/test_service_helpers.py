"""service.py's pure helpers (no database): ids, weights, address errors, the view."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from voicecart.errors import ValidationFailed
from voicecart.shipping.models import Shipment, ShipmentEvent
from voicecart.shipping.service import (
    _normalise_address,
    new_shipment_id,
    origin_location,
    package_weight,
    shipment_view,
)
from voicecart.shipping.timeline import plan

pytestmark = pytest.mark.unit

MONDAY = datetime(2024, 6, 3, 15, 30, tzinfo=UTC)


def test_shipment_ids() -> None:
    ids = {new_shipment_id() for _ in range(500)}
    assert len(ids) == 500
    for sid in ids:
        assert len(sid) == 12 and sid.startswith("SH")
        assert not set(sid[2:]) & set("01OI")
        assert sid[2:].isalnum() and sid[2:].upper() == sid[2:]


def test_package_weight() -> None:
    assert package_weight(0) == 150
    assert package_weight(1000) == 1000 + 150 + 50


def test_origin_location() -> None:
    assert origin_location("98052") == "Redmond, WA"
    assert origin_location("10001") == "Warehouse 10001, NY"


def test_address_errors_are_prefixed() -> None:
    with pytest.raises(ValidationFailed) as info:
        _normalise_address("10 Main Street, Portland, Oregon 98101")
    assert [e.field for e in info.value.errors] == ["address.postal_code"]


def _shipment() -> Shipment:
    events = plan(MONDAY, 2, origin="Redmond, WA", destination="Seattle, WA")
    return Shipment(
        id="SHABCDEFGHJK",
        order_id="12345678",
        carrier="Northwind Parcel",
        service="Ground",
        tracking_number="NW123456789012347",
        recipient_name="Jane Doe",
        street="10 Main St",
        street2=None,
        city="Seattle",
        state="WA",
        postal_code="98101",
        country="US",
        weight_grams=1200,
        cost_cents=0,
        zone=2,
        created_at=MONDAY,
        estimated_delivery=events[-1].at,
        events=[
            ShipmentEvent(
                sequence=i, status=e.status, description=e.description, location=e.location, at=e.at
            )
            for i, e in enumerate(events)
        ],
    )


def test_shipment_view() -> None:
    shipment = _shipment()
    view = shipment_view(shipment, MONDAY + timedelta(hours=16))
    assert view.status == "in_transit"
    assert [t.reached for t in view.timeline] == [True, True, True, False, False]
    assert view.address.one_line() == "Jane Doe, 10 Main St, Seattle, WA 98101"
    assert view.estimated_delivery == datetime(2024, 6, 5, 14, 0, tzinfo=UTC)
    dumped = view.model_dump(mode="json")
    assert dumped["timeline"][0]["status"] == "created"
    assert dumped["tracking_number"] == "NW123456789012347"
    later = shipment_view(shipment, MONDAY + timedelta(days=5))
    assert later.status == "delivered" and all(t.reached for t in later.timeline)
