"""Dialog policies for the local engine: who decides what the assistant says next.

* :class:`RetailDialogManager` — the built-in, rule-based shopping assistant for the
  Contoso store (no model needed; runs fully offline).
* :class:`OpenAIChatBrain` — any OpenAI-compatible chat-completions endpoint (Azure
  OpenAI included), streamed.
* :func:`create_brain` — the one to use for the given settings.

Both implement :class:`voicecart.engine.interfaces.Brain`.
"""

from __future__ import annotations

from typing import Any, Final

from voicecart.engine.brain.llm import OpenAIChatBrain
from voicecart.engine.brain.retail import RetailDialogManager
from voicecart.engine.interfaces import Brain

__all__ = ["OpenAIChatBrain", "RetailDialogManager", "create_brain"]

# Settings read by create_brain, first present wins.
_URL: Final = ("brain_llm_url",)
_KEY: Final = ("brain_llm_api_key", "azure_openai_api_key")
_MODEL: Final = ("brain_llm_model",)
_VERSION: Final = ("brain_llm_api_version",)


def _setting(settings: Any, names: tuple[str, ...]) -> str | None:
    for name in names:
        value: Any = getattr(settings, name, None)
        if hasattr(value, "get_secret_value"):
            value = value.get_secret_value()
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def create_brain(settings: Any = None) -> Brain:
    """An :class:`OpenAIChatBrain` when the settings name an LLM endpoint (``brain_llm_url``
    with ``brain_llm_model``, optionally ``brain_llm_api_key`` and ``brain_llm_api_version``),
    else the built-in :class:`RetailDialogManager`."""
    url = _setting(settings, _URL)
    model = _setting(settings, _MODEL)
    if url and model:
        return OpenAIChatBrain(
            url,
            _setting(settings, _KEY),
            model,
            api_version=_setting(settings, _VERSION),
        )
    return RetailDialogManager()
