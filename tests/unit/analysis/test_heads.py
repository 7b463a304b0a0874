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
    REASON_HEAD,
    TONE_HEADS,
    HeadsError,
    LinearHead,
    load_heads,
    read_corpus,
    save_heads,
    train_head,
    training_digest,
)
from voicecart.analysis.train_heads import (
    leave_one_writer_out,
    out_of_fold,
    read_calls,
    writer_of,
)

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


def test_a_strong_penalty_shrinks_the_head_instead_of_diverging() -> None:
    vectors, labels = clusters()
    loose, strong = train_head(vectors, labels, l2=0.01), train_head(vectors, labels, l2=30.0)
    assert np.isfinite(strong.weights).all()
    assert 0 < np.abs(strong.weights).max() < np.abs(loose.weights).max()
    assert strong.predict(vectors) == labels  # still the right side of each boundary


def test_out_of_fold_probabilities_come_from_heads_that_never_saw_the_row() -> None:
    vectors, labels = clusters()
    # A row whose label contradicts its cluster: a head fitted on it could memorise it.
    labels = ["b", *labels[1:]]
    oof = out_of_fold(vectors, labels, l2=1e-3, k=5)
    assert oof.shape == (len(labels), 3)
    assert np.allclose(oof.sum(axis=1), 1.0, atol=1e-5)
    assert oof[0].argmax() == 0  # read as its cluster ("a"), not its training label
    rare = [*range(35), 60]  # 30 of "a", 5 of "b", one "c": some fold trains without "c"
    with pytest.raises(ValueError, match="lacks a class"):
        out_of_fold(vectors[rare], [labels[i] for i in rare], l2=1e-2, k=5)


def test_leave_one_writer_out_scores_each_writer_on_unseen_heads() -> None:
    vectors, labels = clusters()
    n = len(labels)
    sentiment = ["negative" if x == "a" else "neutral" if x == "c" else "positive" for x in labels]
    rating = ["1" if x == "a" else "3" if x == "c" else "5" for x in labels]
    writers = [writer_of(f"w{i % 3}-call-{i}") for i in range(n)]
    assert set(writers) == {"w0", "w1", "w2"}
    tone = np.stack([vectors, vectors], axis=1)
    names = ("ending_tone", "exchange_tone", "call_sentiment", "call_satisfaction", "call_rating")

    def by_writer(feeling: list[str]) -> dict[str, dict[str, float]]:
        labels = {"sentiment": feeling, "satisfaction": feeling, "rating": rating}
        return leave_one_writer_out(vectors, tone, labels, writers, dict.fromkeys(names, 0.1), k=3)

    scores = by_writer(sentiment)
    assert set(scores) == {"w0", "w1", "w2"}
    for score in scores.values():
        assert score["sentiment"] == 1.0 and score["rating"] == 1.0
    # Labels that follow nothing in the vectors cannot be learned from other writers.
    rng = np.random.default_rng(5)
    shuffled = by_writer(list(rng.permutation(sentiment)))
    assert np.mean([s["sentiment"] for s in shuffled.values()]) < 0.7


def _all_heads() -> dict[str, LinearHead]:
    vectors, labels = clusters()
    head = train_head(vectors, labels)
    return dict.fromkeys((*CORPORA, *TONE_HEADS, *CALL_HEADS, REASON_HEAD), head)


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
    for name in TONE_HEADS:
        assert loaded[name].classes == ("negative", "neutral", "positive")


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


def test_training_calls_keep_their_links_and_language(tmp_path: Path) -> None:
    calls = tmp_path / "calls.jsonl"
    item = {
        "id": "w9-compra",
        "turns": [["user", "quiero las botas"], ["assistant", "Pedido 12345678."]],
        "tools": [{"name": "create_order", "ok": True}],
        "links": [["order", "12345678"]],
        "language": "es",
        "sentiment": "neutral",
        "satisfaction": "satisfied",
        "rating": 4,
        "reason": "purchase",
    }
    calls.write_text(json.dumps(item) + "\n", encoding="utf-8")
    [(transcript, labels)] = read_calls(calls)
    assert transcript.links == (("order", "12345678"),)
    assert transcript.language == "es"
    assert labels == {
        "sentiment": "neutral",
        "satisfaction": "satisfied",
        "rating": "4",
        "reason": "purchase",
    }
