"""Orders: atomic stock reservation, idempotent creation, lookup and cancellation.

Each function owns its transaction: it commits on success and rolls back on
any error, so nothing half-written remains.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from voicecart.commerce.models import Order, OrderLine, Product
from voicecart.errors import Conflict, FieldError, NotFound, OutOfStock, ValidationFailed
from voicecart.storage.base import utcnow

MAX_LINES = 50
MAX_QUANTITY = 100


@dataclass(frozen=True)
class LineRequest:
    product_id: int
    quantity: int


@dataclass(frozen=True)
class OrderRequest:
    lines: Sequence[LineRequest]
    customer_name: str | None = None
    customer_email: str | None = None
    channel: str = "api"
    call_id: str | None = None


def _new_order_id() -> str:
    # Eight digits, never starting with 0: easy to read back over the phone,
    # not guessable in sequence.
    return str(secrets.randbelow(90_000_000) + 10_000_000)


def _fingerprint(lines: Sequence[LineRequest]) -> str:
    canon = json.dumps(sorted((ln.product_id, ln.quantity) for ln in lines))
    return hashlib.sha256(canon.encode()).hexdigest()


def _merge_lines(lines: Sequence[LineRequest]) -> list[LineRequest]:
    """Validate and merge repeated products; sorted by id so concurrent orders lock in one order."""
    errors: list[FieldError] = []
    if not lines:
        errors.append(FieldError("lines", "at least one line is required"))
    if len(lines) > MAX_LINES:
        errors.append(FieldError("lines", f"at most {MAX_LINES} lines per order"))
    totals: dict[int, int] = {}
    for i, ln in enumerate(lines):
        if ln.quantity < 1 or ln.quantity > MAX_QUANTITY:
            errors.append(
                FieldError(f"lines.{i}.quantity", f"must be between 1 and {MAX_QUANTITY}")
            )
        if ln.product_id < 1:
            errors.append(FieldError(f"lines.{i}.product_id", "must be a positive product id"))
        totals[ln.product_id] = totals.get(ln.product_id, 0) + ln.quantity
    for pid, qty in totals.items():
        if qty > MAX_QUANTITY:
            errors.append(
                FieldError("lines", f"product {pid}: at most {MAX_QUANTITY} units per order")
            )
    if errors:
        raise ValidationFailed(errors)
    return [LineRequest(pid, qty) for pid, qty in sorted(totals.items())]


async def get_order(session: AsyncSession, order_id: str) -> Order:
    order = await session.get(Order, order_id)
    if order is None:
        raise NotFound("order", order_id)
    return order


async def _by_key(session: AsyncSession, key: str) -> Order | None:
    return await session.scalar(select(Order).where(Order.idempotency_key == key))


async def create_order(
    session: AsyncSession,
    request: OrderRequest,
    *,
    idempotency_key: str | None = None,
    currency: str = "USD",
) -> tuple[Order, bool]:
    """Reserve stock and write the order in one transaction.

    Returns ``(order, created)``. With an idempotency key, a repeat of the same
    request returns the first order (``created`` False); the same key with a
    different request is a ``Conflict``. Concurrent orders never oversell: each
    line's stock is taken with a conditional ``UPDATE … WHERE stock >= qty``.
    """
    lines = _merge_lines(request.lines)
    fingerprint = _fingerprint(lines)

    if idempotency_key is not None:
        previous = await _by_key(session, idempotency_key)
        await session.commit()  # end the read; commit (unlike rollback) keeps it loaded
        if previous is not None:
            return _replay(previous, fingerprint)

    for _attempt in range(3):
        try:
            order = await _write_order(
                session, request, lines, idempotency_key, fingerprint, currency
            )
        except IntegrityError:
            await session.rollback()
            if idempotency_key is not None:
                previous = await _by_key(session, idempotency_key)
                await session.commit()
                if previous is not None:
                    return _replay(previous, fingerprint)
            continue  # order id collision: try a fresh id
        except BaseException:
            await session.rollback()
            raise
        return order, True
    raise RuntimeError("could not allocate a unique order id")


def _replay(previous: Order, fingerprint: str) -> tuple[Order, bool]:
    if previous.request_fingerprint != fingerprint:
        raise Conflict("Idempotency-Key was already used for a different order request")
    return previous, False


async def _write_order(
    session: AsyncSession,
    request: OrderRequest,
    lines: list[LineRequest],
    idempotency_key: str | None,
    fingerprint: str,
    currency: str,
) -> Order:
    order_lines: list[OrderLine] = []
    for position, ln in enumerate(lines):
        result = await session.execute(
            update(Product)
            .where(Product.id == ln.product_id, Product.stock >= ln.quantity)
            .values(stock=Product.stock - ln.quantity, updated_at=utcnow())
            .returning(Product.name, Product.price_cents)
            .execution_options(synchronize_session=False)
        )
        row = result.first()
        if row is None:
            product = await session.get(Product, ln.product_id)
            if product is None:
                raise ValidationFailed(
                    [FieldError(f"lines.{position}.product_id", f"no product {ln.product_id}")]
                )
            raise OutOfStock(product.id, product.name, ln.quantity, product.stock)
        name, price_cents = row
        order_lines.append(
            OrderLine(
                position=position,
                product_id=ln.product_id,
                name=name,
                unit_price_cents=price_cents,
                quantity=ln.quantity,
            )
        )
    subtotal = sum(ol.unit_price_cents * ol.quantity for ol in order_lines)
    now = utcnow()
    order = Order(
        id=_new_order_id(),
        status="placed",
        idempotency_key=idempotency_key,
        request_fingerprint=fingerprint,
        currency=currency,
        subtotal_cents=subtotal,
        total_cents=subtotal,
        customer_name=request.customer_name,
        customer_email=request.customer_email,
        channel=request.channel,
        call_id=request.call_id,
        created_at=now,
        updated_at=now,
        lines=order_lines,
    )
    session.add(order)
    await session.commit()
    return order


async def cancel_order(
    session: AsyncSession, order_id: str, *, reason: str | None = None
) -> tuple[Order, bool]:
    """Cancel a placed order and put its stock back. Returns ``(order, changed)``.

    Cancelling twice is harmless; a shipped order cannot be cancelled (the
    shopper starts a return instead).
    """
    try:
        # Claim the order with a conditional update, so two cancels never
        # restock twice.
        now = utcnow()
        claimed = await session.execute(
            update(Order)
            .where(Order.id == order_id, Order.status == "placed")
            .values(status="cancelled", cancelled_at=now, updated_at=now, cancel_reason=reason)
            .execution_options(synchronize_session=False)
        )
        if claimed.rowcount == 0:  # type: ignore[attr-defined]
            await session.rollback()
            order = await get_order(session, order_id)
            if order.status == "cancelled":
                return order, False
            raise Conflict(
                f"order {order_id} has already shipped and cannot be cancelled; "
                "start a return instead"
            )
        lines = (
            await session.scalars(select(OrderLine).where(OrderLine.order_id == order_id))
        ).all()
        for ln in lines:
            await session.execute(
                update(Product)
                .where(Product.id == ln.product_id)
                .values(stock=Product.stock + ln.quantity, updated_at=now)
                .execution_options(synchronize_session=False)
            )
        await session.commit()
    except BaseException:
        await session.rollback()
        raise
    session.expire_all()
    return await get_order(session, order_id), True
