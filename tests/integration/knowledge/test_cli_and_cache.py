"""``voicecart ingest`` on the local index, and the shipped passage vectors of the
built-in corpus (complete, and equal to what the model computes)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from voicecart.cli import app as cli
from voicecart.knowledge.embedding import E5Embedder
from voicecart.knowledge.vector_cache import (
    builtin_passages,
    cache_key,
    load_cache,
    shipped_cache_path,
)

pytestmark = pytest.mark.integration


def _run(args: list[str], index: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.setenv("VOICECART_KNOWLEDGE_INDEX_PATH", str(index))
    result = CliRunner().invoke(cli, args)
    return result.exit_code, result.output


def test_ingest_indexes_then_skips_then_reports_failures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "tent.md").write_text("# Tent Repair\n\n## Poles\n\nSplint a bent pole with tape.\n")
    (docs / "hours.txt").write_text("Store hours\n\nOpen every day from 9 to 5.\n")
    index = tmp_path / "index.sqlite3"

    code, out = _run(["ingest", str(docs)], index, monkeypatch)
    assert code == 0, out
    assert "added 2" in out and "2 chunks written" in out

    code, out = _run(["ingest", str(docs)], index, monkeypatch)
    assert code == 0 and "added 0" in out and "unchanged 2" in out

    (docs / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    code, out = _run(["ingest", str(docs)], index, monkeypatch)
    assert code == 1
    assert "failed 1" in out and "broken.pdf" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ingest", "/no/such/folder"], "no such file or directory"),
        (["ingest", "--target", "cloud", "."], "--target"),
        (["ingest", "--target", "azure"], "ai_search_url"),
    ],
)
def test_ingest_refuses_bad_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.delenv("ai_search_url", raising=False)
    code, out = _run(args, tmp_path / "index.sqlite3", monkeypatch)
    assert code == 2
    assert message in out


def test_shipped_vectors_cover_every_builtin_chunk() -> None:
    cache = load_cache(shipped_cache_path(), E5Embedder.name)
    missing = [t[:60] for t in builtin_passages() if cache_key(E5Embedder.name, t) not in cache]
    assert not missing, (
        f"{len(missing)} chunks have no shipped vector; run "
        "`.venv/bin/python -m voicecart.knowledge.vector_cache` after editing the corpus"
    )


def test_shipped_vectors_match_the_model(e5: E5Embedder) -> None:
    cache = load_cache(shipped_cache_path(), e5.name)
    texts = builtin_passages()[::150]
    live = e5.passages(texts)
    for text, vector in zip(texts, live, strict=True):
        cached = cache[cache_key(e5.name, text)]
        assert float(np.dot(cached, vector)) > 0.999
