"""Upstream → browser: the allowlist. Anything not mapped here never reaches the browser.

Pure functions over event dicts, so the mapping is testable without sockets.
"""

from __future__ import annotations

from typing import Any

Event = dict[str, Any]

# Error codes whose message is safe to show; anything else gets a generic text
# (upstream messages can echo configuration, keys' names or internal ids).
_SAFE_ERROR_CODES = {
    "invalid_value",
    "input_audio_buffer_commit_empty",
    "conversation_already_has_active_response",
    "response_cancel_not_active",
    "rate_limit_exceeded",
}


def ice_servers_of(session: dict[str, Any]) -> list[dict[str, Any]]:
    """ICE servers from wherever the service put them in ``session.updated``."""
    avatar = session.get("avatar") or {}
    rtc = session.get("rtc") or {}
    for candidate in (
        avatar.get("ice_servers"),
        rtc.get("ice_servers"),
        session.get("ice_servers"),
    ):
        if isinstance(candidate, list):
            servers: list[dict[str, Any]] = []
            for entry in candidate:
                if isinstance(entry, str):
                    servers.append({"urls": [entry]})
                elif isinstance(entry, dict) and entry.get("urls"):
                    urls = entry["urls"]
                    server: dict[str, Any] = {"urls": urls if isinstance(urls, list) else [urls]}
                    for key in ("username", "credential"):
                        if isinstance(entry.get(key), str):
                            server[key] = entry[key]
                    servers.append(server)
            return servers
    return []


def _ids(event: Event) -> dict[str, Any]:
    return {k: event[k] for k in ("response_id", "item_id") if k in event}


def to_browser(event: Event) -> list[Event]:
    """The browser messages one upstream event becomes (often none)."""
    kind = event.get("type")
    if kind == "response.audio.delta":
        return [{"type": "assistant_audio_delta", "delta": event.get("delta", ""), **_ids(event)}]
    if kind == "response.audio.done":
        return [{"type": "assistant_audio_done", **_ids(event)}]
    if kind == "response.audio_transcript.delta":
        return [
            {"type": "assistant_transcript_delta", "delta": event.get("delta", ""), **_ids(event)}
        ]
    if kind == "response.audio_transcript.done":
        return [
            {
                "type": "assistant_transcript_done",
                "transcript": event.get("transcript", ""),
                **_ids(event),
            }
        ]
    if kind == "response.text.delta":
        return [{"type": "assistant_text_delta", "delta": event.get("delta", ""), **_ids(event)}]
    if kind == "response.text.done":
        return [{"type": "assistant_text_done", "text": event.get("text", ""), **_ids(event)}]
    if kind == "conversation.item.input_audio_transcription.delta":
        return [
            {
                "type": "user_transcript_delta",
                "delta": event.get("delta", ""),
                "item_id": event.get("item_id"),
            }
        ]
    if kind == "conversation.item.input_audio_transcription.completed":
        return [
            {
                "type": "user_transcript_completed",
                "transcript": event.get("transcript", ""),
                "item_id": event.get("item_id"),
            }
        ]
    if kind == "input_audio_buffer.speech_started":
        return [
            {
                "type": "speech_started",
                "audio_start_ms": event.get("audio_start_ms"),
                "item_id": event.get("item_id"),
            }
        ]
    if kind == "input_audio_buffer.speech_stopped":
        return [
            {
                "type": "speech_stopped",
                "audio_end_ms": event.get("audio_end_ms"),
                "item_id": event.get("item_id"),
            }
        ]
    if kind == "input_audio_buffer.committed":
        return [{"type": "input_audio_committed", "item_id": event.get("item_id")}]
    if kind == "session.avatar.connecting":
        return [{"type": "avatar_connecting"}]
    if kind in ("output_audio_buffer.started", "output_audio_buffer.stopped"):
        # The avatar (WebRTC) plays the answer in real time, after response.done: the
        # browser learns from these when the assistant is audibly speaking, and quiet.
        status = "started" if kind.endswith("started") else "stopped"
        return [{"type": "assistant_playback", "status": status, **_ids(event)}]
    if kind == "response.created":
        response = event.get("response") or {}
        return [
            {"type": "response_status", "status": "in_progress", "response_id": response.get("id")}
        ]
    if kind == "response.done":
        response = event.get("response") or {}
        return [
            {
                "type": "response_status",
                "status": response.get("status", "completed"),
                "response_id": response.get("id"),
            }
        ]
    if kind == "response.animation_viseme.delta":
        return [
            {
                "type": "viseme",
                "viseme_id": event.get("viseme_id"),
                "audio_offset_ms": event.get("audio_offset_ms"),
                **_ids(event),
            }
        ]
    if kind == "session.updated":
        session = event.get("session") or {}
        servers = ice_servers_of(session)
        safe_session: dict[str, Any] = {"modalities": session.get("modalities")}
        if "avatar" in session:
            safe_session["avatar"] = {"ice_servers": servers}
        # The seed's client reads ICE servers from a raw "event" envelope; we send
        # a sanitised copy of just what it needs, plus our own ice_servers message.
        return [
            {"type": "event", "payload": {"type": "session.updated", "session": safe_session}},
            {"type": "ice_servers", "ice_servers": servers},
        ]
    if kind == "error":
        err = event.get("error") or {}
        code = str(err.get("code") or err.get("type") or "upstream_error")
        message = (
            str(err.get("message"))
            if code in _SAFE_ERROR_CODES and err.get("message")
            else "The voice service reported an error."
        )
        return [{"type": "error", "code": code, "message": message, "source": "upstream"}]
    return []
