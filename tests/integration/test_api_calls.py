"""Admin API on SQLite and PostgreSQL: calls list/detail, analytics summary, admin key,
and the in-process worker analysing a call the API then shows."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import select

from tests.analysis_support import ANGRY, HAPPY, T0, record_call
from tests.support import make_settings
from voicecart.analysis import follow_ups
from voicecart.analysis.jobs import AnalysisService
from voicecart.analysis.local import NAME as LOCAL_NAME
from voicecart.analysis.local import LocalAnalyser
from voicecart.analysis.models import CallFollowUp
from voicecart.analysis.products import load_matcher
from voicecart.api.admin import admin_mode
from voicecart.app import create_app
from voicecart.storage.db import Database

pytestmark = pytest.mark.integration

KEY = "test-admin-key-0123456789"
AUTH = {"Authorization": f"Bearer {KEY}"}
QUESTION = [
    ("user", "What is your return policy for shoes?"),
    ("assistant", "You can return unworn shoes within 30 days for a full refund."),
    ("user", "Okay, good to know."),
]


@pytest.fixture
async def api(database_url: str, db: Database) -> AsyncIterator[httpx.AsyncClient]:
    settings = make_settings(
        database_url,
        VOICECART_ADMIN_KEY=KEY,
        VOICECART_ANALYSIS_POLL_SECONDS=0.05,
        VOICECART_KNOWLEDGE_AUTO_INDEX=False,
    )
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            yield http


async def analysed_calls(db: Database) -> dict[str, str]:
    """Five analysed calls over three days (one still active, not analysed)."""
    async with db.session() as s:
        service = AnalysisService(db, LocalAnalyser(await load_matcher(s)))
    ids = {
        "happy1": await record_call(
            db,
            HAPPY,
            tools=[{"name": "create_order", "arguments": {"lines": [{"product_id": 13}]}}],
            links=[("order", "ORD-1")],
            started_at=T0,
            enqueue_job=False,
        ),
        "happy2": await record_call(
            db, HAPPY, started_at=T0 + timedelta(hours=2), enqueue_job=False
        ),
        "angry1": await record_call(
            db, ANGRY, started_at=T0 + timedelta(days=1), enqueue_job=False
        ),
        "angry2": await record_call(
            db, ANGRY, started_at=T0 + timedelta(days=1, hours=1), enqueue_job=False
        ),
        "policy": await record_call(
            db, QUESTION, started_at=T0 + timedelta(days=2), enqueue_job=False
        ),
    }
    for call_id in ids.values():
        assert await service.analyse_call(call_id)
    ids["active"] = await record_call(db, HAPPY, status="active", started_at=T0 + timedelta(days=2))
    return ids


def test_admin_mode_follows_the_deployment() -> None:
    sqlite = "sqlite+aiosqlite:///./x.db"
    assert admin_mode(make_settings(sqlite)) == "open"
    assert admin_mode(make_settings(sqlite, VOICECART_ADMIN_KEY="k")) == "key"
    assert admin_mode(make_settings(sqlite, VOICECART_ENGINE_URL="http://127.0.0.1:9")) == "closed"
    pg = "postgresql+asyncpg://127.0.0.1/x"
    assert admin_mode(make_settings(pg)) == "closed"
    assert (
        admin_mode(
            make_settings(sqlite, AZURE_VOICE_LIVE_ENDPOINT="https://x.services.ai.azure.com")
        )
        == "closed"
    )


async def test_admin_key_is_required(api: httpx.AsyncClient) -> None:
    for path in ("/api/calls", "/api/calls/call_x", "/api/analytics/summary"):
        r = await api.get(path)
        assert r.status_code == 401, path
        assert r.json()["code"] == "unauthorized"
        assert "admin key required" in r.json()["detail"]
        assert r.headers["www-authenticate"] == "Bearer"
        wrong = await api.get(path, headers={"Authorization": "Bearer nope"})
        assert (wrong.status_code, wrong.json()["detail"]) == (401, "admin key is not valid")
    assert (await api.get("/api/calls", headers=AUTH)).status_code == 200
    assert (await api.get("/api/calls", headers={"X-Admin-Key": KEY})).status_code == 200


async def test_admin_api_closed_without_key_outside_the_embedded_default(
    tmp_path: object, database_url: str, db: Database
) -> None:
    settings = make_settings(
        database_url,
        VOICECART_ENGINE_URL="http://127.0.0.1:9",
        VOICECART_ANALYSIS_WORKER=False,
        VOICECART_KNOWLEDGE_AUTO_INDEX=False,
    )
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            r = await http.get("/api/analytics/summary", headers=AUTH)
    assert r.status_code == 403
    assert "VOICECART_ADMIN_KEY" in r.json()["detail"]


async def test_calls_list_filters_and_pages(api: httpx.AsyncClient, db: Database) -> None:
    ids = await analysed_calls(db)

    async def listed(**params: object) -> list[str]:
        r = await api.get("/api/calls", params=params, headers=AUTH)
        assert r.status_code == 200, r.text
        return [c["id"] for c in r.json()["items"]]

    everything = await listed()
    assert everything[0] == ids["active"] or everything[0] == ids["policy"]  # newest first
    assert set(everything) == set(ids.values())
    assert set(await listed(sentiment="negative")) == {ids["angry1"], ids["angry2"]}
    assert set(await listed(reason="damaged_item")) == {ids["angry1"], ids["angry2"]}
    assert set(await listed(product=13)) == {ids["happy1"], ids["happy2"]}
    assert set(await listed(product=98)) == {ids["angry1"], ids["angry2"]}
    assert set(await listed(min_rating=4)) == {ids["happy1"], ids["happy2"], ids["policy"]}
    # The two angry calls got the same (low) rating and no other call got it.
    low = (await api.get(f"/api/calls/{ids['angry1']}", headers=AUTH)).json()["analysis"]["rating"]
    assert low <= 2
    assert set(await listed(rating=low)) == {ids["angry1"], ids["angry2"]}
    assert set(await listed(rating=low + 1)).isdisjoint({ids["angry1"], ids["angry2"]})
    assert set(await listed(status="active")) == {ids["active"]}
    day2 = (T0 + timedelta(days=1)).date().isoformat()
    assert set(await listed(**{"from": day2, "to": day2})) == {ids["angry1"], ids["angry2"]}
    assert set(await listed(**{"from": day2})) == {
        ids["angry1"],
        ids["angry2"],
        ids["policy"],
        ids["active"],
    }

    page = (await api.get("/api/calls", params={"limit": 2, "offset": 2}, headers=AUTH)).json()
    assert (page["total"], page["limit"], page["offset"]) == (6, 2, 2)
    assert [c["id"] for c in page["items"]] == everything[2:4]
    listed_all = (await api.get("/api/calls", headers=AUTH)).json()["items"]
    angry = next(c for c in listed_all if c["id"] == ids["angry1"])
    assert angry["analysis"]["customer_sentiment"] == "negative"
    assert angry["analysis"]["resolution"] == "escalated"

    # Resolution and satisfaction filters pick exactly the calls whose verdict says so
    # (the follow-up list: escalated and unresolved calls).
    for field, key in (("resolution", "resolution"), ("satisfaction", "customer_satisfaction")):
        groups: dict[str, set[str]] = {}
        for c in listed_all:
            if c["analysis"] is not None:
                groups.setdefault(c["analysis"][key], set()).add(c["id"])
        assert len(groups) >= 2, (field, groups)  # the filter has something to tell apart
        for value, members in groups.items():
            assert set(await listed(**{field: value})) == members, (field, value)
    assert ids["angry1"] in await listed(resolution="escalated", sentiment="negative")
    assert await listed(resolution="escalated", min_rating=5) == []


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"from": "2026-11-27", "to": "2026-11-25"}, "from"),
        ({"rating": 6}, "rating"),
        ({"sentiment": "furious"}, "sentiment"),
        ({"reason": "nope"}, "reason"),
        ({"resolution": "maybe"}, "resolution"),
        ({"satisfaction": "ecstatic"}, "satisfaction"),
        ({"limit": 0}, "limit"),
        ({"from": "yesterday"}, "from"),
        ({"to": "2026-02-30"}, "to"),
        ({"to": "0"}, "to"),
    ],
)
async def test_calls_list_rejects_bad_filters(
    api: httpx.AsyncClient, params: dict[str, object], field: str
) -> None:
    r = await api.get("/api/calls", params=params, headers=AUTH)
    assert r.status_code == 422
    assert any(item["loc"][-1] == field for item in r.json()["detail"]), r.json()


async def test_call_detail_has_transcript_and_analysis(
    api: httpx.AsyncClient, db: Database
) -> None:
    ids = await analysed_calls(db)
    r = await api.get(f"/api/calls/{ids['happy1']}", headers=AUTH)
    assert r.status_code == 200
    body = r.json()
    assert [t["text"] for t in body["turns"]] == [text for _, text in HAPPY]
    assert [t["seq"] for t in body["turns"]] == [1, 2, 3, 4, 5]
    assert body["tool_calls"][0]["name"] == "create_order"
    assert body["links"] == [{"kind": "order", "ref": "ORD-1"}]
    doc = body["analysis_document"]
    assert doc["call_id"] == ids["happy1"] and len(doc["id"]) == 32
    assert doc["customer_satisfaction"] == "satisfied" and doc["rating"] >= 4
    assert doc["products"] == [13]
    assert body["analysis"]["rating"] == doc["rating"]

    pending = (await api.get(f"/api/calls/{ids['active']}", headers=AUTH)).json()
    assert pending["analysis"] is None and pending["analysis_document"] is None
    missing = await api.get("/api/calls/call_000000000000000000000000", headers=AUTH)
    assert (missing.status_code, missing.json()["code"]) == (404, "not_found")


async def test_analytics_summary(api: httpx.AsyncClient, db: Database) -> None:
    ids = await analysed_calls(db)
    r = await api.get("/api/analytics/summary", headers=AUTH)
    assert r.status_code == 200
    s = r.json()
    assert (s["total_calls"], s["analysed_calls"]) == (6, 5)
    docs = [
        (await api.get(f"/api/calls/{ids[key]}", headers=AUTH)).json()["analysis"]
        for key in ("happy1", "happy2", "angry1", "angry2", "policy")
    ]
    by_sentiment = Counter(d["customer_sentiment"] for d in docs)
    assert s["sentiment"] == {k: by_sentiment[k] for k in ("positive", "neutral", "negative")}
    assert s["sentiment"]["negative"] == 2 and s["sentiment"]["positive"] >= 2
    assert (
        s["satisfaction"]["not satisfied"]
        == Counter(d["customer_satisfaction"] for d in docs)["not satisfied"]
    )
    ratings = s["ratings"]
    assert sum(ratings.values()) == 5
    assert {k: v for k, v in ratings.items() if v} == dict(Counter(str(d["rating"]) for d in docs))
    expected_avg = sum(int(k) * v for k, v in ratings.items()) / 5
    assert s["average_rating"] == pytest.approx(expected_avg, abs=0.01)
    assert s["top_reasons"][0]["calls"] == 2
    assert {r["reason"] for r in s["top_reasons"]} >= {"damaged_item", "purchase"}
    tops = {p["product_id"]: p for p in s["top_products"]}
    assert tops[13] == {"product_id": 13, "name": "Trailblazer Running Shoe", "calls": 2}
    assert tops[98]["calls"] == 2
    days = [(d["date"], d["calls"]) for d in s["calls_per_day"]]
    assert days == [("2026-11-25", 2), ("2026-11-26", 2), ("2026-11-27", 2)]

    one_day = (
        await api.get(
            "/api/analytics/summary",
            params={"from": "2026-11-26", "to": "2026-11-26"},
            headers=AUTH,
        )
    ).json()
    assert (one_day["total_calls"], one_day["analysed_calls"]) == (2, 2)
    assert one_day["sentiment"] == {"positive": 0, "neutral": 0, "negative": 2}
    assert ids  # all six calls were used above


async def test_in_process_worker_analyses_ended_calls(api: httpx.AsyncClient, db: Database) -> None:
    call_id = await record_call(db, ANGRY)  # ended, with its call.ended job queued

    async def analysed() -> dict[str, object] | None:
        body = (await api.get(f"/api/calls/{call_id}", headers=AUTH)).json()
        doc: dict[str, object] | None = body["analysis_document"]
        return doc

    loop = asyncio.get_running_loop()
    deadline = loop.time() + 20
    while (doc := await analysed()) is None:
        assert loop.time() < deadline, "the in-process worker did not analyse the call"
        await asyncio.sleep(0.05)
    assert doc["customer_sentiment"] == "negative"
    assert doc["analyser"] == LOCAL_NAME


async def test_follow_ups_are_closed_with_a_note_and_can_be_reopened(
    api: httpx.AsyncClient, db: Database
) -> None:
    ids = await analysed_calls(db)

    async def listed(**params: object) -> dict[str, dict[str, object]]:
        r = await api.get("/api/calls", params=params, headers=AUTH)
        assert r.status_code == 200, r.text
        return {c["id"]: c for c in r.json()["items"]}

    async def open_count() -> int:
        r = await api.get("/api/analytics/summary", headers=AUTH)
        return int(r.json()["open_follow_ups"])

    everything = await listed()
    needing = {i for i, c in everything.items() if c["needs_follow_up"]}
    assert ids["angry1"] in needing and ids["angry2"] in needing
    for i in needing:  # exactly the escalated and unresolved calls
        assert everything[i]["analysis"]["resolution"] in ("escalated", "unresolved")
    settled = next(i for i, c in everything.items() if c["analysis"] and i not in needing)
    assert set(await listed(follow_up="open")) == needing
    assert await listed(follow_up="done") == {}
    assert await open_count() == len(needing)

    url = f"/api/calls/{ids['angry1']}/follow-up"
    r = await api.put(url, json={"note": "  Called back, replacement sent.  "}, headers=AUTH)
    assert r.status_code == 200, r.text
    first = r.json()
    assert first["done"] and first["note"] == "Called back, replacement sent."
    assert set(await listed(follow_up="open")) == needing - {ids["angry1"]}
    done = await listed(follow_up="done")
    assert set(done) == {ids["angry1"]}
    assert done[ids["angry1"]]["follow_up"]["note"] == "Called back, replacement sent."
    assert await open_count() == len(needing) - 1
    detail = (await api.get(f"/api/calls/{ids['angry1']}", headers=AUTH)).json()
    assert detail["needs_follow_up"] and detail["follow_up"]["note"] == first["note"]

    # Again: the first time stays, the note is the newer one.
    again = (await api.put(url, json={"note": "Refund confirmed too."}, headers=AUTH)).json()
    assert (again["done_at"], again["note"]) == (first["done_at"], "Refund confirmed too.")

    # Reopened: back on the list; reopening twice is harmless.
    for _ in range(2):
        r = await api.put(url, json={"done": False}, headers=AUTH)
        assert (r.status_code, r.json()) == (200, {"done": False, "done_at": None, "note": ""})
    assert ids["angry1"] in await listed(follow_up="open")
    assert await open_count() == len(needing)

    # What cannot be followed up says why; nothing is written.
    r = await api.put(f"/api/calls/{settled}/follow-up", json={"note": "x"}, headers=AUTH)
    assert r.status_code == 409 and "needs no follow-up" in r.json()["detail"], r.text
    r = await api.put(f"/api/calls/{ids['active']}/follow-up", json={}, headers=AUTH)
    assert r.status_code == 409 and "not analysed" in r.json()["detail"], r.text
    r = await api.put("/api/calls/call_nope/follow-up", json={}, headers=AUTH)
    assert r.status_code == 404
    r = await api.put("/api/calls/call_nope/follow-up", json={"done": False}, headers=AUTH)
    assert r.status_code == 404
    r = await api.put(url, json={"done": "soon"}, headers=AUTH)
    assert r.status_code == 422 and r.json()["detail"][0]["loc"][-1] == "done", r.text
    r = await api.put(url, json={"note": "x" * 501}, headers=AUTH)
    assert r.status_code == 422 and r.json()["detail"][0]["loc"][-1] == "note", r.text
    r = await api.get("/api/calls", params={"follow_up": "later"}, headers=AUTH)
    assert r.status_code == 422 and r.json()["detail"][0]["loc"][-1] == "follow_up"
    assert await listed(follow_up="done") == {}
    # Admin data: the key is required to change it too.
    assert (await api.put(url, json={"note": "x"})).status_code == 401
    assert (await api.put(url, json={"done": False})).status_code == 401


async def test_closing_a_follow_up_twice_at_once_keeps_one_record(db: Database) -> None:
    ids = await analysed_calls(db)

    async def close(note: str) -> tuple[object, str]:
        async with db.session() as session:
            done = await follow_ups.close_follow_up(session, ids["angry2"], note)
            return done.done_at, done.note

    results = await asyncio.gather(close("first"), close("second"))
    assert results[0][0] == results[1][0]  # one record, one time
    async with db.session() as session:
        rows = (await session.scalars(select(CallFollowUp))).all()
    assert [r.call_id for r in rows] == [ids["angry2"]]
    assert rows[0].note in ("first", "second")
