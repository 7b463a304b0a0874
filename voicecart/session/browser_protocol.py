"""Messages on ``WS /ws/sessions/{id}``: what the browser may send, and what we send it.

Inbound messages are validated strictly (unknown types or fields are errors).
The seed's message set is kept so its original client works unchanged; our own
additions sit beside it. ``docs/browser-protocol.md`` documents both directions.
"""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator

# 24 kHz mono: 40 ms of float32 is 3,840 bytes; allow chunks up to 500 ms.
MAX_AUDIO_CHUNK_BYTES = 24_000 * 4 // 2
SAMPLE_RATE = 24_000


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AudioChunk(_Strict):
    type: Literal["audio_chunk"]
    data: str = Field(description="base64 of 24 kHz mono samples")
    encoding: Literal["float32", "pcm16"] = "float32"
    sample_rate: Literal[24000] = 24000

    @field_validator("data")
    @classmethod
    def _base64(cls, value: str) -> str:
        if len(value) > (MAX_AUDIO_CHUNK_BYTES * 4) // 3 + 4:
            raise ValueError(f"audio chunk larger than {MAX_AUDIO_CHUNK_BYTES} bytes")
        try:
            raw = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise ValueError("must be valid base64") from exc
        if not raw:
            raise ValueError("must not be empty")
        return value

    def pcm16_base64(self) -> tuple[str, int]:
        """The chunk as base64 PCM16 for the upstream, and its byte length.

        PCM16 input passes through as received (already validated): no decode and
        re-encode on the hot path.
        """
        if self.encoding == "pcm16":
            size = len(self.data) * 3 // 4 - self.data.count("=", -2)
            if size % 2:
                raise ValueError("pcm16 audio must have an even number of bytes")
            return self.data, size
        pcm = self.pcm16()
        return base64.b64encode(pcm).decode("ascii"), len(pcm)

    def pcm16(self) -> bytes:
        """The chunk as 16-bit little-endian PCM (what the upstream takes)."""
        raw = base64.b64decode(self.data)
        if self.encoding == "pcm16":
            if len(raw) % 2:
                raise ValueError("pcm16 audio must have an even number of bytes")
            return raw
        return float32_to_pcm16(raw)


class CommitAudio(_Strict):
    type: Literal["commit_audio"]


class ClearAudio(_Strict):
    type: Literal["clear_audio"]


class UserText(_Strict):
    type: Literal["user_text"]
    text: str = Field(min_length=1, max_length=4000)

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value


class RequestResponse(_Strict):
    type: Literal["request_response"]


class CancelResponse(_Strict):
    """Ours: stop the assistant mid-answer (sent as ``response.cancel``)."""

    type: Literal["cancel_response"]


class Ping(_Strict):
    """Ours: keep-alive; answered with ``pong``."""

    type: Literal["ping"]
    id: str | None = Field(None, max_length=64)


BrowserMessage = Annotated[
    AudioChunk | CommitAudio | ClearAudio | UserText | RequestResponse | CancelResponse | Ping,
    Field(discriminator="type"),
]
browser_message = TypeAdapter(BrowserMessage)


def float32_to_pcm16(raw: bytes) -> bytes:
    """Little-endian float32 samples in [-1, 1] to clipped little-endian int16."""
    import numpy as np

    if len(raw) % 4:
        raise ValueError("float32 audio must have a multiple of 4 bytes")
    samples = np.frombuffer(raw, dtype="<f4")
    if not np.all(np.isfinite(samples)):
        raise ValueError("float32 audio contains NaN or infinity")
    pcm: bytes = (np.clip(samples, -1.0, 1.0) * 32767.0).astype("<i2").tobytes()
    return pcm


# ---- outbound -------------------------------------------------------------
# Builders for every message we send; the names are the seed's where it had one.


def session_ready(session_id: str, **extra: Any) -> dict[str, Any]:
    return {"type": "session_ready", "session_id": session_id, **extra}


def error(message: str, *, code: str, field: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"type": "error", "code": code, "message": message}
    if field is not None:
        body["field"] = field
    return body


MESSAGE_TYPES = frozenset(
    {
        "audio_chunk",
        "commit_audio",
        "clear_audio",
        "user_text",
        "request_response",
        "cancel_response",
        "ping",
    }
)


def validation_error(exc: ValueError) -> dict[str, Any]:
    """A browser ``error`` message for a message that failed validation."""
    from pydantic import ValidationError

    if isinstance(exc, ValidationError):
        errors = exc.errors()
        first = errors[0] if errors else {"loc": (), "msg": str(exc)}
        loc = [str(p) for p in first.get("loc", ())]
        field = ".".join(p for p in loc if p not in MESSAGE_TYPES) or None
        if first.get("type") == "json_invalid":
            return error("message is not valid JSON", code="invalid_json")
        if first.get("type") == "union_tag_invalid":
            return error(
                f"unknown message type; expected one of {', '.join(sorted(MESSAGE_TYPES))}",
                code="unknown_type",
                field="type",
            )
        if first.get("type") == "union_tag_not_found":
            return error("message has no 'type'", code="invalid_message", field="type")
        return error(
            f"{field or 'message'}: {first.get('msg')}", code="invalid_message", field=field
        )
    return error(str(exc), code="invalid_message")
