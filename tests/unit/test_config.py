"""Settings: seed aliases, fail-fast validation naming the setting, .env.example complete."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import AliasChoices

from voicecart.config import ConfigError, Settings, load_settings

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]


def test_defaults_are_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    s = load_settings(_env_file=None)
    assert s.database_url.startswith("sqlite+aiosqlite:///")
    assert s.azure_voice_live_endpoint is None
    assert s.ecom_api_url is None


def test_seed_names_are_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AZURE_VOICE_LIVE_ENDPOINT", "https://example.services.ai.azure.com/")
    monkeypatch.setenv("VOICE_LIVE_MODEL", "gpt-realtime-preview")
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", "secret-value")
    monkeypatch.setenv("AZURE_VOICE_AVATAR_CHARACTER", "james")
    monkeypatch.setenv("ai_search_url", "https://search.example.net")
    monkeypatch.setenv("logic_app_url_shipment_orders", "https://logic.example.net/ship")
    monkeypatch.setenv("ecom_api_url", "https://contoso.example.net/")
    s = load_settings(_env_file=None)
    assert s.azure_voice_live_endpoint == "https://example.services.ai.azure.com"
    assert s.voice_live_model == "gpt-realtime-preview"
    assert s.azure_openai_api_key is not None
    assert s.azure_openai_api_key.get_secret_value() == "secret-value"
    assert "secret-value" not in repr(s)
    assert s.avatar_character == "james"
    assert s.ai_search_url == "https://search.example.net"
    assert s.logic_app_url_shipment_orders == "https://logic.example.net/ship"
    assert s.ecom_api_url == "https://contoso.example.net"


@pytest.mark.parametrize(
    ("var", "value", "named"),
    [
        ("VOICECART_DATABASE_URL", "mysql://x/y", "VOICECART_DATABASE_URL"),
        ("VOICECART_PORT", "70000", "VOICECART_PORT"),
        ("AZURE_VOICE_AVATAR_WIDTH", "wide", "AZURE_VOICE_AVATAR_WIDTH"),
        ("ecom_api_url", "contoso.example", "ecom_api_url"),
        ("VOICECART_WAREHOUSE_ZIP", "9805", "VOICECART_WAREHOUSE_ZIP"),
    ],
)
def test_invalid_setting_is_named(
    monkeypatch: pytest.MonkeyPatch, var: str, value: str, named: str
) -> None:
    monkeypatch.setenv(var, value)
    with pytest.raises(ConfigError) as info:
        load_settings(_env_file=None)
    assert named in str(info.value)


def test_empty_values_mean_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", "")
    monkeypatch.setenv("AZURE_VOICE_AVATAR_STYLE", "")
    s = load_settings(_env_file=None)
    assert s.azure_openai_api_key is None
    assert s.avatar_style is None


def test_env_example_lists_every_setting_and_only_real_ones() -> None:
    lines = (ROOT / ".env.example").read_text().splitlines()
    documented = {ln.split("=", 1)[0].strip() for ln in lines if ln and not ln.startswith("#")}
    known: dict[str, str] = {}
    for name, field in Settings.model_fields.items():
        alias = field.validation_alias
        assert isinstance(alias, AliasChoices), name
        for choice in alias.choices:
            known[str(choice)] = name
    unknown = documented - set(known)
    assert not unknown, f".env.example names unknown settings: {unknown}"
    missing = set(Settings.model_fields) - {known[d] for d in documented}
    assert not missing, f".env.example does not document: {missing}"


def test_env_example_loads_cleanly(monkeypatch: pytest.MonkeyPatch) -> None:
    s = Settings(_env_file=str(ROOT / ".env.example"))  # type: ignore[call-arg]
    assert s.port == 8000
