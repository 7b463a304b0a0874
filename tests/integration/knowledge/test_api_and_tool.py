"""``GET /api/knowledge/search`` on the real app (start-up indexing included) and the
``search_knowledge`` tool through the registry, as the built-in brain reads it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest

from tests.support import make_settings
from voicecart.app import create_app
from voicecart.engine.brain.phrases import knowledge_answer
from voicecart.engine.brain.records import passages_of
from voicecart.knowledge.corpus import FINGERPRINT_KEY
from voicecart.knowledge.service import LocalKnowledge
from voicecart.knowledge.store import KnowledgeStore
from voicecart.tools.context import ToolContext
from voicecart.tools.knowledge_tools import MAX_OUTPUT_CHARS, register_knowledge_tools
from voicecart.tools.registry import ToolRegistry

pytestmark = pytest.mark.integration


@pytest.fixture
async def app_client(tmp_path: Path, corpus_copy: Path) -> AsyncIterator[httpx.AsyncClient]:
    # A copy of the session's corpus index with its fingerprint removed: start-up must
    # notice and bring it up to date in the background (without re-embedding).
    store = KnowledgeStore(corpus_copy)
    store.set_meta(FINGERPRINT_KEY, "stale")
    store.close()
    settings = make_settings(
        f"sqlite+aiosqlite:///{tmp_path / 'app.db'}",
        VOICECART_KNOWLEDGE_INDEX_PATH=str(corpus_copy),
    )
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        knowledge = app.state.runtime.knowledge
        assert isinstance(knowledge, LocalKnowledge)
        await knowledge.wait_ready()
        assert await knowledge.builtin_is_current()
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            yield http


async def test_start_up_indexes_a_missing_corpus(tmp_path: Path) -> None:
    path = tmp_path / "fresh" / "knowledge.sqlite3"
    settings = make_settings(
        f"sqlite+aiosqlite:///{tmp_path / 'app.db'}", VOICECART_KNOWLEDGE_INDEX_PATH=str(path)
    )
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        knowledge = app.state.runtime.knowledge
        assert isinstance(knowledge, LocalKnowledge)
        await knowledge.wait_ready()
        assert await knowledge.chunk_count() > 500
    assert path.is_file()
    reopened = LocalKnowledge(path, auto_index=False)
    await reopened.open()
    try:
        assert await reopened.builtin_is_current()  # the next start has nothing to do
    finally:
        await reopened.close()


async def test_search_endpoint_returns_passages_with_sources(
    app_client: httpx.AsyncClient,
) -> None:
    response = await app_client.get(
        "/api/knowledge/search", params={"q": "how long do I have to return shoes", "limit": 3}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["query"] == "how long do I have to return shoes"
    assert "return" in body["terms"]
    assert 1 <= len(body["results"]) <= 3
    top = body["results"][0]
    assert set(top) >= {"chunk_id", "doc_id", "title", "section", "kind", "text", "excerpt"}
    assert any("30 days" in r["text"] for r in body["results"])


async def test_search_endpoint_filters(app_client: httpx.AsyncClient) -> None:
    response = await app_client.get(
        "/api/knowledge/search",
        params={"q": "cleaning", "kind": "care-guide", "category": "Home & Kitchen"},
    )
    assert response.status_code == 200
    results = response.json()["results"]
    assert results
    assert all(r["kind"] == "care-guide" and "home-kitchen" in r["categories"] for r in results)
    by_product = await app_client.get(
        "/api/knowledge/search", params={"q": "warranty", "product": 13}
    )
    assert all(13 in r["products"] for r in by_product.json()["results"])


async def test_search_endpoint_understands_spoken_queries(app_client: httpx.AsyncClient) -> None:
    response = await app_client.get(
        "/api/knowledge/search", params={"q": "whats the warrenty on the ear buds"}
    )
    body = response.json()
    assert body["corrections"] == {"warrenty": "warranty", "ear buds": "earbuds"}
    assert body["results"][0]["doc_id"] == "manual-aria-earbuds"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "q"),
        ({"q": ""}, "q"),
        ({"q": "?!"}, "q"),
        ({"q": "x" * 301}, "q"),
        ({"q": "returns", "limit": 0}, "limit"),
        ({"q": "returns", "limit": 21}, "limit"),
        ({"q": "returns", "kind": "Not a kind"}, "kind"),
        ({"q": "returns", "product": 0}, "product"),
        ({"q": "returns", "category": "<script>"}, "category"),
    ],
)
async def test_search_endpoint_names_the_invalid_field(
    app_client: httpx.AsyncClient, params: dict[str, Any], field: str
) -> None:
    response = await app_client.get("/api/knowledge/search", params=params)
    assert response.status_code == 422
    assert [e["loc"] for e in response.json()["detail"]] == [["query", field]]


# --------------------------------------------------------------------------- the tool


@pytest.fixture
def registry() -> ToolRegistry:
    registry = ToolRegistry()
    register_knowledge_tools(registry)
    return registry


async def test_tool_answers_with_citable_passages(
    registry: ToolRegistry, tool_ctx: ToolContext
) -> None:
    outcome = await registry.run(
        "search_knowledge", {"query": "can I return shoes I wore outside"}, tool_ctx
    )
    assert outcome.ok, outcome.output
    passages = outcome.output["passages"]
    assert 1 <= len(passages) <= 3
    for p in passages:
        assert set(p) == {"title", "section", "doc_id", "kind", "text"}
        assert len(p["text"]) <= 420
    assert len(orjson.dumps(outcome.output)) <= MAX_OUTPUT_CHARS
    assert outcome.card is not None and outcome.card["kind"] == "knowledge"
    assert [s["doc_id"] for s in outcome.card["sources"]][: len(passages)] == [
        p["doc_id"] for p in passages
    ]
    # The built-in brain reads the same output and speaks from the top passage.
    parsed = passages_of(outcome.output)
    assert parsed[0].title == passages[0]["title"]
    answer = knowledge_answer(parsed, ["return", "shoes", "wore", "outside"])
    assert answer.startswith("According to our ")


async def test_tool_filters_by_product_and_category(
    registry: ToolRegistry, tool_ctx: ToolContext
) -> None:
    outcome = await registry.run(
        "search_knowledge",
        {"query": "can they go in the washing machine", "product_id": 16, "category": "Footwear"},
        tool_ctx,
    )
    assert outcome.ok
    assert outcome.card is not None
    assert outcome.card["sources"]
    assert all(s["doc_id"] for s in outcome.card["sources"])
    assert "Cloudstep" in " ".join(p["text"] for p in outcome.output["passages"])


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({}, "query"),
        ({"query": ""}, "query"),
        ({"query": "returns", "limit": 9}, "limit"),
        ({"query": "returns", "kind": "recipe"}, "kind"),
        ({"query": "returns", "product_id": -1}, "product_id"),
        ({"query": "returns", "colour": "red"}, "colour"),
    ],
)
async def test_tool_rejects_invalid_arguments_by_name(
    registry: ToolRegistry, tool_ctx: ToolContext, arguments: dict[str, Any], field: str
) -> None:
    outcome = await registry.run("search_knowledge", arguments, tool_ctx)
    assert not outcome.ok
    assert [f["field"] for f in outcome.output["fields"]] == [field]


async def test_tool_without_a_knowledge_base_says_so(
    registry: ToolRegistry, tool_ctx: ToolContext
) -> None:
    ctx = ToolContext(
        db=tool_ctx.db,
        settings=tool_ctx.settings,
        index=tool_ctx.index,
        call_id=None,
        fc_call_id="fc_2",
    )
    outcome = await registry.run("search_knowledge", {"query": "returns"}, ctx)
    assert not outcome.ok
    assert "not available" in outcome.output["error"]


def test_tool_schema_describes_every_argument(registry: ToolRegistry) -> None:
    tool = registry.get("search_knowledge")
    assert tool is not None
    definition = tool.definition()
    assert definition["parameters"]["required"] == ["query"]
    for name in ("query", "kind", "product_id", "category", "limit"):
        assert definition["parameters"]["properties"][name].get("description"), name
