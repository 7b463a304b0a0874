"""The HTTP API on SQLite and PostgreSQL: seed shapes, search, orders, errors."""

from __future__ import annotations

import asyncio
import uuid

import httpx
import pytest

pytestmark = pytest.mark.integration

SEED_KEYS = {"id", "ProductName", "Category", "Price", "ProductDescription", "imageurl"}


async def _product(client: httpx.AsyncClient, pid: int) -> dict[str, object]:
    r = await client.get(f"/api/products/{pid}")
    assert r.status_code == 200, r.text
    body: dict[str, object] = r.json()
    return body


async def _stocked_id(client: httpx.AsyncClient, at_least: int = 10) -> int:
    r = await client.get("/api/products", params={"limit": 100, "in_stock": "true"})
    items = [i for i in r.json()["items"] if i["stock"] >= at_least]
    assert items
    return int(items[0]["id"])


async def test_health_and_ready(client: httpx.AsyncClient) -> None:
    assert (await client.get("/health")).json() == {"status": "ok"}
    r = await client.get("/ready")
    assert r.status_code == 200
    assert r.json()["status"] == "ready"
    assert r.json()["migration"] == r.json()["expected_migration"]


async def test_seed_search_shape_case_insensitive_and_max_price(
    client: httpx.AsyncClient,
) -> None:
    lower = (await client.get("/api/products/search", params={"category": "footwear"})).json()
    upper = (await client.get("/api/products/search", params={"category": "FOOTWEAR"})).json()
    assert lower and lower == upper
    assert all(set(p) == SEED_KEYS for p in lower)
    assert {p["Category"] for p in lower} == {"Footwear"}
    cheap = (
        await client.get("/api/products/search", params={"category": "Footwear", "price": 50})
    ).json()
    assert cheap and all(p["Price"] <= 50 for p in cheap)
    assert len(cheap) < len(lower)
    everything = (await client.get("/api/products/search", params={"price": 20})).json()
    assert {p["Category"] for p in everything} > {"Footwear"} or everything
    assert all(p["Price"] <= 20 for p in everything)
    assert (await client.get("/api/products/search", params={"category": "nope"})).json() == []


async def test_seed_category_route_and_image(client: httpx.AsyncClient) -> None:
    r = await client.get("/api/products/category/home & kitchen")
    assert r.status_code == 200 and r.json()
    assert {p["Category"] for p in r.json()} == {"Home & Kitchen"}
    image = r.json()[0]["imageurl"]
    assert image.startswith("http://test/api/products/")
    svg = await client.get(image.removeprefix("http://test"))
    assert svg.status_code == 200
    assert svg.headers["content-type"].startswith("image/svg+xml")
    assert svg.text.lstrip().startswith("<")
    missing = await client.get("/api/products/category/spaceships")
    assert missing.status_code == 404
    assert "spaceships" in missing.json()["detail"]


async def test_categories_list(client: httpx.AsyncClient) -> None:
    cats = (await client.get("/api/categories")).json()
    assert len(cats) >= 8
    assert sum(c["product_count"] for c in cats) >= 80


async def test_free_text_search_tolerates_speech_errors(client: httpx.AsyncClient) -> None:
    r = await client.get("/api/products", params={"q": "runing shoos under fifty"})
    body = r.json()
    assert r.status_code == 200
    assert body["understood"]["max_price"] == 50
    assert body["items"], body
    assert body["items"][0]["name"] == "Trailblazer Running Shoe"
    assert all(i["price"] <= 50 for i in body["items"])


async def test_search_validation_names_fields(client: httpx.AsyncClient) -> None:
    r = await client.get("/api/products", params={"limit": 0})
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"] == ["query", "limit"]
    r = await client.get("/api/products", params={"min_price": 50, "max_price": 10})
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"] == ["query", "min_price"]
    r = await client.get("/api/products", params={"category": "spaceships"})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["query", "category"]
    assert (await client.get("/api/products/999999")).status_code == 404
    assert (await client.get("/api/products/abc")).status_code == 422


async def test_seed_order_shape_and_stock(client: httpx.AsyncClient) -> None:
    pid = await _stocked_id(client)
    before = await _product(client, pid)
    r = await client.get("/api/orders/", params={"id": pid, "quantity": 2})
    assert r.status_code == 200, r.text
    body = r.json()
    assert set(body) == {"OrderId", "ProductId", "Name", "Quantity", "Price", "Total"}
    assert body["ProductId"] == pid and body["Quantity"] == 2
    assert body["Total"] == pytest.approx(2 * body["Price"])
    after = await _product(client, pid)
    assert after["stock"] == int(before["stock"]) - 2  # type: ignore[call-overload]
    lookup = (await client.get(f"/api/orders/{body['OrderId']}")).json()
    assert lookup["status"] == "placed"


async def test_post_order_idempotency(client: httpx.AsyncClient) -> None:
    pid = await _stocked_id(client)
    key = str(uuid.uuid4())
    payload = {"lines": [{"product_id": pid, "quantity": 1}]}
    first = await client.post("/api/orders", json=payload, headers={"Idempotency-Key": key})
    again = await client.post("/api/orders", json=payload, headers={"Idempotency-Key": key})
    assert first.status_code == 201 and again.status_code == 200
    assert first.json()["id"] == again.json()["id"]
    other = await client.post(
        "/api/orders",
        json={"lines": [{"product_id": pid, "quantity": 2}]},
        headers={"Idempotency-Key": key},
    )
    assert other.status_code == 409


async def test_order_validation_errors_name_the_field(client: httpx.AsyncClient) -> None:
    r = await client.post("/api/orders", json={"lines": [{"product_id": 1, "quantity": 0}]})
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"] == ["body", "lines", 0, "quantity"]
    r = await client.post("/api/orders", json={"lines": [{"product_id": 999999, "quantity": 1}]})
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"] == ["body", "lines", 0, "product_id"]
    r = await client.post("/api/orders", json={"lines": [], "coupon": "x"})
    assert r.status_code == 422
    assert {tuple(d["loc"]) for d in r.json()["detail"]} >= {("body", "lines"), ("body", "coupon")}
    assert (await client.get("/api/orders/12")).status_code == 422
    assert (await client.get("/api/orders/12345678")).status_code == 404


async def _drain_to(client: httpx.AsyncClient, pid: int, keep: int) -> None:
    stock = int((await _product(client, pid))["stock"])  # type: ignore[call-overload]
    while stock > keep:
        take = min(stock - keep, 100)
        r = await client.post(
            "/api/orders", json={"lines": [{"product_id": pid, "quantity": take}]}
        )
        assert r.status_code == 201, r.text
        stock -= take


async def test_out_of_stock_is_409_and_writes_nothing(client: httpx.AsyncClient) -> None:
    pid = await _stocked_id(client, at_least=3)
    await _drain_to(client, pid, 2)
    r = await client.post("/api/orders", json={"lines": [{"product_id": pid, "quantity": 3}]})
    assert r.status_code == 409
    assert r.json()["code"] == "out_of_stock"
    assert "only 2" in r.json()["detail"]
    assert (await _product(client, pid))["stock"] == 2


async def test_concurrent_http_orders_never_oversell(client: httpx.AsyncClient) -> None:
    pid = await _stocked_id(client, at_least=1)
    await _drain_to(client, pid, 5)
    remaining = 5

    async def order() -> int:
        r = await client.post("/api/orders", json={"lines": [{"product_id": pid, "quantity": 1}]})
        return r.status_code

    codes = await asyncio.gather(*(order() for _ in range(remaining + 20)))
    assert codes.count(201) == remaining
    assert set(codes) <= {201, 409}
    assert (await _product(client, pid))["stock"] == 0


async def test_cancel_restores_stock(client: httpx.AsyncClient) -> None:
    pid = await _stocked_id(client)
    stock = (await _product(client, pid))["stock"]
    order = (
        await client.post("/api/orders", json={"lines": [{"product_id": pid, "quantity": 3}]})
    ).json()
    r = await client.post(f"/api/orders/{order['id']}/cancel", json={"reason": "duplicate"})
    assert r.status_code == 200 and r.json()["status"] == "cancelled"
    assert (await _product(client, pid))["stock"] == stock
    assert (await client.post("/api/orders/87654321/cancel")).status_code == 404
