"""Builds the analysis parts from settings: analyser, sinks, queue, worker."""

from __future__ import annotations

import logging

from voicecart.analysis.analyser import Analyser
from voicecart.analysis.jobs import CALL_ENDED, AnalysisService
from voicecart.analysis.llm import LLMAnalyser
from voicecart.analysis.local import LocalAnalyser
from voicecart.analysis.products import ProductMatcher, load_matcher
from voicecart.analysis.queue import OutboxQueue, QueueOptions
from voicecart.analysis.sinks import DocumentSink
from voicecart.analysis.worker import Worker
from voicecart.config import ConfigError, Settings
from voicecart.storage.db import Database

log = logging.getLogger(__name__)


def build_analyser(settings: Settings, matcher: ProductMatcher) -> Analyser:
    use_llm = settings.analyser == "llm" or (
        settings.analyser == "auto" and settings.analysis_llm_url is not None
    )
    if not use_llm:
        return LocalAnalyser(matcher)
    if settings.analysis_llm_url is None:
        raise ConfigError("VOICECART_ANALYSER=llm needs VOICECART_ANALYSIS_LLM_URL")
    key = settings.analysis_llm_api_key
    return LLMAnalyser(
        settings.analysis_llm_url,
        key.get_secret_value() if key is not None else None,
        settings.analysis_llm_model,
        api_version=settings.analysis_llm_api_version,
        matcher=matcher,
    )


def build_sinks(settings: Settings) -> list[DocumentSink]:
    if settings.cosmos_endpoint is None:
        return []
    from voicecart.analysis.cosmos import CosmosSink

    if settings.cosmos_key is None:
        raise ConfigError("VOICECART_COSMOS_ENDPOINT needs VOICECART_COSMOS_KEY")
    return [
        CosmosSink(
            settings.cosmos_endpoint,
            settings.cosmos_key.get_secret_value(),
            database=settings.cosmos_database,
            container=settings.cosmos_container,
        )
    ]


async def build_service(settings: Settings, db: Database) -> AnalysisService:
    async with db.session() as session:
        matcher = await load_matcher(session)
    return AnalysisService(db, build_analyser(settings, matcher), build_sinks(settings))


def build_queue(settings: Settings, db: Database) -> OutboxQueue:
    return OutboxQueue(
        db,
        QueueOptions(
            topics=(CALL_ENDED,),
            lease_seconds=settings.analysis_lease_seconds,
            max_attempts=settings.analysis_max_attempts,
            backoff_seconds=settings.analysis_backoff_seconds,
        ),
    )


def build_worker(
    settings: Settings, service: AnalysisService, queue: OutboxQueue, *, concurrency: int = 1
) -> Worker:
    return Worker(
        queue,
        {CALL_ENDED: service.handle},
        poll_seconds=settings.analysis_poll_seconds,
        concurrency=concurrency,
        listen=settings.analysis_listen,
    )


__all__ = ["build_analyser", "build_queue", "build_service", "build_sinks", "build_worker"]
