"""Shipments: create one per order (idempotent and race-safe), look up, and present.

Transactions: like ``voicecart.commerce.orders``, each writing function owns its
transaction and ends it with an explicit ``commit()`` on success or
``rollback()`` on any error, so nothing half-written remains. ``create_shipment``
reads in one short transaction, ends it, and then writes in a second one whose
first statement is the conditional ``UPDATE`` that claims the order (on SQLite
that takes the write lock up front; on PostgreSQL it locks the order row).
Returned objects stay usable after the commit because the session factory uses
``expire_on_commit=False`` (as ``voicecart.storage.db.make_sessionmaker`` does).
The lookups only read; like ``orders.get_order`` they leave the session's
autobegun read transaction to the caller.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from pydantic import BaseModel, ConfigDict
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from voicecart.commerce.models import Order, Product
from voicecart.errors import Conflict, FieldError, NotFound, ValidationFailed
from voicecart.shipping.address import Address, AddressInput, parse_and_normalise
from voicecart.shipping.carriers import Quote, parse_speed, quote
from voicecart.shipping.label import LabelData
from voicecart.shipping.models import Shipment, ShipmentEvent
from voicecart.shipping.regions import state_of_zip
from voicecart.shipping.timeline import estimated_delivery, plan, status_at
from voicecart.shipping.tracking import new_tracking_number, normalise_tracking
from voicecart.storage.base import utcnow
from voicecart.storage.outbox import enqueue

# Ids: no 0/O or 1/I, so they can be read back over the phone.
_ID_ALPHABET: Final = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_ID_LENGTH: Final = 10
_WRITE_ATTEMPTS: Final = 3

PACKAGING_BASE_GRAMS: Final = 150  # box, tape and label
PACKAGING_PERCENT: Final = 5  # padding: 5 % of the contents' weight
DEFAULT_PRODUCT_GRAMS: Final = 500

WAREHOUSE_LOCATIONS: Final[dict[str, str]] = {"98052": "Redmond, WA"}


class TimelineEntry(BaseModel):
    model_config = ConfigDict(frozen=True)

    status: str
    description: str
    location: str
    at: datetime
    reached: bool


class ShipmentView(BaseModel):
    """What the HTTP and tool layers show for a shipment at a given moment."""

    model_config = ConfigDict(frozen=True)

    id: str
    order_id: str
    carrier: str
    service: str
    tracking_number: str
    address: Address
    status: str
    estimated_delivery: datetime
    cost_cents: int
    weight_grams: int
    zone: int
    created_at: datetime
    timeline: list[TimelineEntry]


@dataclass(frozen=True)
class _Plan:
    """Everything the write transaction needs, as plain values."""

    address: Address
    weight_grams: int
    quote: Quote


def new_shipment_id() -> str:
    """``"SH"`` + 10 unambiguous upper-case letters and digits."""
    return "SH" + "".join(secrets.choice(_ID_ALPHABET) for _ in range(_ID_LENGTH))


def package_weight(contents_grams: int) -> int:
    """Contents plus packaging: 150 g plus 5 % of the contents."""
    return contents_grams + PACKAGING_BASE_GRAMS + contents_grams * PACKAGING_PERCENT // 100


def origin_location(origin_zip: str) -> str:
    """Where the warehouse is, for the timeline: ``"Redmond, WA"`` for 98052."""
    known = WAREHOUSE_LOCATIONS.get(origin_zip)
    if known:
        return known
    state = state_of_zip(origin_zip)
    return f"Warehouse {origin_zip}, {state}" if state else f"Warehouse {origin_zip}"


def _normalise_address(address: str | AddressInput) -> Address:
    try:
        return parse_and_normalise(address)
    except ValidationFailed as exc:
        raise ValidationFailed(
            [FieldError(f"address.{e.field}", e.message) for e in exc.errors]
        ) from exc


async def _load_order(session: AsyncSession, order_id: str) -> Order | None:
    return await session.scalar(
        select(Order).where(Order.id == order_id).execution_options(populate_existing=True)
    )


async def get_for_order(session: AsyncSession, order_id: str) -> Shipment | None:
    """The order's shipment, or None if it has not shipped."""
    return await session.scalar(
        select(Shipment)
        .where(Shipment.order_id == order_id)
        .execution_options(populate_existing=True)
    )


async def get_shipment(session: AsyncSession, shipment_id: str) -> Shipment:
    shipment = await session.get(Shipment, shipment_id)
    if shipment is None:
        raise NotFound("shipment", shipment_id)
    return shipment


async def get_by_tracking(session: AsyncSession, tracking: str) -> Shipment:
    """Look a shipment up by tracking number, however it was typed or spoken."""
    number = normalise_tracking(tracking)
    shipment = await session.scalar(select(Shipment).where(Shipment.tracking_number == number))
    if shipment is None:
        raise NotFound("shipment", number or tracking)
    return shipment


def _check_shippable(order: Order) -> None:
    if order.status == "cancelled":
        raise Conflict(f"order {order.id} was cancelled and cannot be shipped")
    if order.status != "placed":
        raise Conflict(f"order {order.id} is {order.status} and cannot be shipped")


async def _contents_grams(session: AsyncSession, order: Order) -> int:
    ids = {line.product_id for line in order.lines}
    rows = (
        await session.execute(select(Product.id, Product.weight_grams).where(Product.id.in_(ids)))
    ).all()
    weights = {row.id: row.weight_grams for row in rows}
    return sum(
        line.quantity * weights.get(line.product_id, DEFAULT_PRODUCT_GRAMS) for line in order.lines
    )


async def _existing_or_conflict(session: AsyncSession, order_id: str) -> tuple[Shipment, bool]:
    """After losing a race: the shipment another request created, or why there is none."""
    existing = await get_for_order(session, order_id)
    order = await _load_order(session, order_id) if existing is None else None
    await session.commit()
    if existing is not None:
        return existing, False
    if order is None:
        raise NotFound("order", order_id)
    _check_shippable(order)
    raise Conflict(f"order {order_id} changed while it was being shipped; please try again")


async def create_shipment(
    session: AsyncSession,
    *,
    order_id: str,
    address: str | AddressInput,
    speed: str = "standard",
    origin_zip: str = "98052",
    time_scale: float = 1.0,
    now: datetime | None = None,
) -> tuple[Shipment, bool]:
    """Ship an order: returns ``(shipment, created)``.

    Idempotent: an order that already has a shipment gets that shipment back
    with ``created`` False, and two concurrent calls for one order create one
    shipment (the loser sees the claimed order, or the unique ``order_id``,
    and returns the winner's). Raises ``ValidationFailed`` for a bad ``speed``
    or address (fields ``address.street``, ``address.postal_code``, ...),
    ``NotFound`` for an unknown order and ``Conflict`` for a cancelled one.
    """
    chosen_speed = parse_speed(speed)
    now = now or utcnow()
    try:
        order = await _load_order(session, order_id)
        if order is None:
            raise NotFound("order", order_id)
        if order.status != "cancelled":
            existing = await get_for_order(session, order_id)
            if existing is not None:  # a repeat: the order already shipped
                await session.commit()
                return existing, False
        _check_shippable(order)  # cancelled, or shipped without a shipment row
        normalised = _normalise_address(address)
        weight = package_weight(await _contents_grams(session, order))
        planned = _Plan(
            normalised,
            weight,
            quote(
                weight,
                normalised,
                chosen_speed,
                origin_zip=origin_zip,
                order_subtotal_cents=order.subtotal_cents,
            ),
        )
        await session.commit()  # end the read transaction before writing
    except BaseException:
        await session.rollback()
        raise

    for _attempt in range(_WRITE_ATTEMPTS):
        try:
            shipment = await _write(session, order_id, planned, origin_zip, time_scale, now)
        except IntegrityError:
            await session.rollback()
            existing = await get_for_order(session, order_id)
            await session.commit()
            if existing is not None:
                return existing, False
            continue  # shipment id or tracking number collision: draw new ones
        except BaseException:
            await session.rollback()
            raise
        if shipment is None:
            return await _existing_or_conflict(session, order_id)
        session.expire(order)  # its status changed in the database
        return shipment, True
    raise RuntimeError("could not allocate a unique shipment id and tracking number")


async def _write(
    session: AsyncSession,
    order_id: str,
    planned: _Plan,
    origin_zip: str,
    time_scale: float,
    now: datetime,
) -> Shipment | None:
    """Claim the order and write the shipment, its timeline and the outbox message.

    Returns None (after rolling back) when the order is no longer "placed".
    """
    claimed = await session.execute(
        update(Order)
        .where(Order.id == order_id, Order.status == "placed")
        .values(status="shipped", updated_at=now)
        .returning(Order.id)
        .execution_options(synchronize_session=False)
    )
    if claimed.first() is None:
        await session.rollback()
        return None

    q = planned.quote
    addr = planned.address
    events = plan(
        now,
        q.transit_business_days,
        origin=origin_location(origin_zip),
        destination=f"{addr.city}, {addr.state}",
        time_scale=time_scale,
    )
    shipment = Shipment(
        id=new_shipment_id(),
        order_id=order_id,
        carrier=q.carrier,
        service=q.service,
        tracking_number=new_tracking_number(q.carrier),
        recipient_name=addr.name,
        street=addr.street,
        street2=addr.street2,
        city=addr.city,
        state=addr.state,
        postal_code=addr.postal_code,
        country=addr.country,
        weight_grams=planned.weight_grams,
        cost_cents=q.cost_cents,
        zone=q.zone,
        created_at=now,
        estimated_delivery=estimated_delivery(events),
        events=[
            ShipmentEvent(
                sequence=i,
                status=e.status,
                description=e.description,
                location=e.location,
                at=e.at,
            )
            for i, e in enumerate(events)
        ],
    )
    session.add(shipment)
    enqueue(session, topic="shipment.created", key=shipment.id, payload=_payload(shipment, q))
    await session.commit()
    return shipment


def _payload(shipment: Shipment, q: Quote) -> dict[str, Any]:
    return {
        "shipment_id": shipment.id,
        "order_id": shipment.order_id,
        "carrier": shipment.carrier,
        "service": shipment.service,
        "speed": q.speed,
        "tracking_number": shipment.tracking_number,
        "cost_cents": shipment.cost_cents,
        "free_shipping": q.free_shipping,
        "weight_grams": shipment.weight_grams,
        "zone": shipment.zone,
        "transit_business_days": q.transit_business_days,
        "created_at": shipment.created_at.isoformat(),
        "estimated_delivery": shipment.estimated_delivery.isoformat(),
        "address": address_of(shipment).model_dump(),
    }


def address_of(shipment: Shipment) -> Address:
    return Address(
        name=shipment.recipient_name,
        street=shipment.street,
        street2=shipment.street2,
        city=shipment.city,
        state=shipment.state,
        postal_code=shipment.postal_code,
        country=shipment.country,
    )


def shipment_view(shipment: Shipment, now: datetime) -> ShipmentView:
    """The shipment as of ``now``: current status and which timeline steps are reached."""
    events = sorted(shipment.events, key=lambda e: e.sequence)
    current, reached = status_at(events, now)
    reached_ids = {id(e) for e in reached}
    return ShipmentView(
        id=shipment.id,
        order_id=shipment.order_id,
        carrier=shipment.carrier,
        service=shipment.service,
        tracking_number=shipment.tracking_number,
        address=address_of(shipment),
        status=current,
        estimated_delivery=shipment.estimated_delivery,
        cost_cents=shipment.cost_cents,
        weight_grams=shipment.weight_grams,
        zone=shipment.zone,
        created_at=shipment.created_at,
        timeline=[
            TimelineEntry(
                status=e.status,
                description=e.description,
                location=e.location,
                at=e.at,
                reached=id(e) in reached_ids,
            )
            for e in events
        ],
    )


def label_data(shipment: Shipment) -> LabelData:
    """What the printable label shows for ``shipment``."""
    return LabelData(
        tracking_number=shipment.tracking_number,
        carrier=shipment.carrier,
        service=shipment.service,
        to=address_of(shipment),
        order_id=shipment.order_id,
        weight_grams=shipment.weight_grams,
        ship_date=shipment.created_at,
    )
