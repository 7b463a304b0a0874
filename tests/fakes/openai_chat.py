"""A stand-in OpenAI-compatible chat-completions server on a real loopback socket.

It answers ``POST …/chat/completions`` (non-streaming) with whatever ``reply``
returns for the request body, records every request, and can hold a request open
(``hold``) so a test can kill its client mid-call.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

Reply = Callable[[dict[str, Any]], "tuple[int, dict[str, Any]] | str"]


def call_of(body: dict[str, Any]) -> dict[str, Any]:
    """The call JSON the analyser sent (its first user message)."""
    user = next(m for m in body["messages"] if m["role"] == "user")
    parsed: dict[str, Any] = json.loads(user["content"])
    return parsed


def valid_analysis(body: dict[str, Any], **overrides: Any) -> str:
    """A reply that passes validation for the call in ``body``."""
    call = call_of(body)
    first_user = next((t for t in call["turns"] if t["speaker"] == "user"), None)
    moments = (
        [
            {
                "turn": first_user["turn"],
                "speaker": "user",
                "quote": first_user["text"][:100],
                "note": "states the problem",
            }
        ]
        if first_user
        else []
    )
    result: dict[str, Any] = {
        "call_reason": "Cold pack broken, water inside bag",
        "reason_category": "damaged_item",
        "customer_sentiment": "negative",
        "sentiment_score": -0.6,
        "customer_satisfaction": "not satisfied",
        "rating": 2,
        "rating_justification": "The shopper's cold pack arrived broken (turn 1).",
        "products": [p["id"] for p in call["catalog_products_mentioned"]],
        "resolution": "unresolved",
        "follow_up_actions": ["Send a replacement cold pack"],
        "key_moments": moments,
        "language": "en",
    }
    result.update(overrides)
    return json.dumps(result)


def completion(content: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "model": "stand-in",
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "message": {"role": "assistant", "content": content},
            }
        ],
    }


@dataclass
class FakeChat:
    base_url: str = ""
    requests: list[dict[str, Any]] = field(default_factory=list)
    reply: Reply = valid_analysis
    hold_after: int | None = None  # requests answered before the next one is held open
    holding: asyncio.Event = field(default_factory=asyncio.Event)
    _release: asyncio.Event = field(default_factory=asyncio.Event)

    def release(self) -> None:
        self.hold_after = None
        self._release.set()

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.requests.append(
            {"path": request.path, "query": dict(request.query), "headers": dict(request.headers)}
            | {"body": body}
        )
        if self.hold_after is not None and len(self.requests) > self.hold_after:
            self.holding.set()
            await self._release.wait()
        answer = self.reply(body)
        if isinstance(answer, str):
            return web.json_response(completion(answer))
        status, payload = answer
        return web.json_response(payload, status=status)


@asynccontextmanager
async def fake_chat_server() -> AsyncIterator[FakeChat]:
    fake = FakeChat()
    app = web.Application()
    app.router.add_post("/v1/chat/completions", fake.handle)
    app.router.add_post("/openai/deployments/{name}/chat/completions", fake.handle)
    runner = web.AppRunner(app, shutdown_timeout=0.5)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    server = site._server
    assert server is not None
    port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    fake.base_url = f"http://127.0.0.1:{port}"
    try:
        yield fake
    finally:
        fake.release()
        await runner.cleanup()
