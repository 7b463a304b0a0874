"""The LLM analyser against a stand-in OpenAI-compatible server on a real socket:
request shape (OpenAI and Azure), schema validation, retries on invalid output, errors."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from typing import Any

import pytest

from tests.analysis_support import ANGRY
from tests.fakes.openai_chat import FakeChat, fake_chat_server, valid_analysis
from voicecart.analysis.analyser import AnalysisError
from voicecart.analysis.llm import RESPONSE_SCHEMA, LLMAnalyser
from voicecart.analysis.products import CatalogEntry, ProductMatcher
from voicecart.analysis.transcript import ToolUse, Transcript, Turn

pytestmark = pytest.mark.integration

MATCHER = ProductMatcher(
    [CatalogEntry(98, "Instant Cold Pack"), CatalogEntry(13, "Trailblazer Running Shoe")]
)
CALL = Transcript(
    call_id="call_llm_1",
    turns=tuple(Turn(seq=i, speaker=s, text=t) for i, (s, t) in enumerate(ANGRY, start=1)),
    tools=(ToolUse(name="get_order", arguments={"order_id": "12345678"}, result=None, ok=False),),
    links=(("order", "12345678"),),
)


@pytest.fixture
async def chat() -> AsyncIterator[FakeChat]:
    async with fake_chat_server() as fake:
        yield fake


def analyser(chat: FakeChat, **kw: Any) -> LLMAnalyser:
    return LLMAnalyser(f"{chat.base_url}/v1", "sk-test", "gpt-4o-mini", matcher=MATCHER, **kw)


def replies(*answers: Any) -> Any:
    """Answer the n-th request with the n-th entry (a function of the body, or a status)."""
    queue = list(answers)

    def reply(body: dict[str, Any]) -> Any:
        answer = queue.pop(0) if len(queue) > 1 else queue[0]
        return answer(body) if callable(answer) else answer

    return reply


async def test_valid_reply_and_request_shape(chat: FakeChat) -> None:
    llm = analyser(chat)
    try:
        result = await llm.analyse(CALL)
    finally:
        await llm.aclose()
    assert result.customer_sentiment == "negative" and result.rating == 2
    assert result.products == [98]
    assert result.key_moments[0].turn == 1
    assert llm.name == "llm/gpt-4o-mini"

    (req,) = chat.requests
    assert req["path"] == "/v1/chat/completions"
    assert req["headers"]["Authorization"] == "Bearer sk-test"
    body = req["body"]
    assert body["model"] == "gpt-4o-mini" and body["temperature"] == 0
    fmt = body["response_format"]
    assert fmt["type"] == "json_schema"
    assert fmt["json_schema"]["strict"] is True
    assert fmt["json_schema"]["schema"] == RESPONSE_SCHEMA
    assert [m["role"] for m in body["messages"]] == ["system", "user"]
    sent = json.loads(body["messages"][1]["content"])
    assert [t["text"] for t in sent["turns"]] == [text for _, text in ANGRY]
    assert sent["tools"][0] == {
        "name": "get_order",
        "ok": False,
        "arguments": {"order_id": "12345678"},
        "result": None,
    }
    assert sent["created"] == [{"kind": "order", "id": "12345678"}]
    assert sent["catalog_products_mentioned"] == [{"id": 98, "name": "Instant Cold Pack"}]


@pytest.mark.parametrize(
    ("bad", "field"),
    [
        (lambda b: "this is not json", "reply"),
        (lambda b: valid_analysis(b, customer_sentiment="furious"), "customer_sentiment"),
        (lambda b: valid_analysis(b, rating=9), "rating"),
        (lambda b: json.dumps({"call_reason": "x"}), "reason_category"),
        (
            lambda b: valid_analysis(
                b, key_moments=[{"turn": 42, "speaker": "user", "quote": "q", "note": "n"}]
            ),
            "key_moments.0.turn",
        ),
        (lambda b: valid_analysis(b, products=[98, 9999]), "products.1"),
    ],
)
async def test_invalid_output_is_sent_back_and_retried(
    chat: FakeChat, bad: Any, field: str
) -> None:
    chat.reply = replies(bad, valid_analysis)
    llm = analyser(chat)
    try:
        result = await llm.analyse(CALL)
    finally:
        await llm.aclose()
    assert result.rating == 2
    assert len(chat.requests) == 2
    retry = chat.requests[1]["body"]["messages"]
    assert [m["role"] for m in retry] == ["system", "user", "assistant", "user"]
    assert retry[2]["content"] == bad(chat.requests[0]["body"])
    assert retry[3]["content"].startswith("That reply is invalid: ")
    assert field in retry[3]["content"]


async def test_gives_up_after_max_attempts(chat: FakeChat) -> None:
    chat.reply = replies(lambda b: valid_analysis(b, resolution="maybe"))
    llm = analyser(chat, max_attempts=3)
    try:
        with pytest.raises(AnalysisError) as err:
            await llm.analyse(CALL)
    finally:
        await llm.aclose()
    assert len(chat.requests) == 3
    assert err.value.retryable is True
    assert str(err.value) == "model reply invalid after 3 attempts (resolution)"


@pytest.mark.parametrize(
    ("status", "retryable"), [(429, True), (503, True), (401, False), (404, False)]
)
async def test_http_errors_say_whether_to_retry(
    chat: FakeChat, status: int, retryable: bool
) -> None:
    chat.reply = replies((status, {"error": {"code": "x", "message": "no"}}))
    llm = analyser(chat)
    try:
        with pytest.raises(AnalysisError) as err:
            await llm.analyse(CALL)
    finally:
        await llm.aclose()
    assert err.value.retryable is retryable
    assert str(err.value) == f"chat endpoint answered HTTP {status}"


async def test_unreachable_endpoint_is_retryable() -> None:
    llm = LLMAnalyser("http://127.0.0.1:9/v1", None, "m", timeout=2)
    try:
        with pytest.raises(AnalysisError) as err:
            await llm.analyse(CALL)
    finally:
        await llm.aclose()
    assert err.value.retryable and "unreachable" in str(err.value)


async def test_azure_deployment_uses_api_key_header_and_version(chat: FakeChat) -> None:
    llm = LLMAnalyser(
        f"{chat.base_url}/openai/deployments/gpt4o",
        "azure-key",
        "gpt4o",
        api_version="2024-10-21",
        matcher=MATCHER,
    )
    try:
        await llm.analyse(CALL)
    finally:
        await llm.aclose()
    (req,) = chat.requests
    assert req["path"] == "/openai/deployments/gpt4o/chat/completions"
    assert req["query"] == {"api-version": "2024-10-21"}
    assert req["headers"]["api-key"] == "azure-key"
    assert "Authorization" not in req["headers"]


async def test_logs_carry_no_call_content(chat: FakeChat, caplog: pytest.LogCaptureFixture) -> None:
    chat.reply = replies(lambda b: valid_analysis(b, rating=0), valid_analysis)
    caplog.set_level(logging.DEBUG)
    llm = analyser(chat)
    try:
        await llm.analyse(CALL)
    finally:
        await llm.aclose()
    logged = " ".join(r.getMessage() + repr(r.__dict__) for r in caplog.records)
    assert "validation" in logged
    assert "cold pack" not in logged.lower() and "ridiculous" not in logged.lower()
