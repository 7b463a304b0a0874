"""Who the presenter is and how it is shown: characters, styles and the video size.

Character and style names follow the seed (``AZURE_VOICE_AVATAR_CHARACTER=lisa``, the
``*-sitting`` style names of Azure's catalogue) so one configuration works against Azure and
locally. Unknown names are refused the way Azure refuses them (``avatar_verification_failed``),
with the valid names in the message.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal

RGB = tuple[int, int, int]


class AvatarError(Exception):
    """A refused avatar request; the engine turns it into an ``error`` event."""

    def __init__(self, code: str, message: str, *, param: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.param = param


@dataclass(frozen=True)
class Character:
    name: str
    skin: RGB
    skin_shade: RGB
    hair: RGB
    hair_cut: Literal["long", "short", "bun"]
    iris: RGB
    lips: RGB
    brows: RGB


@dataclass(frozen=True)
class Style:
    name: str
    backdrop_top: RGB
    backdrop_bottom: RGB
    outfit: RGB
    outfit_trim: RGB
    outfit_cut: Literal["tee", "blazer", "polo"]


@dataclass(frozen=True)
class Look:
    character: Character
    style: Style

    @property
    def key(self) -> str:
        return f"{self.character.name}/{self.style.name}"


CHARACTERS: Final[Mapping[str, Character]] = {
    c.name: c
    for c in (
        Character(
            name="lisa",
            skin=(246, 206, 178),
            skin_shade=(226, 178, 150),
            hair=(122, 72, 40),
            hair_cut="long",
            iris=(70, 120, 90),
            lips=(200, 92, 96),
            brows=(96, 58, 34),
        ),
        Character(
            name="james",
            skin=(196, 142, 104),
            skin_shade=(170, 118, 84),
            hair=(40, 30, 26),
            hair_cut="short",
            iris=(80, 56, 36),
            lips=(160, 88, 78),
            brows=(36, 26, 22),
        ),
        Character(
            name="michelle",
            skin=(128, 86, 62),
            skin_shade=(106, 68, 48),
            hair=(30, 22, 20),
            hair_cut="bun",
            iris=(60, 40, 28),
            lips=(150, 70, 70),
            brows=(26, 18, 16),
        ),
    )
}

STYLES: Final[Mapping[str, Style]] = {
    s.name: s
    for s in (
        Style(
            name="casual-sitting",
            backdrop_top=(214, 234, 248),
            backdrop_bottom=(160, 200, 232),
            outfit=(64, 132, 200),
            outfit_trim=(236, 244, 252),
            outfit_cut="tee",
        ),
        Style(
            name="graceful-sitting",
            backdrop_top=(246, 232, 222),
            backdrop_bottom=(220, 190, 176),
            outfit=(52, 56, 78),
            outfit_trim=(248, 248, 250),
            outfit_cut="blazer",
        ),
        Style(
            name="technical-sitting",
            backdrop_top=(222, 242, 228),
            backdrop_bottom=(170, 214, 186),
            outfit=(40, 150, 110),
            outfit_trim=(250, 210, 80),
            outfit_cut="polo",
        ),
    )
}

DEFAULT_STYLE: Final = "casual-sitting"


def resolve_look(character: str, style: str | None) -> Look:
    """The look for ``character``/``style`` (None = the default style), or ``AvatarError``."""
    found = CHARACTERS.get(character.strip().lower())
    if found is None:
        raise AvatarError(
            "avatar_verification_failed",
            f"Avatar character {character!r} is not available in the local engine; "
            f"choose one of: {', '.join(sorted(CHARACTERS))}.",
            param="session.avatar.character",
        )
    chosen = STYLES.get((style or DEFAULT_STYLE).strip().lower())
    if chosen is None:
        raise AvatarError(
            "avatar_verification_failed",
            f"Avatar style {style!r} is not available for {found.name!r}; "
            f"choose one of: {', '.join(sorted(STYLES))}.",
            param="session.avatar.style",
        )
    return Look(found, chosen)


# ---------------------------------------------------------------------- video


@dataclass(frozen=True)
class VideoSpec:
    """Frame size, frame rate and the bitrate cap of the avatar's video."""

    width: int = 640
    height: int = 360
    fps: int = 25
    bitrate: int | None = None  # bits per second; None = the encoder's own rate control


MIN_SIZE: Final = (160, 120)
MAX_SIZE: Final = (1920, 1080)


def video_spec(video: Any, *, fps: int = 25) -> VideoSpec:
    """``avatar.video`` of the session (``{"resolution": {"width", "height"}, "bitrate"}``)
    → the spec, or ``AvatarError`` naming the bad field. Missing parts take the defaults."""
    if video is None:
        return VideoSpec(fps=fps)
    if not isinstance(video, Mapping):
        raise AvatarError("invalid_value", "must be an object", param="session.avatar.video")
    resolution = video.get("resolution")
    width, height = VideoSpec.width, VideoSpec.height
    if resolution is not None:
        if not isinstance(resolution, Mapping):
            raise AvatarError(
                "invalid_value", "must be an object", param="session.avatar.video.resolution"
            )
        width = _size(resolution.get("width"), "width", MIN_SIZE[0], MAX_SIZE[0])
        height = _size(resolution.get("height"), "height", MIN_SIZE[1], MAX_SIZE[1])
    bitrate = video.get("bitrate")
    if bitrate is not None and (
        isinstance(bitrate, bool) or not isinstance(bitrate, int) or bitrate < 100_000
    ):
        raise AvatarError(
            "invalid_value",
            f"session.avatar.video.bitrate: must be an integer >= 100000 (got {bitrate!r})",
            param="session.avatar.video.bitrate",
        )
    # ``codec`` is not checked: the local engine always negotiates VP8, which every
    # WebRTC browser decodes.
    return VideoSpec(width=width, height=height, fps=fps, bitrate=bitrate)


def _size(value: Any, name: str, low: int, high: int) -> int:
    param = f"session.avatar.video.resolution.{name}"
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise AvatarError(
            "invalid_value",
            f"{param}: must be an integer from {low} to {high} (got {value!r})",
            param=param,
        )
    if value % 2:
        raise AvatarError("invalid_value", f"{param}: must be even (got {value})", param=param)
    return value
