"""The incremental server-sent-events parser."""

from __future__ import annotations

import pytest

from voicecart.engine.brain.sse import SSEEvent, SSEParser

pytestmark = pytest.mark.unit


def _feed_in_pieces(text: str, size: int) -> list[SSEEvent]:
    parser = SSEParser()
    events: list[SSEEvent] = []
    for i in range(0, len(text), size):
        events.extend(parser.feed(text[i : i + size]))
    return events + parser.close()


STREAM = (
    ": keep-alive comment\r\n"
    'data: {"a": 1}\r\n'
    "\r\n"
    "event: update\n"
    "id: 7\n"
    "data: first line\n"
    "data:second line\n"
    "\n"
    "data: cr only\r\r"
    "data: [DONE]\n\n"
)
EXPECTED = [
    SSEEvent('{"a": 1}'),
    SSEEvent("first line\nsecond line", "update", "7"),
    SSEEvent("cr only", "message", "7"),
    SSEEvent("[DONE]", "message", "7"),
]


@pytest.mark.parametrize("size", [1, 2, 3, 7, 1000])
def test_events_survive_any_read_boundary(size: int) -> None:
    assert _feed_in_pieces(STREAM, size) == EXPECTED


def test_crlf_split_between_reads_is_one_line_end() -> None:
    parser = SSEParser()
    assert parser.feed("data: x\r") == []
    assert parser.feed("\n") == []  # the LF completes the CRLF, it is not a blank line
    assert parser.feed("\r\n") == [SSEEvent("x")]


def test_event_without_data_is_not_dispatched() -> None:
    parser = SSEParser()
    assert parser.feed("event: ping\n\n") == []
    assert parser.feed("data: y\n\n") == [SSEEvent("y")]


def test_last_event_without_blank_line_is_flushed_on_close() -> None:
    parser = SSEParser()
    assert parser.feed("data: tail") == []
    assert parser.close() == [SSEEvent("tail")]
