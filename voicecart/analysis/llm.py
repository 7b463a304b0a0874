"""The LLM analyser: any OpenAI-compatible chat-completions endpoint (Azure OpenAI too).

The transcript goes to the model as JSON; the reply must be a JSON object matching
``RESPONSE_SCHEMA`` (sent as ``response_format: json_schema``, strict). The reply is
validated with the same pydantic model the local analyser fills, plus checks
against the call itself (cited turns exist, product ids are in the catalog). An
invalid reply is sent back to the model with the list of problems (field names,
never content) and tried again, up to ``max_attempts`` times.

HTTP errors become ``AnalysisError``: 408/409/429/5xx and connection failures are
retryable (the worker backs off), other 4xx are not (wrong key, wrong deployment).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any, Final

import httpx
from pydantic import ValidationError

from voicecart.analysis.analyser import AnalysisError
from voicecart.analysis.products import ProductMatcher
from voicecart.analysis.schema import AnalysisResult, Reason, Resolution, Satisfaction, Sentiment
from voicecart.analysis.transcript import Transcript
from voicecart.chat_endpoint import ChatEndpoint

log = logging.getLogger(__name__)

_RETRYABLE_STATUS: Final = frozenset({408, 409, 429, 500, 502, 503, 504})
_RESULT_MAX: Final = 600  # characters of each tool result shown to the model

SYSTEM_PROMPT: Final = """You review customer calls of the Contoso retail store.
You get one call as JSON: turns (numbered, speaker user = the shopper, assistant = the
store's voice agent), the tools the agent used with their results, orders and shipments
created, and catalog products that may be in question. Judge the call objectively and
answer with one JSON object that matches the given schema:
- call_reason: why the shopper called, in a short phrase (at most 300 characters);
  reason_category: the closest category.
- customer_sentiment: the shopper's overall sentiment; sentiment_score from -1 to 1.
- customer_satisfaction: whether the shopper ended satisfied.
- rating: 1 (very poor) to 5 (excellent) for how well the call went for the shopper;
  rating_justification: why, citing turn numbers.
- products: catalog ids of the products in question (only ids from the catalog list).
- resolution: resolved, unresolved or escalated (handed to a person).
- follow_up_actions: what the store should do next (may be empty).
- key_moments: up to 8 turns the verdict rests on (turn number, speaker, short quote, note).
- language: the call's language as an ISO 639-1 code (language_hint, when given, is what
  the call recorded or a detector guessed from the shopper's words)."""

_MOMENT_SCHEMA: Final[dict[str, Any]] = {
    "type": "object",
    "properties": {
        "turn": {"type": "integer"},
        "speaker": {"type": "string", "enum": ["user", "assistant", "system"]},
        "quote": {"type": "string"},
        "note": {"type": "string"},
    },
    "required": ["turn", "speaker", "quote", "note"],
    "additionalProperties": False,
}

RESPONSE_SCHEMA: Final[dict[str, Any]] = {
    "type": "object",
    "properties": {
        "call_reason": {"type": "string"},
        "reason_category": {"type": "string", "enum": [r.value for r in Reason]},
        "customer_sentiment": {"type": "string", "enum": [s.value for s in Sentiment]},
        "sentiment_score": {"type": "number"},
        "customer_satisfaction": {"type": "string", "enum": [s.value for s in Satisfaction]},
        "rating": {"type": "integer", "enum": [1, 2, 3, 4, 5]},
        "rating_justification": {"type": "string"},
        "products": {"type": "array", "items": {"type": "integer"}},
        "resolution": {"type": "string", "enum": [r.value for r in Resolution]},
        "follow_up_actions": {"type": "array", "items": {"type": "string"}},
        "key_moments": {"type": "array", "items": _MOMENT_SCHEMA},
        "language": {"type": "string"},
    },
    "required": [
        "call_reason",
        "reason_category",
        "customer_sentiment",
        "sentiment_score",
        "customer_satisfaction",
        "rating",
        "rating_justification",
        "products",
        "resolution",
        "follow_up_actions",
        "key_moments",
        "language",
    ],
    "additionalProperties": False,
}


def call_json(transcript: Transcript, matcher: ProductMatcher | None) -> str:
    """The call as the model sees it."""
    candidates = matcher.in_transcript(transcript) if matcher is not None else []
    body: dict[str, Any] = {
        "call_id": transcript.call_id,
        "channel": transcript.channel,
        "status": transcript.status,
        "end_reason": transcript.end_reason,
        # Recorded by the call or detected from the shopper's turns; the model may correct it.
        "language_hint": transcript.language,
        "turns": [
            {"turn": t.seq, "speaker": t.speaker, "text": t.text, "interrupted": t.interrupted}
            for t in transcript.turns
        ],
        "tools": [
            {
                "name": u.name,
                "ok": u.ok,
                "arguments": u.arguments,
                "result": json.dumps(u.result)[:_RESULT_MAX] if u.result is not None else None,
            }
            for u in transcript.tools
        ],
        "created": [{"kind": kind, "id": ref} for kind, ref in transcript.links],
        "catalog_products_mentioned": [
            {"id": pid, "name": name}
            for pid, name in zip(
                candidates, matcher.names(candidates) if matcher else [], strict=False
            )
        ],
    }
    return json.dumps(body, ensure_ascii=False)


def _problems(exc: ValidationError) -> list[str]:
    return [
        f"{'.'.join(str(p) for p in err['loc']) or 'reply'}: {err['msg']}" for err in exc.errors()
    ]


def check_against_call(
    result: AnalysisResult, transcript: Transcript, matcher: ProductMatcher | None
) -> list[str]:
    """Problems with ``result`` that the schema cannot see: unknown turns or products."""
    problems: list[str] = []
    turns = {t.seq: t for t in transcript.turns}
    for i, moment in enumerate(result.key_moments):
        turn = turns.get(moment.turn)
        if turn is None:
            problems.append(f"key_moments.{i}.turn: no turn {moment.turn} in this call")
        elif turn.speaker != moment.speaker:
            problems.append(f"key_moments.{i}.speaker: turn {moment.turn} is {turn.speaker}")
    if matcher is not None:
        for i, pid in enumerate(result.products):
            if pid not in matcher.products:
                problems.append(f"products.{i}: {pid} is not a catalog product id")
    return problems


class LLMAnalyser:
    """Asks a chat model for the analysis, validating and retrying its JSON reply.

    Args:
        base_url: ``…/v1`` of an OpenAI-compatible server, or an Azure deployment URL
            ``https://NAME.openai.azure.com/openai/deployments/DEPLOYMENT``.
        api_key: ``Authorization: Bearer`` (``api-key`` for Azure); None sends none.
        model: model (or Azure deployment) name.
        api_version: Azure's ``api-version`` query parameter.
        token_provider: async bearer token source (Entra ID); overrides ``api_key``.
        matcher: the catalog, to show candidate products and check returned ids.
        max_attempts: model replies tried per call before giving up.
    """

    def __init__(
        self,
        base_url: str,
        api_key: str | None,
        model: str,
        *,
        api_version: str | None = None,
        token_provider: Callable[[], Awaitable[str]] | None = None,
        matcher: ProductMatcher | None = None,
        max_attempts: int = 3,
        timeout: float = 60.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.endpoint = ChatEndpoint(base_url, api_key, api_version, token_provider)
        self.url = self.endpoint.url
        self.model = model
        self.matcher = matcher
        self.max_attempts = max(1, max_attempts)
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(timeout, connect=min(10.0, timeout)), transport=transport
        )

    @property
    def name(self) -> str:
        return f"llm/{self.model}"[:64]

    async def aclose(self) -> None:
        await self._client.aclose()

    def payload(self, messages: list[dict[str, Any]]) -> dict[str, Any]:
        return {
            "model": self.model,
            "messages": messages,
            "temperature": 0,
            "response_format": {
                "type": "json_schema",
                "json_schema": {"name": "call_analysis", "strict": True, "schema": RESPONSE_SCHEMA},
            },
        }

    async def _complete(self, messages: list[dict[str, Any]]) -> str:
        try:
            response = await self._client.post(
                self.url,
                json=self.payload(messages),
                headers=await self.endpoint.headers("application/json"),
                params=self.endpoint.params,
            )
        except httpx.HTTPError as exc:
            raise AnalysisError(f"chat endpoint unreachable ({type(exc).__name__})") from exc
        if response.status_code >= 400:
            raise AnalysisError(
                f"chat endpoint answered HTTP {response.status_code}",
                retryable=response.status_code in _RETRYABLE_STATUS,
            )
        try:
            body = response.json()
            content = body["choices"][0]["message"]["content"]
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise AnalysisError("chat endpoint sent no message content") from exc
        if not isinstance(content, str):
            raise AnalysisError("chat endpoint sent no message content")
        return content

    async def analyse(self, transcript: Transcript) -> AnalysisResult:
        messages: list[dict[str, Any]] = [
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": call_json(transcript, self.matcher)},
        ]
        problems: list[str] = []
        for attempt in range(1, self.max_attempts + 1):
            content = await self._complete(messages)
            try:
                result = AnalysisResult.model_validate_json(content)
                problems = check_against_call(result, transcript, self.matcher)
            except ValidationError as exc:
                problems = _problems(exc)
            if not problems:
                return result
            log.warning(
                "model reply failed validation",
                extra={
                    "call_id": transcript.call_id,
                    "attempt": attempt,
                    "problems": len(problems),
                },
            )
            messages.append({"role": "assistant", "content": content})
            messages.append(
                {
                    "role": "user",
                    "content": "That reply is invalid: "
                    + "; ".join(problems[:20])
                    + ". Reply again with only the corrected JSON object.",
                }
            )
        fields = sorted({p.split(":", 1)[0] for p in problems})
        raise AnalysisError(
            f"model reply invalid after {self.max_attempts} attempts ({', '.join(fields[:10])})"
        )


__all__ = ["RESPONSE_SCHEMA", "SYSTEM_PROMPT", "LLMAnalyser", "call_json", "check_against_call"]
