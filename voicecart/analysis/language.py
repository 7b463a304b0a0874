"""The language a shopper spoke, from their own turns, for calls that did not record one.

``py3langid`` (a naive Bayes classifier over byte n-grams, its model shipped in the
wheel) is restricted to the languages a shop like ours may hear, with normalised
probabilities. Short replies ("yes", "ok", "12 Pine Street") carry too little text to
tell languages apart, so a call keeps the default ``en`` unless its shopper said
enough and the classifier is confident.

The model takes about a second to load, so it is loaded once, lazily, under a lock
(callers in an event loop load it in a thread: see ``transcript.load_transcript``);
classifying one call then takes well under a millisecond.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Sequence
from typing import Final, Protocol, cast

DEFAULT_LANGUAGE: Final = "en"
LANGUAGES: Final = (
    "en", "es", "fr", "de", "it", "pt", "nl", "pl", "sv", "da", "no", "fi",
    "ja", "zh", "ko", "ar", "hi", "ru", "tr", "uk", "cs", "el", "he", "ro",
    "hu", "vi", "th", "id",
)  # fmt: skip
MIN_LETTERS: Final = 20  # below this much text the call keeps the default
MIN_CONFIDENCE: Final = 0.8  # normalised probability of the best language
MAX_CHARS: Final = 4000  # enough to decide; bounds the work on very long calls
DENSE_SCRIPT_WEIGHT: Final = 3  # a CJK character says about as much as three Latin letters


class _Identifier(Protocol):
    def classify(self, text: str) -> tuple[str, float]: ...


_lock = threading.Lock()
_identifier: _Identifier | None = None


def identifier() -> _Identifier:
    """The classifier, loaded on first use (thread-safe; later calls return at once)."""
    global _identifier
    loaded = _identifier
    if loaded is not None:
        return loaded
    with _lock:
        if _identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            model.set_languages(list(LANGUAGES))
            _identifier = cast(_Identifier, model)
        return _identifier


def is_loaded() -> bool:
    return _identifier is not None


def _letter_weight(text: str) -> int:
    """How much language-bearing text ``text`` holds: letters, dense scripts counted more."""
    weight = 0
    for ch in text:
        if not ch.isalpha():
            continue
        dense = ch >= "\u2e80" and unicodedata.category(ch) == "Lo"  # CJK, kana, Hangul
        weight += DENSE_SCRIPT_WEIGHT if dense else 1
    return weight


def detect_language(
    texts: Sequence[str],
    *,
    default: str = DEFAULT_LANGUAGE,
    min_confidence: float = MIN_CONFIDENCE,
) -> str:
    """The ISO 639-1 code of the language of ``texts`` (the shopper's turns), or ``default``.

    ``default`` is returned when there is too little text or no language is at least
    ``min_confidence`` likely.
    """
    text = "\n".join(t.strip() for t in texts if t.strip())[:MAX_CHARS]
    if _letter_weight(text) < MIN_LETTERS:
        return default
    language, confidence = identifier().classify(text)
    return language if confidence >= min_confidence else default


__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "detect_language", "identifier", "is_loaded"]
