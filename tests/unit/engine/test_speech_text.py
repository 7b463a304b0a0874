"""TTS text splitting, voice aliases and viseme timing (no models loaded)."""

from __future__ import annotations

import struct
from itertools import pairwise

import numpy as np
import pytest

from voicecart.engine import tts
from voicecart.engine.interfaces import Viseme
from voicecart.engine.tts import ALIASES, VOICE_NAME, resolve_voice, split_text
from voicecart.engine.visemes import (
    PHONEME_VISEMES,
    envelope_visemes,
    join,
    phoneme_units,
    phoneme_visemes,
    voiced_span,
)

pytestmark = pytest.mark.unit


# ------------------------------------------------------------------------------ splitting


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("Hi", ["Hi"]),
        (
            "Your total is $44.99. Shall I charge the card ending 4827 1930? Great!",
            ["Your total is $44.99. ", "Shall I charge the card ending 4827 1930? ", "Great!"],
        ),
        ("Okay... Sure!! Yes.\nNext line", ["Okay... ", "Sure!! ", "Yes.\n", "Next line"]),
        ("Hello Mr. Smith. Dr. Who is in.", ["Hello Mr. Smith. ", "Dr. Who is in."]),
        ("Order No. 5 shipped. It costs $1,299.50 total.", None),
        ("See e.g. Nike shoes. J. R. R. Tolkien wrote it.", None),
        ("Pens, paper, etc. and more. Done.", ["Pens, paper, etc. and more. ", "Done."]),
        ("  Leading space. ", ["  Leading space. "]),
        ('"Quoted." Then more.', ['"Quoted." ', "Then more."]),
    ],
)
def test_sentences(text: str, pieces: list[str] | None) -> None:
    result = split_text(text)
    assert "".join(result) == text
    if pieces is None:  # must stay one piece per sentence, no cut after the abbreviation
        assert len(result) == 2
    else:
        assert result == pieces


def test_long_sentences_are_cut_at_clauses_keeping_numbers_whole() -> None:
    text = (
        "Hello Mr. Smith, we have the Nike Pegasus in size 10 for $1,299.50, the Adidas "
        "Ultraboost at $44.99, the Brooks Ghost, and the Hoka Clifton; all of them ship free "
        "within 3 days to card holder 4827 1930 at 10 Main St. in Seattle."
    )
    pieces = split_text(text, max_chars=80, min_chars=20)
    assert "".join(pieces) == text
    assert len(pieces) >= 3
    for piece in pieces:
        assert len(piece.strip()) >= 20
        assert len(piece.strip()) <= 160
    for whole in ("$1,299.50", "$44.99", "4827 1930", "Mr. Smith", "St. in"):
        assert sum(whole in p for p in pieces) == 1, whole
    assert pieces[0].rstrip().endswith(",")


def test_unpunctuated_run_on_is_hard_split_but_not_inside_digit_groups() -> None:
    text = "word " * 60 + "1234 5678 9012 3456 " + "word " * 20 + "end"
    pieces = split_text(text, max_chars=80)
    assert "".join(pieces) == text
    assert all(len(p) <= 2 * 80 + 20 for p in pieces)
    assert sum("1234 5678 9012 3456" in p for p in pieces) == 1


@pytest.mark.parametrize("text", ["", "   ", "...", "?!", "\n\n"])
def test_nothing_to_say(text: str) -> None:
    assert split_text(text) == []


def test_punctuation_only_pieces_join_a_neighbour() -> None:
    assert split_text("Yes. ... No.") == ["Yes. ... ", "No."]
    assert split_text("... Yes.") == ["... Yes."]


# ------------------------------------------------------------------------------ voices


def test_every_voice_name_maps_to_the_local_voice() -> None:
    assert resolve_voice(None) == VOICE_NAME
    for name in (
        VOICE_NAME,
        "alloy",
        "shimmer",
        "en-US-AvaNeural",
        "en-US-Ava:DragonHDLatestNeural",
    ):
        assert resolve_voice(name) == VOICE_NAME
    assert resolve_voice("de-DE-KatjaNeural") == VOICE_NAME  # unknown: still accepted
    assert "alloy" in ALIASES and "en-US-AvaNeural" in ALIASES
    assert VOICE_NAME not in ALIASES


# ------------------------------------------------------------------------------ visemes


def test_phoneme_table_covers_all_azure_ids() -> None:
    assert set(PHONEME_VISEMES.values()) == set(range(1, 22))


def test_phoneme_units() -> None:
    # "buy" -> b ˈa ɪ : the stress mark goes, the diphthong merges into one 'aɪ' (11)
    assert [v for v, _ in phoneme_units(["b", "ˈ", "a", "ɪ"])] == [21, 11]
    # the length mark lengthens the vowel before it
    assert phoneme_units(["u", "ː"])[0][1] > phoneme_units(["u"])[0][1]
    # a comma is a pause (silence), spaces and the final period are not units
    units = phoneme_units(["h", "ə", ",", " ", "t", "ʃ", "i", "."])
    assert [v for v, _ in units] == [12, 1, 0, 16, 6]


def _voiced(rate: int, lead_ms: int, voiced_ms: int, tail_ms: int) -> bytes:
    n = rate * voiced_ms // 1000
    t = np.arange(n) / rate
    x = 0.3 * np.sin(2 * np.pi * 150 * t) * (0.6 + 0.4 * np.sin(2 * np.pi * 3 * t))
    full = np.concatenate([np.zeros(rate * lead_ms // 1000), x, np.zeros(rate * tail_ms // 1000)])
    return bytes(np.rint(full * 32767).astype("<i2").tobytes())


def _check_well_formed(visemes: list[Viseme], duration_ms: float) -> None:
    assert visemes, "no visemes"
    assert visemes[0].offset_ms == 0
    offsets = [v.offset_ms for v in visemes]
    assert offsets == sorted(set(offsets))
    assert offsets[-1] < duration_ms
    assert all(0 <= v.viseme_id <= 21 for v in visemes)
    assert all(a.viseme_id != b.viseme_id for a, b in pairwise(visemes))


def test_phoneme_visemes_span_the_voiced_part() -> None:
    rate = 22050
    audio = _voiced(rate, 200, 1000, 300)
    start, end = voiced_span(audio, rate)
    assert start == pytest.approx(200, abs=15) and end == pytest.approx(1200, abs=15)
    phonemes = ["h", "ə", "l", "ˈ", "o", "ʊ", " ", "w", "ˈ", "ɜ", "ː", "l", "d", "."]
    visemes = phoneme_visemes(phonemes, audio, rate)
    _check_well_formed(visemes, 1500)
    assert visemes[0].viseme_id == 0 and visemes[1].offset_ms == pytest.approx(200, abs=15)
    assert visemes[-1].viseme_id == 0 and visemes[-1].offset_ms == pytest.approx(1200, abs=15)
    spoken = [v.viseme_id for v in visemes[1:-1]]
    assert spoken == [12, 1, 14, 8, 7, 5, 14, 19]  # h ə l oʊ w ɜː l d


def test_envelope_visemes() -> None:
    rate = 16000
    assert envelope_visemes(b"", rate) == []
    assert envelope_visemes(bytes(rate * 2), rate) == [Viseme(0, 0)]
    audio = _voiced(rate, 300, 1000, 300)
    visemes = envelope_visemes(audio, rate, frame_ms=40)
    _check_well_formed(visemes, 1600)
    assert visemes[1].offset_ms == pytest.approx(300, abs=40)
    assert {2, 1} & {v.viseme_id for v in visemes}
    # fricative-like noise reads as s/z
    rng = np.random.default_rng(0)
    hiss = np.concatenate([0.5 * rng.uniform(-1, 1, rate // 2), 0.05 * rng.uniform(-1, 1, rate)])
    ids = {
        v.viseme_id for v in envelope_visemes(np.rint(hiss * 32767).astype("<i2").tobytes(), rate)
    }
    assert 15 in ids


def test_join_offsets_and_merges_pieces() -> None:
    a = [Viseme(0, 0), Viseme(50, 21), Viseme(400, 0)]
    b = [Viseme(0, 0), Viseme(30, 6)]
    assert join([(0, a), (500, b)], 1000) == [
        Viseme(0, 0),
        Viseme(50, 21),
        Viseme(400, 0),
        Viseme(530, 6),
    ]
    assert join([(0, a)], 300) == [Viseme(0, 0), Viseme(50, 21)]  # past the end: dropped


# ------------------------------------------------------------------------------ WAV parsing


def _wav(pcm: bytes, rate: int, *, streamed: bool) -> bytes:
    size = 0xFFFFFFFF if streamed else len(pcm)
    fmt = struct.pack("<HHIIHH", 1, 1, rate, rate * 2, 2, 16)
    return (
        b"RIFF" + struct.pack("<I", size) + b"WAVE" + b"fmt " + struct.pack("<I", 16) + fmt
        + b"data" + struct.pack("<I", size) + pcm
    )  # fmt: skip


@pytest.mark.parametrize("streamed", [False, True])
def test_parse_wav(streamed: bool) -> None:
    pcm = np.arange(100, dtype="<i2").tobytes()
    assert tts._parse_wav(_wav(pcm, 22050, streamed=streamed)) == (pcm, 22050)
    with pytest.raises(ValueError):
        tts._parse_wav(b"not a wav")
