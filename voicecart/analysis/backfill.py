"""Analysing calls after the fact: calls that have no document yet (calls from before the
worker, dead jobs), and calls whose document came from another analyser (an upgrade)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select

from voicecart.analysis.analyser import AnalysisError
from voicecart.analysis.jobs import AnalysisService
from voicecart.analysis.models import CallAnalysis
from voicecart.calls.models import Call

log = logging.getLogger(__name__)


@dataclass
class BackfillReport:
    analysed: int = 0
    skipped: int = 0  # got a document meanwhile (e.g. from a running worker)
    failed: list[str] = field(default_factory=list)  # call ids

    def __add__(self, other: BackfillReport) -> BackfillReport:
        return BackfillReport(
            self.analysed + other.analysed, self.skipped + other.skipped, self.failed + other.failed
        )


async def calls_without_analysis(service: AnalysisService) -> list[str]:
    """Ended or abandoned calls with no document, oldest first."""
    async with service.db.session() as session:
        ids = await session.scalars(
            select(Call.id)
            .outerjoin(CallAnalysis, CallAnalysis.call_id == Call.id)
            .where(Call.status.in_(("ended", "abandoned")), CallAnalysis.id.is_(None))
            .order_by(Call.started_at, Call.id)
        )
        return list(ids)


async def calls_analysed_by_others(service: AnalysisService) -> list[str]:
    """Calls whose document another analyser (or version) wrote, oldest first."""
    async with service.db.session() as session:
        ids = await session.scalars(
            select(Call.id)
            .join(CallAnalysis, CallAnalysis.call_id == Call.id)
            .where(CallAnalysis.analyser != service.analyser.name)
            .order_by(Call.started_at, Call.id)
        )
        return list(ids)


async def backfill(
    service: AnalysisService,
    call_ids: list[str],
    *,
    replace: bool = False,
    progress: Callable[[str], None] | None = None,
) -> BackfillReport:
    """Analyse ``call_ids`` one by one; a failure is counted and the rest go on."""
    report = BackfillReport()
    for call_id in call_ids:
        try:
            written = await service.analyse_call(call_id, replace=replace)
        except AnalysisError as exc:
            report.failed.append(call_id)
            log.warning(
                "backfill analysis failed",
                extra={"call_id": call_id, "error_type": type(exc).__name__, "error": str(exc)},
            )
        else:
            if written:
                report.analysed += 1
            else:
                report.skipped += 1
        if progress is not None:
            progress(call_id)
    return report


__all__ = ["BackfillReport", "backfill", "calls_analysed_by_others", "calls_without_analysis"]
