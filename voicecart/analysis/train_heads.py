"""Train the local analyser's heads from the labelled data it ships with.

    python -m voicecart.analysis.train_heads [--folds 5]

1. Turn heads: embeds every utterance of ``voicecart/data/analysis_training/*.tsv``
   (progress bar) and fits the shopper-turn sentiment head and the opening-reason head;
   the reason head also learns from the opening of every labelled call.
   The call-reason head then learns, over the labelled calls, how far to trust that
   head (its out-of-fold probabilities), the phrases said and the tools used.
2. Tone heads: reads the labelled calls of ``calls.jsonl`` through the analyser's own
   evidence (with the turn heads just fitted) and fits the two tone heads on the
   embedded end of each call against its sentiment label.
3. Call heads: fits the call sentiment, satisfaction and rating heads on the evidence
   row plus the tone heads' out-of-fold probabilities (stacking: a call's tone
   features never come from a head that saw that call).

Each head's L2 strength is picked by k-fold cross-validation, whose accuracy per
class is printed; then it is fitted on everything and all heads are written to
``heads.npz``, stamped with the data's hash. Last, a leave-one-writer-out table
(writers are the call ids' prefixes) says how the call heads carry over to calls by
someone whose style they never saw. Run it after editing the training data; a test
fails until you do.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from voicecart.analysis.evidence import BASE_FEATURES, opening_text
from voicecart.analysis.heads import (
    CALLS,
    CORPORA,
    DATA_DIR,
    HEADS_FILE,
    REASON_HEAD,
    TONE_HEADS,
    Example,
    LinearHead,
    Matrix,
    TurnReader,
    expected_values,
    read_corpus,
    save_heads,
    train_head,
    training_digest,
)
from voicecart.analysis.local import LocalAnalyser
from voicecart.analysis.products import CatalogEntry, ProductMatcher
from voicecart.analysis.reasons import (
    REASON_FEATURES,
    ReasonCues,
    read_cues,
    reason_row,
)
from voicecart.analysis.transcript import ToolUse, Transcript, Turn
from voicecart.commerce.catalog_data import shipped_products
from voicecart.knowledge.embedding import E5Embedder

L2_GRID = (1e-2, 3e-2, 1e-1, 3e-1, 1.0)
CALL_L2_GRID = (3e-2, 1e-1, 3e-1, 1.0)
TONE_L2_GRID = (3e-2, 1e-1, 3e-1, 1.0)
CALL_LABELS = {
    "call_sentiment": "sentiment",
    "call_satisfaction": "satisfaction",
    "call_rating": "rating",
}


def read_calls(path: Path) -> list[tuple[Transcript, dict[str, str]]]:
    """The labelled calls of ``path`` as transcripts, with their labels."""
    calls: list[tuple[Transcript, dict[str, str]]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item: dict[str, Any] = json.loads(line)
            turns = tuple(
                Turn(seq=seq, speaker=speaker, text=text)
                for seq, (speaker, text) in enumerate(item["turns"], start=1)
            )
            tools = tuple(
                ToolUse(name=t["name"], arguments=t.get("arguments", {}), result=None, ok=t["ok"])
                for t in item.get("tools", ())
            )
            labels = {key: str(item[key]) for key in ("sentiment", "satisfaction", "rating")}
            if "reason" in item:
                labels["reason"] = str(item["reason"])
            links = tuple((str(kind), str(ref)) for kind, ref in item.get("links", ()))
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path.name} line {number}: {type(exc).__name__}: {exc}") from exc
        transcript = Transcript(
            call_id=str(item["id"])[:32],
            turns=turns,
            tools=tools,
            links=links,
            status=item.get("status", "ended"),
            language=item.get("language"),
        )
        calls.append((transcript, labels))
    return calls


def report(
    console: Console,
    name: str,
    labels: Sequence[str],
    scores: dict[float, CrossValidation],
    folds: int,
) -> float:
    """Print the CV table of one head and return the chosen L2 strength."""
    best = max(scores, key=lambda l2: scores[l2].accuracy)
    accuracy, predicted, _ = scores[best]
    table = Table(title=f"{name} head: {len(labels)} examples, {folds}-fold CV")
    table.add_column("class")
    table.add_column("examples", justify="right")
    table.add_column("CV recall", justify="right")
    support = Counter(labels)
    hits = Counter(t for p, t in zip(predicted, labels, strict=True) if p == t)
    for label in sorted(support):
        table.add_row(label, str(support[label]), f"{hits[label] / support[label]:.3f}")
    table.add_row("all", str(len(labels)), f"{accuracy:.3f}")
    console.print(table)
    console.print(
        "L2 grid: "
        + ", ".join(f"{l2:g} → {cv.accuracy:.3f}" for l2, cv in scores.items())
        + f"; chosen {best:g}"
    )
    return best


def folds_of(n: int, k: int, seed: int = 7) -> list[np.ndarray]:
    order = np.random.default_rng(seed).permutation(n)
    return [order[i::k] for i in range(k)]


class CrossValidation(NamedTuple):
    """One head setting under k-fold cross-validation."""

    accuracy: float
    predicted: list[str]
    probabilities: Matrix  # out of fold, classes sorted


def out_of_fold(vectors: Matrix, labels: Sequence[str], l2: float, k: int) -> Matrix:
    """Each row's class probabilities from a head fitted on the other folds."""
    classes = sorted(set(labels))
    out = np.zeros((len(labels), len(classes)), dtype=np.float32)
    for test in folds_of(len(labels), k):
        train = np.setdiff1d(np.arange(len(labels)), test)
        head = train_head(vectors[train], [labels[i] for i in train], l2=l2)
        if list(head.classes) != classes:
            raise ValueError("a fold lacks a class: add examples of it")
        out[test] = head.probabilities(vectors[test])
    return out


def cross_validate(vectors: Matrix, labels: Sequence[str], l2: float, k: int) -> CrossValidation:
    probabilities = out_of_fold(vectors, labels, l2, k)
    classes = sorted(set(labels))
    predicted = [classes[i] for i in probabilities.argmax(axis=1)]
    return CrossValidation(share_correct(predicted, labels), predicted, probabilities)


def share_correct(guesses: Sequence[str], truth: Sequence[str]) -> float:
    return sum(g == t for g, t in zip(guesses, truth, strict=True)) / len(truth)


def within_one(expected: Sequence[float], truth: Sequence[str]) -> float:
    """Share of ratings whose expectation rounds to within one point of the label."""
    hits = [abs(round(float(e)) - int(t)) <= 1 for e, t in zip(expected, truth, strict=True)]
    return sum(hits) / len(hits)


def writer_of(call_id: str) -> str:
    """The writer of a training call: its id's prefix (``w4-…``, ``b2-…``)."""
    return call_id.split("-", 1)[0]


def writer_splits(writers: Sequence[str]) -> Iterator[tuple[str, np.ndarray, np.ndarray]]:
    """Per writer (sorted): that writer's rows, and everyone else's."""
    for writer in sorted(set(writers)):
        test = np.array([i for i, w in enumerate(writers) if w == writer])
        train = np.array([i for i, w in enumerate(writers) if w != writer])
        yield writer, test, train


def leave_one_writer_out(
    base: Matrix,
    tone: np.ndarray,
    labels: dict[str, list[str]],
    writers: Sequence[str],
    l2: dict[str, float],
    k: int,
) -> dict[str, dict[str, float]]:
    """Per writer: the call heads' accuracy on that writer's calls when neither the
    tone heads nor the call heads saw any of them (rating: within one point)."""
    sentiment = labels["sentiment"]
    scores: dict[str, dict[str, float]] = {}
    for writer, test, train in writer_splits(writers):
        parts_train, parts_test = [base[train]], [base[test]]
        for h, name in enumerate(TONE_HEADS):
            vectors = tone[:, h, :]
            train_labels = [sentiment[i] for i in train]
            parts_train.append(out_of_fold(vectors[train], train_labels, l2[name], k))
            head = train_head(vectors[train], train_labels, l2=l2[name])
            parts_test.append(head.probabilities(vectors[test]))
        rows_train = np.concatenate(parts_train, axis=1)
        rows_test = np.concatenate(parts_test, axis=1)
        scores[writer] = {}
        for name, key in CALL_LABELS.items():
            truth = labels[key]
            head = train_head(rows_train, [truth[i] for i in train], l2=l2[name])
            test_truth = [truth[i] for i in test]
            if name == "call_rating":
                expected = expected_values(head.classes, head.probabilities(rows_test))
                scores[writer][key] = within_one(list(expected), test_truth)
            else:
                scores[writer][key] = share_correct(head.predict(rows_test), test_truth)
    return scores


class ReasonData(NamedTuple):
    """What the call-reason head learns from: the reason corpus (embedded utterances),
    and per labelled call its embedded opening, cues and label."""

    corpus: Matrix
    corpus_labels: list[str]
    openings: Matrix
    cues: list[ReasonCues]
    labels: list[str]

    def rows(self, calls: np.ndarray, l2: float, k: int) -> Matrix:
        """``REASON_FEATURES`` rows of ``calls`` whose reason-head probabilities are out
        of fold: from a head fitted on the corpus and the other folds' openings."""
        out = np.empty((len(calls), len(REASON_FEATURES)), dtype=np.float32)
        for fold in folds_of(len(calls), k):
            rest = np.setdiff1d(np.arange(len(calls)), fold)
            out[fold] = self.rows_from(self.reason_head(calls[rest], l2), calls[fold])
        return out

    def reason_head(self, calls: np.ndarray, l2: float) -> LinearHead:
        """The opening-reason head fitted on the corpus and the openings of ``calls``."""
        vectors = np.concatenate([self.corpus, self.openings[calls]])
        return train_head(vectors, self.corpus_labels + [self.labels[i] for i in calls], l2=l2)

    def rows_from(self, head: LinearHead, calls: np.ndarray) -> Matrix:
        probabilities = head.by_class(self.openings[calls])
        return np.concatenate(
            [reason_row(self.cues[i], p) for i, p in zip(calls, probabilities, strict=True)]
        )


def reason_leave_one_writer_out(
    data: ReasonData, writers: Sequence[str], l2: float, call_l2: float, k: int
) -> dict[str, float]:
    """Per writer: the call-reason accuracy on that writer's calls when neither the
    opening-reason head nor the call-reason head saw any of them."""
    scores: dict[str, float] = {}
    for writer, test, train in writer_splits(writers):
        head = train_head(data.rows(train, l2, k), [data.labels[i] for i in train], l2=call_l2)
        guesses = head.predict(data.rows_from(data.reason_head(train, l2), test))
        scores[writer] = share_correct(guesses, [data.labels[i] for i in test])
    return scores


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument(
        "--data",
        type=Path,
        default=DATA_DIR,
        help="folder of the training files; heads.npz goes there",
    )
    args = parser.parse_args(argv)
    data: Path = args.data
    console = Console()
    embedder = E5Embedder()  # every core: training is a batch job
    heads: dict[str, LinearHead] = {}
    calls = read_calls(data / CALLS)
    reasoned = [i for i, (t, labels) in enumerate(calls) if "reason" in labels and t.user_turns()]
    reason_l2, reason_data = 0.0, None
    for name, filename in CORPORA.items():
        examples = read_corpus(data / filename)
        corpus_size = len(examples)
        if name == "reason":  # how each labelled call opens is a reason example too
            examples += [
                Example(calls[i][1]["reason"], opening_text(calls[i][0])) for i in reasoned
            ]
        texts = [e.text for e in examples]
        labels = [e.label for e in examples]
        vectors = np.empty((len(texts), embedder.dim), dtype=np.float32)
        with Progress(console=console) as progress:
            task = progress.add_task(f"embedding {filename}", total=len(texts))
            for start in range(0, len(texts), 32):
                batch = texts[start : start + 32]
                vectors[start : start + len(batch)] = embedder.queries(batch)
                progress.advance(task, len(batch))
        scores = {l2: cross_validate(vectors, labels, l2, args.folds) for l2 in L2_GRID}
        best = report(console, name, labels, scores, args.folds)
        heads[name] = train_head(vectors, labels, l2=best)
        if name == "reason":
            reason_l2 = best
            reason_data = ReasonData(
                corpus=vectors[:corpus_size],
                corpus_labels=labels[:corpus_size],
                openings=vectors[corpus_size:],
                cues=[read_cues(calls[i][0]) for i in reasoned],
                labels=labels[corpus_size:],
            )
    if reason_data is None:
        raise ValueError(f"{CALLS} has no call with a reason label")
    rows = reason_data.rows(np.arange(len(reasoned)), reason_l2, args.folds)
    scores = {l2: cross_validate(rows, reason_data.labels, l2, args.folds) for l2 in CALL_L2_GRID}
    call_reason_l2 = report(console, REASON_HEAD, reason_data.labels, scores, args.folds)
    heads[REASON_HEAD] = train_head(rows, reason_data.labels, l2=call_reason_l2)

    matcher = ProductMatcher(CatalogEntry(p.id, p.name) for p in shipped_products())
    analyser = LocalAnalyser(matcher, TurnReader(heads))
    base = np.empty((len(calls), len(BASE_FEATURES)), dtype=np.float32)
    tone = np.empty((len(calls), len(TONE_HEADS), embedder.dim), dtype=np.float32)
    with Progress(console=console) as progress:
        task = progress.add_task(f"reading {CALLS}", total=len(calls))
        for i, (transcript, _) in enumerate(calls):
            row, vectors = analyser.call_evidence(transcript)
            base[i], tone[i] = row[0], vectors
            progress.advance(task)
    sentiment = [call_labels["sentiment"] for _, call_labels in calls]
    chosen: dict[str, float] = {}
    stacked = [base]
    for h, name in enumerate(TONE_HEADS):
        vectors = tone[:, h, :]
        scores = {l2: cross_validate(vectors, sentiment, l2, args.folds) for l2 in TONE_L2_GRID}
        chosen[name] = report(console, name, sentiment, scores, args.folds)
        stacked.append(scores[chosen[name]].probabilities)  # out of fold
        heads[name] = train_head(vectors, sentiment, l2=chosen[name])
    rows = np.concatenate(stacked, axis=1)
    for name, key in CALL_LABELS.items():
        labels = [call_labels[key] for _, call_labels in calls]
        scores = {l2: cross_validate(rows, labels, l2, args.folds) for l2 in CALL_L2_GRID}
        best = chosen[name] = report(console, name, labels, scores, args.folds)
        heads[name] = train_head(rows, labels, l2=best)
        if name == "call_rating":
            expected = expected_values(sorted(set(labels)), scores[best].probabilities)
            console.print(f"rating within ±1 (CV): {within_one(list(expected), labels):.3f}")
    writers = [writer_of(transcript.call_id) for transcript, _ in calls]
    by_writer = leave_one_writer_out(
        base,
        tone,
        {key: [c[key] for _, c in calls] for key in CALL_LABELS.values()},
        writers,
        chosen,
        args.folds,
    )
    by_writer_reason = reason_leave_one_writer_out(
        reason_data, [writers[i] for i in reasoned], reason_l2, call_reason_l2, args.folds
    )
    table = Table(title="call heads, leave one writer out (rating: within ±1)")
    for column in ("writer", "calls", *CALL_LABELS.values(), "reason"):
        table.add_column(column, justify="left" if column == "writer" else "right")
    counts = Counter(writers)
    for writer, score in by_writer.items():
        reason = by_writer_reason.get(writer)
        table.add_row(
            writer,
            str(counts[writer]),
            *(f"{score[k]:.3f}" for k in CALL_LABELS.values()),
            "-" if reason is None else f"{reason:.3f}",
        )
    console.print(table)
    target = data / HEADS_FILE.name
    save_heads(target, heads, training_digest(data))
    console.print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
