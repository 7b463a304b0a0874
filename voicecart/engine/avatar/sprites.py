"""Pre-rendered pieces of the presenter in YUV 4:2:0, composed into frames by copying.

A ``SpriteSheet`` holds, for one look and frame size: a base frame per breathing offset,
and small patches for the eyes (open / half / closed) and the mouth (a grid of openness ×
width), each drawn for every breathing offset at a fixed box of the frame. A frame is the
base copied plus two patches pasted: a memcpy, so the VP8 encode is the only real work
per frame. The patches are drawn from the whole scene (``drawing.render`` of the box), so
they match the base around them exactly.

Sheets are built off the event loop in two steps: first what the opening frames need
(still breath, open eyes, closed mouth), then the rest; until a patch exists the nearest
one already drawn stands in. Built sheets are cached per process.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Final

import numpy as np
import numpy.typing as npt

from voicecart.engine.avatar import drawing
from voicecart.engine.avatar.drawing import EYE_STATES, Box, EyeState, MouthPose
from voicecart.engine.avatar.looks import Look

Plane = npt.NDArray[np.uint8]
OPEN_LEVELS: Final = 8  # mouth openness 0 … OPEN_LEVELS-1
WIDTHS: Final = (0.65, 0.8, 0.95, 1.1, 1.25)
REST_WIDTH: Final = 2  # index of 0.95 in WIDTHS
CACHE_SIZE: Final = 8


@dataclass(frozen=True)
class Yuv:
    """Planar 4:2:0 pixels: Y (h, w), U and V (h/2, w/2)."""

    y: Plane
    u: Plane
    v: Plane


def to_yuv420(rgb: npt.NDArray[np.uint8]) -> Yuv:
    """BT.601 limited-range conversion (what VP8 decoders assume); chroma = 2×2 means."""
    f = rgb.astype(np.float32)
    r, g, b = f[..., 0], f[..., 1], f[..., 2]
    y = 16.0 + (65.481 * r + 128.553 * g + 24.966 * b) / 255.0
    h, w = rgb.shape[0] // 2 * 2, rgb.shape[1] // 2 * 2
    q = f[:h, :w].reshape(h // 2, 2, w // 2, 2, 3).mean(axis=(1, 3))
    qr, qg, qb = q[..., 0], q[..., 1], q[..., 2]
    u = 128.0 + (-37.797 * qr - 74.203 * qg + 112.0 * qb) / 255.0
    v = 128.0 + (112.0 * qr - 93.786 * qg - 18.214 * qb) / 255.0

    def plane(a: npt.NDArray[np.float32]) -> Plane:
        return np.clip(np.rint(a), 0, 255).astype(np.uint8)

    return Yuv(plane(y), plane(u), plane(v))


def breath_offsets(height: int) -> tuple[int, ...]:
    """The figure's vertical offsets (even pixels, so chroma rows line up): 2 px per 360."""
    amplitude = max(2, round(height / 360 * 2) // 2 * 2)
    return tuple(range(0, amplitude + 1, 2))


def mouth_key(pose: MouthPose) -> tuple[int, int]:
    """The grid cell nearest to ``pose``."""
    level = round(max(0.0, min(1.0, pose.open)) * (OPEN_LEVELS - 1))
    width = min(range(len(WIDTHS)), key=lambda i: abs(WIDTHS[i] - pose.width))
    return level, width


def _even_box(size: tuple[int, int], x0: float, y0: float, x1: float, y1: float) -> Box:
    """Design-unit rectangle → an even-aligned pixel box inside the frame."""
    w, h = size

    def px(x: float) -> int:
        return int(x * h + w / 2)

    left, top = max(0, px(x0) // 2 * 2), max(0, int(y0 * h) // 2 * 2)
    right, bottom = min(w, (px(x1) + 2) // 2 * 2), min(h, (int(y1 * h) + 2) // 2 * 2)
    return left, top, right, bottom


@dataclass
class SpriteSheet:
    look: Look
    size: tuple[int, int]
    offsets: tuple[int, ...] = ()
    eye_box: Box = (0, 0, 0, 0)
    mouth_box: Box = (0, 0, 0, 0)
    bases: dict[int, Yuv] = field(default_factory=dict)
    eyes: dict[tuple[int, EyeState], Yuv] = field(default_factory=dict)
    mouths: dict[tuple[int, int, int], Yuv] = field(default_factory=dict)
    first: threading.Event = field(default_factory=threading.Event)  # build_first done
    complete: threading.Event = field(default_factory=threading.Event)  # build_rest done

    def __post_init__(self) -> None:
        h = self.size[1]
        self.offsets = breath_offsets(h)
        lift = max(self.offsets) / h
        (lx, ey), (rx, _) = drawing.EYE_CENTERS
        ex, eh = drawing.EYE_RADII
        self.eye_box = _even_box(
            self.size, lx - ex - 0.012, ey - eh - 0.012, rx + ex + 0.012, ey + eh + 0.01 + lift
        )
        mx, my = drawing.MOUTH_CENTER
        half = drawing.MOUTH_HALF_WIDTH * max(WIDTHS) + 0.012
        self.mouth_box = _even_box(
            self.size,
            mx - half,
            my - drawing.MOUTH_MAX_OPEN / 2 - 0.016,
            mx + half,
            my + drawing.MOUTH_MAX_OPEN / 2 + 0.012 + lift,
        )

    # -- building (runs in a worker thread)

    def build_first(self) -> None:
        """What the first frames need: still breath, open eyes, lips together."""
        self._base(0)
        self._eye(0, "open")
        self._mouth(0, 0, REST_WIDTH)
        self.first.set()

    def build_rest(self) -> None:
        for dy in self.offsets:
            self._base(dy)
            for state in EYE_STATES:
                self._eye(dy, state)
            for level in range(OPEN_LEVELS):
                for width in range(len(WIDTHS)):
                    self._mouth(dy, level, width)
        self.complete.set()

    def _base(self, dy: int) -> None:
        if dy not in self.bases:
            self.bases[dy] = to_yuv420(drawing.render(self.look, self.size, dy=dy))

    def _eye(self, dy: int, state: EyeState) -> None:
        if (dy, state) not in self.eyes:
            pixels = drawing.render(self.look, self.size, self.eye_box, dy=dy, eyes=state)
            self.eyes[(dy, state)] = to_yuv420(pixels)

    def _mouth(self, dy: int, level: int, width: int) -> None:
        key = (dy, level, width)
        if key not in self.mouths:
            pose = MouthPose(open=level / (OPEN_LEVELS - 1), width=WIDTHS[width])
            pixels = drawing.render(self.look, self.size, self.mouth_box, dy=dy, mouth=pose)
            self.mouths[key] = to_yuv420(pixels)

    # -- composing (any thread; reads only)

    def compose(self, dy: int, eyes: EyeState, mouth: tuple[int, int]) -> npt.NDArray[np.uint8]:
        """One frame as the (h*3/2, w) yuv420p array ``av.VideoFrame.from_ndarray`` takes."""
        w, h = self.size
        if dy not in self.bases:
            dy = 0
        out = np.empty(w * h * 3 // 2, dtype=np.uint8)
        y = out[: w * h].reshape(h, w)
        u = out[w * h : w * h * 5 // 4].reshape(h // 2, w // 2)
        v = out[w * h * 5 // 4 :].reshape(h // 2, w // 2)
        base = self.bases[dy]
        y[:], u[:], v[:] = base.y, base.u, base.v
        eye = self.eyes.get((dy, eyes)) or self.eyes[(0, "open")]
        _paste(y, u, v, self.eye_box, eye)
        patch = self.mouths.get((dy, *mouth)) or self.mouths[(0, 0, REST_WIDTH)]
        _paste(y, u, v, self.mouth_box, patch)
        return out.reshape(h * 3 // 2, w)


def _paste(y: Plane, u: Plane, v: Plane, box: Box, patch: Yuv) -> None:
    x0, y0, x1, y1 = box
    y[y0:y1, x0:x1] = patch.y
    u[y0 // 2 : y1 // 2, x0 // 2 : x1 // 2] = patch.u
    v[y0 // 2 : y1 // 2, x0 // 2 : x1 // 2] = patch.v


class SpriteCache:
    """Process-wide sheets by (look, size), least recently used dropped past ``capacity``."""

    def __init__(self, capacity: int = CACHE_SIZE) -> None:
        self.capacity = capacity
        self._sheets: OrderedDict[tuple[str, int, int], SpriteSheet] = OrderedDict()
        self._lock = threading.Lock()

    def sheet(self, look: Look, size: tuple[int, int]) -> tuple[SpriteSheet, bool]:
        """The sheet for ``look`` at ``size``, and True when it is new: the caller then
        builds it (``build_first`` then ``build_rest``, off the event loop); others wait on
        ``sheet.first``."""
        key = (look.key, *size)
        with self._lock:
            found = self._sheets.get(key)
            if found is not None:
                self._sheets.move_to_end(key)
                return found, False
            sheet = SpriteSheet(look, size)
            self._sheets[key] = sheet
            while len(self._sheets) > self.capacity:
                self._sheets.popitem(last=False)
            return sheet, True
