"""Transcribe a turn while the VAD is still waiting out its silence window.

With server VAD a turn ends only after ``silence_duration_ms`` of silence (500 ms by
default), and the transcript used to be started only then. The audio of the turn is
already final once the silence has begun (the turn's audio ends ``TURN_TAIL_MS`` after
the silence starts), so :class:`EarlyTranscripts` starts the STT on exactly that audio
part-way through the window. When the VAD then ends the turn with the same stop point
and the same audio, the running (or finished) transcription is used; when the shopper
speaks again first, it is dropped and the turn is transcribed normally later.

A dropped guess still costs one STT run, so the guess starts no earlier than
``lead_ms`` before the window closes would (a pause of the window's length minus the
lead is needed to start one).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Final

from voicecart.engine.interfaces import SpeechToText
from voicecart.engine.parts import InputAudio

DEFAULT_LEAD_MS: Final = 300.0
MIN_SILENCE_MS: Final = 150.0


@dataclass
class _Guess:
    item_id: str
    stop_ms: int
    audio: bytes
    task: asyncio.Task[str]


class EarlyTranscripts:
    """One session's early transcription (at most one guess at a time)."""

    def __init__(self, lead_ms: float = DEFAULT_LEAD_MS) -> None:
        self.lead_ms = lead_ms
        self._guess: _Guess | None = None
        self.used = 0  # guesses that became the turn's transcript
        self.dropped = 0  # guesses thrown away because the shopper went on speaking

    def consider(
        self,
        item_id: str,
        audio_in: InputAudio,
        stt: SpeechToText | None,
        silence_duration_ms: float,
        language: str | None,
    ) -> None:
        """Called after each append while a turn is open: start, keep or drop a guess."""
        start_after = max(MIN_SILENCE_MS, silence_duration_ms - self.lead_ms)
        if stt is None or start_after >= silence_duration_ms:
            return
        settling = audio_in.settling_turn(start_after)
        guess = self._guess
        if guess is not None:
            if settling is not None and (guess.item_id, guess.stop_ms) == (item_id, settling[0]):
                return  # still the same silence
            self.drop()  # the shopper spoke again: that silence did not end the turn
            self.dropped += 1
        if settling is None:
            return
        stop_ms, audio = settling
        task = asyncio.ensure_future(stt.transcribe(audio, language=language))
        task.add_done_callback(_retrieve)
        self._guess = _Guess(item_id, stop_ms, audio, task)

    def take(self, item_id: str, stop_ms: int, audio: bytes) -> asyncio.Task[str] | None:
        """The guess for the turn the VAD just ended, if it was made on the same audio."""
        guess, self._guess = self._guess, None
        if guess is None:
            return None
        if (guess.item_id, guess.stop_ms) == (item_id, stop_ms) and guess.audio == audio:
            self.used += 1
            return guess.task
        guess.task.cancel()
        self.dropped += 1
        return None

    def drop(self) -> None:
        """Forget the current guess (speech resumed, buffer cleared, session closing)."""
        guess, self._guess = self._guess, None
        if guess is not None:
            guess.task.cancel()


def _retrieve(task: asyncio.Task[str]) -> None:
    """A dropped guess's failure is nobody's business (the turn is transcribed again)."""
    if not task.cancelled():
        task.exception()
