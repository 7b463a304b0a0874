"""The assistant's speech on the avatar's media clock: audio, mouth shapes and loudness.

Positions are 48 kHz sample indices on the one clock both tracks share: the audio track
plays position ``p`` at ``p / 48000`` seconds after the clock started, and the video frame
for that moment shows the mouth for the same position, so the browser's A/V sync applies.

Speech is written at the end of what is queued (or at the play head when nothing is),
with its visemes placed at their audio offsets. When a chunk has no visemes the amplitude
envelope stands in (``visemes.envelope_visemes``). The mouth at a position blends from the
previous viseme's shape to the current one over ``BLEND_MS`` and its opening is multiplied
by the loudness there (fast attack, slow release), so silence always rests the mouth.
``clear`` (barge-in) drops everything not yet played: mouth and audio stop together.
"""

from __future__ import annotations

import bisect
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt

from voicecart.engine.audio import resample_array
from voicecart.engine.avatar.drawing import MouthPose
from voicecart.engine.interfaces import Viseme
from voicecart.engine.visemes import envelope_visemes

RATE: Final = 48_000
BLOCK: Final = RATE // 100  # loudness is kept per 10 ms
BLEND_MS: Final = 40
HISTORY: Final = RATE  # keep 1 s behind the play head for late video frames
QUIET_DBFS: Final = -45.0  # loudness 0 at or below
LOUD_DBFS: Final = -18.0  # loudness 1 at or above
RELEASE: Final = 0.72  # per 10 ms block when the level falls

Samples = npt.NDArray[np.int16]

# Azure viseme id -> (openness, width); see visemes.py for the phonemes of each id.
VISEME_POSES: Final[dict[int, MouthPose]] = {
    0: MouthPose(0.0, 0.95),
    1: MouthPose(0.55, 1.05),
    2: MouthPose(0.9, 1.0),
    3: MouthPose(0.65, 0.8),
    4: MouthPose(0.5, 1.1),
    5: MouthPose(0.35, 0.85),
    6: MouthPose(0.28, 1.2),
    7: MouthPose(0.22, 0.65),
    8: MouthPose(0.5, 0.7),
    9: MouthPose(0.75, 0.9),
    10: MouthPose(0.6, 0.8),
    11: MouthPose(0.75, 1.05),
    12: MouthPose(0.45, 1.0),
    13: MouthPose(0.3, 0.8),
    14: MouthPose(0.38, 1.0),
    15: MouthPose(0.14, 1.15),
    16: MouthPose(0.2, 0.8),
    17: MouthPose(0.16, 1.05),
    18: MouthPose(0.1, 1.05),
    19: MouthPose(0.22, 1.05),
    20: MouthPose(0.32, 1.0),
    21: MouthPose(0.0, 0.95),
}
REST: Final = VISEME_POSES[0]


@dataclass(frozen=True)
class Prepared:
    """A chunk of speech ready for the timeline (made off the event loop)."""

    samples: Samples  # 48 kHz mono
    visemes: tuple[tuple[int, int], ...]  # (sample offset, viseme id)
    loudness: npt.NDArray[np.float32]  # 0..1 per BLOCK


def loudness(samples: Samples) -> npt.NDArray[np.float32]:
    """Per-10-ms loudness 0..1 from the RMS level, fast attack and slow release."""
    n = -(-samples.size // BLOCK)
    padded = np.zeros(n * BLOCK, dtype=np.float64)
    padded[: samples.size] = samples
    rms = np.sqrt(np.mean(padded.reshape(n, BLOCK) ** 2, axis=1))
    db = 20.0 * np.log10(np.maximum(rms, 1e-6) / 32768.0)
    level = np.clip((db - QUIET_DBFS) / (LOUD_DBFS - QUIET_DBFS), 0.0, 1.0)
    out = np.empty(n, dtype=np.float32)
    held = 0.0
    for i, value in enumerate(level):
        held = float(value) if value >= held else max(float(value), held * RELEASE)
        out[i] = held
    return out


def prepare(pcm16: bytes, rate: int, visemes: Sequence[Viseme]) -> Prepared:
    """Resample to 48 kHz, place the visemes (or derive them from the envelope), measure."""
    samples: Samples = np.frombuffer(pcm16, dtype="<i2").astype(np.int16)
    if rate != RATE and samples.size:
        samples = resample_array(samples, rate, RATE)
    marks = list(visemes) or envelope_visemes(pcm16, rate)
    placed = tuple((v.offset_ms * RATE // 1000, v.viseme_id) for v in marks)
    return Prepared(samples=samples, visemes=placed, loudness=loudness(samples))


@dataclass
class _Segment:
    start: int
    samples: Samples
    loudness: npt.NDArray[np.float32]

    @property
    def end(self) -> int:
        return self.start + self.samples.size


class SpeechTimeline:
    """Queued speech by clock position; one per avatar connection (event-loop only)."""

    def __init__(self) -> None:
        self.read_pos = 0  # the next position the audio track plays
        self.end = 0  # where queued speech ends
        self._segments: deque[_Segment] = deque()
        self._marks: list[int] = []  # viseme positions, ascending
        self._ids: list[int] = []

    def write(self, chunk: Prepared) -> int:
        """Queue ``chunk`` after what is queued; returns its start position."""
        start = max(self.end, self.read_pos)
        if chunk.samples.size:
            self._segments.append(_Segment(start, chunk.samples, chunk.loudness))
            self.end = start + chunk.samples.size
        for offset, viseme_id in chunk.visemes:
            self._mark(start + offset, viseme_id)
        self._mark(self.end, 0)
        return start

    def _mark(self, pos: int, viseme_id: int) -> None:
        if self._marks and pos <= self._marks[-1]:
            # A later chunk overrides what an earlier one said from here on.
            cut = bisect.bisect_left(self._marks, pos)
            del self._marks[cut:], self._ids[cut:]
        self._marks.append(pos)
        self._ids.append(viseme_id)

    @property
    def pending(self) -> int:
        """Samples queued and not yet played."""
        return max(0, self.end - self.read_pos)

    def read(self, pos: int, n: int) -> Samples:
        """The audio for positions ``[pos, pos + n)`` (silence where nothing is queued)."""
        out = np.zeros(n, dtype=np.int16)
        for seg in self._segments:
            lo, hi = max(pos, seg.start), min(pos + n, seg.end)
            if lo < hi:
                out[lo - pos : hi - pos] = seg.samples[lo - seg.start : hi - seg.start]
        self.read_pos = max(self.read_pos, pos + n)
        self._forget(self.read_pos - HISTORY)
        return out

    def clear(self) -> None:
        """Barge-in: drop all speech from the play head on."""
        head = self.read_pos
        kept: deque[_Segment] = deque()
        for seg in self._segments:
            if seg.start >= head:
                continue
            if seg.end > head:
                size = head - seg.start
                seg = _Segment(seg.start, seg.samples[:size], seg.loudness[: -(-size // BLOCK)])
            kept.append(seg)
        self._segments = kept
        cut = bisect.bisect_left(self._marks, head)
        del self._marks[cut:], self._ids[cut:]
        self._mark(head, 0)
        self.end = head

    def _forget(self, before: int) -> None:
        while self._segments and self._segments[0].end < before:
            self._segments.popleft()
        cut = bisect.bisect_right(self._marks, before) - 1
        if cut > 0:
            del self._marks[:cut], self._ids[:cut]

    def level(self, pos: int) -> float:
        for seg in self._segments:
            if seg.start <= pos < seg.end:
                return float(seg.loudness[(pos - seg.start) // BLOCK])
        return 0.0

    def mouth(self, pos: int) -> MouthPose:
        """The mouth at ``pos``: blended viseme shape, opening scaled by loudness."""
        i = bisect.bisect_right(self._marks, pos) - 1
        if i < 0:
            return REST
        current = VISEME_POSES.get(self._ids[i], REST)
        before = VISEME_POSES.get(self._ids[i - 1], REST) if i > 0 else REST
        t = min(1.0, (pos - self._marks[i]) / (BLEND_MS * RATE / 1000))
        loud = self.level(pos)
        return MouthPose(
            open=(before.open + (current.open - before.open) * t) * loud,
            width=before.width + (current.width - before.width) * t,
        )
