"""``voicecart analyse``: backfill, re-analysis (of given calls, or of every call another
analyser version wrote) and dead-letter requeue, with progress."""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from voicecart.analysis.backfill import backfill as analyse_all
from voicecart.analysis.backfill import calls_analysed_by_others, calls_without_analysis
from voicecart.analysis.factory import build_queue, build_service
from voicecart.config import Settings
from voicecart.storage.db import Database


async def run_analyse(
    settings: Settings,
    *,
    call_ids: list[str],
    backfill: bool = False,
    force: bool = False,
    stale: bool = False,
    retry_dead: bool = False,
    console: Console | None = None,
) -> int:
    """Returns the exit code: 0, 1 if any call failed, 2 if nothing was asked."""
    out = console or Console(stderr=True)
    if not (call_ids or backfill or stale or retry_dead):
        out.print("nothing to do: give call ids, --backfill, --stale or --retry-dead")
        return 2
    db = Database(settings.database_url, echo=settings.database_echo)
    service = await build_service(settings, db)
    try:
        if retry_dead:
            requeued = await build_queue(settings, db).requeue_dead()
            out.print(f"dead-lettered jobs requeued: {requeued}")
        todo = list(dict.fromkeys(call_ids))
        if backfill:
            todo += [c for c in await calls_without_analysis(service) if c not in todo]
        # Documents by another analyser are replaced (the point of --stale).
        again = (
            [c for c in await calls_analysed_by_others(service) if c not in todo] if stale else []
        )
        if not todo and not again:
            if backfill:
                out.print("every ended call has an analysis")
            if stale:
                out.print(f"every analysis is by {service.analyser.name}")
            return 0
        with Progress(
            TextColumn("analysing calls"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=out,
        ) as bar:
            task = bar.add_task("analyse", total=len(todo) + len(again))

            def advance(_call_id: str) -> None:
                bar.advance(task)

            report = await analyse_all(service, todo, replace=force, progress=advance)
            report += await analyse_all(service, again, replace=True, progress=advance)
        out.print(
            f"analysed: {report.analysed}, already analysed: {report.skipped}, "
            f"failed: {len(report.failed)} (analyser {service.analyser.name})"
        )
        for call_id in report.failed:
            out.print(f"  failed: {call_id}")
        return 1 if report.failed else 0
    finally:
        await service.aclose()
        await db.dispose()


__all__ = ["run_analyse"]
