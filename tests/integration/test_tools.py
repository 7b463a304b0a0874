"""The store tools end to end on SQLite and PostgreSQL, and over the seed's HTTP API."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import orjson
import pytest
from sqlalchemy import select

from tests.support import make_settings, running_server
from voicecart.commerce.catalog import build_index
from voicecart.commerce.catalog_data import shipped_categories
from voicecart.commerce.models import Order, Product
from voicecart.commerce.search import CatalogIndex
from voicecart.shipping.tracking import is_valid
from voicecart.storage.db import Database
from voicecart.tools.backends import (
    HttpBackend,
    InProcessBackend,
    LineRequest,
    backend_for,
    close_http_clients,
)
from voicecart.tools.context import ToolContext
from voicecart.tools.registry import ToolError, ToolOutcome, ToolRegistry
from voicecart.tools.store_tools import register_store_tools

pytestmark = pytest.mark.integration

ADDRESS = "ten Main Street, Seattle, Washington 98101"
MAX_OUTPUT = 1500


async def _index(db: Database) -> CatalogIndex:
    async with db.session() as session:
        return await build_index(session, {c.slug: c.synonyms for c in shipped_categories()})


@pytest.fixture
async def ctx(db: Database) -> ToolContext:
    return ToolContext(
        db=db,
        settings=make_settings(db.url),
        index=await _index(db),
        call_id="call_test",
        fc_call_id="fc_1",
    )


@pytest.fixture(scope="module")
def registry() -> ToolRegistry:
    registry = ToolRegistry()
    register_store_tools(registry)
    return registry


async def call(
    registry: ToolRegistry,
    ctx: ToolContext,
    name: str,
    arguments: dict[str, Any],
    *,
    fc: str | None = None,
) -> ToolOutcome:
    if fc is not None:
        ctx = dataclasses.replace(ctx, fc_call_id=fc)
    outcome = await registry.run(name, arguments, ctx)
    assert len(outcome.output_json()) < MAX_OUTPUT, outcome.output_json()
    return outcome


async def _stock(db: Database, product_id: int) -> int:
    async with db.session() as session:
        product = await session.get(Product, product_id)
        assert product is not None
        return product.stock


async def _order_count(db: Database) -> int:
    async with db.session() as session:
        return len((await session.scalars(select(Order.id))).all())


async def _product(db: Database, *, stock_at_least: int = 10) -> Product:
    async with db.session() as session:
        product = await session.scalar(
            select(Product).where(Product.stock >= stock_at_least).order_by(Product.id)
        )
        assert product is not None
        return product


# ------------------------------------------------------------------ in process


async def test_search_order_ship_track_round_trip(registry: ToolRegistry, ctx: ToolContext) -> None:
    assert isinstance(backend_for(ctx), InProcessBackend)

    found = await call(registry, ctx, "search_products", {"query": "runing shoos under fifty"})
    assert found.ok, found.output
    assert found.output["understood"]["max_price"] == 50.0
    assert found.output["understood"]["corrections"] == {"runing": "running", "shoos": "shoes"}
    shoe = found.output["products"][0]
    assert "Running Shoe" in shoe["name"]
    assert shoe["price"] <= 50 and shoe["stock"] == "in stock"
    assert found.card is not None and found.card["kind"] == "products"
    item = found.card["items"][0]
    assert item["id"] == shoe["id"]
    assert item["image_url"] == f"/api/products/{shoe['id']}/image.svg"
    assert set(item) >= {"id", "name", "price", "currency", "stock", "image_url", "category"}

    before = await _stock(ctx.db, shoe["id"])
    placed = await call(
        registry, ctx, "create_order", {"lines": [{"product_id": shoe["id"], "quantity": 2}]}
    )
    assert placed.ok, placed.output
    order_id = placed.output["order_id"]
    assert len(order_id) == 8 and order_id.isdigit()
    assert placed.output["spoken_id"] == f"{order_id[:4]} {order_id[4:]}"
    assert placed.output["total"] == round(2 * shoe["price"], 2)
    assert placed.output["lines"][0]["quantity"] == 2
    assert placed.links == [("order", order_id)]
    assert placed.card is not None and placed.card["kind"] == "order"
    assert placed.card["id"] == order_id and placed.card["status"] == "placed"
    assert await _stock(ctx.db, shoe["id"]) == before - 2

    shipped = await call(
        registry,
        ctx,
        "create_shipment",
        {"order_id": placed.output["spoken_id"], "address": ADDRESS},
        fc="fc_2",
    )
    assert shipped.ok, shipped.output
    out = shipped.output
    tracking = out["tracking_number"]
    assert is_valid(tracking)
    assert out["spoken_tracking"].replace(" ", "") == tracking
    assert all(len(g) <= 4 for g in out["spoken_tracking"].split())
    assert out["ship_to"] == "10 Main St, Seattle, WA 98101"
    assert out["service"] and out["carrier"] and out["status"]
    assert len(out["estimated_delivery"]) == 10 and out["estimated_delivery_weekday"].endswith(
        "day"
    )
    assert isinstance(out["cost"], float)
    assert shipped.links == [("shipment", out["shipment_id"])]
    card = shipped.card
    assert card is not None and card["kind"] == "shipment"
    assert card["label_url"] == f"/api/shipments/{out['shipment_id']}/label.pdf"
    assert card["tracking_number"] == tracking
    assert card["timeline"][0]["reached"] is True
    assert {"status", "description", "at", "reached"} <= set(card["timeline"][0])

    by_number = await call(
        registry, ctx, "track_shipment", {"tracking_number": out["spoken_tracking"].lower()}
    )
    assert by_number.ok, by_number.output
    assert by_number.output["shipment_id"] == out["shipment_id"]
    assert by_number.output["latest_event"]["description"]
    by_order = await call(registry, ctx, "track_shipment", {"order_id": order_id})
    assert by_order.ok, by_order.output
    assert by_order.output["tracking_number"] == tracking
    assert by_order.card is not None and by_order.card["kind"] == "shipment"

    looked_up = await call(registry, ctx, "get_order", {"order_id": order_id})
    assert looked_up.ok, looked_up.output
    assert looked_up.output["status"] == "shipped"
    assert looked_up.output["tracking_number"] == tracking

    # Shipping again returns the same shipment; a shipped order cannot be cancelled.
    again = await call(
        registry, ctx, "create_shipment", {"order_id": order_id, "address": ADDRESS}, fc="fc_3"
    )
    assert again.ok and again.output["tracking_number"] == tracking
    assert "already" in again.output["note"]
    refused = await call(registry, ctx, "cancel_order", {"order_id": order_id})
    assert not refused.ok and refused.output["code"] == "conflict"


async def test_create_order_is_idempotent_per_function_call(
    registry: ToolRegistry, ctx: ToolContext
) -> None:
    product = await _product(ctx.db)
    before = await _stock(ctx.db, product.id)
    orders_before = await _order_count(ctx.db)
    args = {"lines": [{"product_id": product.id, "quantity": 1}]}

    first = await call(registry, ctx, "create_order", args, fc="fc_order")
    repeat = await call(registry, ctx, "create_order", args, fc="fc_order")
    assert first.ok and repeat.ok, (first.output, repeat.output)
    assert repeat.output["order_id"] == first.output["order_id"]
    assert "note" in repeat.output and "note" not in first.output
    assert await _order_count(ctx.db) == orders_before + 1
    assert await _stock(ctx.db, product.id) == before - 1

    other = await call(registry, ctx, "create_order", args, fc="fc_order_2")
    assert other.ok
    assert other.output["order_id"] != first.output["order_id"]
    assert await _order_count(ctx.db) == orders_before + 2
    assert await _stock(ctx.db, product.id) == before - 2

    # The same call (and function-call) id in another call is another order.
    elsewhere = dataclasses.replace(ctx, call_id="call_other", fc_call_id="fc_order")
    third = await registry.run("create_order", args, elsewhere)
    assert third.ok and third.output["order_id"] not in (
        first.output["order_id"],
        other.output["order_id"],
    )


async def test_multi_line_order_merges_and_totals(registry: ToolRegistry, ctx: ToolContext) -> None:
    a = await _product(ctx.db)
    async with ctx.db.session() as session:
        b = await session.scalar(
            select(Product).where(Product.stock >= 10, Product.id != a.id).order_by(Product.id)
        )
    assert b is not None
    placed = await call(
        registry,
        ctx,
        "create_order",
        {
            "lines": [
                {"product_id": a.id, "quantity": 1},
                {"product_id": b.id, "quantity": 3},
                {"product_id": a.id, "quantity": 1},
            ]
        },
    )
    assert placed.ok, placed.output
    lines = {ln["product_id"]: ln for ln in placed.output["lines"]}
    assert lines[a.id]["quantity"] == 2 and lines[b.id]["quantity"] == 3
    expected = (2 * a.price_cents + 3 * b.price_cents) / 100
    assert placed.output["total"] == pytest.approx(expected)


async def test_out_of_stock_and_unknown_products_are_outputs(
    registry: ToolRegistry, ctx: ToolContext
) -> None:
    async with ctx.db.session() as session:
        sold_out = await session.scalar(select(Product).where(Product.stock == 0))
    assert sold_out is not None
    orders_before = await _order_count(ctx.db)

    outcome = await call(
        registry, ctx, "create_order", {"lines": [{"product_id": sold_out.id, "quantity": 1}]}
    )
    assert not outcome.ok
    assert outcome.output["code"] == "out_of_stock"
    assert sold_out.name in outcome.output["error"]

    outcome = await call(
        registry, ctx, "create_order", {"lines": [{"product_id": 999_999, "quantity": 1}]}
    )
    assert not outcome.ok
    assert "999999" in outcome.output["error"]
    assert outcome.output["fields"][0]["field"].endswith("product_id")

    outcome = await call(registry, ctx, "get_product", {"product_id": 999_999})
    assert not outcome.ok and outcome.output["code"] == "not_found"

    outcome = await call(registry, ctx, "get_order", {"order_id": "1234 5678"})
    assert not outcome.ok and outcome.output["code"] == "not_found"
    assert await _order_count(ctx.db) == orders_before


async def test_cancel_puts_stock_back(registry: ToolRegistry, ctx: ToolContext) -> None:
    product = await _product(ctx.db)
    before = await _stock(ctx.db, product.id)
    placed = await call(
        registry, ctx, "create_order", {"lines": [{"product_id": product.id, "quantity": 3}]}
    )
    order_id = placed.output["order_id"]
    assert await _stock(ctx.db, product.id) == before - 3

    spoken = f"{order_id[:4]}-{order_id[4:]}"
    cancelled = await call(
        registry, ctx, "cancel_order", {"order_id": spoken, "reason": "changed my mind"}
    )
    assert cancelled.ok, cancelled.output
    assert cancelled.output["status"] == "cancelled"
    assert cancelled.card is not None and cancelled.card["cancelled_at"]
    assert await _stock(ctx.db, product.id) == before

    twice = await call(registry, ctx, "cancel_order", {"order_id": order_id})
    assert twice.ok and "already" in twice.output["note"]
    assert await _stock(ctx.db, product.id) == before

    ship = await call(registry, ctx, "create_shipment", {"order_id": order_id, "address": ADDRESS})
    assert not ship.ok and ship.output["code"] == "conflict"


async def test_spoken_order_numbers_are_normalised(
    registry: ToolRegistry, ctx: ToolContext
) -> None:
    product = await _product(ctx.db)
    placed = await call(
        registry, ctx, "create_order", {"lines": [{"product_id": product.id, "quantity": 1}]}
    )
    order_id: str = placed.output["order_id"]
    words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    spoken = " ".join(words[int(d)] for d in order_id)
    for form in (f"{order_id[:4]}-{order_id[4:]}", f" {order_id[:4]} {order_id[4:]} ", spoken):
        outcome = await call(registry, ctx, "get_order", {"order_id": form})
        assert outcome.ok, (form, outcome.output)
        assert outcome.output["order_id"] == order_id

    short = await call(registry, ctx, "get_order", {"order_id": order_id[:7]})
    assert not short.ok
    assert "order numbers have eight digits" in short.output["error"]


async def test_track_shipment_arguments(registry: ToolRegistry, ctx: ToolContext) -> None:
    for args in ({}, {"tracking_number": "NW123", "order_id": "12345678"}, {"order_id": " "}):
        outcome = await call(registry, ctx, "track_shipment", args)
        assert not outcome.ok
        assert outcome.output["error"] == "give exactly one of tracking_number or order_id"

    misheard = await call(registry, ctx, "track_shipment", {"tracking_number": "NW123456789012340"})
    assert not misheard.ok and "not a valid tracking number" in misheard.output["error"]

    product = await _product(ctx.db)
    placed = await call(
        registry, ctx, "create_order", {"lines": [{"product_id": product.id, "quantity": 1}]}
    )
    waiting = await call(registry, ctx, "track_shipment", {"order_id": placed.output["order_id"]})
    assert waiting.ok
    assert waiting.output["shipped"] is False and waiting.output["order_status"] == "placed"


async def test_bad_address_names_the_field(registry: ToolRegistry, ctx: ToolContext) -> None:
    product = await _product(ctx.db)
    placed = await call(
        registry, ctx, "create_order", {"lines": [{"product_id": product.id, "quantity": 1}]}
    )
    outcome = await call(
        registry,
        ctx,
        "create_shipment",
        {"order_id": placed.output["order_id"], "address": "ten Main Street, Seattle"},
    )
    assert not outcome.ok
    assert all(f["field"].startswith("address.") for f in outcome.output["fields"])
    looked_up = await call(registry, ctx, "get_order", {"order_id": placed.output["order_id"]})
    assert looked_up.output["status"] == "placed"


async def test_search_filters_limits_and_categories(
    registry: ToolRegistry, ctx: ToolContext
) -> None:
    footwear = await call(
        registry,
        ctx,
        "search_products",
        {"query": "", "category": "footwear", "max_price": 40, "limit": 8},
    )
    assert footwear.ok, footwear.output
    products = footwear.output["products"]
    assert products and all(p["category"] == "Footwear" and p["price"] <= 40 for p in products)
    assert footwear.output["understood"] == {"category": "footwear", "max_price": 40.0}

    by_name = await call(
        registry, ctx, "search_products", {"query": "boots", "category": "Footwear", "limit": 1}
    )
    assert len(by_name.output["products"]) == 1 and by_name.output["total"] >= 2

    by_synonym = await call(registry, ctx, "search_products", {"query": "", "category": "shoes"})
    assert by_synonym.ok and by_synonym.output["understood"]["category"] == "footwear"

    unknown = await call(registry, ctx, "search_products", {"query": "x", "category": "spaceships"})
    assert not unknown.ok
    assert "Footwear" in unknown.output["error"]

    nothing = await call(registry, ctx, "search_products", {"query": "qwzx vbnm"})
    assert nothing.ok and nothing.output["total"] == 0 and nothing.output["hint"]

    everything = await call(registry, ctx, "search_products", {"query": "", "limit": 8})
    assert everything.output["total"] > 100
    assert len(everything.output["products"]) <= 8

    low = await call(registry, ctx, "get_product", {"product_id": 18})  # one left in the seed
    assert low.ok and low.output["stock"] == "only 1 left"


async def test_product_details_and_categories(registry: ToolRegistry, ctx: ToolContext) -> None:
    product = await _product(ctx.db)
    detail = await call(registry, ctx, "get_product", {"product_id": product.id})
    assert detail.ok
    assert detail.output["name"] == product.name
    assert detail.output["price"] == round(product.price_cents / 100, 2)
    assert detail.output["currency"] == "USD"
    assert detail.card is not None
    assert detail.card["items"][0]["image_url"] == f"/api/products/{product.id}/image.svg"

    categories = await call(registry, ctx, "list_categories", {})
    assert categories.ok
    names = {c["name"] for c in categories.output["categories"]}
    assert {"Footwear", "Electronics", "Home & Kitchen"} <= names
    assert sum(c["products"] for c in categories.output["categories"]) >= 100
    assert categories.card is not None and categories.card["kind"] == "categories"
    assert {"slug", "name", "product_count"} == set(categories.card["items"][0])


# ------------------------------------------------------------ over the seed API


@pytest.fixture(scope="module")
def store_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The app serving the seed's Contoso routes from its own SQLite file."""
    url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('store_api') / 'api.db'}"
    with running_server(make_settings(url)) as base_url:
        yield base_url, url


@pytest.fixture
async def http_ctx(store_api: tuple[str, str]) -> AsyncIterator[ToolContext]:
    base_url, url = store_api
    db = Database(url)  # the tools must not touch it: everything goes over HTTP
    try:
        yield ToolContext(
            db=db,
            settings=make_settings(url, VOICECART_ECOM_API_URL=base_url),
            index=await _index(db),
            call_id="call_http",
            fc_call_id="fc_1",
        )
    finally:
        await close_http_clients()
        await db.dispose()


async def test_seed_api_search_and_one_line_order(
    registry: ToolRegistry, http_ctx: ToolContext
) -> None:
    assert isinstance(backend_for(http_ctx), HttpBackend)
    found = await call(
        registry,
        http_ctx,
        "search_products",
        {"query": "", "category": "Footwear", "max_price": 50, "limit": 8},
    )
    assert found.ok, found.output
    products = found.output["products"]
    assert products and all(p["category"] == "Footwear" and p["price"] <= 50 for p in products)
    assert "stock" not in products[0]  # the seed API does not say
    assert found.card is not None
    assert found.card["items"][0]["image_url"].endswith(
        f"/api/products/{products[0]['id']}/image.svg"
    )

    words = await call(
        registry, http_ctx, "search_products", {"query": "running shoes under fifty dollars"}
    )
    assert words.ok
    assert words.output["understood"]["max_price"] == 50.0
    assert "Running Shoe" in words.output["products"][0]["name"]

    detail = await call(registry, http_ctx, "get_product", {"product_id": products[0]["id"]})
    assert detail.ok and detail.output["name"] == products[0]["name"]
    categories = await call(registry, http_ctx, "list_categories", {})
    assert "Footwear" in {c["name"] for c in categories.output["categories"]}

    placed = await call(
        registry,
        http_ctx,
        "create_order",
        {"lines": [{"product_id": products[0]["id"], "quantity": 2}]},
    )
    assert placed.ok, placed.output
    assert len(placed.output["order_id"]) == 8
    assert placed.output["lines"][0]["quantity"] == 2
    assert placed.output["total"] == pytest.approx(2 * products[0]["price"])
    assert placed.links == [("order", placed.output["order_id"])]

    # The function call's idempotency key travels as the Idempotency-Key header.
    repeat = await call(
        registry,
        http_ctx,
        "create_order",
        {"lines": [{"product_id": products[0]["id"], "quantity": 2}]},
    )
    assert repeat.ok and repeat.output["order_id"] == placed.output["order_id"]


async def test_seed_api_refuses_what_it_cannot_do(
    registry: ToolRegistry, http_ctx: ToolContext
) -> None:
    two_lines = {"lines": [{"product_id": 13, "quantity": 1}, {"product_id": 20, "quantity": 1}]}
    outcome = await call(registry, http_ctx, "create_order", two_lines)
    assert not outcome.ok
    assert "one product per order" in outcome.output["error"]
    assert "NOT placed" in outcome.output["error"]

    for name, args in (
        ("cancel_order", {"order_id": "12345678"}),
        ("get_order", {"order_id": "12345678"}),
        ("create_shipment", {"order_id": "12345678", "address": ADDRESS}),
        ("track_shipment", {"order_id": "12345678"}),
    ):
        outcome = await call(registry, http_ctx, name, args)
        assert not outcome.ok
        assert "not available with the external store API" in outcome.output["error"], name

    sold_out = await call(
        registry,
        http_ctx,
        "create_order",
        {"lines": [{"product_id": 7, "quantity": 1}]},
        fc="fc_sold_out",
    )
    assert not sold_out.ok and "in stock" in sold_out.output["error"]

    unknown = await call(registry, http_ctx, "get_product", {"product_id": 999_999})
    assert not unknown.ok and unknown.output["code"] == "not_found"


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        (httpx.Response(500, text="boom"), "had a problem (HTTP 500)"),
        (
            httpx.Response(409, json={"detail": "only 0 left", "code": "out_of_stock"}),
            "only 0 left",
        ),
        (httpx.Response(200, text="<html>"), "could not be read"),
        (httpx.Response(200, json=[{"id": 1}]), "unexpected shape"),
        (httpx.ReadTimeout("slow"), "did not answer within 5 s"),
        (httpx.ConnectError("refused"), "could not be reached"),
    ],
)
async def test_seed_api_failures_become_short_reasons(
    reply: httpx.Response | Exception, reason: str
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if isinstance(reply, Exception):
            raise reply
        return reply

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
        backend = HttpBackend("http://store.test", client)
        with pytest.raises(ToolError) as caught:
            await backend.search_products("tents")
        assert reason in str(caught.value)
        assert "boom" not in str(caught.value)


async def test_seed_api_order_call_carries_the_idempotency_key() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        body = {"OrderId": "12345678", "ProductId": 13, "Name": "Shoe", "Quantity": 2}
        return httpx.Response(200, content=orjson.dumps({**body, "Price": 44.99, "Total": 89.98}))

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
        backend = HttpBackend("http://store.test/", client)
        order = await backend.create_order(
            [LineRequest(13, 1), LineRequest(13, 1)], idempotency_key="call:fc", call_id="call"
        )
    assert order.total_cents == 8998 and order.lines[0].quantity == 2
    (request,) = seen
    assert request.url.path == "/api/orders/"
    assert dict(request.url.params) == {"id": "13", "quantity": "2"}
    assert request.headers["Idempotency-Key"] == "call:fc"
