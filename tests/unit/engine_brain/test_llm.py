"""OpenAIChatBrain against a real HTTP server on a loopback socket streaming canned SSE."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiohttp import web

from tests.unit.engine_brain.helpers import run, tool_defs
from voicecart.engine.brain.llm import APOLOGY, OpenAIChatBrain, chat_messages
from voicecart.engine.interfaces import BrainRequest, FunctionCall, TextDelta

pytestmark = pytest.mark.unit

SECRET_USER_TEXT = "my card number is 4111 1111 1111 1111"


def sse(payload: dict[str, Any] | str) -> bytes:
    data = payload if isinstance(payload, str) else json.dumps(payload)
    return f"data: {data}\n\n".encode()


def delta(**fields: Any) -> dict[str, Any]:
    return {
        "id": "c1",
        "object": "chat.completion.chunk",
        "choices": [{"index": 0, "delta": fields}],
    }


@dataclass
class Script:
    """What the fake endpoint answers: HTTP status and the raw bytes it writes."""

    status: int = 200
    body: bytes = b""
    piece: int = 0  # write the body in pieces of this many bytes (0 = at once)


@dataclass
class FakeEndpoint:
    base_url: str = ""
    script: Script = field(default_factory=Script)
    requests: list[dict[str, Any]] = field(default_factory=list)


@pytest.fixture
async def endpoint() -> AsyncIterator[FakeEndpoint]:
    fake = FakeEndpoint()

    async def completions(request: web.Request) -> web.StreamResponse:
        fake.requests.append(
            {
                "path": request.path,
                "query": dict(request.query),
                "headers": dict(request.headers),
                "body": await request.json(),
            }
        )
        script = fake.script
        if script.status != 200:
            return web.Response(
                status=script.status, body=script.body, content_type="application/json"
            )
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)
        size = script.piece or len(script.body) or 1
        for i in range(0, len(script.body), size):
            await response.write(script.body[i : i + size])
            await asyncio.sleep(0.001)
        await response.write_eof()
        return response

    app = web.Application()
    app.router.add_post("/v1/chat/completions", completions)
    app.router.add_post("/openai/deployments/{name}/chat/completions", completions)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    fake.base_url = f"http://{host}:{port}"
    try:
        yield fake
    finally:
        await runner.cleanup()


def _request(**kwargs: Any) -> BrainRequest:
    items = [
        {
            "type": "message",
            "role": "user",
            "content": [{"type": "input_audio", "transcript": "hi"}],
        },
        {
            "type": "message",
            "role": "assistant",
            "content": [{"type": "audio", "transcript": "Hello!"}],
        },
        {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "tents?"}]},
        {
            "type": "function_call",
            "name": "search_products",
            "call_id": "call_a",
            "arguments": '{"query":"tent"}',
        },
        {"type": "function_call_output", "call_id": "call_a", "output": '{"total":1}'},
        {"type": "function_call", "name": "get_product", "call_id": "call_cut", "arguments": "{}"},
        {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "thanks"}]},
    ]
    defaults: dict[str, Any] = {
        "items": items,
        "instructions": "You are Ava.",
        "tools": tool_defs(["search_products", "get_product"]),
        "tool_choice": "auto",
    }
    defaults.update(kwargs)
    return BrainRequest(**defaults)


async def test_streams_text_deltas_split_anywhere(endpoint: FakeEndpoint) -> None:
    endpoint.script = Script(
        body=b": ping\n\n"
        + sse({"choices": [], "prompt_filter_results": []})  # Azure's first chunk
        + sse(delta(role="assistant", content=""))
        + sse(delta(content="We have "))
        + sse(delta(content="the Summit tent, "))
        + sse(delta(content="forty-four ninety-nine."))
        + sse({"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
        + sse("[DONE]"),
        piece=7,  # lines and even JSON cut across TCP writes
    )
    async with OpenAIChatBrain(f"{endpoint.base_url}/v1", "sk-test", "gpt-test") as brain:
        outputs = [o async for o in brain.respond(_request())]
    assert outputs == [
        TextDelta("We have "),
        TextDelta("the Summit tent, "),
        TextDelta("forty-four ninety-nine."),
    ]


async def test_assembles_streamed_tool_calls(endpoint: FakeEndpoint) -> None:
    def call_piece(index: int, **fn: str) -> dict[str, Any]:
        piece: dict[str, Any] = {"index": index, "function": fn}
        if "name" in fn:
            piece |= {"id": f"call_{index}", "type": "function"}
        return delta(tool_calls=[piece])

    endpoint.script = Script(
        body=sse(call_piece(0, name="search_products", arguments=""))
        + sse(call_piece(0, arguments='{"que'))
        + sse(call_piece(1, name="get_order", arguments='{"order_id":'))
        + sse(call_piece(0, arguments='ry": "tent"}'))
        + sse(call_piece(1, arguments=' "48271930"}'))
        + sse({"choices": [{"index": 0, "delta": {}, "finish_reason": "tool_calls"}]})
        + sse("[DONE]"),
        piece=11,
    )
    brain = OpenAIChatBrain(f"{endpoint.base_url}/v1/", None, "gpt-test")
    try:
        outputs = [o async for o in brain.respond(_request())]
    finally:
        await brain.aclose()
    assert outputs == [
        FunctionCall("search_products", '{"query": "tent"}'),
        FunctionCall("get_order", '{"order_id": "48271930"}'),
    ]
    assert all(o.call_id == "" for o in outputs if isinstance(o, FunctionCall))


async def test_request_shape(endpoint: FakeEndpoint) -> None:
    endpoint.script = Script(body=sse(delta(content="ok")) + sse("[DONE]"))
    request = _request(
        tool_choice={"type": "function", "name": "search_products"},
        temperature=0.3,
        max_output_tokens=200,
    )
    async with OpenAIChatBrain(f"{endpoint.base_url}/v1", "sk-test", "gpt-test") as brain:
        reply = await run(brain, request)
    assert reply.text == "ok"
    sent = endpoint.requests[0]
    assert sent["headers"]["Authorization"] == "Bearer sk-test"
    body = sent["body"]
    assert body["model"] == "gpt-test" and body["stream"] is True
    assert body["temperature"] == 0.3 and body["max_tokens"] == 200
    assert body["tool_choice"] == {"type": "function", "function": {"name": "search_products"}}
    assert body["tools"][0] == {
        "type": "function",
        "function": {
            "name": "search_products",
            "description": "search_products tool",
            "parameters": {"type": "object", "properties": {}},
        },
    }
    assert body["messages"] == [
        {"role": "system", "content": "You are Ava."},
        {"role": "user", "content": "hi"},
        {"role": "assistant", "content": "Hello!"},
        {"role": "user", "content": "tents?"},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_a",
                    "type": "function",
                    "function": {"name": "search_products", "arguments": '{"query":"tent"}'},
                }
            ],
        },
        {"role": "tool", "tool_call_id": "call_a", "content": '{"total":1}'},
        # the get_product call that never got an output is left out
        {"role": "user", "content": "thanks"},
    ]


async def test_azure_deployment_uses_api_key_and_version(endpoint: FakeEndpoint) -> None:
    endpoint.script = Script(body=sse(delta(content="hi")) + sse("[DONE]"))
    brain = OpenAIChatBrain(
        f"{endpoint.base_url}/openai/deployments/gpt-4o-mini",
        "azure-key",
        "gpt-4o-mini",
        api_version="2024-10-21",
    )
    async with brain:
        reply = await run(brain, _request(tools=[]))
    assert reply.text == "hi"
    sent = endpoint.requests[0]
    assert sent["path"] == "/openai/deployments/gpt-4o-mini/chat/completions"
    assert sent["query"] == {"api-version": "2024-10-21"}
    assert sent["headers"]["api-key"] == "azure-key"
    assert "Authorization" not in sent["headers"]
    assert "tools" not in sent["body"] and "tool_choice" not in sent["body"]


async def test_http_error_gives_one_apology_and_a_clean_warning(
    endpoint: FakeEndpoint, caplog: pytest.LogCaptureFixture
) -> None:
    endpoint.script = Script(
        status=500,
        body=json.dumps(
            {"error": {"message": f"failed on: {SECRET_USER_TEXT}", "code": "server_error"}}
        ).encode(),
    )
    request = _request(
        items=[
            {
                "type": "message",
                "role": "user",
                "content": [{"type": "input_text", "text": SECRET_USER_TEXT}],
            }
        ]
    )
    caplog.set_level(logging.WARNING, logger="voicecart.engine.brain.llm")
    async with OpenAIChatBrain(f"{endpoint.base_url}/v1", "sk-test", "gpt-test") as brain:
        outputs = [o async for o in brain.respond(request)]
    assert outputs == [TextDelta(APOLOGY)]
    records = [r for r in caplog.records if r.name == "voicecart.engine.brain.llm"]
    assert len(records) == 1, [(r.name, r.getMessage()) for r in caplog.records]
    record = records[0]
    assert record.levelno == logging.WARNING
    assert record.__dict__["status_code"] == 500
    assert record.__dict__["error_code"] == "server_error"
    logged = record.getMessage() + json.dumps({k: str(v) for k, v in record.__dict__.items()})
    assert "4111" not in logged and "sk-test" not in logged


async def test_connection_refused_gives_an_apology(caplog: pytest.LogCaptureFixture) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once the socket closes
    caplog.set_level(logging.WARNING, logger="voicecart.engine.brain.llm")
    async with OpenAIChatBrain(f"http://127.0.0.1:{port}/v1", "k", "m", timeout=5) as brain:
        outputs = [o async for o in brain.respond(_request())]
    assert outputs == [TextDelta(APOLOGY)]
    records = [r for r in caplog.records if r.name == "voicecart.engine.brain.llm"]
    assert records and records[0].__dict__["error_type"] == "ConnectError"


async def test_broken_stream_after_text_keeps_the_text(
    endpoint: FakeEndpoint, caplog: pytest.LogCaptureFixture
) -> None:
    endpoint.script = Script(body=sse(delta(content="Let me ")) + b"data: {not json}\n\n")
    caplog.set_level(logging.WARNING, logger="voicecart.engine.brain.llm")
    async with OpenAIChatBrain(f"{endpoint.base_url}/v1", "k", "m") as brain:
        outputs = [o async for o in brain.respond(_request())]
    assert outputs == [TextDelta("Let me ")]  # no apology glued onto a half answer
    assert len([r for r in caplog.records if r.name == "voicecart.engine.brain.llm"]) == 1


async def test_error_event_in_stream(endpoint: FakeEndpoint) -> None:
    endpoint.script = Script(body=sse({"error": {"message": "overloaded", "code": "rate_limit"}}))
    async with OpenAIChatBrain(f"{endpoint.base_url}/v1", "k", "m") as brain:
        outputs = [o async for o in brain.respond(_request())]
    assert outputs == [TextDelta(APOLOGY)]


def test_outputs_without_calls_are_dropped_and_late_outputs_moved() -> None:
    items: list[dict[str, Any]] = [
        {"type": "function_call_output", "call_id": "ghost", "output": "{}"},
        {"type": "function_call", "name": "a", "call_id": "c1", "arguments": ""},
        {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "wait"}]},
        {"type": "function_call_output", "call_id": "c1", "output": '{"ok":true}'},
    ]
    messages = chat_messages(BrainRequest(items=items))
    assert messages == [
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {"id": "c1", "type": "function", "function": {"name": "a", "arguments": "{}"}}
            ],
        },
        {"role": "tool", "tool_call_id": "c1", "content": '{"ok":true}'},
        {"role": "user", "content": "wait"},
    ]
