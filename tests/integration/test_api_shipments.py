"""Shipment agent over HTTP on SQLite and PostgreSQL: address handling, idempotency, label,
tracking, timeline."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import httpx
import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from tests.support import make_settings
from voicecart.app import create_app
from voicecart.shipping.tracking import is_valid
from voicecart.storage.db import Database
from voicecart.storage.outbox import OutboxMessage

pytestmark = pytest.mark.integration

SPOKEN = "ten Main Street, Seattle, Washington nine eight one zero one"


@pytest.fixture
async def fast_client(database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    """The app with a shipment clock running a day per second."""
    app = create_app(make_settings(database_url, VOICECART_SHIPMENT_TIME_SCALE=86_400 * 2))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            yield http


async def _order(client: httpx.AsyncClient, quantity: int = 1) -> str:
    items = (await client.get("/api/products", params={"q": "tent", "in_stock": "true"})).json()
    pid = items["items"][0]["id"]
    r = await client.post(
        "/api/orders", json={"lines": [{"product_id": pid, "quantity": quantity}]}
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def test_spoken_address_creates_a_tracked_shipment(
    client: httpx.AsyncClient, database_url: str
) -> None:
    order_id = await _order(client)
    r = await client.post("/api/shipments", json={"order_id": order_id, "address": SPOKEN})
    assert r.status_code == 201, r.text
    ship = r.json()
    assert ship["address"]["street"] == "10 Main St"
    assert ship["address"]["city"] == "Seattle"
    assert ship["address"]["state"] == "WA"
    assert ship["address"]["postal_code"] == "98101"
    assert is_valid(ship["tracking_number"])
    assert ship["carrier"] == "Northwind Parcel"
    assert ship["timeline"][0]["status"] == "created"
    assert ship["timeline"][0]["reached"] is True
    assert ship["timeline"][-1]["status"] == "delivered"
    assert ship["timeline"][-1]["reached"] is False
    # the order is now shipped and cannot be cancelled
    order = (await client.get(f"/api/orders/{order_id}")).json()
    assert order["status"] == "shipped"
    assert (await client.post(f"/api/orders/{order_id}/cancel")).status_code == 409
    # lookups
    by_id = (await client.get(f"/api/shipments/{ship['id']}")).json()
    assert by_id["tracking_number"] == ship["tracking_number"]
    spaced = " ".join(ship["tracking_number"][i : i + 4] for i in range(0, 17, 4))
    by_tracking = await client.get(f"/api/tracking/{spaced}")
    assert by_tracking.status_code == 200 and by_tracking.json()["id"] == ship["id"]
    assert (await client.get(f"/api/orders/{order_id}/shipment")).json()["id"] == ship["id"]
    # one outbox row for the shipment agent's follow-up work
    db = Database(database_url)
    try:
        async with db.session() as s:
            rows = await s.scalar(
                select(func.count())
                .select_from(OutboxMessage)
                .where(OutboxMessage.topic == "shipment.created", OutboxMessage.key == ship["id"])
            )
    finally:
        await db.dispose()
    assert rows == 1


async def test_repeat_returns_the_same_shipment(client: httpx.AsyncClient) -> None:
    order_id = await _order(client)
    body = {"order_id": order_id, "address": SPOKEN, "speed": "expedited"}
    first = await client.post("/api/shipments", json=body)
    results = await asyncio.gather(*(client.post("/api/shipments", json=body) for _ in range(5)))
    assert first.status_code == 201
    assert {r.status_code for r in results} == {200}
    assert {r.json()["id"] for r in results} == {first.json()["id"]}
    assert first.json()["carrier"] == "Tailspin Express"


async def test_structured_address_and_field_errors(client: httpx.AsyncClient) -> None:
    order_id = await _order(client)
    bad = await client.post(
        "/api/shipments",
        json={
            "order_id": order_id,
            "address": {
                "street": "Main Street",
                "city": "Seattle",
                "state": "ZZ",
                "postal_code": "9810",
            },
        },
    )
    assert bad.status_code == 422
    fields = {tuple(d["loc"]) for d in bad.json()["detail"]}
    assert ("body", "address", "street") in fields
    assert ("body", "address", "state") in fields
    assert ("body", "address", "postal_code") in fields
    mismatch = await client.post(
        "/api/shipments",
        json={
            "order_id": order_id,
            "address": {
                "street": "1 Pike St",
                "city": "Seattle",
                "state": "WA",
                "postal_code": "10001",
            },
        },
    )
    assert mismatch.status_code == 422
    assert "postal_code" in str(mismatch.json()["detail"])
    # nothing was half-written: the order can still ship to a good address
    ok = await client.post(
        "/api/shipments",
        json={
            "order_id": order_id,
            "address": {
                "name": "Ada Lovelace",
                "street": "1 Pike Street",
                "city": "seattle",
                "state": "washington",
                "postal_code": "98101",
            },
        },
    )
    assert ok.status_code == 201, ok.text
    assert ok.json()["address"]["street"] == "1 Pike St"
    assert ok.json()["address"]["state"] == "WA"


async def test_unknown_and_cancelled_orders(client: httpx.AsyncClient) -> None:
    r = await client.post("/api/shipments", json={"order_id": "12345678", "address": SPOKEN})
    assert r.status_code == 404
    order_id = await _order(client)
    await client.post(f"/api/orders/{order_id}/cancel")
    r = await client.post("/api/shipments", json={"order_id": order_id, "address": SPOKEN})
    assert r.status_code == 409
    assert (await client.get("/api/shipments/SHAAAAAAAAAA")).status_code == 404
    assert (await client.get("/api/shipments/nope")).status_code == 422
    assert (await client.get("/api/tracking/NW00000000000000000")).status_code == 404


async def test_label_pdf(client: httpx.AsyncClient) -> None:
    order_id = await _order(client)
    ship = (
        await client.post("/api/shipments", json={"order_id": order_id, "address": SPOKEN})
    ).json()
    r = await client.get(ship["label_url"])
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(r.content)).pages)
    assert ship["tracking_number"] in text.replace(" ", "")
    assert "SEATTLE" in text.upper()


async def test_timeline_advances_on_the_clock(fast_client: httpx.AsyncClient) -> None:
    order_id = await _order(fast_client)
    asked = datetime.now(UTC)
    ship = (
        await fast_client.post(
            "/api/shipments", json={"order_id": order_id, "address": SPOKEN, "speed": "overnight"}
        )
    ).json()
    answered = datetime.now(UTC)
    # The delivery lies ahead on the (compressed) clock, and the status agrees with it:
    # delivered only if that moment had passed when the server answered (a slow machine
    # can take longer than the half second an overnight delivery lasts here).
    eta = datetime.fromisoformat(ship["estimated_delivery"])
    assert eta > asked, ship
    assert ship["status"] in ("created", "label_created") or answered >= eta, ship
    # Two days of schedule pass per second: overnight delivery completes within ~2 s.
    async with asyncio.timeout(10):
        while True:
            now = (await fast_client.get(f"/api/shipments/{ship['id']}")).json()
            if now["status"] == "delivered":
                break
            await asyncio.sleep(0.2)
    assert all(e["reached"] for e in now["timeline"])
    times = [e["at"] for e in now["timeline"]]
    assert times == sorted(times)
