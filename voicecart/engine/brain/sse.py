"""An incremental parser for server-sent events (the ``text/event-stream`` format).

Fed text in arbitrary pieces (a network read may end mid-line or mid-character
sequence; decoding is the caller's job), it returns every complete event. It
follows the WHATWG rules that matter for chat-completion streams: lines end in
LF, CRLF or CR; ``data:`` lines of one event are joined with LF; a blank line
dispatches; lines starting with ``:`` are comments; one space after the colon
is dropped; an event without data is not dispatched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["SSEEvent", "SSEParser"]


@dataclass(frozen=True)
class SSEEvent:
    data: str
    event: str = "message"
    id: str | None = None


class SSEParser:
    def __init__(self) -> None:
        self._buffer = ""
        self._data: list[str] = []
        self._event = ""
        self._id: str | None = None
        self._pending_cr = False

    def feed(self, text: str) -> list[SSEEvent]:
        """Events completed by ``text``."""
        if self._pending_cr and text.startswith("\n"):
            text = text[1:]  # the LF of a CRLF that was split across two reads
        self._pending_cr = False
        buffer = self._buffer + text
        events: list[SSEEvent] = []
        start = 0
        for match in _EOL.finditer(buffer):
            event = self._line(buffer[start : match.start()])
            if event is not None:
                events.append(event)
            start = match.end()
            if match.group() == "\r" and match.end() == len(buffer):
                self._pending_cr = True
        self._buffer = buffer[start:]
        return events

    def close(self) -> list[SSEEvent]:
        """Events left when the stream ends (a last event missing its blank line)."""
        events: list[SSEEvent] = []
        if self._buffer:
            event = self._line(self._buffer)
            self._buffer = ""
            if event is not None:
                events.append(event)
        event = self._dispatch()
        if event is not None:
            events.append(event)
        return events

    def _line(self, line: str) -> SSEEvent | None:
        if line == "":
            return self._dispatch()
        if line.startswith(":"):
            return None
        name, sep, value = line.partition(":")
        if sep and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value
        elif name == "id" and "\0" not in value:
            self._id = value
        return None

    def _dispatch(self) -> SSEEvent | None:
        if not self._data:
            self._event = ""
            return None
        event = SSEEvent("\n".join(self._data), self._event or "message", self._id)
        self._data = []
        self._event = ""
        return event


_EOL = re.compile(r"\r\n|\r|\n")
