"""Spoken shopping journeys end to end: nothing faked.

A shopper's voice, synthesized by the project's own TTS (piper), is streamed in real time
as 40 ms PCM16 chunks into ``WS /ws/sessions/{id}`` of a real voicecart server. The
gateway relays it to the server's own Voice Live-compatible engine (Silero VAD,
faster-whisper, the rule-based retail brain, piper), runs the tools against the database
and records the call. Assertions are made where a user would see them (the browser's
messages) and where the business would (the database).

One server (and one set of loaded models) serves the whole module; every test uses its
own sessions, so they do not interfere.
"""

from __future__ import annotations

import asyncio
import base64
import json
from typing import Any

import pytest
from azure.ai.voicelive.aio import connect
from azure.ai.voicelive.models import RequestSession
from azure.core.credentials import AzureKeyCredential
from sqlalchemy import select

from tests.e2e.conftest import Gateway
from tests.e2e.speech import (
    TIMEOUT,
    Answer,
    Browser,
    Message,
    Voice,
    browser,
    end_session,
    silence,
    spoken_digits,
    words,
)
from voicecart.calls.repo import get_call
from voicecart.commerce.models import Order
from voicecart.shipping.models import Shipment
from voicecart.shipping.tracking import is_valid
from voicecart.storage.db import Database

pytestmark = [pytest.mark.slow, pytest.mark.integration]

TRAILBLAZER = 13  # the Trailblazer Running Shoe, the only running shoe under $50
TENT = "Summit 2-Person Tent"
EARBUDS = "Aria Wireless Earbuds"


def heard_like(answer: Answer, *alternatives: str) -> None:
    """Each alternative is words that must all have been heard ("two|2" = either)."""
    heard = words(answer.heard)
    for needed in alternatives:
        options = needed.split("|")
        assert any(o in heard for o in options), f"{needed!r} not in {answer.heard!r}"


def card_names(card: Message) -> list[str]:
    return [str(item["name"]) for item in card["items"]]


def tool(answer: Answer, index: int, name: str, kind: str) -> dict[str, Any]:
    """The ``index``-th tool result of ``answer``: it ran ``name`` and succeeded; its card."""
    result = answer.tools[index]
    assert result["name"] == name, result
    assert result["ok"] is True and result["error"] is None, result
    card: dict[str, Any] = result["card"]
    assert card["kind"] == kind, card
    return card


# ---------------------------------------------------------------------- journeys


async def test_full_purchase_journey(gateway: Gateway, voice: Voice) -> None:
    """Search, details, quantity, order, address, shipment and tracking, all spoken; the
    order, its shipment and the recorded call are then checked in the database."""
    lines = (
        "Do you have running shoes under fifty dollars?",
        "Tell me about the first one.",
        "I'll take two.",
        "Yes please.",
        "Ship it to ten Main Street, Seattle, Washington, nine eight one zero one.",
        "Yes.",
        "Where is my order?",
    )
    await voice.prepare(*lines)
    async with browser(gateway.base_url) as shopper:
        call_id = str(shopper.session["call_id"])

        search = await shopper.turn(voice, lines[0], tools=1)
        heard_like(search, "running", "shoes|shoe", "50|fifty")
        card = tool(search, 0, "search_products", "products")
        assert TRAILBLAZER in [item["id"] for item in card["items"]]
        assert all(item["price"] < 50 for item in card["items"]), card["items"]
        assert "Trailblazer Running Shoe" in search.said
        assert "forty-four ninety-nine" in search.said

        details = await shopper.turn(voice, lines[1], tools=1)
        heard_like(details, "first")
        card = tool(details, 0, "get_product", "products")
        assert [item["id"] for item in card["items"]] == [TRAILBLAZER]
        assert details.said.startswith("The Trailblazer Running Shoe is")

        confirm = await shopper.turn(voice, lines[2])
        heard_like(confirm, "take", "two|2")
        assert confirm.tools == []  # nothing is ordered before a clear yes
        assert "two Trailblazer Running Shoes" in confirm.said
        assert "place the order" in confirm.said

        placed = await shopper.turn(voice, lines[3], tools=1)
        heard_like(placed, "yes")
        order_card = tool(placed, 0, "create_order", "order")
        order_id = str(order_card["id"])
        assert [(ln["product_id"], ln["quantity"]) for ln in order_card["lines"]] == [
            (TRAILBLAZER, 2)
        ]
        assert order_id in spoken_digits(placed.said), placed.said  # read out digit by digit
        assert "eighty-nine ninety-eight" in placed.said

        address = await shopper.turn(voice, lines[4])
        heard_like(address, "main", "street", "seattle", "washington")
        assert address.tools == []  # the address is read back for confirmation first
        assert "ten Main Street, Seattle, Washington" in address.said
        assert "98101" in spoken_digits(address.said), address.said

        shipped = await shopper.turn(voice, lines[5], tools=1)
        heard_like(shipped, "yes")
        shipment_card = tool(shipped, 0, "create_shipment", "shipment")
        assert shipment_card["order_id"] == order_id
        tracking = str(shipment_card["tracking_number"])
        assert is_valid(tracking), tracking
        tracking_digits = "".join(c for c in tracking if c.isdigit())
        assert tracking_digits in spoken_digits(shipped.said), shipped.said

        status = await shopper.turn(voice, lines[6], tools=1)
        heard_like(status, "where", "order")
        card = tool(status, 0, "track_shipment", "shipment")
        assert card["tracking_number"] == tracking and card["order_id"] == order_id
        assert card["carrier"] in status.said

        # The browser saw the whole story, in order, spoken and transcribed.
        kinds = [m["card"]["kind"] for m in shopper.since(0, "tool_result")]
        assert kinds == ["products", "products", "order", "shipment", "shipment"]
        heard = [m["transcript"] for m in shopper.since(0, "user_transcript_completed")]
        assert len(heard) == len(lines), heard  # one transcript per utterance: no split turns
        assert shopper.since(0, "assistant_audio_delta")
        assert not shopper.since(0, "error"), shopper.since(0, "error")

        await end_session(gateway.base_url, shopper.session)
        closed = await shopper.wait_for(lambda m: m["type"] == "session_closed")
        assert closed[1]["reason"] == "ended_by_client"

    database = Database(gateway.database_url)
    try:
        async with database.session() as db:
            order = await db.get(Order, order_id)
            assert order is not None
            assert order.status == "shipped"
            assert order.call_id == call_id
            assert [(ln.product_id, ln.quantity) for ln in order.lines] == [(TRAILBLAZER, 2)]
            assert order.lines[0].name == "Trailblazer Running Shoe"
            assert order.total_cents == 2 * 4499

            shipment = await db.scalar(select(Shipment).where(Shipment.order_id == order_id))
            assert shipment is not None
            assert shipment.tracking_number == tracking and is_valid(shipment.tracking_number)
            assert (shipment.street, shipment.city, shipment.state, shipment.postal_code) == (
                "10 Main St",  # standardised (USPS Publication 28 suffixes)
                "Seattle",
                "WA",
                "98101",
            )

            call = await get_call(db, call_id)
    finally:
        await database.dispose()
    assert call.call.status == "ended"
    assert call.call.ended_at is not None
    said_by = [t.speaker for t in call.turns]
    assert said_by.count("user") == len(lines), said_by
    assert said_by.count("assistant") >= len(lines), said_by
    assert [t.text for t in call.turns if t.speaker == "user"] == heard
    assert [t.name for t in call.tool_calls] == [
        "search_products",
        "get_product",
        "create_order",
        "create_shipment",
        "track_shipment",
    ]
    assert all(t.ok for t in call.tool_calls)
    assert {(link.kind, link.ref) for link in call.links} >= {
        ("order", order_id),
        ("shipment", shipment.id),
    }


async def test_barge_in_cancels_the_answer_and_the_next_one_follows(
    gateway: Gateway, voice: Voice
) -> None:
    """Speaking over a long spoken answer: the engine's VAD hears it, the answer is
    cancelled (its audio stops), and the interruption gets its own answer."""
    questions = ("Tell me about the first one.", "Tell me about the second one.") * 2
    interruption = "Do you have tents?"
    await voice.prepare("Do you have running shoes?", *questions, interruption)
    async with browser(gateway.base_url) as shopper:
        listed = await shopper.turn(voice, "Do you have running shoes?", tools=1)
        assert len(tool(listed, 0, "search_products", "products")["items"]) >= 2

        # The answer is spoken as fast as the TTS makes it; on a very fast machine it
        # may be over before the VAD hears us, so a few questions may be needed.
        for question in questions:
            since = shopper.mark()
            await shopper.microphone(await voice.say(question))
            at, _ = await shopper.wait_for(lambda m: m["type"] == "tool_result", since)
            _, created = await shopper.wait_for(
                lambda m: m["type"] == "response_status" and m["status"] == "in_progress", at
            )
            long_answer = created["response_id"]
            await shopper.wait_for(
                lambda m, r=long_answer: (
                    m["type"] == "assistant_audio_delta" and m["response_id"] == r
                ),
                at,
            )
            # Interrupt while its audio is arriving: no lead-in, straight into speech.
            barge = shopper.mark()
            await shopper.microphone(await voice.say(interruption, lead_ms=0))
            started_at, _ = await shopper.wait_for(lambda m: m["type"] == "speech_started", barge)
            ended_at, ended = await shopper.wait_for(
                lambda m, r=long_answer: (
                    m["type"] == "response_status"
                    and m["response_id"] == r
                    and m["status"] != "in_progress"
                ),
                at,
            )
            next_answer = await shopper.answer(started_at, tools=1)
            if ended["status"] == "completed" and ended_at < started_at:
                continue  # finished before we were heard: not a barge-in, try again
            break
        else:
            pytest.fail("every answer finished before the VAD heard the interruption")

        assert ended["status"] == "cancelled", ended
        assert started_at < ended_at  # cancelled because the shopper spoke
        later_audio = [
            m
            for m in shopper.since(ended_at + 1, "assistant_audio_delta")
            if m["response_id"] == long_answer
        ]
        assert later_audio == []  # the interrupted answer's audio stopped
        assert not [
            m
            for m in shopper.since(at, "assistant_transcript_done")
            if m["response_id"] == long_answer
        ]
        heard_like(next_answer, "tents|tent")
        assert card_names(next_answer.tools[0]["card"]) == [TENT]
        assert TENT in next_answer.said
        call_id = str(shopper.session["call_id"])
        await end_session(gateway.base_url, shopper.session)

    database = Database(gateway.database_url)
    try:
        async with database.session() as db:
            call = await get_call(db, call_id)
    finally:
        await database.dispose()
    cut = [t for t in call.turns if t.speaker == "assistant" and t.interrupted]
    assert cut, "the interrupted answer should be recorded as interrupted"
    assert cut[-1].text.startswith("The ")  # what had been said of the description


async def test_manual_commit_with_the_sdk(gateway: Gateway, voice: Voice) -> None:
    """Turn detection off, through the official SDK against the server's engine: the
    speech is committed by hand, transcribed, and answered with audio on request."""
    speech = await voice.say("Do you have running shoes?") + silence(300)
    events: list[Message] = []

    async def until(kind: str) -> Message:
        async with asyncio.timeout(TIMEOUT):
            while True:
                event: Message = json.loads(await conn.recv_bytes())
                events.append(event)
                if event["type"] == "error":
                    raise AssertionError(f"engine error: {event}")
                if event["type"] == kind:
                    return event

    async with connect(
        endpoint=gateway.base_url,
        credential=AzureKeyCredential("loopback"),  # no key configured: loopback is served
        model="gpt-realtime",
    ) as conn:
        await until("session.created")
        await conn.session.update(
            session=RequestSession(
                modalities=["text", "audio"],
                instructions="You are the Contoso shopping assistant.",
                turn_detection=None,
            )
        )
        updated = await until("session.updated")
        assert updated["session"]["turn_detection"] is None
        for offset in range(0, len(speech), 4800):  # 100 ms appends
            chunk = speech[offset : offset + 4800]
            await conn.input_audio_buffer.append(audio=base64.b64encode(chunk).decode())
        await conn.input_audio_buffer.commit()
        committed = await until("input_audio_buffer.committed")
        transcribed = await until("conversation.item.input_audio_transcription.completed")
        assert transcribed["item_id"] == committed["item_id"]
        assert {"running", "shoes"} <= words(transcribed["transcript"]), transcribed
        assert not [e for e in events if e["type"].startswith("response.")]  # not by itself
        await conn.response.create()
        done = await until("response.done")
    assert done["response"]["status"] == "completed", done
    kinds = [e["type"] for e in events]
    assert "input_audio_buffer.speech_started" not in kinds  # no VAD was running
    audio = b"".join(
        base64.b64decode(e["delta"]) for e in events if e["type"] == "response.audio.delta"
    )
    assert len(audio) > 24_000  # more than half a second of spoken answer
    transcript = next(e for e in events if e["type"] == "response.audio_transcript.done")
    assert transcript["transcript"].strip()


async def test_two_shoppers_at_once(gateway: Gateway, voice: Voice) -> None:
    """Two sessions speaking at the same time each get their own products, twice over
    (the follow-up depends on each session's own context): no cross-talk."""
    tents, earbuds = "Do you have tents?", "Do you have earbuds?"
    first = "Tell me about the first one."
    await voice.prepare(tents, earbuds, first)
    async with browser(gateway.base_url) as alice, browser(gateway.base_url) as bob:
        assert alice.session_id != bob.session_id
        a1, b1 = await asyncio.gather(
            alice.turn(voice, tents, tools=1), bob.turn(voice, earbuds, tools=1)
        )
        a2, b2 = await asyncio.gather(
            alice.turn(voice, first, tools=1), bob.turn(voice, first, tools=1)
        )
    heard_like(a1, "tents|tent")
    heard_like(b1, "earbuds|earbud")
    assert card_names(a1.tools[0]["card"]) == [TENT]
    assert EARBUDS in card_names(b1.tools[0]["card"])
    assert all("Tent" not in name for name in card_names(b1.tools[0]["card"]))
    assert card_names(tool(a2, 0, "get_product", "products")) == [TENT]
    assert card_names(tool(b2, 0, "get_product", "products")) == [EARBUDS]
    assert a2.said.startswith(f"The {TENT}") and b2.said.startswith(f"The {EARBUDS}")

    def responses(shopper: Browser) -> set[str]:
        return {str(m["response_id"]) for m in shopper.since(0, "response_status")}

    assert not responses(alice) & responses(bob)
    alice_said = " ".join(m["transcript"] for m in alice.since(0, "assistant_transcript_done"))
    bob_said = " ".join(m["transcript"] for m in bob.since(0, "assistant_transcript_done"))
    assert "Earbuds" not in alice_said and "Tent" not in bob_said
    for shopper in (alice, bob):
        assert len(shopper.since(0, "user_transcript_completed")) == 2
        assert not shopper.since(0, "error")


async def test_bad_messages_mid_utterance_leave_the_session_working(
    gateway: Gateway, voice: Voice
) -> None:
    """Broken messages sent in the middle of a spoken turn are answered with errors; the
    turn is still heard and answered, and so is the next one."""
    utterance, follow_up = "Do you have earbuds?", "Tell me about the first one."
    await voice.prepare(utterance, follow_up)
    speech = await voice.say(utterance)
    half = len(speech) // 2 - (len(speech) // 2) % 2
    bad: list[str] = [
        "{not json",
        json.dumps({"type": "launch_rockets"}),
        json.dumps({"type": "audio_chunk", "data": "***", "encoding": "pcm16"}),
        json.dumps(
            {
                "type": "audio_chunk",
                "data": base64.b64encode(b"\1\2\3").decode(),
                "encoding": "pcm16",
            }
        ),
        json.dumps({"type": "user_text", "text": "hi", "admin": True}),
        json.dumps({"type": "ping", "id": "still-here"}),
    ]
    async with browser(gateway.base_url) as shopper:
        since = shopper.mark()
        await shopper.microphone(speech[:half], tail_ms=0)
        for message in bad:
            await shopper.send(message)
        await shopper.microphone(speech[half:])
        answer = await shopper.answer(since, tools=1)

        errors = shopper.since(since, "error")
        codes = [e["code"] for e in errors]
        assert codes == [
            "invalid_json",
            "unknown_type",
            "invalid_message",
            "invalid_audio",
            "invalid_message",
        ], errors
        assert [e.get("field") for e in errors][1:] == ["type", "data", "data", "admin"]
        assert all(e.get("source") is None for e in errors)  # the gateway's, not upstream's
        pong = await shopper.wait_for(lambda m: m["type"] == "pong", since)
        assert pong[1]["id"] == "still-here"

        heard_like(answer, "earbuds|earbud")
        assert EARBUDS in card_names(answer.tools[0]["card"])
        assert EARBUDS in answer.said

        later = await shopper.turn(voice, follow_up, tools=1)
        assert card_names(tool(later, 0, "get_product", "products")) == [EARBUDS]
        assert later.said.startswith(f"The {EARBUDS}")
        assert len(shopper.since(since, "error")) == len(errors)  # nothing new went wrong
