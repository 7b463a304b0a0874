"""Order endpoints: the seed's one-line GET order plus create / lookup / cancel."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.ext.asyncio import AsyncSession

from voicecart.api.deps import IndexDep, SessionDep, SettingsDep
from voicecart.api.errors import error_responses
from voicecart.api.product_schemas import dollars
from voicecart.commerce import orders as order_service
from voicecart.commerce.catalog import products_by_ids
from voicecart.commerce.models import Order
from voicecart.commerce.search import CatalogIndex

router = APIRouter(prefix="/api/orders", tags=["orders"])

OrderId = Annotated[str, Path(pattern=r"^[0-9]{8}$", description="Eight-digit order number")]
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=200,
        pattern=r"^[\x21-\x7e]+$",
        description="Repeating a request with the same key never creates a second order",
    ),
]


class SeedOrder(BaseModel):
    """The seed's Contoso order confirmation."""

    model_config = ConfigDict(title="ContosoOrder")

    OrderId: str
    ProductId: int
    Name: str
    Quantity: int
    Price: float
    Total: float


class LineIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    product_id: int = Field(ge=1, le=2_147_483_647)
    quantity: int = Field(ge=1, le=order_service.MAX_QUANTITY)


class OrderCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    lines: list[LineIn] = Field(min_length=1, max_length=order_service.MAX_LINES)
    customer_name: str | None = Field(None, min_length=1, max_length=120)
    customer_email: str | None = Field(None, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class OrderCancel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str | None = Field(None, max_length=200)


class LineOut(BaseModel):
    product_id: int
    name: str
    quantity: int
    unit_price: float
    line_total: float


class OrderPublic(BaseModel):
    id: str
    status: str
    currency: str
    lines: list[LineOut]
    subtotal: float
    total: float
    created_at: datetime
    cancelled_at: datetime | None


def to_public(order: Order) -> OrderPublic:
    return OrderPublic(
        id=order.id,
        status=order.status,
        currency=order.currency,
        lines=[
            LineOut(
                product_id=ln.product_id,
                name=ln.name,
                quantity=ln.quantity,
                unit_price=dollars(ln.unit_price_cents),
                line_total=dollars(ln.line_total_cents),
            )
            for ln in order.lines
        ],
        subtotal=dollars(order.subtotal_cents),
        total=dollars(order.total_cents),
        created_at=order.created_at,
        cancelled_at=order.cancelled_at,
    )


async def _refresh_stock(session: AsyncSession, index: CatalogIndex, order: Order) -> None:
    for product in await products_by_ids(session, [ln.product_id for ln in order.lines]):
        index.update_stock(product.id, product.stock)
    await session.commit()  # ends the read without expiring ``order``


@router.get(
    "/",
    operation_id="seed_create_order",
    responses=error_responses(409, 422),
)
async def seed_order(
    session: SessionDep,
    index: IndexDep,
    settings: SettingsDep,
    id: Annotated[int, Query(ge=1, le=2_147_483_647, description="Product id")],
    quantity: Annotated[int, Query(ge=1, le=order_service.MAX_QUANTITY)],
    idempotency_key: IdempotencyKey = None,
) -> SeedOrder:
    """The seed's Contoso order call: one product, one quantity."""
    order, _ = await order_service.create_order(
        session,
        order_service.OrderRequest(lines=[order_service.LineRequest(id, quantity)]),
        idempotency_key=idempotency_key,
        currency=settings.currency,
    )
    await _refresh_stock(session, index, order)
    line = order.lines[0]
    return SeedOrder(
        OrderId=order.id,
        ProductId=line.product_id,
        Name=line.name,
        Quantity=line.quantity,
        Price=dollars(line.unit_price_cents),
        Total=dollars(order.total_cents),
    )


@router.post(
    "",
    operation_id="create_order",
    status_code=201,
    responses={
        200: {"model": OrderPublic, "description": "Repeat of an earlier request"},
        **error_responses(400, 409, 422),
    },
)
async def create_order(
    body: OrderCreate,
    response: Response,
    session: SessionDep,
    index: IndexDep,
    settings: SettingsDep,
    idempotency_key: IdempotencyKey = None,
) -> OrderPublic:
    """Place an order of one or more lines; stock is reserved atomically."""
    order, created = await order_service.create_order(
        session,
        order_service.OrderRequest(
            lines=[order_service.LineRequest(ln.product_id, ln.quantity) for ln in body.lines],
            customer_name=body.customer_name,
            customer_email=body.customer_email,
        ),
        idempotency_key=idempotency_key,
        currency=settings.currency,
    )
    if not created:
        response.status_code = 200
    response.headers["Location"] = f"/api/orders/{order.id}"
    await _refresh_stock(session, index, order)
    return to_public(order)


@router.get("/{order_id}", operation_id="get_order", responses=error_responses(404, 422))
async def get_order(session: SessionDep, order_id: OrderId) -> OrderPublic:
    """Look an order up by its number."""
    return to_public(await order_service.get_order(session, order_id))


@router.post(
    "/{order_id}/cancel",
    operation_id="cancel_order",
    responses=error_responses(400, 404, 409, 422),
)
async def cancel_order(
    session: SessionDep,
    index: IndexDep,
    order_id: OrderId,
    body: OrderCancel | None = None,
) -> OrderPublic:
    """Cancel an order that has not shipped; its stock returns to the shelf."""
    order, _ = await order_service.cancel_order(
        session, order_id, reason=body.reason if body else None
    )
    await _refresh_stock(session, index, order)
    return to_public(order)
