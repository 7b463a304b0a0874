"""Configuration: one ``Settings`` object read from the environment and ``.env``.

Our own settings are prefixed ``VOICECART_``. The seed's variable names
(``AZURE_VOICE_LIVE_ENDPOINT``, ``AZURE_VOICE_AVATAR_*``, ``ai_search_*``,
``logic_app_url_*``, ``ecom_api_url`` …) are accepted as aliases with their seed
meaning. Read it once at start-up and pass it down; nothing deeper reads the
environment.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def _alias(*names: str) -> AliasChoices:
    return AliasChoices(*names)


class ConfigError(RuntimeError):
    """Configuration is invalid; the message names each offending setting."""


class Settings(BaseSettings):
    """Every setting voicecart reads. ``.env.example`` documents each one."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        case_sensitive=False,
        populate_by_name=True,
        env_ignore_empty=True,
    )

    # --- server -----------------------------------------------------------
    host: str = Field("127.0.0.1", validation_alias=_alias("VOICECART_HOST"))
    port: int = Field(8000, ge=1, le=65535, validation_alias=_alias("VOICECART_PORT"))
    log_level: Literal["debug", "info", "warning", "error"] = Field(
        "info", validation_alias=_alias("VOICECART_LOG_LEVEL")
    )
    cors_origins: list[str] = Field(
        default_factory=list, validation_alias=_alias("VOICECART_CORS_ORIGINS")
    )

    # --- storage ----------------------------------------------------------
    database_url: str = Field(
        "sqlite+aiosqlite:///./var/voicecart.db",
        validation_alias=_alias("VOICECART_DATABASE_URL"),
    )
    database_echo: bool = Field(False, validation_alias=_alias("VOICECART_DATABASE_ECHO"))
    auto_migrate: bool = Field(True, validation_alias=_alias("VOICECART_AUTO_MIGRATE"))
    seed_on_start: bool = Field(True, validation_alias=_alias("VOICECART_SEED_ON_START"))

    # --- commerce / shipping ----------------------------------------------
    currency: str = Field("USD", validation_alias=_alias("VOICECART_CURRENCY"))
    ecom_api_url: str | None = Field(
        None, validation_alias=_alias("VOICECART_ECOM_API_URL", "ecom_api_url")
    )
    shipment_time_scale: float = Field(
        1.0,
        gt=0,
        validation_alias=_alias("VOICECART_SHIPMENT_TIME_SCALE"),
        description="Multiplier on the shipment timeline clock (3600 = an hour a second).",
    )
    warehouse_zip: str = Field("98052", validation_alias=_alias("VOICECART_WAREHOUSE_ZIP"))

    # --- realtime upstream (seed names) -----------------------------------
    azure_voice_live_endpoint: str | None = Field(
        None, validation_alias=_alias("AZURE_VOICE_LIVE_ENDPOINT")
    )
    voice_live_model: str = Field("gpt-realtime", validation_alias=_alias("VOICE_LIVE_MODEL"))
    azure_openai_api_key: SecretStr | None = Field(
        None, validation_alias=_alias("AZURE_OPENAI_API_KEY")
    )
    avatar_character: str = Field("lisa", validation_alias=_alias("AZURE_VOICE_AVATAR_CHARACTER"))
    avatar_style: str | None = Field(None, validation_alias=_alias("AZURE_VOICE_AVATAR_STYLE"))
    avatar_width: int | None = Field(
        None,
        ge=16,
        le=3840,
        validation_alias=_alias("AZURE_VOICE_AVATAR_WIDTH"),
        description="Unset: the service's default (640x360 from the local engine).",
    )
    avatar_height: int | None = Field(
        None, ge=16, le=2160, validation_alias=_alias("AZURE_VOICE_AVATAR_HEIGHT")
    )
    avatar_bitrate: int = Field(
        2_000_000, ge=10_000, validation_alias=_alias("AZURE_VOICE_AVATAR_BITRATE")
    )
    avatar_ice_urls: str | None = Field(
        None, validation_alias=_alias("AZURE_VOICE_AVATAR_ICE_URLS")
    )
    avatar_ice_username: str | None = Field(
        None, validation_alias=_alias("AZURE_VOICE_AVATAR_ICE_USERNAME")
    )
    avatar_ice_credential: SecretStr | None = Field(
        None, validation_alias=_alias("AZURE_VOICE_AVATAR_ICE_CREDENTIAL")
    )
    avatar_max_streams: int | None = Field(
        None,
        ge=0,
        validation_alias=_alias("VOICECART_AVATAR_MAX_STREAMS"),
        description="Concurrent local avatar streams per process; unset = 6 per CPU core.",
    )
    avatar_public_ip: str | None = Field(
        None,
        validation_alias=_alias("VOICECART_AVATAR_PUBLIC_IP"),
        description="Public IPv4 of the engine's host behind 1:1 NAT, offered as a candidate.",
    )
    avatar_ice_loopback: bool = Field(
        False,
        validation_alias=_alias("VOICECART_AVATAR_ICE_LOOPBACK"),
        description="Offer 127.0.0.1 ICE candidates (machines with only a loopback interface).",
    )

    # --- realtime sessions ----------------------------------------------------
    engine_url: str | None = Field(
        None,
        validation_alias=_alias("VOICECART_ENGINE_URL"),
        description="Voice Live-compatible engine; unset = this server's own engine.",
    )
    engine_api_key: SecretStr | None = Field(
        None, validation_alias=_alias("VOICECART_ENGINE_API_KEY")
    )
    engine_host: str = Field(
        "127.0.0.1",
        validation_alias=_alias("VOICECART_ENGINE_HOST"),
        description="Bind address of the standalone `voicecart engine`.",
    )
    engine_port: int = Field(
        8765,
        ge=1,
        le=65535,
        validation_alias=_alias("VOICECART_ENGINE_PORT"),
        description="Port of the standalone `voicecart engine`.",
    )
    engine_audio_lead_ms: int = Field(
        1500,
        ge=0,
        le=60_000,
        validation_alias=_alias("VOICECART_ENGINE_AUDIO_LEAD_MS"),
        description="How far the engine's audio may run ahead of real time (0 = unpaced).",
    )
    brain_llm_url: str | None = Field(
        None,
        validation_alias=_alias("VOICECART_BRAIN_LLM_URL"),
        description="OpenAI-compatible chat endpoint for the engine; unset = built-in brain.",
    )
    brain_llm_model: str | None = Field(None, validation_alias=_alias("VOICECART_BRAIN_LLM_MODEL"))
    brain_llm_api_key: SecretStr | None = Field(
        None, validation_alias=_alias("VOICECART_BRAIN_LLM_API_KEY")
    )
    brain_llm_api_version: str | None = Field(
        None, validation_alias=_alias("VOICECART_BRAIN_LLM_API_VERSION")
    )
    voice: str = Field("en-US-AvaNeural", validation_alias=_alias("VOICECART_VOICE"))
    transcription_model: str = Field(
        "azure-speech", validation_alias=_alias("VOICECART_TRANSCRIPTION_MODEL")
    )
    turn_detection: Literal["server_vad", "azure_semantic_vad"] = Field(
        "server_vad", validation_alias=_alias("VOICECART_TURN_DETECTION")
    )
    vad_threshold: float = Field(
        0.5, ge=0, le=1, validation_alias=_alias("VOICECART_VAD_THRESHOLD")
    )
    vad_prefix_padding_ms: int = Field(
        300, ge=0, le=5000, validation_alias=_alias("VOICECART_VAD_PREFIX_PADDING_MS")
    )
    vad_silence_duration_ms: int = Field(
        500, ge=50, le=10_000, validation_alias=_alias("VOICECART_VAD_SILENCE_DURATION_MS")
    )
    avatar_enabled: bool = Field(True, validation_alias=_alias("AZURE_VOICE_AVATAR_ENABLED"))
    max_sessions: int = Field(300, ge=1, validation_alias=_alias("VOICECART_MAX_SESSIONS"))
    session_grace_seconds: float = Field(
        30.0, ge=0, validation_alias=_alias("VOICECART_SESSION_GRACE_SECONDS")
    )
    session_idle_seconds: float = Field(
        600.0, gt=0, validation_alias=_alias("VOICECART_SESSION_IDLE_SECONDS")
    )
    allow_tokenless_sessions: bool = Field(
        False, validation_alias=_alias("VOICECART_ALLOW_TOKENLESS_SESSIONS")
    )
    tool_timeout_seconds: float = Field(
        10.0, gt=0, validation_alias=_alias("VOICECART_TOOL_TIMEOUT_SECONDS")
    )

    # --- call analysis ------------------------------------------------------
    admin_key: SecretStr | None = Field(
        None,
        validation_alias=_alias("VOICECART_ADMIN_KEY"),
        description="Key for the admin API (calls, analytics); see api/admin.py.",
    )
    analysis_worker: bool = Field(
        True,
        validation_alias=_alias("VOICECART_ANALYSIS_WORKER"),
        description="Run the analysis worker inside `serve` (off = run `voicecart worker`).",
    )
    analyser: Literal["auto", "local", "llm"] = Field(
        "auto",
        validation_alias=_alias("VOICECART_ANALYSER"),
        description="auto = llm when VOICECART_ANALYSIS_LLM_URL is set, else local.",
    )
    analysis_llm_url: str | None = Field(
        None, validation_alias=_alias("VOICECART_ANALYSIS_LLM_URL")
    )
    analysis_llm_model: str = Field(
        "gpt-4o", validation_alias=_alias("VOICECART_ANALYSIS_LLM_MODEL")
    )
    analysis_llm_api_key: SecretStr | None = Field(
        None, validation_alias=_alias("VOICECART_ANALYSIS_LLM_API_KEY")
    )
    analysis_llm_api_version: str | None = Field(
        None, validation_alias=_alias("VOICECART_ANALYSIS_LLM_API_VERSION")
    )
    analysis_max_attempts: int = Field(
        5, ge=1, le=100, validation_alias=_alias("VOICECART_ANALYSIS_MAX_ATTEMPTS")
    )
    analysis_backoff_seconds: float = Field(
        5.0, gt=0, validation_alias=_alias("VOICECART_ANALYSIS_BACKOFF_SECONDS")
    )
    analysis_lease_seconds: float = Field(
        120.0, gt=0, validation_alias=_alias("VOICECART_ANALYSIS_LEASE_SECONDS")
    )
    analysis_poll_seconds: float = Field(
        5.0,
        gt=0,
        validation_alias=_alias("VOICECART_ANALYSIS_POLL_SECONDS"),
        description="Fallback poll of an idle worker; new jobs wake it at once (NOTIFY).",
    )
    analysis_listen: bool = Field(
        True,
        validation_alias=_alias("VOICECART_ANALYSIS_LISTEN"),
        description="On PostgreSQL, workers LISTEN for new jobs (off behind PgBouncer).",
    )
    cosmos_endpoint: str | None = Field(None, validation_alias=_alias("VOICECART_COSMOS_ENDPOINT"))
    cosmos_key: SecretStr | None = Field(None, validation_alias=_alias("VOICECART_COSMOS_KEY"))
    cosmos_database: str = Field("voicecart", validation_alias=_alias("VOICECART_COSMOS_DATABASE"))
    cosmos_container: str = Field(
        "call_analysis", validation_alias=_alias("VOICECART_COSMOS_CONTAINER")
    )

    # --- knowledge base ------------------------------------------------------
    knowledge_index_path: Path = Field(
        Path("./var/knowledge.sqlite3"),
        validation_alias=_alias("VOICECART_KNOWLEDGE_INDEX_PATH"),
        description="The local knowledge index (SQLite: chunks, BM25, embeddings).",
    )
    knowledge_auto_index: bool = Field(
        True,
        validation_alias=_alias("VOICECART_KNOWLEDGE_AUTO_INDEX"),
        description="Index the built-in corpus at start-up when missing or changed.",
    )

    # --- Azure AI Search (seed names) -------------------------------------
    ai_search_url: str | None = Field(None, validation_alias=_alias("ai_search_url"))
    ai_search_key: SecretStr | None = Field(None, validation_alias=_alias("ai_search_key"))
    ai_search_index_name: str | None = Field(
        None, validation_alias=_alias("ai_search_index_name", "ai_index_name")
    )
    ai_search_semantic_config: str | None = Field(
        None, validation_alias=_alias("ai_search_semantic_config", "ai_semantic_config")
    )

    # --- Logic App webhooks (seed names) ----------------------------------
    logic_app_url_shipment_orders: str | None = Field(
        None, validation_alias=_alias("logic_app_url_shipment_orders")
    )
    logic_app_url_call_log_analysis: str | None = Field(
        None, validation_alias=_alias("logic_app_url_call_log_analysis")
    )

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, value: str) -> str:
        if not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError(
                "must start with sqlite+aiosqlite:// or postgresql+asyncpg:// "
                f"(got scheme {value.split('://', 1)[0]!r})"
            )
        return value

    @field_validator(
        "ecom_api_url",
        "engine_url",
        "brain_llm_url",
        "azure_voice_live_endpoint",
        "ai_search_url",
        "logic_app_url_shipment_orders",
        "logic_app_url_call_log_analysis",
        "analysis_llm_url",
        "cosmos_endpoint",
    )
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        if not value.startswith(("http://", "https://", "ws://", "wss://")):
            raise ValueError("must be an http(s):// or ws(s):// URL")
        return value.rstrip("/")

    @field_validator("avatar_public_ip")
    @classmethod
    def _public_ip(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        try:
            return str(ipaddress.IPv4Address(value.strip()))
        except ValueError as exc:
            raise ValueError("must be an IPv4 address such as 203.0.113.7") from exc

    @field_validator("currency")
    @classmethod
    def _currency(cls, value: str) -> str:
        if len(value) != 3 or not value.isalpha():
            raise ValueError("must be a three-letter ISO 4217 code such as USD")
        return value.upper()

    @field_validator("warehouse_zip")
    @classmethod
    def _zip(cls, value: str) -> str:
        if len(value) != 5 or not value.isdigit():
            raise ValueError("must be a five-digit US ZIP code")
        return value

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    def sqlite_path(self) -> Path | None:
        """The SQLite file, or None for PostgreSQL or an in-memory database."""
        if not self.is_sqlite:
            return None
        path = self.database_url.split("///", 1)[1] if "///" in self.database_url else ""
        if not path or path == ":memory:":
            return None
        return Path(path)


def load_settings(**overrides: object) -> Settings:
    """Build settings, turning validation errors into one readable ``ConfigError``."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            field = ".".join(str(p) for p in err["loc"]) or "settings"
            lines.append(f"  {field}: {err['msg']}")
        raise ConfigError("invalid configuration:\n" + "\n".join(lines)) from exc


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
