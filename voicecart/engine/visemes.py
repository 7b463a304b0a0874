"""Mouth shapes for synthesized speech: Azure's 22 viseme ids (0–21).

Two ways to get them:

* :func:`phoneme_visemes` — from the IPA phonemes the TTS spoke (piper/espeak-ng output, one
  code point per item). Each phoneme maps to a viseme via :data:`PHONEME_VISEMES` (the Azure
  en-US table); diphthongs and affricates written as two code points are merged first. piper
  gives no per-phoneme timing for this voice, so durations are estimated: every phoneme gets a
  weight (vowels > consonants, length mark ``ː`` adds, pauses for ``,`` ``;`` etc.), and the
  voiced span of the audio (found from the amplitude envelope, so leading/trailing silence
  stays viseme 0) is divided in proportion to the weights.
* :func:`envelope_visemes` — from the audio alone: per frame loudness picks how open the mouth
  is and a high zero-crossing rate marks fricatives. Cruder, but works for any audio.

Both return :class:`~voicecart.engine.interfaces.Viseme` lists with strictly increasing
``offset_ms``, starting at 0, all ``< duration``, with no two neighbours sharing an id.

Azure en-US viseme ids::

    0 silence        1 æ ə ʌ        2 ɑ            3 ɔ            4 ɛ ʊ (eɪ)
    5 ɝ ɚ            6 j i ɪ        7 w u          8 o (oʊ)       9 aʊ
    10 ɔɪ            11 aɪ          12 h           13 ɹ           14 l
    15 s z           16 ʃ tʃ dʒ ʒ   17 ð           18 f v         19 d t n θ
    20 k g ŋ         21 p b m
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

import numpy as np

from voicecart.engine.audio import pcm16_to_array
from voicecart.engine.interfaces import Viseme

SILENCE: Final = 0

PHONEME_VISEMES: Final[dict[str, int]] = {
    # vowels
    "æ": 1, "ə": 1, "ʌ": 1, "ɐ": 1, "a": 2, "ɑ": 2, "ɒ": 3, "ɔ": 3,
    "ɛ": 4, "e": 4, "ʊ": 4, "ɚ": 5, "ɝ": 5, "ɜ": 5, "i": 6, "ɪ": 6, "ᵻ": 6, "ɨ": 6,
    "y": 6, "u": 7, "ʉ": 7, "o": 8, "ɵ": 8, "ø": 4, "œ": 4,
    # diphthongs / affricates (after merging two code points)
    "aʊ": 9, "ɔɪ": 10, "aɪ": 11, "eɪ": 4, "oʊ": 8, "əʊ": 8, "tʃ": 16, "dʒ": 16,
    # consonants
    "j": 6, "w": 7, "ʍ": 7, "h": 12, "ç": 12, "ɦ": 12, "ɹ": 13, "r": 13, "ɾ": 19, "ɻ": 13,
    "l": 14, "ɫ": 14, "ɬ": 14, "s": 15, "z": 15, "ʃ": 16, "ʒ": 16, "ð": 17, "θ": 19,
    "f": 18, "v": 18, "d": 19, "t": 19, "n": 19, "ɲ": 19, "k": 20, "g": 20, "ɡ": 20,
    "ŋ": 20, "x": 20, "ʔ": 20, "p": 21, "b": 21, "m": 21, "ɱ": 21,
}  # fmt: skip

_MERGE: Final = frozenset({"aʊ", "ɔɪ", "aɪ", "eɪ", "oʊ", "əʊ", "tʃ", "dʒ"})
_VOWEL_VISEMES: Final = frozenset({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
_SKIP: Final = frozenset({"ˈ", "ˌ", "ˑ", "ʰ", "ʲ", "̩", "̃", "̪", "̯", "̧", "˞", "ˤ", "^", "_", "$"})
_LENGTH: Final = "ː"
_PAUSES: Final[dict[str, float]] = {",": 1.5, ";": 2.0, ":": 2.0, "—": 2.0, "-": 0.5}
_ENDS: Final = frozenset({".", "!", "?", "…", '"', "'", "(", ")"})

# Relative durations used to spread phonemes over the audio.
_W_VOWEL: Final = 1.0
_W_DIPHTHONG: Final = 1.6
_W_CONSONANT: Final = 0.65
_W_LONG: Final = 0.6


def phoneme_units(phonemes: Iterable[str]) -> list[tuple[int, float]]:
    """(viseme id, relative duration) for each spoken unit of an IPA phoneme sequence.

    Stress marks and spaces are dropped, the length mark lengthens the unit before it, clause
    punctuation becomes a pause (viseme 0), sentence-final punctuation is ignored (the
    trailing silence in the audio covers it). Unknown symbols count as a neutral ``ə``.
    """
    items = [p for p in phonemes if p not in _SKIP]
    units: list[tuple[int, float]] = []
    i = 0
    while i < len(items):
        p = items[i]
        nxt = items[i + 1] if i + 1 < len(items) else ""
        if p + nxt in _MERGE:
            vis = PHONEME_VISEMES[p + nxt]
            units.append((vis, _W_DIPHTHONG if vis in _VOWEL_VISEMES else _W_CONSONANT * 1.3))
            i += 2
            continue
        i += 1
        if p == _LENGTH:
            if units:
                vis, w = units[-1]
                units[-1] = (vis, w + _W_LONG)
            continue
        if p.isspace() or p in _ENDS:
            continue
        if p in _PAUSES:
            units.append((SILENCE, _PAUSES[p]))
            continue
        mapped = PHONEME_VISEMES.get(p)
        if mapped is None and not p.isalpha():
            continue
        vis = 1 if mapped is None else mapped
        units.append((vis, _W_VOWEL if vis in _VOWEL_VISEMES else _W_CONSONANT))
    return units


def _frame_rms(samples: np.ndarray, frame: int) -> np.ndarray:
    n = samples.size // frame
    if n == 0:
        return np.zeros(0)
    x = samples[: n * frame].astype(np.float64).reshape(n, frame)
    rms: np.ndarray = np.sqrt(np.mean(x * x, axis=1))
    return rms


def voiced_span(
    pcm16: bytes, rate: int, *, frame_ms: int = 10, floor_db: float = -30.0
) -> tuple[float, float]:
    """(start_ms, end_ms) of the part of ``pcm16`` louder than ``floor_db`` below its peak frame.

    Returns (0, duration) when nothing stands out (e.g. all silence or constant noise).
    """
    samples = pcm16_to_array(pcm16)
    duration = samples.size * 1000.0 / rate if rate > 0 else 0.0
    frame = max(1, rate * frame_ms // 1000)
    rms = _frame_rms(samples, frame)
    if rms.size == 0 or float(rms.max()) <= 0.0:
        return 0.0, duration
    loud = np.nonzero(rms >= float(rms.max()) * 10 ** (floor_db / 20.0))[0]
    start = float(loud[0]) * frame_ms
    end = min(duration, float(loud[-1] + 1) * frame_ms)
    return start, end


def _compact(visemes: Iterable[tuple[float, int]], duration_ms: float) -> list[Viseme]:
    """Round offsets to ms, drop ones at/after the end or not after the previous, merge repeats."""
    out: list[Viseme] = []
    for offset, vid in visemes:
        ms = round(offset)
        if ms >= duration_ms or ms < 0:
            continue
        if out and ms <= out[-1].offset_ms:
            # Same millisecond: the later shape wins.
            out[-1] = Viseme(offset_ms=out[-1].offset_ms, viseme_id=vid)
            if len(out) > 1 and out[-2].viseme_id == vid:
                out.pop()
            continue
        if out and out[-1].viseme_id == vid:
            continue
        out.append(Viseme(offset_ms=ms, viseme_id=vid))
    if out and out[0].offset_ms != 0:
        out.insert(0, Viseme(offset_ms=0, viseme_id=SILENCE))
        if out[1].viseme_id == SILENCE:
            out.pop(1)
    return out


def phoneme_visemes(phonemes: Sequence[str], pcm16: bytes, rate: int) -> list[Viseme]:
    """Visemes for audio ``pcm16`` at ``rate`` that speaks ``phonemes`` (IPA code points).

    Falls back to :func:`envelope_visemes` when no phoneme maps to a viseme.
    """
    units = phoneme_units(phonemes)
    n_samples = len(pcm16) // 2
    duration = n_samples * 1000.0 / rate if rate > 0 else 0.0
    if duration <= 0:
        return []
    if not units:
        return envelope_visemes(pcm16, rate)
    start, end = voiced_span(pcm16, rate)
    if end - start < 20.0:
        start, end = 0.0, duration
    total = sum(w for _, w in units)
    timeline: list[tuple[float, int]] = [(0.0, SILENCE)]
    t = start
    for vid, w in units:
        timeline.append((t, vid))
        t += (end - start) * w / total
    timeline.append((end, SILENCE))
    return _compact(timeline, duration)


def envelope_visemes(
    pcm16: bytes, rate: int, frame_ms: int = 40, *, silence_dbfs: float = -45.0
) -> list[Viseme]:
    """Visemes from the amplitude envelope alone (no phonemes needed).

    Per ``frame_ms`` frame: below ``silence_dbfs`` (or 35 dB under the loudest frame) -> 0
    (silence); a high zero-crossing rate with moderate energy -> 15 (s/z, fricative); otherwise
    the level relative to the loudest frame picks closed-ish 21 (p/b/m), half-open 19 (d/t/n),
    open 1 (ə) or wide open 2 (ɑ).
    """
    samples = pcm16_to_array(pcm16)
    if rate <= 0 or samples.size == 0:
        return []
    duration = samples.size * 1000.0 / rate
    frame = max(1, rate * frame_ms // 1000)
    n = samples.size // frame
    timeline: list[tuple[float, int]] = [(0.0, SILENCE)]
    if n == 0:
        return _compact(timeline, duration)
    x = samples[: n * frame].astype(np.float64).reshape(n, frame)
    rms = np.sqrt(np.mean(x * x, axis=1))
    db = 20.0 * np.log10(np.maximum(rms, 1e-9) / 32768.0)
    peak = float(db.max())
    signs = np.signbit(x)
    zcr = np.mean(signs[:, 1:] != signs[:, :-1], axis=1)  # crossings per sample
    for k in range(n):
        level = float(db[k])
        if level < silence_dbfs or level < peak - 35.0:
            vid = SILENCE
        elif float(zcr[k]) > 0.25 and level < peak - 6.0:
            vid = 15
        else:
            rel = level - peak
            vid = 2 if rel > -6.0 else 1 if rel > -12.0 else 19 if rel > -20.0 else 21
        timeline.append((k * float(frame_ms), vid))
    return _compact(timeline, duration)


def join(parts: Iterable[tuple[int, Sequence[Viseme]]], duration_ms: float) -> list[Viseme]:
    """Concatenate per-piece viseme lists: ``parts`` are (piece start ms, piece visemes)."""
    timeline = [(float(v.offset_ms + start), v.viseme_id) for start, vs in parts for v in vs]
    return _compact(timeline, duration_ms)
