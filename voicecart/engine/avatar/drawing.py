"""Drawing the presenter with Pillow: a friendly flat 2D figure at a desk.

Geometry is in *design units*: 1.0 is the frame height, x is measured from the frame's
centre, so any aspect ratio frames the figure the same way. :func:`render` draws any
rectangle of the frame (the whole frame for the base picture, a small box for an eye or
mouth sprite) with 2× supersampling; because every sprite is drawn from the same scene,
it matches the base picture around it exactly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final, Literal

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageDraw

from voicecart.engine.avatar.looks import RGB, Look

EyeState = Literal["open", "half", "closed"]
EYE_STATES: Final[tuple[EyeState, ...]] = ("open", "half", "closed")
SUPERSAMPLE: Final = 2

# Where the features sit (design units); sprites.py cuts its boxes around these.
HEAD_CENTER: Final = (0.0, 0.44)
HEAD_RADII: Final = (0.155, 0.19)
EYE_CENTERS: Final = ((-0.058, 0.432), (0.058, 0.432))
EYE_RADII: Final = (0.030, 0.021)
MOUTH_CENTER: Final = (0.0, 0.548)
MOUTH_HALF_WIDTH: Final = 0.046
MOUTH_MAX_OPEN: Final = 0.058
DESK_TOP: Final = 0.925

Pixels = npt.NDArray[np.uint8]


@dataclass(frozen=True)
class MouthPose:
    """``open`` 0 (lips together) … 1 (wide open); ``width`` 0.6 (rounded) … 1.25 (spread)."""

    open: float = 0.0
    width: float = 1.0


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


class _Pen:
    """Maps design units to the pixels of one supersampled box of the frame."""

    def __init__(self, draw: ImageDraw.ImageDraw, frame: tuple[int, int], box: Box, dy: int):
        self.d = draw
        self.w, self.h = frame
        self.x0, self.y0 = box[0], box[1]
        self.dy = dy  # breathing offset in frame pixels (the figure only)

    def xy(self, x: float, y: float, *, still: bool = False) -> tuple[float, float]:
        px = (x * self.h + self.w / 2 - self.x0) * SUPERSAMPLE
        py = (y * self.h + (0 if still else self.dy) - self.y0) * SUPERSAMPLE
        return px, py

    def n(self, length: float) -> float:
        return length * self.h * SUPERSAMPLE

    def bbox(
        self, cx: float, cy: float, rx: float, ry: float, *, still: bool = False
    ) -> tuple[float, float, float, float]:
        x, y = self.xy(cx, cy, still=still)
        return x - self.n(rx), y - self.n(ry), x + self.n(rx), y + self.n(ry)

    def ellipse(self, cx: float, cy: float, rx: float, ry: float, fill: RGB, **kw: bool) -> None:
        self.d.ellipse(self.bbox(cx, cy, rx, ry, **kw), fill=fill)

    def polygon(self, points: list[tuple[float, float]], fill: RGB) -> None:
        self.d.polygon([self.xy(x, y) for x, y in points], fill=fill)

    def chord(
        self, cx: float, cy: float, rx: float, ry: float, start: float, end: float, fill: RGB
    ) -> None:
        """The part of an ellipse cut off by the line from angle ``start`` to ``end`` (degrees
        clockwise from 3 o'clock, as Pillow counts), drawn as a polygon."""
        steps = max(8, int(abs(end - start) / 4))
        angles = np.radians(np.linspace(start, end, steps + 1))
        points = [self.xy(cx + rx * math.cos(a), cy + ry * math.sin(a)) for a in angles]
        self.d.polygon(points, fill=fill)

    def arc(
        self,
        cx: float,
        cy: float,
        rx: float,
        ry: float,
        start: float,
        end: float,
        fill: RGB,
        width: float,
    ) -> None:
        self.d.arc(
            self.bbox(cx, cy, rx, ry), start, end, fill=fill, width=max(1, round(self.n(width)))
        )

    def rect(self, x0: float, y0: float, x1: float, y1: float, fill: RGB, **kw: bool) -> None:
        (ax, ay), (bx, by) = self.xy(x0, y0, **kw), self.xy(x1, y1, **kw)
        self.d.rectangle((min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)), fill=fill)


Box = tuple[int, int, int, int]  # x0, y0, x1, y1 in frame pixels (x1, y1 exclusive)


def render(
    look: Look,
    size: tuple[int, int],
    box: Box | None = None,
    *,
    dy: int = 0,
    eyes: EyeState = "open",
    mouth: MouthPose = MouthPose(),
) -> Pixels:
    """RGB pixels (rows, cols, 3) of ``box`` of a ``size`` frame showing ``look``."""
    width, height = size
    box = box or (0, 0, width, height)
    bw, bh = (box[2] - box[0]) * SUPERSAMPLE, (box[3] - box[1]) * SUPERSAMPLE
    image = Image.fromarray(_backdrop(look, size, box), "RGB")
    pen = _Pen(ImageDraw.Draw(image), size, box, dy)
    _decor(pen, look)
    _figure(pen, look, eyes, mouth)
    _desk(pen, look, width / height)
    assert image.size == (bw, bh)
    return np.asarray(image.reduce(SUPERSAMPLE), dtype=np.uint8)


def _backdrop(look: Look, size: tuple[int, int], box: Box) -> Pixels:
    height = size[1]
    rows = (box[1] + (np.arange((box[3] - box[1]) * SUPERSAMPLE) + 0.5) / SUPERSAMPLE) / height
    t = np.clip(rows, 0.0, 1.0)[:, None]
    top = np.array(look.style.backdrop_top, dtype=np.float64)
    bottom = np.array(look.style.backdrop_bottom, dtype=np.float64)
    column = np.rint(top + (bottom - top) * t).astype(np.uint8)  # (rows, 3)
    cols = (box[2] - box[0]) * SUPERSAMPLE
    return np.ascontiguousarray(np.broadcast_to(column[:, None, :], (column.shape[0], cols, 3)))


def _decor(pen: _Pen, look: Look) -> None:
    """Soft shapes behind the figure: a hint of a bright shop."""
    glow = _mix(look.style.backdrop_top, (255, 255, 255), 0.45)
    for cx, cy, r in ((-0.62, 0.22, 0.11), (0.58, 0.16, 0.08), (0.70, 0.52, 0.13)):
        pen.ellipse(cx, cy, r, r, glow, still=True)
    shelf = _mix(look.style.backdrop_bottom, (90, 90, 110), 0.25)
    pen.rect(-0.95, 0.70, -0.42, 0.715, shelf, still=True)
    pen.rect(0.42, 0.34, 0.95, 0.355, shelf, still=True)


def _figure(pen: _Pen, look: Look, eyes: EyeState, mouth: MouthPose) -> None:
    c, s = look.character, look.style
    hx, hy = HEAD_CENTER
    rx, ry = HEAD_RADII
    if c.hair_cut == "long":  # the hair behind the shoulders
        pen.ellipse(hx, hy + 0.05, rx + 0.05, ry + 0.11, c.hair)
        pen.rect(hx - rx - 0.05, hy + 0.05, hx + rx + 0.05, hy + 0.30, c.hair)
    _torso(pen, look)
    pen.rect(-0.048, hy + 0.12, 0.048, 0.772, c.skin_shade)  # neck
    for side in (-1, 1):  # ears
        pen.ellipse(side * (rx - 0.004), hy + 0.012, 0.022, 0.034, c.skin_shade)
        pen.ellipse(side * (rx - 0.002), hy + 0.012, 0.014, 0.024, c.skin)
    pen.ellipse(hx, hy, rx, ry, c.skin)
    _hair(pen, look)
    blush = _mix(c.skin, (240, 120, 130), 0.22)
    for side in (-1, 1):
        pen.ellipse(side * 0.088, 0.505, 0.026, 0.016, blush)
        pen.polygon(  # eyebrows
            [
                (side * 0.030, 0.392),
                (side * 0.060, 0.382),
                (side * 0.090, 0.390),
                (side * 0.088, 0.397),
                (side * 0.060, 0.390),
                (side * 0.031, 0.399),
            ],
            c.brows,
        )
    for cx, cy in EYE_CENTERS:
        _eye(pen, look, cx, cy, eyes)
    pen.arc(0.0, 0.488, 0.014, 0.012, 20, 160, c.skin_shade, 0.005)  # nose
    _mouth(pen, look, mouth)
    del s


def _torso(pen: _Pen, look: Look) -> None:
    c, s = look.character, look.style
    pen.ellipse(0.0, 1.07, 0.34, 0.31, s.outfit)
    if s.outfit_cut == "tee":
        pen.ellipse(0.0, 0.772, 0.072, 0.036, s.outfit_trim)
        pen.ellipse(0.0, 0.768, 0.058, 0.028, c.skin_shade)
    elif s.outfit_cut == "blazer":
        pen.polygon([(-0.075, 0.762), (0.075, 0.762), (0.0, 0.90)], s.outfit_trim)
        pen.polygon([(-0.048, 0.762), (0.048, 0.762), (0.0, 0.815)], c.skin_shade)
        lapel = _mix(s.outfit, (0, 0, 0), 0.25)
        for side in (-1, 1):
            pen.polygon([(side * 0.075, 0.762), (side * 0.012, 0.90), (side * 0.11, 0.84)], lapel)
    else:  # polo: collar flaps and a name badge
        pen.polygon([(-0.05, 0.762), (0.05, 0.762), (0.0, 0.835)], c.skin_shade)
        for side in (-1, 1):
            pen.polygon(
                [(side * 0.05, 0.755), (side * 0.008, 0.835), (side * 0.10, 0.80)], s.outfit_trim
            )
        pen.rect(0.12, 0.86, 0.21, 0.90, s.outfit_trim)
        pen.rect(0.13, 0.875, 0.20, 0.882, _mix(s.outfit_trim, (0, 0, 0), 0.5))


def _hair(pen: _Pen, look: Look) -> None:
    c = look.character
    hx, hy = HEAD_CENTER
    rx, ry = HEAD_RADII
    if c.hair_cut == "bun":
        pen.ellipse(hx, hy - ry - 0.03, 0.065, 0.055, c.hair)
    if c.hair_cut == "long":
        pen.chord(hx, hy - 0.008, rx + 0.018, ry + 0.02, 201, 339, c.hair)
        pen.polygon(  # a side-swept fringe
            [(-rx - 0.01, hy - 0.04), (-0.02, hy - ry + 0.02), (0.09, hy - 0.07), (0.0, hy - 0.1)],
            c.hair,
        )
        for side in (-1, 1):
            pen.rect(side * (rx + 0.018), hy - 0.09, side * (rx - 0.02), hy + 0.16, c.hair)
    elif c.hair_cut == "short":
        pen.chord(hx, hy - 0.012, rx + 0.012, ry + 0.014, 200, 340, c.hair)
        for side in (-1, 1):
            pen.rect(side * (rx + 0.004), hy - 0.095, side * (rx - 0.012), hy + 0.0, c.hair)
    else:
        pen.chord(hx, hy - 0.008, rx + 0.008, ry + 0.01, 203, 337, c.hair)


def _eye(pen: _Pen, look: Look, cx: float, cy: float, state: EyeState) -> None:
    c = look.character
    ex, ey = EYE_RADII
    lash = _mix(c.brows, (0, 0, 0), 0.4)
    if state == "closed":
        pen.arc(cx, cy - 0.006, ex, ey * 0.8, 20, 160, lash, 0.0045)
        return
    pen.ellipse(cx, cy, ex, ey, (252, 252, 250))
    pen.ellipse(cx, cy + 0.002, 0.0145, 0.0145, c.iris)
    pen.ellipse(cx, cy + 0.002, 0.0075, 0.0075, (24, 20, 24))
    pen.ellipse(cx + 0.005, cy - 0.004, 0.0035, 0.0035, (255, 255, 255))
    if state == "half":
        pen.chord(cx, cy, ex + 0.002, ey + 0.002, 180, 360, c.skin)
        pen.rect(cx - ex, cy - 0.002, cx + ex, cy + 0.002, lash)
    else:
        pen.arc(cx, cy, ex, ey, 195, 345, lash, 0.004)


def _mouth(pen: _Pen, look: Look, pose: MouthPose) -> None:
    c = look.character
    mx, my = MOUTH_CENTER
    half = MOUTH_HALF_WIDTH * pose.width
    opening = MOUTH_MAX_OPEN * max(0.0, min(1.0, pose.open))
    lip = 0.0075
    if opening < 0.004:  # lips together: a small smile
        pen.arc(mx, my - 0.012, half, 0.016, 25, 155, c.lips, 0.0075)
        return
    pen.ellipse(mx, my, half + lip * 0.6, opening / 2 + lip, c.lips)
    inner_rx, inner_ry = half * 0.86, opening / 2
    pen.ellipse(mx, my, inner_rx, inner_ry, (92, 30, 40))
    if pose.open > 0.18:  # upper teeth
        theta = math.degrees(math.asin(0.62))
        pen.chord(mx, my, inner_rx, inner_ry, 180 + theta, 360 - theta, (250, 250, 246))
    if pose.open > 0.4:  # tongue
        theta = math.degrees(math.asin(0.55))
        pen.chord(mx, my, inner_rx * 0.9, inner_ry, theta, 180 - theta, (214, 104, 112))


def _desk(pen: _Pen, look: Look, aspect: float) -> None:
    half = aspect / 2 + 0.01
    wood = (150, 108, 76)
    pen.rect(-half, DESK_TOP, half, 1.01, wood, still=True)
    pen.rect(-half, DESK_TOP, half, DESK_TOP + 0.012, _mix(wood, (255, 255, 255), 0.3), still=True)
    pen.rect(-0.30, DESK_TOP + 0.03, 0.30, DESK_TOP + 0.04, look.style.outfit, still=True)
