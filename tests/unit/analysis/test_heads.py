"""The analyser's learned heads: fitting, storage, staleness and the shipped file."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from voicecart.analysis import heads as heads_module
from voicecart.analysis.evidence import FEATURES
from voicecart.analysis.heads import (
    CALL_HEADS,
    CALLS,
    CORPORA,
    HEADS_FILE,
    HeadsError,
    LinearHead,
    load_heads,
    read_corpus,
    save_heads,
    train_head,
    training_digest,
)
from voicecart.analysis.train_heads import read_calls

pytestmark = pytest.mark.unit


def clusters(seed: int = 3) -> tuple[np.ndarray, list[str]]:
    rng = np.random.default_rng(seed)
    centres = {"a": np.full(8, 1.0), "b": np.full(8, -1.0), "c": np.r_[np.ones(4), -np.ones(4)]}
    vectors, labels = [], []
    for label, centre in centres.items():
        for _ in range(30):
            vectors.append(centre + rng.normal(0, 0.4, 8))
            labels.append(label)
    return np.array(vectors, dtype=np.float32), labels


def test_a_head_separates_what_is_separable_and_is_deterministic() -> None:
    vectors, labels = clusters()
    head = train_head(vectors, labels)
    assert head.classes == ("a", "b", "c")
    assert head.predict(vectors) == labels
    probabilities = head.probabilities(vectors)
    assert np.allclose(probabilities.sum(axis=1), 1.0, atol=1e-5)
    again = train_head(vectors, labels)
    assert np.array_equal(head.weights, again.weights)
    with pytest.raises(ValueError, match="two classes"):
        train_head(vectors[:5], ["a"] * 5)


def _all_heads() -> dict[str, LinearHead]:
    vectors, labels = clusters()
    head = train_head(vectors, labels)
    return dict.fromkeys((*CORPORA, *CALL_HEADS), head)


def test_heads_round_trip_and_stale_or_foreign_files_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "heads.npz"
    save_heads(path, _all_heads(), "digest-1")
    loaded = load_heads(path, expect_digest="digest-1")
    vectors, _ = clusters(seed=9)
    assert loaded["sentiment"].predict(vectors) == _all_heads()["sentiment"].predict(vectors)
    with pytest.raises(HeadsError, match="stale"):
        load_heads(path, expect_digest="digest-2")
    with pytest.raises(HeadsError, match="cannot read"):
        load_heads(tmp_path / "missing.npz")
    foreign = tmp_path / "foreign.npz"
    np.savez(foreign, embedder=np.array("some/other-model"), digest=np.array("digest-1"))
    with pytest.raises(HeadsError, match="another embedding model"):
        load_heads(foreign)
    assert not list(tmp_path.glob("*.tmp.npz"))  # written through a temporary file


def test_shipped_heads_match_the_shipped_training_data() -> None:
    """Editing the training data without retraining fails here."""
    loaded = load_heads(HEADS_FILE, expect_digest=training_digest())
    assert set(loaded["sentiment"].classes) == {"negative", "neutral", "positive"}
    assert "damaged_item" in loaded["reason"].classes
    assert loaded["call_rating"].classes == ("1", "2", "3", "4", "5")
    assert loaded["call_sentiment"].weights.shape == (len(FEATURES), 3)


def test_training_data_is_well_formed_and_large_enough() -> None:
    for name, filename in CORPORA.items():
        examples = read_corpus(heads_module.DATA_DIR / filename)
        texts = [e.text.lower() for e in examples]
        assert len(texts) == len(set(texts)), f"duplicates in {filename}"
        counts: dict[str, int] = {}
        for e in examples:
            counts[e.label] = counts.get(e.label, 0) + 1
        assert min(counts.values()) >= 50, (name, counts)
    calls = read_calls(heads_module.DATA_DIR / CALLS)
    assert len(calls) >= 100
    assert {labels["sentiment"] for _, labels in calls} == {"negative", "neutral", "positive"}


def test_bad_training_lines_name_the_line(tmp_path: Path) -> None:
    corpus = tmp_path / "c.tsv"
    corpus.write_text("# comment\npositive\tlovely\nno tab here\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 3"):
        read_corpus(corpus)
    calls = tmp_path / "calls.jsonl"
    good = {"id": "x", "turns": [["user", "hi"]], "sentiment": "neutral"}
    calls.write_text(json.dumps(good) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 1: KeyError"):
        read_calls(calls)
