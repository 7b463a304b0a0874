"""The local index on disk: ingest adds, skips unchanged files, replaces changed ones
atomically, survives a restart without re-embedding; hybrid search with filters and
spoken-query tolerance over the built-in corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.knowledge.conftest import CountingEmbedder
from voicecart.knowledge.chunking import chunk_document
from voicecart.knowledge.corpus import FINGERPRINT_KEY
from voicecart.knowledge.documents import Document
from voicecart.knowledge.embedding import E5Embedder
from voicecart.knowledge.ingest import SourceFile, files_from_paths
from voicecart.knowledge.readers import read_document
from voicecart.knowledge.service import LocalKnowledge
from voicecart.knowledge.store import Filters, KnowledgeStore

pytestmark = pytest.mark.integration

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
"""
LANTERN = "Lantern batteries\n\nThe solar lantern charges in six hours of direct sunlight.\n"


def _write(folder: Path) -> tuple[Path, Path]:
    kayak = folder / "kayak.md"
    kayak.write_text(KAYAK)
    lantern = folder / "lantern.txt"
    lantern.write_text(LANTERN)
    return kayak, lantern


async def _top_doc(kb: LocalKnowledge, query: str) -> str | None:
    result = await kb.search(query, limit=1)
    return result.hits[0].chunk.doc_id if result.hits else None


async def test_ingest_adds_skips_unchanged_and_replaces_changed(
    tmp_path: Path, counting: CountingEmbedder
) -> None:
    kayak, lantern = _write(tmp_path)
    kb = LocalKnowledge(tmp_path / "index.sqlite3", embedder=counting, auto_index=False)
    try:
        first = await kb.ingest(files_from_paths([tmp_path]))
        assert sorted(first.added) == sorted([str(kayak.resolve()), str(lantern.resolve())])
        assert counting.passages_embedded == first.chunks == 2
        assert await _top_doc(kb, "how do I store my kayak in winter") == "kayak-storage"

        again = await kb.ingest(files_from_paths([tmp_path]))
        assert sorted(again.skipped) == sorted(first.added)
        assert not again.added and not again.replaced
        assert counting.passages_embedded == 2  # nothing re-embedded

        kayak.write_text(KAYAK.replace("upside down on padded racks", "on its side on foam blocks"))
        changed = await kb.ingest(files_from_paths([kayak]))
        assert changed.replaced == [str(kayak.resolve())]
        result = await kb.search("kayak winter storage", limit=5)
        texts = [h.chunk.text for h in result.hits if h.chunk.doc_id == "kayak-storage"]
        assert texts == ["Store the kayak on its side on foam blocks in a cool garage."]
        assert await _top_doc(kb, "solar lantern charging time") == "lantern"  # untouched
    finally:
        await kb.close()


async def test_index_survives_restart_without_re_embedding(
    tmp_path: Path, counting: CountingEmbedder, e5: E5Embedder
) -> None:
    _write(tmp_path)
    path = tmp_path / "index.sqlite3"
    kb = LocalKnowledge(path, embedder=e5, auto_index=False)
    await kb.ingest(files_from_paths([tmp_path]))
    await kb.close()

    reopened = LocalKnowledge(path, embedder=counting, auto_index=False)
    try:
        again = await reopened.ingest(files_from_paths([tmp_path]))
        assert len(again.skipped) == 2
        hit = (await reopened.search("how long does the solar lantern take to charge")).hits[0]
        assert hit.chunk.doc_id == "lantern"
        assert hit.dense_rank == 1  # the stored vectors were used for dense search
        assert counting.passages_embedded == 0
    finally:
        await reopened.close()


async def test_failed_replacement_leaves_the_old_chunks(tmp_path: Path, e5: E5Embedder) -> None:
    store = KnowledgeStore(tmp_path / "index.sqlite3")
    try:
        doc = read_document(KAYAK.encode(), "kayak.md")
        chunks = chunk_document(doc)
        store.replace_source(
            "kayak.md",
            doc,
            content_hash="v1",
            model=e5.name,
            chunks=chunks,
            embeddings=e5.passages([c.text for c in chunks]),
        )
        # Two chunks with one id: the second insert fails after the delete and first insert.
        broken = [chunks[0], chunks[0]]
        with pytest.raises(Exception, match="UNIQUE"):
            store.replace_source(
                "kayak.md",
                doc,
                content_hash="v2",
                model=e5.name,
                chunks=broken,
                embeddings=e5.passages([c.text for c in broken]),
            )
        assert store.source_hash("kayak.md") == "v1"
        assert [s.chunk.text for s in store.load(e5.name)] == [chunks[0].text]
        assert store.lexical(["padded"], Filters(), 5) != []
    finally:
        store.close()


async def test_a_document_id_belongs_to_one_file(tmp_path: Path, e5: E5Embedder) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "kayak.md").write_text(KAYAK)
    (tmp_path / "b" / "copy.md").write_text(KAYAK.replace("padded racks", "wall hooks"))
    kb = LocalKnowledge(tmp_path / "index.sqlite3", embedder=e5, auto_index=False)
    try:
        first = await kb.ingest(files_from_paths([tmp_path / "a"]))
        clash = await kb.ingest(files_from_paths([tmp_path / "b"]))
        assert first.added and not clash.added
        assert "already used by another file" in clash.failed[0][1]
        result = await kb.search("kayak storage", limit=5)
        assert {h.chunk.text for h in result.hits} == {
            "Store the kayak upside down on padded racks in a cool garage."
        }
    finally:
        await kb.close()


async def test_unreadable_files_are_reported_and_others_indexed(
    tmp_path: Path, e5: E5Embedder
) -> None:
    kayak, _ = _write(tmp_path)
    kb = LocalKnowledge(tmp_path / "index.sqlite3", embedder=e5, auto_index=False)
    try:
        files = [
            SourceFile("bad.pdf", "bad.pdf", b"%PDF-1.4 not really"),
            SourceFile("empty.md", "empty.md", b"---\nid: empty\n---\n"),
            *files_from_paths([kayak]),
        ]
        report = await kb.ingest(files)
        assert [s for s, _ in report.failed] == ["bad.pdf", "empty.md"]
        assert report.added == [str(kayak.resolve())]
    finally:
        await kb.close()


async def test_builtin_corpus_sync_is_skipped_when_current_and_prunes_removed_docs(
    corpus_copy: Path, counting: CountingEmbedder
) -> None:
    kb = LocalKnowledge(corpus_copy, embedder=counting, auto_index=False)
    try:
        assert await kb.builtin_is_current()
        assert await kb.sync_builtin() is None
        # A built-in document that is no longer shipped, and a changed fingerprint.
        store = KnowledgeStore(corpus_copy)
        gone = Document("gone-policy", "Gone", "policy", "## Old\n\nObsolete text.\n")
        chunks = chunk_document(gone)
        store.replace_source(
            "builtin:policies/gone.md",
            gone,
            content_hash="x",
            model=counting.name,
            chunks=chunks,
            embeddings=counting.inner.passages([c.text for c in chunks]),
        )
        store.set_meta(FINGERPRINT_KEY, "stale")
        store.close()
        counting.passages_embedded = 0
        report = await kb.sync_builtin()
        assert report is not None
        assert report.removed == ["builtin:policies/gone.md"]
        assert not report.added and not report.replaced and len(report.skipped) >= 64
        assert counting.passages_embedded == 0
        assert await kb.builtin_is_current()
    finally:
        await kb.close()


@pytest.mark.parametrize(
    ("filters", "check"),
    [
        (Filters(kind="policy"), lambda c: c.kind == "policy"),
        (Filters(product=13), lambda c: 13 in c.products),
        (Filters(category="footwear"), lambda c: "footwear" in c.categories),
        (Filters(kind="manual", category="electronics"), lambda c: c.kind == "manual"),
    ],
)
async def test_filters_restrict_every_mode(
    corpus: LocalKnowledge, filters: Filters, check: object
) -> None:
    for mode in ("lexical", "dense", "hybrid"):
        result = await corpus.search("how do I clean it", filters=filters, limit=8, mode=mode)
        assert result.hits, mode
        assert all(check(h.chunk) for h in result.hits), mode  # type: ignore[operator]


@pytest.mark.parametrize(
    ("spoken", "expected_docs"),
    [
        (
            "can I send back shoes after thirty days",
            {"policy-returns", "faq-footwear", "care-athletic-footwear"},
        ),
        ("how long is the warrenty on the ear buds", {"manual-aria-earbuds"}),
        ("do you guys price mach", {"policy-price-match"}),
        ("how do I clean my cast iron skillit", {"care-cast-iron-skillet"}),
    ],
)
async def test_spoken_queries_find_the_right_document(
    corpus: LocalKnowledge, spoken: str, expected_docs: set[str]
) -> None:
    result = await corpus.search(spoken, limit=3)
    assert expected_docs & {h.chunk.doc_id for h in result.hits}, [
        (h.chunk.doc_id, h.chunk.section) for h in result.hits
    ]


async def test_hybrid_fuses_both_rankings(corpus: LocalKnowledge) -> None:
    result = await corpus.search("return window for unworn shoes", limit=5)
    assert any(h.lexical_rank and h.dense_rank for h in result.hits)
    scores = [h.score for h in result.hits]
    assert scores == sorted(scores, reverse=True)
    per_doc: dict[str, int] = {}
    for h in result.hits:
        per_doc[h.chunk.doc_id] = per_doc.get(h.chunk.doc_id, 0) + 1
    assert max(per_doc.values()) <= 2


async def test_query_with_no_content_words_finds_nothing(corpus: LocalKnowledge) -> None:
    assert (await corpus.search("um what is it")).hits == []


@pytest.mark.parametrize(
    ("query", "doc_id", "section"),
    [
        # generic: the document's lead, not the short "see our Exchanges policy" section
        ("what's your return policy", "policy-returns", "The return window"),
        ("do you price match", "policy-price-match", "Our promise"),
        # specific: the section that answers it
        ("when do I get my money back after a return", "policy-returns", None),
        ("how long does shipping take", "policy-shipping", None),
    ],
)
async def test_generic_questions_get_the_lead_specific_ones_the_best_section(
    corpus: LocalKnowledge, query: str, doc_id: str, section: str | None
) -> None:
    top = (await corpus.search(query, limit=3)).hits[0].chunk
    assert top.doc_id == doc_id
    if section is not None:
        assert top.section == section
    else:
        assert top.ordinal > 0, top.section  # not the lead: a later, matching section
