"""EngineSession with fake parts: the event sequences of turns, responses and tools."""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import AsyncIterator

import numpy as np
import pytest

from tests.unit.engine_server.harness import Harness, b64, silence, tone
from voicecart.engine.fakes import Rule, ScriptedBrain, ScriptedStt, ToneTts, fake_parts
from voicecart.engine.interfaces import BrainOutput, BrainRequest, TextDelta

pytestmark = pytest.mark.unit

WEATHER = Rule(
    "weather",
    reply="Let me check.",
    call=("get_weather", {"city": "Paris"}),
    after_tool="It is {output} in Paris. Anything else?",
)
TOOLS = [
    {
        "type": "function",
        "name": "get_weather",
        "description": "Weather",
        "parameters": {"type": "object"},
    }
]


def response_events(h: Harness, response_id: str) -> list[dict[str, object]]:
    return [e for e in h.events if e.get("response_id") == response_id]


async def test_session_created_then_update_merges_and_echoes_extras() -> None:
    async with Harness(fake_parts()) as h:
        created = h.events[0]["session"]
        assert isinstance(created["expires_at"], int) and created["id"].startswith("sess_")
        assert created["turn_detection"]["type"] == "server_vad"
        await h.send(
            {
                "type": "session.update",
                "event_id": "evt_1",
                "session": {
                    "instructions": "Be brief.",
                    "voice": {"type": "azure-standard", "name": "en-US-Ava:DragonHDLatestNeural"},
                    "turn_detection": {"type": "server_vad", "threshold": 0.7},
                    "input_audio_noise_reduction": {"type": "azure_deep_noise_suppression"},
                    "custom_field": {"kept": True},
                },
            }
        )
        session = (await h.next("session.updated"))["session"]
        assert session["id"] == created["id"]
        assert session["instructions"] == "Be brief."
        assert session["custom_field"] == {"kept": True}
        assert session["input_audio_noise_reduction"]["type"] == "azure_deep_noise_suppression"
        vad = session["turn_detection"]
        assert vad["threshold"] == 0.7 and vad["silence_duration_ms"] == 500
        assert vad["create_response"] is True and vad["interrupt_response"] is True
        assert session["modalities"] == ["text", "audio"]  # untouched fields stay


@pytest.mark.parametrize("off", [None, {"type": "none"}])
async def test_turn_detection_off(off: object) -> None:
    async with Harness(fake_parts()) as h:
        await h.send({"type": "session.update", "session": {"turn_detection": off}})
        assert (await h.next("session.updated"))["session"]["turn_detection"] is None


async def test_server_vad_turn_then_spoken_response_with_visemes() -> None:
    tts = ToneTts(ms_per_word=200)
    parts = fake_parts(transcripts=["hello there"], tts=tts)
    assert parts.brain is not None
    async with Harness(parts) as h:
        await h.send(
            {"type": "session.update", "session": {"animation": {"outputs": ["viseme_id"]}}}
        )
        await h.speak(600, 800)
        started = await h.next("input_audio_buffer.speech_started")
        stopped = await h.next("input_audio_buffer.speech_stopped")
        assert started["item_id"] == stopped["item_id"]
        assert 0 <= started["audio_start_ms"] <= 100
        assert 500 <= stopped["audio_end_ms"] <= 700
        committed = await h.next("input_audio_buffer.committed")
        assert committed["item_id"] == started["item_id"]
        user_item = (await h.next("conversation.item.created"))["item"]
        assert user_item["role"] == "user" and user_item["content"][0]["type"] == "input_audio"
        done = await h.next("conversation.item.input_audio_transcription.completed")
        assert done["transcript"] == "hello there" and done["item_id"] == started["item_id"]
        heard = parts.stt.heard[0]  # type: ignore[union-attr]
        assert 700 <= len(heard) / 2 / 16 <= 1100  # speech + padding at 16 kHz, in ms
        created = await h.next("response.created")
        response_id = created["response"]["id"]
        final = await h.next("response.done")
        assert final["response"]["status"] == "completed"
        kinds = [e["type"] for e in response_events(h, response_id)]
        assert kinds[0] == "response.output_item.added"
        assert kinds[1] == "response.content_part.added"
        assert kinds[-5:] == [
            "response.audio.done",
            "response.animation_viseme.done",
            "response.audio_transcript.done",
            "response.content_part.done",
            "response.output_item.done",
        ]
        deltas = [e for e in response_events(h, response_id) if e["type"] == "response.audio.delta"]
        sizes = [len(base64.b64decode(str(e["delta"]))) for e in deltas]
        assert max(sizes) == 4800 and sum(s == 4800 for s in sizes) >= len(sizes) - 4
        words = len(ScriptedBrain().default_reply.split())
        expected_bytes = 24000 * 2 * words * 200 // 1000
        assert abs(sum(sizes) - expected_bytes) < 24000 * 2 * 0.02
        transcript = "".join(
            str(e["delta"])
            for e in response_events(h, response_id)
            if e["type"] == "response.audio_transcript.delta"
        )
        assert transcript == ScriptedBrain().default_reply
        assert h.of("response.audio_transcript.done")[-1]["transcript"] == transcript
        visemes = h.of("response.animation_viseme.delta")
        assert len(visemes) == words
        offsets = [v["audio_offset_ms"] for v in visemes]
        assert offsets == sorted(offsets) and offsets[1] == 200
        output = final["response"]["output"][0]
        assert output["status"] == "completed" and output["content"][0]["transcript"] == transcript
        usage = final["response"]["usage"]
        assert usage["total_tokens"] == usage["input_tokens"] + usage["output_tokens"]


class GatedBrain:
    """Says one sentence, then waits for ``gate`` before the second."""

    def __init__(self) -> None:
        self.gate = asyncio.Event()

    async def respond(self, request: BrainRequest) -> AsyncIterator[BrainOutput]:
        yield TextDelta("First sentence here. ")
        await self.gate.wait()
        yield TextDelta("Second one.")


async def test_first_audio_leaves_after_the_first_sentence() -> None:
    brain = GatedBrain()
    parts = fake_parts()
    parts = type(parts)(vad=parts.vad, stt=parts.stt, tts=parts.tts, brain=lambda: brain)
    async with Harness(parts) as h:
        await h.send({"type": "response.create"})
        first = await h.next("response.audio.delta")
        assert not h.of("response.done")  # the brain has not finished yet
        assert h.of("response.audio_transcript.delta")[0]["delta"] == "First sentence here."
        brain.gate.set()
        await h.next("response.done")
        transcripts = [e["delta"] for e in h.of("response.audio_transcript.delta")]
        assert transcripts == ["First sentence here.", " Second one."]
        assert first["item_id"] == h.of("response.audio.done")[0]["item_id"]


async def test_barge_in_cancels_the_response() -> None:
    tts = ToneTts(chunks=4, delay=0.05)
    async with Harness(fake_parts(transcripts=["hi", "stop"], tts=tts)) as h:
        await h.speak()
        created = await h.next("response.created")
        await h.next("response.audio.delta")
        await h.append(tone(300))
        await h.next("input_audio_buffer.speech_started")
        done = await h.next("response.done")
        assert done["response"]["id"] == created["response"]["id"]
        assert done["response"]["status"] == "cancelled"
        assert done["response"]["status_details"] == {
            "type": "cancelled",
            "reason": "turn_detected",
        }
        assert done["response"]["output"][0]["status"] == "incomplete"
        assert not h.of("response.audio.done")
        # the barge-in turn gets its own answer
        await h.append(silence(800))
        await h.next("input_audio_buffer.speech_stopped")
        second = await h.next("response.created")
        assert second["response"]["id"] != created["response"]["id"]
        await h.next("response.done", within=10)


async def test_no_barge_in_when_interrupt_response_is_false() -> None:
    tts = ToneTts(chunks=3, delay=0.05)
    async with Harness(fake_parts(transcripts=["hi", "more"], tts=tts)) as h:
        await h.send(
            {
                "type": "session.update",
                "session": {"turn_detection": {"type": "server_vad", "interrupt_response": False}},
            }
        )
        await h.speak()
        await h.next("response.audio.delta")
        await h.speak()
        await h.next("input_audio_buffer.speech_started")
        first = await h.next("response.done", within=10)
        assert first["response"]["status"] == "completed"
        second = await h.next("response.done", within=10)  # answered after the first
        assert second["response"]["status"] == "completed"


async def test_response_cancel() -> None:
    tts = ToneTts(chunks=5, delay=0.05)
    async with Harness(fake_parts(tts=tts)) as h:
        await h.send({"type": "response.create"})
        created = await h.next("response.created")
        await h.next("response.audio.delta")
        await h.send({"type": "response.cancel", "response_id": created["response"]["id"]})
        done = await h.next("response.done")
        assert done["response"]["status"] == "cancelled"
        assert done["response"]["status_details"]["reason"] == "client_cancelled"
        n_audio = len(h.of("response.audio.delta"))
        await h.settle(0.3)
        assert len(h.of("response.audio.delta")) == n_audio  # stopped at once
        await h.send({"type": "response.cancel", "event_id": "evt_c"})
        error = await h.error()
        assert error["code"] == "response_cancel_not_active" and error["event_id"] == "evt_c"


async def test_tool_call_round_trip() -> None:
    brain = ScriptedBrain(rules=[WEATHER])
    async with Harness(fake_parts(transcripts=["weather in Paris?"], brain=brain)) as h:
        await h.send({"type": "session.update", "session": {"tools": TOOLS}})
        await h.speak()
        first = await h.next("response.done")
        output = first["response"]["output"]
        assert [o["type"] for o in output] == ["message", "function_call"]
        call = output[1]
        assert call["name"] == "get_weather" and json.loads(call["arguments"]) == {"city": "Paris"}
        args_done = h.of("response.function_call_arguments.done")[0]
        assert args_done["call_id"] == call["call_id"] and args_done["name"] == "get_weather"
        delta = h.of("response.function_call_arguments.delta")[0]
        assert delta["delta"] == call["arguments"]
        await h.send(
            {
                "type": "conversation.item.create",
                "item": {
                    "type": "function_call_output",
                    "call_id": call["call_id"],
                    "output": "sunny",
                },
            }
        )
        item = (await h.next("conversation.item.created"))["item"]
        assert item["type"] == "function_call_output" and item["output"] == "sunny"
        await h.send({"type": "response.create"})
        second = await h.next("response.done")
        spoken = second["response"]["output"][0]["content"][0]["transcript"]
        assert spoken == "It is sunny in Paris. Anything else?"
        request = brain.requests[-1]
        assert [i["type"] for i in request.items][-2:] == ["function_call", "function_call_output"]
        assert request.tools[0]["name"] == "get_weather"


async def test_calls_to_tools_the_session_lacks_are_dropped() -> None:
    brain = ScriptedBrain(rules=[WEATHER])
    async with Harness(fake_parts(transcripts=["weather?"], brain=brain)) as h:
        await h.speak()
        done = await h.next("response.done")
        assert [o["type"] for o in done["response"]["output"]] == ["message"]


async def test_manual_commit_without_turn_detection() -> None:
    stt = ScriptedStt(["order shoes"])
    async with Harness(fake_parts(stt=stt)) as h:
        await h.send({"type": "session.update", "session": {"turn_detection": None}})
        await h.append(tone(500) + silence(900))
        await h.settle()
        assert not h.of("input_audio_buffer.speech_started")
        await h.send({"type": "input_audio_buffer.commit", "event_id": "c1"})
        committed = await h.next("input_audio_buffer.committed")
        await h.next("conversation.item.created")
        transcript = await h.next("conversation.item.input_audio_transcription.completed")
        assert transcript["item_id"] == committed["item_id"]
        assert transcript["transcript"] == "order shoes"
        assert abs(len(stt.heard[0]) / 2 / 16 - 1400) < 20  # all 1.4 s, at 16 kHz
        await h.settle(0.1)
        assert not h.of("response.created")  # no server VAD, no automatic response
        await h.send({"type": "input_audio_buffer.commit", "event_id": "c2"})
        error = await h.error()
        assert error["code"] == "input_audio_buffer_commit_empty" and error["event_id"] == "c2"
        await h.send({"type": "response.create"})
        assert (await h.next("response.done"))["response"]["status"] == "completed"


async def test_response_waits_for_the_transcript_and_its_cancel_spares_it() -> None:
    brain = ScriptedBrain()
    stt = ScriptedStt(["first", "second"], delay=0.2)
    async with Harness(fake_parts(stt=stt, brain=brain)) as h:
        await h.send({"type": "session.update", "session": {"turn_detection": None}})
        await h.append(tone(300))
        await h.send({"type": "input_audio_buffer.commit"})
        await h.send({"type": "response.create"})
        await h.next("response.created")
        await h.send({"type": "response.cancel"})
        assert (await h.next("response.done"))["response"]["status"] == "cancelled"
        done = await h.next("conversation.item.input_audio_transcription.completed")
        assert done["transcript"] == "first"  # the transcription was not cancelled with it
        await h.append(tone(300))
        await h.send({"type": "input_audio_buffer.commit"})
        await h.send({"type": "response.create"})  # created at once, answers after the STT
        await h.next("response.done")
        last_user = brain.requests[-1].items[-1]
        assert last_user["content"][0]["transcript"] == "second"


async def test_clear_empties_the_buffer() -> None:
    async with Harness(fake_parts()) as h:
        await h.send({"type": "session.update", "session": {"turn_detection": None}})
        await h.append(tone(300))
        await h.send({"type": "input_audio_buffer.clear"})
        await h.next("input_audio_buffer.cleared")
        await h.send({"type": "input_audio_buffer.commit"})
        assert (await h.error())["code"] == "input_audio_buffer_commit_empty"


async def test_text_only_modality() -> None:
    tts = ToneTts()
    async with Harness(fake_parts(tts=tts)) as h:
        await h.send({"type": "session.update", "session": {"modalities": ["text"]}})
        await h.send(
            {
                "type": "conversation.item.create",
                "item": {
                    "type": "message",
                    "role": "user",
                    "content": [{"type": "input_text", "text": "hi"}],
                },
            }
        )
        await h.send({"type": "response.create"})
        done = await h.next("response.done")
        text = "".join(e["delta"] for e in h.of("response.text.delta"))
        assert text == ScriptedBrain().default_reply
        assert h.of("response.text.done")[0]["text"] == text
        assert done["response"]["output"][0]["content"] == [{"type": "text", "text": text}]
        assert not h.of("response.audio.delta") and not tts.spoken
        # per response: audio again
        await h.send({"type": "response.create", "response": {"modalities": ["audio", "text"]}})
        await h.next("response.done")
        assert h.of("response.audio.delta")


@pytest.mark.parametrize(
    ("fmt", "frame_bytes", "bytes_per_second"),
    [
        ("pcm16", 4800, 48000),
        ("pcm16_16000hz", 3200, 32000),
        ("pcm16_8000hz", 1600, 16000),
        ("g711_ulaw", 800, 8000),
        ("g711_alaw", 800, 8000),
    ],
)
async def test_output_audio_formats(fmt: str, frame_bytes: int, bytes_per_second: int) -> None:
    tts = ToneTts(ms_per_word=250)
    async with Harness(fake_parts(tts=tts)) as h:
        await h.send({"type": "session.update", "session": {"output_audio_format": fmt}})
        await h.send({"type": "response.create"})
        await h.next("response.done")
        sizes = [len(base64.b64decode(e["delta"])) for e in h.of("response.audio.delta")]
        assert max(sizes) == frame_bytes
        seconds = len(ScriptedBrain().default_reply.split()) * 0.25
        assert abs(sum(sizes) - seconds * bytes_per_second) <= bytes_per_second * 0.02


@pytest.mark.parametrize(("fmt", "silent_byte"), [("g711_ulaw", 0xFF), ("g711_alaw", 0xD5)])
async def test_g711_input_is_decoded(fmt: str, silent_byte: int) -> None:
    stt = ScriptedStt(["ok"])
    async with Harness(fake_parts(stt=stt)) as h:
        await h.send(
            {
                "type": "session.update",
                "session": {"input_audio_format": fmt, "turn_detection": None},
            }
        )
        session = (await h.next("session.updated"))["session"]
        assert session["input_audio_sampling_rate"] == 8000
        await h.send(
            {"type": "input_audio_buffer.append", "audio": b64(bytes([silent_byte]) * 8000)}
        )
        await h.send({"type": "input_audio_buffer.commit"})
        await h.next("conversation.item.input_audio_transcription.completed")
        heard = stt.heard[0]
        assert abs(len(heard) - 32000) <= 64  # one second, resampled to 16 kHz pcm16
        assert np.abs(np.frombuffer(heard, "<i2")).max() <= 16  # silence stays silence


async def test_16k_input_timeline() -> None:
    async with Harness(fake_parts(transcripts=["x"])) as h:
        await h.send({"type": "session.update", "session": {"input_audio_sampling_rate": 16000}})
        await h.append(silence(500, 16000) + tone(600, 16000) + silence(800, 16000), rate=16000)
        started = await h.next("input_audio_buffer.speech_started")
        assert 180 <= started["audio_start_ms"] <= 220  # 500 ms less the prefix padding


async def test_second_response_create_while_active_is_refused() -> None:
    tts = ToneTts(chunks=4, delay=0.05)
    async with Harness(fake_parts(tts=tts)) as h:
        await h.send({"type": "response.create"})
        await h.next("response.created")
        await h.send({"type": "response.create", "event_id": "evt_2"})
        error = await h.error()
        assert error["code"] == "conversation_already_has_active_response"
        assert error["event_id"] == "evt_2"
        await h.next("response.done")
        assert len(h.of("response.created")) == 1


async def test_cancel_previous_replaces_the_running_response() -> None:
    tts = ToneTts(chunks=4, delay=0.05)
    async with Harness(fake_parts(tts=tts)) as h:
        await h.send({"type": "response.create"})
        await h.next("response.audio.delta")
        await h.send({"type": "response.create", "response": {"cancel_previous": True}})
        first = await h.next("response.done")
        assert first["response"]["status"] == "cancelled"
        second = await h.next("response.done")
        assert second["response"]["status"] == "completed"


async def test_instructions_reach_the_brain() -> None:
    brain = ScriptedBrain()
    async with Harness(fake_parts(brain=brain)) as h:
        await h.send({"type": "session.update", "session": {"instructions": "Session."}})
        await h.send({"type": "response.create", "additional_instructions": "Be brief."})
        await h.next("response.done")
        await h.send(
            {"type": "response.create", "response": {"instructions": "Own.", "temperature": 0.6}}
        )
        await h.next("response.done")
        assert brain.requests[0].instructions == "Session.\n\nBe brief."
        assert brain.requests[1].instructions == "Own."
        assert brain.requests[1].temperature == 0.6


async def test_pre_generated_message_is_spoken_without_the_brain() -> None:
    brain = ScriptedBrain()
    async with Harness(fake_parts(brain=brain)) as h:
        message = {
            "type": "message",
            "role": "assistant",
            "content": [{"type": "text", "text": "Welcome to Contoso."}],
        }
        await h.send(
            {"type": "response.create", "response": {"pre_generated_assistant_message": message}}
        )
        done = await h.next("response.done")
        assert done["response"]["output"][0]["content"][0]["transcript"] == "Welcome to Contoso."
        assert not brain.requests


async def test_max_output_tokens_makes_the_response_incomplete() -> None:
    async with Harness(fake_parts()) as h:
        await h.send({"type": "response.create", "response": {"max_output_tokens": 2}})
        done = await h.next("response.done")
        assert done["response"]["status"] == "incomplete"
        assert done["response"]["status_details"]["reason"] == "max_output_tokens"


class BrokenBrain:
    async def respond(self, request: BrainRequest) -> AsyncIterator[BrainOutput]:
        yield TextDelta("Hmm")
        raise RuntimeError("model exploded")


async def test_brain_failure_fails_the_response_and_keeps_the_session() -> None:
    parts = fake_parts()
    broken = BrokenBrain()
    parts = type(parts)(vad=parts.vad, stt=parts.stt, tts=parts.tts, brain=lambda: broken)
    async with Harness(parts) as h:
        await h.send({"type": "response.create"})
        done = await h.next("response.done")
        assert done["response"]["status"] == "failed"
        assert done["response"]["status_details"]["error"]["code"] == "response_failed"
        await h.send({"type": "input_audio_buffer.clear"})
        await h.next("input_audio_buffer.cleared")


async def test_truncate_keeps_what_was_heard() -> None:
    tts = ToneTts(ms_per_word=100)
    brain = ScriptedBrain(rules=[Rule("x", reply="One two three four. Five six seven eight.")])
    async with Harness(fake_parts(transcripts=["x"], brain=brain, tts=tts)) as h:
        await h.speak()
        done = await h.next("response.done")
        item_id = done["response"]["output"][0]["id"]
        await h.send(
            {
                "type": "conversation.item.truncate",
                "item_id": item_id,
                "content_index": 0,
                "audio_end_ms": 600,
            }
        )
        truncated = await h.next("conversation.item.truncated")
        assert truncated["audio_end_ms"] == 600
        await h.send({"type": "conversation.item.retrieve", "item_id": item_id})
        item = (await h.next("conversation.item.retrieved"))["item"]
        assert item["content"][0]["transcript"] == "One two three four. Five six"
        await h.send(
            {
                "type": "conversation.item.truncate",
                "item_id": item_id,
                "content_index": 0,
                "audio_end_ms": 5000,
                "event_id": "t",
            }
        )
        error = await h.error()
        assert error["code"] == "invalid_value" and error["event_id"] == "t"


async def test_audio_is_paced_to_real_time_plus_the_lead() -> None:
    """With a lead, a response lasts about as long as its audio (minus the lead), so it is
    still in progress while it is heard; without one it is sent as fast as it is made."""
    words = len(ScriptedBrain().default_reply.split())
    audio_s = words * 0.4  # 2.4 s of speech

    async def response_seconds(lead_ms: float | None) -> float:
        parts = fake_parts(transcripts=["hello"], tts=ToneTts(ms_per_word=400))
        h = Harness(parts)
        h.session.responder.audio_lead_ms = lead_ms
        async with h:
            await h.send({"type": "response.create"})
            await h.next("response.audio.delta")
            started = asyncio.get_running_loop().time()
            done = await h.next("response.done", within=10)
            assert done["response"]["status"] == "completed"
            return asyncio.get_running_loop().time() - started

    assert await response_seconds(None) < 0.5
    paced = await response_seconds(200)
    assert audio_s - 0.2 - 0.3 <= paced <= audio_s + 0.5, (paced, audio_s)
