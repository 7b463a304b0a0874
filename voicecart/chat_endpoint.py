"""What every client of an OpenAI-compatible chat endpoint needs: the completions URL, is it
Azure OpenAI, the ``api-version`` parameter and the auth header (Entra ID bearer token,
Azure ``api-key`` or OpenAI bearer key)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Final
from urllib.parse import urlsplit

__all__ = ["ChatEndpoint", "TokenProvider", "auth_headers", "is_azure"]

TokenProvider = Callable[[], Awaitable[str]]

AZURE_HOSTS: Final = (
    ".openai.azure.com",
    ".cognitiveservices.azure.com",
    ".services.ai.azure.com",
)
_COMPLETIONS: Final = "/chat/completions"


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


@dataclass(frozen=True)
class ChatEndpoint:
    """One chat-completions endpoint: ``base_url`` is the API root (``…/v1``, an Azure
    deployment URL) or the completions URL itself."""

    base_url: str
    api_key: str | None = field(default=None, repr=False)
    api_version: str | None = None
    token_provider: TokenProvider | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        base = self.base_url.rstrip("/")
        return base if base.endswith(_COMPLETIONS) else f"{base}{_COMPLETIONS}"

    @property
    def azure(self) -> bool:
        return is_azure(self.url, self.api_version)

    @property
    def params(self) -> dict[str, str] | None:
        return {"api-version": self.api_version} if self.api_version else None

    async def headers(self, accept: str) -> dict[str, str]:
        """JSON request headers, ``Accept: accept`` and the auth header."""
        auth = await auth_headers(
            azure=self.azure, api_key=self.api_key, token_provider=self.token_provider
        )
        return {"Accept": accept, "Content-Type": "application/json", **auth}
