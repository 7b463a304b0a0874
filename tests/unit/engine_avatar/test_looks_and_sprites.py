"""Characters, styles and video sizes; the pre-rendered sprites and frame composition."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from voicecart.engine.avatar.drawing import MouthPose
from voicecart.engine.avatar.looks import (
    CHARACTERS,
    STYLES,
    AvatarError,
    VideoSpec,
    resolve_look,
    video_spec,
)
from voicecart.engine.avatar.presenter import IdleLife
from voicecart.engine.avatar.sprites import (
    OPEN_LEVELS,
    REST_WIDTH,
    SpriteCache,
    SpriteSheet,
    breath_offsets,
    mouth_key,
    to_yuv420,
)

pytestmark = pytest.mark.unit


def test_at_least_two_characters_and_styles_resolve() -> None:
    assert len(CHARACTERS) >= 2 and len(STYLES) >= 2
    look = resolve_look("LISA", None)
    assert look.character.name == "lisa" and look.style.name == "casual-sitting"
    assert resolve_look("james", "graceful-sitting").key == "james/graceful-sitting"


@pytest.mark.parametrize(
    ("character", "style", "param", "listed"),
    [
        ("bob", None, "session.avatar.character", "james, lisa, michelle"),
        ("lisa", "disco", "session.avatar.style", "casual-sitting, graceful-sitting"),
    ],
)
def test_unknown_names_are_refused_listing_the_valid_ones(
    character: str, style: str | None, param: str, listed: str
) -> None:
    with pytest.raises(AvatarError) as info:
        resolve_look(character, style)
    assert info.value.code == "avatar_verification_failed"
    assert info.value.param == param
    assert listed in info.value.message


def test_video_defaults_to_360p_and_takes_720p_on_request() -> None:
    assert video_spec(None) == VideoSpec(640, 360, 25, None)
    asked = video_spec({"resolution": {"width": 1280, "height": 720}, "bitrate": 2_000_000})
    assert (asked.width, asked.height, asked.bitrate) == (1280, 720, 2_000_000)


@pytest.mark.parametrize(
    ("video", "param"),
    [
        ({"resolution": {"width": 641, "height": 360}}, "session.avatar.video.resolution.width"),
        ({"resolution": {"width": 640, "height": 4000}}, "session.avatar.video.resolution.height"),
        ({"resolution": {"width": True, "height": 360}}, "session.avatar.video.resolution.width"),
        ({"resolution": "hd"}, "session.avatar.video.resolution"),
        ({"bitrate": 10}, "session.avatar.video.bitrate"),
        ("big", "session.avatar.video"),
    ],
)
def test_bad_video_settings_name_the_field(video: Any, param: str) -> None:
    with pytest.raises(AvatarError) as info:
        video_spec(video)
    assert info.value.param == param and info.value.code == "invalid_value"


@pytest.fixture(scope="module")
def sheet() -> SpriteSheet:
    built = SpriteSheet(resolve_look("lisa", None), (640, 360))
    built.build_first()
    assert built.first.is_set() and not built.complete.is_set()
    built.build_rest()
    assert built.complete.is_set()
    return built


def _luma(frame: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    return frame[: size[1]]


def _outside(a: np.ndarray, b: np.ndarray, box: tuple[int, int, int, int]) -> int:
    """Pixels that differ outside ``box``."""
    diff = a != b
    x0, y0, x1, y1 = box
    diff[y0:y1, x0:x1] = False
    return int(np.count_nonzero(diff))


def test_frames_are_yuv420_of_the_asked_size(sheet: SpriteSheet) -> None:
    frame = sheet.compose(0, "open", (0, REST_WIDTH))
    assert frame.shape == (540, 640) and frame.dtype == np.uint8


def test_the_mouth_changes_only_inside_its_box(sheet: SpriteSheet) -> None:
    rest = _luma(sheet.compose(0, "open", (0, REST_WIDTH)), sheet.size)
    wide = _luma(sheet.compose(0, "open", (OPEN_LEVELS - 1, REST_WIDTH)), sheet.size)
    x0, y0, x1, y1 = sheet.mouth_box
    assert np.count_nonzero(wide[y0:y1, x0:x1] < 85) > 100  # the open mouth's dark inside
    assert np.count_nonzero(rest[y0:y1, x0:x1] < 85) == 0
    assert _outside(rest, wide, sheet.mouth_box) == 0


def test_blinks_change_only_the_eyes(sheet: SpriteSheet) -> None:
    open_ = _luma(sheet.compose(0, "open", (0, REST_WIDTH)), sheet.size)
    shut = _luma(sheet.compose(0, "closed", (0, REST_WIDTH)), sheet.size)
    x0, y0, x1, y1 = sheet.eye_box
    assert np.count_nonzero(open_[y0:y1, x0:x1] != shut[y0:y1, x0:x1]) > 50
    assert _outside(open_, shut, sheet.eye_box) == 0


def test_breathing_lifts_the_figure_not_the_backdrop(sheet: SpriteSheet) -> None:
    low, high = sheet.offsets[0], sheet.offsets[-1]
    a = _luma(sheet.compose(low, "open", (0, REST_WIDTH)), sheet.size)
    b = _luma(sheet.compose(high, "open", (0, REST_WIDTH)), sheet.size)
    assert np.count_nonzero(a != b) > 0
    assert np.array_equal(a[:, :100], b[:, :100])  # the left edge is backdrop only


def test_missing_patches_fall_back_to_the_resting_ones() -> None:
    partial = SpriteSheet(resolve_look("james", "technical-sitting"), (320, 180))
    partial.build_first()
    frame = partial.compose(2, "closed", (5, 0))  # not drawn yet
    assert np.array_equal(frame, partial.compose(0, "open", (0, REST_WIDTH)))


def test_mouth_keys_and_breath_offsets() -> None:
    assert mouth_key(MouthPose(0.0, 0.95)) == (0, REST_WIDTH)
    assert mouth_key(MouthPose(1.0, 1.3)) == (OPEN_LEVELS - 1, 4)
    assert breath_offsets(360) == (0, 2) and breath_offsets(720) == (0, 2, 4)


def test_yuv_conversion_of_known_colours() -> None:
    pixels = np.zeros((2, 4, 3), dtype=np.uint8)
    pixels[:, 2:] = 255
    yuv = to_yuv420(pixels)
    assert yuv.y.tolist() == [[16, 16, 235, 235], [16, 16, 235, 235]]
    assert yuv.u.tolist() == [[128, 128]] and yuv.v.tolist() == [[128, 128]]


def test_the_cache_builds_each_look_and_size_once() -> None:
    cache = SpriteCache(capacity=2)
    look = resolve_look("lisa", None)
    first, new = cache.sheet(look, (320, 180))
    again, new_again = cache.sheet(look, (320, 180))
    assert new and not new_again and first is again
    cache.sheet(resolve_look("james", None), (320, 180))
    cache.sheet(resolve_look("michelle", None), (320, 180))
    assert cache.sheet(look, (320, 180))[1]  # evicted past capacity, built anew


def test_idle_life_blinks_and_breathes() -> None:
    life = IdleLife((0, 2), seed=7)
    states = [life.eyes(t / 100) for t in range(1200)]  # 12 s every 10 ms
    assert states.count("closed") >= 2 and states[0] == "open"
    assert states.count("open") > 0.9 * len(states)
    lifts = {life.breath(t / 10) for t in range(50)}
    assert lifts == {0, 2}
