"""Reading conversation items and response options in the realtime wire shape."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

__all__ = ["message_text", "offered_tools", "tool_choice_name"]

_TEXT_PARTS: Final = frozenset({"input_text", "text", "output_text"})
_AUDIO_PARTS: Final = frozenset({"input_audio", "audio", "output_audio"})


def message_text(item: Mapping[str, Any]) -> str:
    """The text of a ``message`` item: its text parts and audio transcripts, joined."""
    content = item.get("content")
    if isinstance(content, str):
        return content
    if not isinstance(content, list):
        return ""
    pieces: list[str] = []
    for part in content:
        if not isinstance(part, Mapping):
            continue
        kind = part.get("type")
        value = part.get("text") if kind in _TEXT_PARTS else None
        if kind in _AUDIO_PARTS:
            value = part.get("transcript")
        if isinstance(value, str) and value.strip():
            pieces.append(value.strip())
    return " ".join(pieces)


def offered_tools(tools: Iterable[Mapping[str, Any]]) -> frozenset[str]:
    """Function names in a realtime ``tools`` list (``{"type": "function", "name": ...}``;
    the chat-completions nesting ``{"function": {"name": ...}}`` is read too)."""
    names: set[str] = set()
    for t in tools:
        if not isinstance(t, Mapping) or t.get("type", "function") != "function":
            continue
        name = t.get("name")
        if name is None and isinstance(t.get("function"), Mapping):
            name = t["function"].get("name")
        if isinstance(name, str) and name:
            names.add(name)
    return frozenset(names)


def tool_choice_name(choice: str | Mapping[str, Any] | None) -> str:
    """``"auto"``, ``"none"``, ``"required"``, or the name of the one function to call."""
    if choice is None:
        return "auto"
    if isinstance(choice, str):
        return choice if choice in ("auto", "none", "required") else "auto"
    name = choice.get("name")
    if name is None and isinstance(choice.get("function"), Mapping):
        name = choice["function"].get("name")
    return name if isinstance(name, str) and name else "auto"
