"""Idle life: when the presenter blinks and how far the breath lifts the figure.

Pure functions of time (seconds on the avatar clock) plus a seeded schedule, so frames can
be dropped or rendered out of order without changing what any moment looks like.
"""

from __future__ import annotations

import bisect
import math
import random
from typing import Final

from voicecart.engine.avatar.drawing import EyeState

BREATH_PERIOD_S: Final = 4.2
BLINK_GAP_S: Final = (2.2, 5.5)
# (seconds into a blink, eye state from then on)
BLINK_SHAPE: Final[tuple[tuple[float, EyeState], ...]] = (
    (0.0, "half"),
    (0.04, "closed"),
    (0.12, "half"),
    (0.16, "open"),
)


class IdleLife:
    """Blinks at random 2.2–5.5 s gaps, breathing on a 4.2 s cycle."""

    def __init__(self, offsets: tuple[int, ...], *, seed: int | None = None) -> None:
        self.offsets = offsets
        self._rng = random.Random(seed)
        self._blinks: list[float] = [self._rng.uniform(0.8, BLINK_GAP_S[1])]

    def _blink_starts_until(self, t: float) -> None:
        while self._blinks[-1] <= t:
            self._blinks.append(self._blinks[-1] + self._rng.uniform(*BLINK_GAP_S))
            if len(self._blinks) > 64:
                del self._blinks[:32]

    def eyes(self, t: float) -> EyeState:
        self._blink_starts_until(t)
        i = bisect.bisect_right(self._blinks, t) - 1
        if i < 0:
            return "open"
        into = t - self._blinks[i]
        state: EyeState = "open"
        for at, shape in BLINK_SHAPE:
            if into >= at:
                state = shape
        return state

    def breath(self, t: float) -> int:
        """The figure's lift in pixels (one of ``offsets``)."""
        phase = 0.5 - 0.5 * math.cos(2 * math.pi * t / BREATH_PERIOD_S)
        return self.offsets[round(phase * (len(self.offsets) - 1))]
