"""The Azure AI Search adapter against a stand-in service on a real socket: the index it
creates, the documents it uploads, the hybrid semantic queries it sends, and the app and
``voicecart ingest --target azure`` wired to it by the seed's ``ai_search_*`` settings."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from tests.fakes.azure_search import FakeAzureSearch
from tests.support import make_settings
from voicecart.app import create_app
from voicecart.cli import app as cli
from voicecart.knowledge.azure import AzureKnowledge, document_key, odata_filter
from voicecart.knowledge.embedding import E5Embedder
from voicecart.knowledge.factory import knowledge_from_settings
from voicecart.knowledge.ingest import files_from_paths
from voicecart.knowledge.store import Filters

pytestmark = pytest.mark.integration

KEY = "test-search-key"
INDEX = "contoso-knowledge"
SEMANTIC = "contoso-semantic"
KAYAK = """---
id: kayak-storage
title: Kayak Storage
kind: care-guide
categories: [outdoor]
products: [77]
---
# Kayak Storage

## Winter

Store the kayak upside down on padded racks in a cool garage.

## Summer

Keep it out of direct sun; UV light fades the hull.
"""


@pytest.fixture
async def fake() -> AsyncIterator[FakeAzureSearch]:
    async with FakeAzureSearch(api_key=KEY) as server:
        yield server


def _settings(fake: FakeAzureSearch, tmp_path: Path, **extra: object) -> object:
    return make_settings(
        f"sqlite+aiosqlite:///{tmp_path / 'app.db'}",
        ai_search_url=fake.url,
        ai_search_key=KEY,
        ai_search_index_name=INDEX,
        ai_search_semantic_config=SEMANTIC,
        **extra,
    )


@pytest.fixture
async def azure(
    fake: FakeAzureSearch, tmp_path: Path, e5: E5Embedder
) -> AsyncIterator[AzureKnowledge]:
    knowledge = knowledge_from_settings(_settings(fake, tmp_path), embedder=e5)  # type: ignore[arg-type]
    assert isinstance(knowledge, AzureKnowledge)
    try:
        yield knowledge
    finally:
        await knowledge.close()


async def test_push_creates_the_index_with_vector_and_semantic_configuration(
    azure: AzureKnowledge, fake: FakeAzureSearch, tmp_path: Path
) -> None:
    (tmp_path / "kayak.md").write_text(KAYAK)
    report = await azure.push(files_from_paths([tmp_path / "kayak.md"]))
    assert report.added == [str((tmp_path / "kayak.md").resolve())] and report.chunks == 2

    (created,) = fake.of("index")
    assert created.method == "PUT" and created.headers["api-key"] == KEY
    assert created.query["api-version"]
    body = created.body
    assert body["name"] == INDEX
    fields = {f["name"]: f for f in body["fields"]}
    assert fields["id"]["key"] is True
    assert fields["embedding"]["type"] == "Collection(Edm.Single)"
    assert fields["embedding"]["dimensions"] == 384
    assert fields["embedding"]["vectorSearchProfile"] == "voicecart-vector"
    assert fields["products"]["type"] == "Collection(Edm.Int32)"
    assert fields["kind"]["filterable"] is True
    assert body["vectorSearch"]["profiles"][0]["algorithm"] == "voicecart-hnsw"
    assert body["vectorSearch"]["algorithms"][0]["kind"] == "hnsw"
    (semantic,) = body["semantic"]["configurations"]
    assert semantic["name"] == SEMANTIC
    assert semantic["prioritizedFields"]["titleField"] == {"fieldName": "title"}
    assert semantic["prioritizedFields"]["prioritizedContentFields"] == [{"fieldName": "text"}]

    (upload,) = fake.of("docs")
    docs = upload.body["value"]
    assert {d["@search.action"] for d in docs} == {"mergeOrUpload"}
    assert [d["chunk_id"] for d in docs] == ["kayak-storage:winter:1", "kayak-storage:summer:1"]
    assert docs[0]["id"] == document_key("kayak-storage:winter:1")
    assert docs[0]["products"] == [77] and docs[0]["categories"] == ["outdoor"]
    assert len(docs[0]["embedding"]) == 384


async def test_push_skips_unchanged_files_and_deletes_stale_chunks(
    azure: AzureKnowledge, fake: FakeAzureSearch, tmp_path: Path
) -> None:
    path = tmp_path / "kayak.md"
    path.write_text(KAYAK)
    await azure.push(files_from_paths([path]))
    again = await azure.push(files_from_paths([path]))
    assert again.skipped == [str(path.resolve())]
    assert len(fake.of("docs")) == 1  # nothing uploaded the second time

    path.write_text(KAYAK.split("## Summer")[0])  # the summer section is gone
    changed = await azure.push(files_from_paths([path]))
    assert changed.replaced == [str(path.resolve())]
    delete = fake.of("docs")[-1].body["value"]
    assert delete == [{"@search.action": "delete", "id": document_key("kayak-storage:summer:1")}]
    assert sorted(d["chunk_id"] for d in fake.documents[INDEX].values()) == [
        "kayak-storage:winter:1"
    ]


async def test_search_sends_a_hybrid_semantic_query_with_filters(
    azure: AzureKnowledge, fake: FakeAzureSearch, tmp_path: Path
) -> None:
    (tmp_path / "kayak.md").write_text(KAYAK)
    await azure.push(files_from_paths([tmp_path / "kayak.md"]))
    filters = Filters(kind="care-guide", product=77, category="outdoor")
    result = await azure.search("where do I store the kayak in winter", filters=filters, limit=2)

    sent = fake.of("search")[-1].body
    assert sent["search"] == "where do I store the kayak in winter"
    (vector,) = sent["vectorQueries"]
    assert vector["kind"] == "vector" and vector["fields"] == "embedding"
    assert len(vector["vector"]) == 384 and vector["k"] == 50
    assert sent["queryType"] == "semantic"
    assert sent["semanticConfiguration"] == SEMANTIC
    assert sent["filter"] == (
        "kind eq 'care-guide' and products/any(p: p eq 77) and categories/any(c: c eq 'outdoor')"
    )
    assert sent["top"] == 4
    assert result.hits and result.hits[0].chunk.chunk_id == "kayak-storage:winter:1"
    assert result.hits[0].chunk.section == "Winter"
    assert result.hits[0].chunk.products == (77,)


def test_odata_filter_quotes_values() -> None:
    assert odata_filter(Filters()) is None
    assert odata_filter(Filters(category="o'brien")) == "categories/any(c: c eq 'o''brien')"


async def test_a_wrong_key_is_an_error_not_an_empty_answer(
    fake: FakeAzureSearch, e5: E5Embedder
) -> None:
    from azure.core.credentials import AzureKeyCredential
    from azure.core.exceptions import HttpResponseError

    knowledge = AzureKnowledge(fake.url, INDEX, AzureKeyCredential("wrong"), embedder=e5)
    try:
        with pytest.raises(HttpResponseError):
            await knowledge.ensure_index()
    finally:
        await knowledge.close()


async def test_app_and_cli_use_azure_when_the_seed_settings_are_present(
    fake: FakeAzureSearch, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "kayak.md").write_text(KAYAK)
    for name, value in {
        "ai_search_url": fake.url,
        "ai_search_key": KEY,
        "ai_search_index_name": INDEX,
        "ai_search_semantic_config": SEMANTIC,
        "VOICECART_KNOWLEDGE_INDEX_PATH": str(tmp_path / "unused.sqlite3"),
    }.items():
        monkeypatch.setenv(name, value)
    runner = CliRunner()
    result = await asyncio.to_thread(
        runner.invoke, cli, ["ingest", "--target", "azure", str(tmp_path / "kayak.md")]
    )
    assert result.exit_code == 0, result.output
    assert "added 1" in result.output
    assert KEY not in result.output

    app = create_app(_settings(fake, tmp_path))  # type: ignore[arg-type]
    async with app.router.lifespan_context(app):
        assert isinstance(app.state.runtime.knowledge, AzureKnowledge)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            response = await http.get("/api/knowledge/search", params={"q": "kayak winter"})
    assert response.status_code == 200
    assert response.json()["results"][0]["doc_id"] == "kayak-storage"
    assert not (tmp_path / "unused.sqlite3").exists()  # the local index was never opened
