"""SDP offers and answers as Azure Voice Live carries them in ``session.avatar.*`` events."""

from __future__ import annotations

import base64
import binascii
import json


def encode_client_sdp(sdp: str) -> str:
    """Voice Live wants the offer as base64 of ``{"type": "offer", "sdp": …}``."""
    return base64.b64encode(json.dumps({"type": "offer", "sdp": sdp}).encode()).decode("ascii")


def decode_server_sdp(raw: str) -> str:
    """The answer arrives as plain SDP, or base64 of ``{"type": "answer", "sdp": …}``."""
    if raw.startswith("v=0"):
        return raw
    try:
        text = base64.b64decode(raw, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return raw
    try:
        payload = json.loads(text)
    except ValueError:
        return text
    if isinstance(payload, dict) and isinstance(payload.get("sdp"), str):
        return str(payload["sdp"])
    return text
