"""``voicecart ingest``: index documents locally or push them to Azure AI Search, with a
progress bar."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from voicecart.config import Settings
from voicecart.knowledge.corpus import builtin_files
from voicecart.knowledge.embedding import E5Embedder
from voicecart.knowledge.factory import uses_azure
from voicecart.knowledge.ingest import IngestReport, PathError, SourceFile, files_from_paths
from voicecart.knowledge.ingest import Progress as ProgressFn
from voicecart.knowledge.service import LocalKnowledge

Target = Literal["local", "azure"]


@contextmanager
def _bar(console: Console, label: str) -> Iterator[ProgressFn]:
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("chunks"),
        TimeElapsedColumn(),
        console=console,
    ) as progress:
        task = progress.add_task(label, total=None)

        def update(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total or None)

        yield update


def _summary(console: Console, report: IngestReport) -> None:
    console.print(
        f"added {len(report.added)}, replaced {len(report.replaced)}, "
        f"unchanged {len(report.skipped)}, removed {len(report.removed)}, "
        f"failed {len(report.failed)}; {report.chunks} chunks written"
    )
    for source, reason in report.failed:
        console.print(f"[red]failed[/red] {source}: {reason}")


async def _local(
    settings: Settings, files: Sequence[SourceFile] | None, console: Console
) -> IngestReport:
    knowledge = LocalKnowledge(settings.knowledge_index_path, auto_index=False)
    try:
        with _bar(console, "indexing") as bar:
            if files is None:
                report = await knowledge.sync_builtin(bar) or IngestReport()
            else:
                report = await knowledge.ingest(files, bar)
    finally:
        await knowledge.close()
    return report


async def _azure(settings: Settings, files: Sequence[SourceFile], console: Console) -> IngestReport:
    from voicecart.knowledge.azure import AzureKnowledge

    knowledge = AzureKnowledge.from_settings(settings, embedder=E5Embedder())
    try:
        with _bar(console, f"pushing to {knowledge.index_name}") as bar:
            return await knowledge.push(files, bar)
    finally:
        await knowledge.close()


def run_ingest(
    settings: Settings, paths: Sequence[Path], target: str, console: Console | None = None
) -> int:
    """Run the command; returns the exit status (0 ok, 1 some files failed, 2 bad input)."""
    console = console or Console(stderr=True)
    if target not in ("local", "azure"):
        console.print(f"[red]--target: must be local or azure (got {target!r})[/red]")
        return 2
    try:
        files = files_from_paths(paths) if paths else None
    except PathError as exc:
        console.print(f"[red]{exc}[/red]")
        return 2
    if target == "azure":
        if not uses_azure(settings):
            console.print("[red]--target azure needs ai_search_url and ai_search_index_name[/red]")
            return 2
        report = asyncio.run(_azure(settings, files or builtin_files(), console))
    else:
        report = asyncio.run(_local(settings, files, console))
    _summary(console, report)
    return 1 if report.failed else 0
