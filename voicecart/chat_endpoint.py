"""What every client of an OpenAI-compatible chat endpoint needs: is it Azure OpenAI, and
which auth header to send (Entra ID bearer token, Azure ``api-key`` or OpenAI bearer key)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Final
from urllib.parse import urlsplit

__all__ = ["TokenProvider", "auth_headers", "is_azure"]

TokenProvider = Callable[[], Awaitable[str]]

AZURE_HOSTS: Final = (
    ".openai.azure.com",
    ".cognitiveservices.azure.com",
    ".services.ai.azure.com",
)


def is_azure(url: str, api_version: str | None) -> bool:
    """Azure OpenAI takes ``api-version`` and an ``api-key`` header; a known host or an
    explicit API version says it is one."""
    host = urlsplit(url).hostname or ""
    return api_version is not None or host.endswith(AZURE_HOSTS)


async def auth_headers(
    *, azure: bool, api_key: str | None, token_provider: TokenProvider | None
) -> dict[str, str]:
    """The auth header: a fresh Entra ID token when there is a provider, else the key."""
    if token_provider is not None:
        return {"Authorization": f"Bearer {await token_provider()}"}
    if api_key:
        return {"api-key": api_key} if azure else {"Authorization": f"Bearer {api_key}"}
    return {}
