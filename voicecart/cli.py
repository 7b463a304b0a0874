"""``voicecart`` command line: serve, engine, db upgrade, db seed (more as the product grows)."""

from __future__ import annotations

import asyncio
import logging
import sys
from pathlib import Path

import typer

from voicecart.config import ConfigError, Settings, load_settings

app = typer.Typer(no_args_is_help=True, help="voicecart: Contoso retail voice agent.")
db_app = typer.Typer(no_args_is_help=True, help="Database schema and data.")
app.add_typer(db_app, name="db")


def _settings(**overrides: object) -> Settings:
    try:
        return load_settings(**{k: v for k, v in overrides.items() if v is not None})
    except ConfigError as exc:
        typer.secho(str(exc), fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from exc


@app.command()
def serve(
    host: str | None = typer.Option(None, help="Bind address (default from settings)"),
    port: int | None = typer.Option(None, help="Port (default 8000)"),
    reload: bool = typer.Option(False, help="Reload on code changes (development)"),
) -> None:
    """Serve the product: API, sessions and the web client."""
    import uvicorn

    settings = _settings(host=host, port=port)
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(levelname)s %(name)s %(message)s"
    )
    if reload:
        uvicorn.run(
            "voicecart.app:create_app",
            factory=True,
            host=settings.host,
            port=settings.port,
            reload=True,
            log_level=settings.log_level,
        )
        return
    from voicecart.app import create_app

    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level,
        ws_max_size=16 << 20,  # our handlers answer oversize messages with an error
    )


@app.command()
def engine(
    host: str | None = typer.Option(None, help="Bind address (default VOICECART_ENGINE_HOST)"),
    port: int | None = typer.Option(None, help="Port (default VOICECART_ENGINE_PORT, 8765)"),
) -> None:
    """Serve only the local realtime engine (Voice Live protocol at /voice-live/realtime)."""
    from voicecart.engine.server import run_engine

    settings = _settings(engine_host=host, engine_port=port)
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(levelname)s %(name)s %(message)s"
    )
    run_engine(settings, settings.engine_host, settings.engine_port)


@db_app.command("upgrade")
def db_upgrade(revision: str = typer.Argument("head")) -> None:
    """Apply database migrations (SQLite by default, PostgreSQL via VOICECART_DATABASE_URL)."""
    from voicecart.storage.migrate import upgrade_sync

    settings = _settings()
    upgrade_sync(settings.database_url, revision)
    typer.echo(f"database at {revision}")


@db_app.command("seed")
def db_seed() -> None:
    """Load the built-in Contoso catalog (safe to repeat: stock is never reset)."""
    from voicecart.commerce.catalog_data import seed_catalog
    from voicecart.storage.db import Database

    settings = _settings()

    async def run() -> None:
        db = Database(settings.database_url)
        try:
            async with db.session() as session:
                report = await seed_catalog(session)
        finally:
            await db.dispose()
        typer.echo(
            f"categories added: {report.categories_added}, products added: "
            f"{report.products_added}, products updated: {report.products_updated}"
        )

    asyncio.run(run())


@app.command()
def worker(
    once: bool = typer.Option(False, help="Process the jobs that are due, then exit"),
    concurrency: int = typer.Option(1, min=1, max=64, help="Jobs processed at once"),
) -> None:
    """Process call analysis jobs from the outbox (several workers may share PostgreSQL)."""
    from voicecart.analysis.runner import run_worker

    settings = _settings()
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(levelname)s %(name)s %(message)s"
    )
    processed = asyncio.run(run_worker(settings, once=once, concurrency=concurrency))
    if once:
        typer.echo(f"jobs processed: {processed}")


@app.command()
def analyse(
    call_ids: list[str] = typer.Argument(None, help="Calls to analyse (default: none)"),
    backfill: bool = typer.Option(False, help="Analyse every ended call that has no analysis"),
    force: bool = typer.Option(False, help="Replace existing analyses of the given calls"),
    stale: bool = typer.Option(
        False, help="Re-analyse every call another analyser (or version) wrote the analysis of"
    ),
    retry_dead: bool = typer.Option(False, help="Requeue dead-lettered analysis jobs"),
) -> None:
    """Analyse calls now (with a progress bar), or requeue dead-lettered jobs."""
    from voicecart.analysis.cli import run_analyse

    settings = _settings()
    logging.basicConfig(level="WARNING", format="%(levelname)s %(name)s %(message)s")
    code = asyncio.run(
        run_analyse(
            settings,
            call_ids=list(call_ids or []),
            backfill=backfill,
            force=force,
            stale=stale,
            retry_dead=retry_dead,
        )
    )
    raise typer.Exit(code)


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(
        None, help="Files or folders (Markdown, text, HTML, PDF); none = the built-in corpus"
    ),
    target: str = typer.Option(
        "local", help="local (the SQLite index) or azure (Azure AI Search, ai_search_* settings)"
    ),
) -> None:
    """Add documents to the knowledge base: changed files replaced, unchanged skipped."""
    from voicecart.knowledge.cli import run_ingest

    raise typer.Exit(run_ingest(_settings(), paths or [], target))


def main() -> None:
    try:
        app()
    except ConfigError as exc:  # pragma: no cover - typer paths above handle most
        print(exc, file=sys.stderr)
        raise SystemExit(2) from exc


if __name__ == "__main__":
    main()
