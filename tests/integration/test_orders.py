"""Orders on SQLite and PostgreSQL: stock reservation, idempotency, cancellation."""

from __future__ import annotations

import asyncio

import pytest

from voicecart.commerce import orders
from voicecart.commerce.models import Product
from voicecart.errors import Conflict, NotFound, OutOfStock, ValidationFailed
from voicecart.storage.db import Database

pytestmark = pytest.mark.integration


async def _stock(db: Database, product_id: int) -> int:
    async with db.session() as s:
        product = await s.get(Product, product_id)
        assert product is not None
        return product.stock


async def _in_stock_product(db: Database, at_least: int = 5) -> Product:
    async with db.session() as s:
        from sqlalchemy import select

        product = await s.scalar(
            select(Product).where(Product.stock >= at_least).order_by(Product.id)
        )
        assert product is not None
        return product


async def test_order_reserves_stock_and_totals(db: Database) -> None:
    p = await _in_stock_product(db)
    before = await _stock(db, p.id)
    async with db.session() as s:
        order, created = await orders.create_order(
            s, orders.OrderRequest(lines=[orders.LineRequest(p.id, 2)])
        )
    assert created
    assert len(order.id) == 8 and order.id.isdigit()
    assert order.total_cents == 2 * p.price_cents
    assert order.lines[0].name == p.name
    assert await _stock(db, p.id) == before - 2


async def test_repeated_products_are_merged(db: Database) -> None:
    p = await _in_stock_product(db)
    async with db.session() as s:
        order, _ = await orders.create_order(
            s,
            orders.OrderRequest(lines=[orders.LineRequest(p.id, 1), orders.LineRequest(p.id, 2)]),
        )
    assert [(ln.product_id, ln.quantity) for ln in order.lines] == [(p.id, 3)]


async def test_out_of_stock_writes_nothing(db: Database) -> None:
    a = await _in_stock_product(db)
    async with db.session() as s:
        b = await s.get(Product, a.id + 1)
        assert b is not None
        b.stock = 1
        await s.commit()
    before_a = await _stock(db, a.id)
    async with db.session() as s:
        with pytest.raises(OutOfStock) as info:
            await orders.create_order(
                s,
                orders.OrderRequest(
                    lines=[orders.LineRequest(a.id, 1), orders.LineRequest(a.id + 1, 2)]
                ),
            )
    assert info.value.available == 1
    # the first line's reservation was rolled back with the failed order
    assert await _stock(db, a.id) == before_a
    assert await _stock(db, a.id + 1) == 1


async def test_unknown_product_and_bad_quantity_name_the_field(db: Database) -> None:
    async with db.session() as s:
        with pytest.raises(ValidationFailed) as info:
            await orders.create_order(
                s, orders.OrderRequest(lines=[orders.LineRequest(999_999, 1)])
            )
        assert info.value.errors[0].field == "lines.0.product_id"
        with pytest.raises(ValidationFailed) as info:
            await orders.create_order(s, orders.OrderRequest(lines=[orders.LineRequest(1, 0)]))
        assert info.value.errors[0].field == "lines.0.quantity"


async def test_idempotency_key_never_creates_a_second_order(db: Database) -> None:
    p = await _in_stock_product(db)
    before = await _stock(db, p.id)
    req = orders.OrderRequest(lines=[orders.LineRequest(p.id, 1)])
    async with db.session() as s:
        first, created1 = await orders.create_order(s, req, idempotency_key="call-1:fc-1")
    async with db.session() as s:
        again, created2 = await orders.create_order(s, req, idempotency_key="call-1:fc-1")
    assert created1 and not created2
    assert again.id == first.id
    assert await _stock(db, p.id) == before - 1
    async with db.session() as s:
        with pytest.raises(Conflict):
            await orders.create_order(
                s,
                orders.OrderRequest(lines=[orders.LineRequest(p.id, 3)]),
                idempotency_key="call-1:fc-1",
            )


async def test_concurrent_same_key_creates_one_order(db: Database) -> None:
    p = await _in_stock_product(db, at_least=20)
    before = await _stock(db, p.id)
    req = orders.OrderRequest(lines=[orders.LineRequest(p.id, 1)])

    async def place() -> str:
        async with db.session() as s:
            order, _ = await orders.create_order(s, req, idempotency_key="same-key")
            return order.id

    ids = await asyncio.gather(*(place() for _ in range(8)))
    assert len(set(ids)) == 1
    assert await _stock(db, p.id) == before - 1


async def test_concurrent_orders_never_oversell(db: Database) -> None:
    p = await _in_stock_product(db)
    async with db.session() as s:
        row = await s.get(Product, p.id)
        assert row is not None
        row.stock = 7
        await s.commit()

    async def place() -> bool:
        async with db.session() as s:
            try:
                await orders.create_order(
                    s, orders.OrderRequest(lines=[orders.LineRequest(p.id, 1)])
                )
            except OutOfStock:
                return False
            return True

    results = await asyncio.gather(*(place() for _ in range(20)))
    assert sum(results) == 7
    assert await _stock(db, p.id) == 0


async def test_cancel_restocks_once(db: Database) -> None:
    p = await _in_stock_product(db)
    before = await _stock(db, p.id)
    async with db.session() as s:
        order, _ = await orders.create_order(
            s, orders.OrderRequest(lines=[orders.LineRequest(p.id, 2)])
        )
    async with db.session() as s:
        cancelled, changed = await orders.cancel_order(s, order.id, reason="changed my mind")
    assert changed and cancelled.status == "cancelled"
    async with db.session() as s:
        _, changed_again = await orders.cancel_order(s, order.id)
    assert not changed_again
    assert await _stock(db, p.id) == before
    async with db.session() as s:
        with pytest.raises(NotFound):
            await orders.cancel_order(s, "12345678")


async def test_shipped_order_cannot_be_cancelled(db: Database) -> None:
    p = await _in_stock_product(db)
    async with db.session() as s:
        order, _ = await orders.create_order(
            s, orders.OrderRequest(lines=[orders.LineRequest(p.id, 1)])
        )
    async with db.session() as s:
        row = await orders.get_order(s, order.id)
        row.status = "shipped"
        await s.commit()
    async with db.session() as s:
        with pytest.raises(Conflict):
            await orders.cancel_order(s, order.id)
