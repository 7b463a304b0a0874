"""A brain backed by any OpenAI-compatible chat-completions endpoint (Azure OpenAI too).

The realtime conversation items become chat messages (``function_call`` ->
an assistant message with ``tool_calls``, ``function_call_output`` -> a ``tool``
message), the session's tools become chat ``tools``, and the reply is streamed
(``"stream": true``) and read as server-sent events by our own parser. Text
deltas are passed on as they arrive; tool calls are assembled from their
streamed pieces and emitted when the stream ends.

A failure (connection, HTTP status, malformed stream) is logged as a warning
without any conversation content, and the shopper hears one short apology.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import httpx

from voicecart.engine.brain.items import message_text
from voicecart.engine.brain.sse import SSEParser
from voicecart.engine.interfaces import BrainOutput, BrainRequest, FunctionCall, TextDelta

__all__ = ["APOLOGY", "ChatCompletionError", "OpenAIChatBrain", "chat_messages", "chat_tools"]

from voicecart.chat_endpoint import ChatEndpoint

logger = logging.getLogger(__name__)

APOLOGY: Final = "Sorry, I'm having trouble answering right now. Could you say that again?"


class ChatCompletionError(Exception):
    """The endpoint failed; ``status_code``/``code`` say how (no content is kept)."""

    def __init__(self, reason: str, *, status_code: int | None = None, code: str | None = None):
        super().__init__(reason)
        self.status_code = status_code
        self.code = code


# ------------------------------------------------------------------ conversion


def _call_id(item: Mapping[str, Any], index: int) -> str:
    value = item.get("call_id")
    return value if isinstance(value, str) and value else f"call_{index}"


def chat_messages(request: BrainRequest) -> list[dict[str, Any]]:
    """The request's instructions and items as chat messages.

    Tool calls with no output yet (a response cut short) are dropped, outputs are
    moved right after their call, and outputs without a call are dropped: the chat
    API rejects anything else.
    """
    raw: list[dict[str, Any]] = []
    if request.instructions.strip():
        raw.append({"role": "system", "content": request.instructions})
    for index, item in enumerate(request.items):
        if not isinstance(item, Mapping):
            continue
        kind = item.get("type")
        if kind == "message":
            role = item.get("role")
            text = message_text(item)
            if role in ("user", "assistant", "system") and text:
                raw.append({"role": role, "content": text})
        elif kind == "function_call":
            arguments = item.get("arguments")
            call = {
                "id": _call_id(item, index),
                "type": "function",
                "function": {
                    "name": str(item.get("name") or ""),
                    "arguments": arguments if isinstance(arguments, str) and arguments else "{}",
                },
            }
            last = raw[-1] if raw else None
            if last is not None and last["role"] == "assistant":
                last.setdefault("tool_calls", []).append(call)  # same turn: text then calls
            else:
                raw.append({"role": "assistant", "content": None, "tool_calls": [call]})
        elif kind == "function_call_output":
            output = item.get("output")
            raw.append(
                {
                    "role": "tool",
                    "tool_call_id": _call_id(item, index),
                    "content": output if isinstance(output, str) else json.dumps(output),
                }
            )
    return _paired(raw)


def _paired(raw: list[dict[str, Any]]) -> list[dict[str, Any]]:
    outputs: dict[str, dict[str, Any]] = {}
    for m in raw:
        if m["role"] == "tool":
            outputs.setdefault(m["tool_call_id"], m)
    out: list[dict[str, Any]] = []
    used: set[str] = set()
    for m in raw:
        if m["role"] == "tool":
            continue
        calls = m.get("tool_calls")
        if not calls:
            out.append(m)
            continue
        kept = [c for c in calls if c["id"] in outputs and c["id"] not in used]
        message = {k: v for k, v in m.items() if k != "tool_calls"}
        if kept:
            message["tool_calls"] = kept
        elif not message.get("content"):
            continue
        out.append(message)
        for c in kept:
            used.add(c["id"])
            out.append(outputs[c["id"]])
    return out


def chat_tools(tools: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Realtime function tools (``{"type": "function", "name": ...}``) in chat shape."""
    out: list[dict[str, Any]] = []
    for t in tools:
        if not isinstance(t, Mapping) or t.get("type", "function") != "function":
            continue
        if isinstance(t.get("function"), Mapping):
            out.append({"type": "function", "function": dict(t["function"])})
            continue
        if not isinstance(t.get("name"), str):
            continue
        fn: dict[str, Any] = {"name": t["name"]}
        if t.get("description"):
            fn["description"] = t["description"]
        fn["parameters"] = t.get("parameters") or {"type": "object", "properties": {}}
        out.append({"type": "function", "function": fn})
    return out


def chat_tool_choice(choice: str | Mapping[str, Any]) -> str | dict[str, Any]:
    if isinstance(choice, str):
        return choice if choice in ("auto", "none", "required") else "auto"
    name = choice.get("name")
    if name is None and isinstance(choice.get("function"), Mapping):
        name = choice["function"].get("name")
    return {"type": "function", "function": {"name": name}} if isinstance(name, str) else "auto"


# --------------------------------------------------------------------- streaming


@dataclass
class _PartialCall:
    name: str = ""
    arguments: str = ""


class OpenAIChatBrain:
    """Streams replies from ``{base_url}/chat/completions``.

    Args:
        base_url: e.g. ``https://api.openai.com/v1``, a local server's ``/v1``, or an
            Azure deployment ``https://NAME.openai.azure.com/openai/deployments/DEPLOYMENT``
            (a URL already ending in ``/chat/completions`` is used as is).
        api_key: sent as ``Authorization: Bearer`` (or ``api-key`` for Azure hosts or
            when ``api_version`` is set); None sends no key.
        model: the model (or Azure deployment) name.
        api_version: Azure's ``api-version`` query parameter.
        token_provider: an async callable giving a bearer token per request (Entra ID);
            overrides ``api_key``.
        timeout: seconds to wait for the first byte and between stream reads.
        transport: an httpx transport, for tests.
    """

    def __init__(
        self,
        base_url: str,
        api_key: str | None,
        model: str,
        *,
        api_version: str | None = None,
        token_provider: Callable[[], Awaitable[str]] | None = None,
        timeout: float = 30.0,
        max_tokens_field: str = "max_tokens",
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.endpoint = ChatEndpoint(base_url, api_key, api_version, token_provider)
        self.url = self.endpoint.url
        self.model = model
        self._timeout = httpx.Timeout(timeout, connect=min(10.0, timeout))
        self._max_tokens_field = max_tokens_field
        self._transport = transport
        self._client: httpx.AsyncClient | None = None

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def __aenter__(self) -> OpenAIChatBrain:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    def _http(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = httpx.AsyncClient(timeout=self._timeout, transport=self._transport)
        return self._client

    def payload(self, request: BrainRequest) -> dict[str, Any]:
        """The JSON body sent for ``request``."""
        body: dict[str, Any] = {
            "model": self.model,
            "messages": chat_messages(request),
            "stream": True,
        }
        tools = chat_tools(request.tools)
        if tools:
            body["tools"] = tools
            body["tool_choice"] = chat_tool_choice(request.tool_choice)
        if request.temperature is not None:
            body["temperature"] = request.temperature
        if request.max_output_tokens is not None:
            body[self._max_tokens_field] = request.max_output_tokens
        return body

    async def respond(self, request: BrainRequest) -> AsyncIterator[BrainOutput]:
        emitted = False
        try:
            async for output in self._stream(request):
                emitted = True
                yield output
        except (httpx.HTTPError, ChatCompletionError, ValueError, KeyError, TypeError) as exc:
            logger.warning(
                "chat completion failed",
                extra={
                    "error_type": type(exc).__name__,
                    "status_code": getattr(exc, "status_code", None),
                    "error_code": getattr(exc, "code", None),
                    "model": self.model,
                },
            )
            if not emitted:
                yield TextDelta(APOLOGY)

    async def _stream(self, request: BrainRequest) -> AsyncIterator[BrainOutput]:
        calls: dict[int, _PartialCall] = {}
        parser = SSEParser()
        async with self._http().stream(
            "POST",
            self.url,
            json=self.payload(request),
            headers=await self.endpoint.headers("text/event-stream"),
            params=self.endpoint.params,
        ) as response:
            if response.status_code >= 400:
                raise ChatCompletionError(
                    "HTTP error",
                    status_code=response.status_code,
                    code=await _error_code(response),
                )
            done = False
            async for text in response.aiter_text():
                for event in parser.feed(text):
                    if event.data.strip() == "[DONE]":
                        done = True
                        break
                    for delta in _deltas(event.data, calls):
                        yield delta
                if done:
                    break
            if not done:
                for event in parser.close():
                    if event.data.strip() != "[DONE]":
                        for delta in _deltas(event.data, calls):
                            yield delta
        for index in sorted(calls):
            call = calls[index]
            if not call.name:
                raise ChatCompletionError("a tool call without a name")
            yield FunctionCall(name=call.name, arguments=call.arguments or "{}")


def _deltas(data: str, calls: dict[int, _PartialCall]) -> list[TextDelta]:
    """Text deltas of one stream chunk; tool-call pieces are added to ``calls``."""
    chunk = json.loads(data)
    if not isinstance(chunk, dict):
        raise ChatCompletionError("a stream chunk that is not an object")
    if chunk.get("error"):
        error = chunk["error"]
        code = error.get("code") if isinstance(error, dict) else None
        raise ChatCompletionError("error in stream", code=code if isinstance(code, str) else None)
    out: list[TextDelta] = []
    for choice in chunk.get("choices") or []:  # Azure sends a first chunk with no choices
        if not isinstance(choice, dict) or choice.get("index", 0) != 0:
            continue
        delta = choice.get("delta") or {}
        content = delta.get("content")
        if isinstance(content, str) and content:
            out.append(TextDelta(content))
        for piece in delta.get("tool_calls") or []:
            index = piece.get("index", 0)
            call = calls.setdefault(index if isinstance(index, int) else 0, _PartialCall())
            fn = piece.get("function") or {}
            name = fn.get("name")
            if isinstance(name, str) and name and name != call.name:
                call.name += name
            arguments = fn.get("arguments")
            if isinstance(arguments, str):
                call.arguments += arguments
    return out


async def _error_code(response: httpx.Response) -> str | None:
    """The ``error.code`` of an error body (never the message, which may quote input)."""
    try:
        body = json.loads(await response.aread())
    except (ValueError, httpx.HTTPError):
        return None
    error = body.get("error") if isinstance(body, dict) else None
    code = error.get("code") if isinstance(error, dict) else None
    return code if isinstance(code, str) else None
