"""The admin key guarding admin data (calls, transcripts, analytics).

``Authorization: Bearer KEY`` or ``X-Admin-Key: KEY``. Without a configured key the
admin API is open only in the embedded local default (SQLite and the built-in
engine: a single-user laptop install), with a warning at start-up; anywhere else
it stays closed until ``VOICECART_ADMIN_KEY`` is set.
"""

from __future__ import annotations

import hmac
import logging
from typing import Annotated, Literal

from fastapi import Depends, Header, HTTPException

from voicecart.api.deps import SettingsDep
from voicecart.config import Settings

log = logging.getLogger(__name__)

AdminMode = Literal["key", "open", "closed"]


def admin_mode(settings: Settings) -> AdminMode:
    if settings.admin_key is not None and settings.admin_key.get_secret_value():
        return "key"
    embedded = (
        settings.is_sqlite
        and settings.engine_url is None
        and settings.azure_voice_live_endpoint is None
    )
    return "open" if embedded else "closed"


def warn_if_unprotected(settings: Settings) -> None:
    """Start-up log line saying how the admin API is protected."""
    mode = admin_mode(settings)
    if mode == "open":
        log.warning(
            "admin API (/api/calls, /api/analytics) is open: no VOICECART_ADMIN_KEY is set "
            "(allowed only for the embedded local default); set one to protect it"
        )
    elif mode == "closed":
        log.warning("admin API is disabled until VOICECART_ADMIN_KEY is set")


def _presented(authorization: str | None, x_admin_key: str | None) -> str | None:
    if x_admin_key:
        return x_admin_key
    if authorization:
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() == "bearer" and token.strip():
            return token.strip()
    return None


async def require_admin(
    settings: SettingsDep,
    authorization: Annotated[str | None, Header(include_in_schema=False)] = None,
    x_admin_key: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> None:
    mode = admin_mode(settings)
    if mode == "open":
        return
    if mode == "closed":
        raise HTTPException(
            status_code=403, detail="admin API is disabled: set VOICECART_ADMIN_KEY to enable it"
        )
    assert settings.admin_key is not None
    given = _presented(authorization, x_admin_key)
    if given is None:
        raise HTTPException(
            status_code=401,
            detail="admin key required: send 'Authorization: Bearer <key>' or 'X-Admin-Key'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if not hmac.compare_digest(given.encode(), settings.admin_key.get_secret_value().encode()):
        raise HTTPException(
            status_code=401,
            detail="admin key is not valid",
            headers={"WWW-Authenticate": "Bearer"},
        )


AdminDep = Depends(require_admin)

__all__ = ["AdminDep", "admin_mode", "require_admin", "warn_if_unprotected"]
